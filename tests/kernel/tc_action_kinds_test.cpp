// The action kinds beyond gact, mirred and police against the kernel, each
// test in a fresh namespace: each kind's actions made through nlpp's typed
// structs, read back through nlpp (with what the kernel fills in) and
// through `tc -j actions ls`; a u32 filter holding one action of each kind;
// the kernel's refusals. The build machines' kernel has none of these
// modules: each test skips there (the kernel refuses the kind with ENOENT)
// and runs in the QEMU guest (tests/vm/must_run.txt).
#include <nlpp/rtnl/tc_action.hpp>
#include <nlpp/rtnl/tc_filter.hpp>

#include "kernel/route_fixture.hpp"
#include "support/iproute2.hpp"
#include "support/tc_action_listing.hpp"

#include <gtest/gtest.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/tc_act/tc_csum.h>
#include <linux/tc_act/tc_ct.h>
#include <linux/tc_act/tc_skbedit.h>

#include <cerrno>
#include <cstddef>
#include <string>
#include <vector>

namespace nlpp::rtnl {
namespace {

using namespace nlpp::literals;
using test::kernel_error;

TcAction made(std::string kind, uint32_t index, tc::ActionOptions options,
              std::optional<tc::Control> control = std::nullopt) {
  return TcAction{
      .action = {.kind = std::move(kind), .index = index, .control = control, .options = std::move(options)}};
}

std::vector<std::byte> bytes(std::initializer_list<int> values, size_t size = 0) {
  std::vector<std::byte> out;
  for (int value : values) out.push_back(static_cast<std::byte>(value));
  if (out.size() < size) out.resize(size);
  return out;
}

class TcActionKinds : public test::RoutingTest {
 protected:
  // Adds the actions; false (the test to skip) when the kernel has no
  // module for their kind.
  bool add_or_skip(std::initializer_list<TcAction> actions) {
    for (const TcAction& action : actions) {
      Result<io::Ack> added = ip_route().add(action);
      if (!added && (added.error().code() == kernel_error(ENOENT) || added.error().code() == kernel_error(EOPNOTSUPP)))
        return false;
      EXPECT_TRUE(added) << action.action.kind << ": " << added.error().describe();
    }
    return true;
  }

  // The kind's table through nlpp: each action's options, control and index.
  std::vector<TcAction> listed(const std::string& kind) {
    Result<std::vector<TcAction>> actions = ip_route().dump<TcAction>({.kind = kind});
    EXPECT_TRUE(actions) << actions.error().describe();
    return actions.value_or(std::vector<TcAction>{});
  }

  nlohmann::json tc_listed(std::string_view kind) { return test::tc_actions_listed(ns_name(), kind); }
};

constexpr std::string_view no_module = "this kernel has no module for the action kind";

TEST_F(TcActionKinds, skbedit_actions_read_back_through_nlpp_and_tc) {
  const tc::Skbedit everything{.priority = TcHandle(1, 0x10),
                               .queue_mapping = 2,
                               .mark = 0x10,
                               .mask = 0xff,
                               .ptype = PACKET_HOST,
                               .flags = SKBEDIT_F_INHERITDSFIELD};
  if (!add_or_skip({made("skbedit", 1, everything), made("skbedit", 2, tc::Skbedit{.mark = 5}, tc::Control::pass())}))
    GTEST_SKIP() << no_module;
  const std::vector<TcAction> actions = listed("skbedit");
  ASSERT_EQ(actions.size(), 2u);
  EXPECT_EQ(actions[0].action.options, tc::ActionOptions{everything});
  EXPECT_EQ(actions[0].action.control, tc::Control::pipe());
  EXPECT_EQ(actions[1].action.options, (tc::ActionOptions{tc::Skbedit{.mark = 5}}));
  EXPECT_EQ(actions[1].action.control, tc::Control::pass());

  const nlohmann::json shown = tc_listed("skbedit");
  ASSERT_EQ(shown.size(), 2u) << shown.dump();
  EXPECT_EQ(shown[0]["priority"], "1:10");
  EXPECT_EQ(shown[0]["queue_mapping"], 2);
  EXPECT_EQ(shown[0]["mark"], 16);
  EXPECT_EQ(shown[0]["mask"], "ff");
  EXPECT_EQ(shown[0]["ptype"], "host");
  EXPECT_TRUE(shown[0].contains("inheritdsfield"));
  EXPECT_EQ(shown[1]["control_action"]["type"], "pass");
}

TEST_F(TcActionKinds, vlan_actions_read_back_with_what_the_kernel_fills_in) {
  using Operation = tc::Vlan::Operation;
  if (!add_or_skip(
          {made("vlan", 1, tc::Vlan{.operation = Operation::pop}),
           made("vlan", 2, tc::Vlan{.operation = Operation::push, .id = 100, .protocol = ETH_P_8021AD, .priority = 3}),
           made("vlan", 3, tc::Vlan{.operation = Operation::modify, .id = 200}, tc::Control::pass()),
           made("vlan", 4,
                tc::Vlan{.operation = Operation::push_eth,
                         .destination = "02:00:00:00:00:01"_mac,
                         .source = "02:00:00:00:00:02"_mac})}))
    GTEST_SKIP() << no_module;
  const std::vector<TcAction> actions = listed("vlan");
  ASSERT_EQ(actions.size(), 4u);
  EXPECT_EQ(actions[0].action.options, (tc::ActionOptions{tc::Vlan{.operation = Operation::pop}}));
  EXPECT_EQ(
      actions[1].action.options,
      (tc::ActionOptions{tc::Vlan{.operation = Operation::push, .id = 100, .protocol = ETH_P_8021AD, .priority = 3}}));
  // The kernel reports a modify's protocol, 802.1Q when none was given.
  EXPECT_EQ(actions[2].action.options,
            (tc::ActionOptions{tc::Vlan{.operation = Operation::modify, .id = 200, .protocol = ETH_P_8021Q}}));
  EXPECT_EQ(std::get<tc::Vlan>(actions[3].action.options).source, "02:00:00:00:00:02"_mac);

  const nlohmann::json shown = tc_listed("vlan");
  ASSERT_EQ(shown.size(), 4u) << shown.dump();
  EXPECT_EQ(shown[0]["vlan_action"], "pop");
  EXPECT_EQ(shown[1]["vlan_action"], "push");
  EXPECT_EQ(shown[1]["id"], 100);
  EXPECT_EQ(shown[1]["protocol"], "802.1ad");
  EXPECT_EQ(shown[1]["priority"], 3);
  EXPECT_EQ(shown[2]["protocol"], "802.1Q");
  EXPECT_EQ(shown[3]["dst_mac"], "02:00:00:00:00:01");
}

TEST_F(TcActionKinds, csum_connmark_and_sample_actions_read_back_through_nlpp_and_tc) {
  const tc::Csum csum{.update_flags = TCA_CSUM_UPDATE_FLAG_IPV4HDR | TCA_CSUM_UPDATE_FLAG_TCP};
  if (!add_or_skip({made("csum", 1, csum)})) GTEST_SKIP() << no_module;
  if (!add_or_skip({made("connmark", 5, tc::Connmark{.zone = 5}, tc::Control::pass())})) GTEST_SKIP() << no_module;
  if (!add_or_skip({made("sample", 3, tc::Sample{.rate = 100, .group = 5}),
                    made("sample", 4, tc::Sample{.rate = 10, .group = 2, .trunc_size = 128}, tc::Control::pass())}))
    GTEST_SKIP() << no_module;

  const std::vector<TcAction> checksums = listed("csum");
  ASSERT_EQ(checksums.size(), 1u);
  EXPECT_EQ(checksums[0].action.options, tc::ActionOptions{csum});
  EXPECT_EQ(checksums[0].action.control, tc::Control::pass());  // csum's default
  EXPECT_EQ(tc_listed("csum")[0]["csum"], "iph, tcp");

  const std::vector<TcAction> marks = listed("connmark");
  ASSERT_EQ(marks.size(), 1u);
  EXPECT_EQ(marks[0].action.index, 5u);
  EXPECT_EQ(marks[0].action.options, (tc::ActionOptions{tc::Connmark{.zone = 5}}));
  EXPECT_EQ(tc_listed("connmark")[0]["zone"], 5);

  const std::vector<TcAction> samples = listed("sample");
  ASSERT_EQ(samples.size(), 2u);
  EXPECT_EQ(samples[0].action.options, (tc::ActionOptions{tc::Sample{.rate = 100, .group = 5}}));
  EXPECT_EQ(samples[1].action.options, (tc::ActionOptions{tc::Sample{.rate = 10, .group = 2, .trunc_size = 128}}));
  const nlohmann::json shown = tc_listed("sample");
  ASSERT_EQ(shown.size(), 2u) << shown.dump();
  EXPECT_EQ(shown[0]["rate"], 100);
  EXPECT_EQ(shown[1]["trunc_size"], 128);
}

TEST_F(TcActionKinds, nat_actions_read_back_with_their_prefix) {
  if (!add_or_skip(
          {made("nat", 1, tc::Nat{.old_prefix = "10.0.0.0/8"_prefix, .new_address = "192.168.1.1"_ip}),
           made("nat", 2, tc::Nat{.egress = true, .old_prefix = "192.168.1.5/32"_prefix, .new_address = "10.1.1.1"_ip},
                tc::Control::pipe())}))
    GTEST_SKIP() << no_module;
  const std::vector<TcAction> actions = listed("nat");
  ASSERT_EQ(actions.size(), 2u);
  EXPECT_EQ(actions[0].action.options,
            (tc::ActionOptions{tc::Nat{.old_prefix = "10.0.0.0/8"_prefix, .new_address = "192.168.1.1"_ip}}));
  EXPECT_EQ(actions[0].action.control, tc::Control::pass());
  EXPECT_TRUE(std::get<tc::Nat>(actions[1].action.options).egress);

  const nlohmann::json shown = tc_listed("nat");
  ASSERT_EQ(shown.size(), 2u) << shown.dump();
  EXPECT_EQ(shown[0]["type"], "nat");  // tc names nat's kind "type"
  EXPECT_EQ(shown[0]["direction"], "ingress");
  EXPECT_EQ(shown[0]["old_addr"], "10.0.0.0/32");  // tc's length of the mask it reads in the wrong order
  EXPECT_EQ(shown[0]["new_addr"], "192.168.1.1");
  EXPECT_EQ(shown[1]["direction"], "egress");
}

TEST_F(TcActionKinds, tunnel_key_actions_read_back_through_nlpp_and_tc) {
  const tc::TunnelKey set{.source = "10.0.0.1"_ip,
                          .destination = "10.0.0.2"_ip,
                          .key_id = 42,
                          .dst_port = 4789,
                          .tos = 0x10,
                          .ttl = 64,
                          .checksum = false};
  const tc::TunnelKey set6{.source = "2001:db8::1"_ip, .destination = "2001:db8::2"_ip, .key_id = 7};
  if (!add_or_skip({made("tunnel_key", 1, tc::TunnelKey{.operation = tc::TunnelKey::Operation::unset}),
                    made("tunnel_key", 2, set), made("tunnel_key", 3, set6)}))
    GTEST_SKIP() << no_module;
  const std::vector<TcAction> actions = listed("tunnel_key");
  ASSERT_EQ(actions.size(), 3u);
  EXPECT_EQ(std::get<tc::TunnelKey>(actions[0].action.options).operation, tc::TunnelKey::Operation::unset);
  EXPECT_EQ(actions[1].action.options, tc::ActionOptions{set});
  EXPECT_EQ(actions[2].action.options, tc::ActionOptions{set6});

  const nlohmann::json shown = tc_listed("tunnel_key");
  ASSERT_EQ(shown.size(), 3u) << shown.dump();
  EXPECT_EQ(shown[0]["mode"], "unset");
  EXPECT_EQ(shown[1]["src_ip"], "10.0.0.1");
  EXPECT_EQ(shown[1]["key_id"], 42);
  EXPECT_EQ(shown[1]["dst_port"], 4789);
  EXPECT_EQ(shown[1]["flag"], "nocsum");
  EXPECT_EQ(shown[1]["tos"], 16);
  EXPECT_EQ(shown[1]["ttl"], 64);
  EXPECT_EQ(shown[2]["dst_ip"], "2001:db8::2");
  EXPECT_EQ(shown[2]["flag"], "csum");
}

TEST_F(TcActionKinds, ct_actions_read_back_with_what_the_kernel_fills_in) {
  if (!add_or_skip({made("ct", 1, tc::Ct{}),
                    made("ct", 2,
                         tc::Ct{.ct_action = TCA_CT_ACT_COMMIT,
                                .zone = 3,
                                .mark = 0x20,
                                .mark_mask = 0xff,
                                .labels = bytes({0x01, 0x02}),
                                .labels_mask = bytes({0xff, 0x0f})}),
                    made("ct", 3, tc::Ct{.ct_action = TCA_CT_ACT_CLEAR}),
                    made("ct", 4,
                         tc::Ct{.ct_action = TCA_CT_ACT_COMMIT | TCA_CT_ACT_NAT | TCA_CT_ACT_NAT_SRC,
                                .nat_min = "10.0.0.1"_ip,
                                .nat_max = "10.0.0.10"_ip,
                                .nat_port_min = 1000,
                                .nat_port_max = 2000})}))
    GTEST_SKIP() << no_module;
  const std::vector<TcAction> actions = listed("ct");
  ASSERT_EQ(actions.size(), 4u);
  // The kernel reports the zone always, the labels whole.
  EXPECT_EQ(actions[0].action.options, (tc::ActionOptions{tc::Ct{.zone = 0}}));
  EXPECT_EQ(actions[1].action.options, (tc::ActionOptions{tc::Ct{.ct_action = TCA_CT_ACT_COMMIT,
                                                                 .zone = 3,
                                                                 .mark = 0x20,
                                                                 .mark_mask = 0xff,
                                                                 .labels = bytes({0x01, 0x02}, 16),
                                                                 .labels_mask = bytes({0xff, 0x0f}, 16)}}));
  EXPECT_EQ(std::get<tc::Ct>(actions[2].action.options).ct_action, TCA_CT_ACT_CLEAR);
  const auto& nat = std::get<tc::Ct>(actions[3].action.options);
  EXPECT_EQ(nat.ct_action, TCA_CT_ACT_COMMIT | TCA_CT_ACT_NAT | TCA_CT_ACT_NAT_SRC);
  EXPECT_EQ(nat.nat_min, "10.0.0.1"_ip);
  EXPECT_EQ(nat.nat_max, "10.0.0.10"_ip);
  EXPECT_EQ(nat.nat_port_min, 1000);
  EXPECT_EQ(nat.nat_port_max, 2000);

  const nlohmann::json shown = tc_listed("ct");
  ASSERT_EQ(shown.size(), 4u) << shown.dump();
  EXPECT_EQ(shown[1]["action"], "commit");
  EXPECT_EQ(shown[1]["mark"], 32);
  EXPECT_EQ(shown[1]["mark_mask"], "ff");
  EXPECT_EQ(shown[1]["zone"], 3);
  EXPECT_EQ(shown[1]["label"], "01020000000000000000000000000000/ff0f0000000000000000000000000000");
  EXPECT_EQ(shown[2]["action"], "clear");
  EXPECT_EQ(shown[3]["nat"], "src addr 10.0.0.1-10.0.0.10 port 1000-2000");
}

TEST_F(TcActionKinds, pedit_actions_read_back_key_by_key) {
  const tc::Pedit plain{
      .keys = {{.mask = 0, .value = 0x0a000001, .offset = 12}, {.mask = 0x00ffffff, .value = 0x0a000000, .offset = 8}}};
  const tc::Pedit extended{.extended = true,
                           .keys = {{.mask = 0x00ffffff,
                                     .value = 0x01000000,
                                     .offset = 8,
                                     .header = tc::PeditHeader::ip4,
                                     .command = tc::PeditCommand::add},
                                    {.mask = 0, .value = 0x02000000, .offset = 0, .header = tc::PeditHeader::eth}}};
  if (!add_or_skip({made("pedit", 1, plain), made("pedit", 2, extended, tc::Control::pipe())}))
    GTEST_SKIP() << no_module;
  const std::vector<TcAction> actions = listed("pedit");
  ASSERT_EQ(actions.size(), 2u);
  EXPECT_EQ(actions[0].action.options, tc::ActionOptions{plain});
  EXPECT_EQ(actions[0].action.control, tc::Control::pass());
  EXPECT_EQ(actions[1].action.options, tc::ActionOptions{extended});

  const nlohmann::json shown = tc_listed("pedit");
  ASSERT_EQ(shown.size(), 2u) << shown.dump();
  EXPECT_EQ(shown[0]["nkeys"], 2);
  EXPECT_EQ(shown[0]["keys"][0]["htype"], "network");
  EXPECT_EQ(shown[0]["keys"][0]["offset"], 12);
  EXPECT_EQ(shown[0]["keys"][0]["val"], "a000001");
  EXPECT_EQ(shown[1]["keys"][0]["htype"], "ipv4");
  EXPECT_EQ(shown[1]["keys"][0]["cmd"], "add");
  EXPECT_EQ(shown[1]["keys"][1]["htype"], "eth");
  EXPECT_EQ(shown[1]["keys"][1]["mask"], "0");
}

TEST_F(TcActionKinds, bpf_actions_with_classic_bytecode_read_back) {
  const tc::BpfAction accept{.classic = {{BPF_RET | BPF_K, 0, 0, 0xffffffff}}};
  if (!add_or_skip({made("bpf", 1, accept, tc::Control::drop())})) GTEST_SKIP() << no_module;
  const std::vector<TcAction> actions = listed("bpf");
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0].action.options, tc::ActionOptions{accept});
  EXPECT_EQ(actions[0].action.control, tc::Control::drop());

  const nlohmann::json shown = tc_listed("bpf");
  ASSERT_EQ(shown.size(), 1u) << shown.dump();
  EXPECT_EQ(shown[0]["bytecode"]["length"], 1);
  EXPECT_EQ(shown[0]["bytecode"]["insns"][0]["k"], 4294967295u);
  EXPECT_EQ(shown[0]["control_action"]["type"], "drop");
}

TEST_F(TcActionKinds, a_filter_holds_one_action_of_each_kind_in_order) {
  if (!add_or_skip({made("skbedit", 0, tc::Skbedit{.mark = 1})}))
    GTEST_SKIP() << no_module;  // the probe: a kind the host lacks
  ASSERT_TRUE(ip_route().del(TcAction{.action = {.kind = "skbedit", .index = 1}}));
  test::tc_run(ns_name(), "qdisc add dev veth0 ingress");
  const std::vector<tc::Action> actions{
      {.options = tc::Skbedit{.mark = 1}},
      {.options = tc::Vlan{.operation = tc::Vlan::Operation::push, .id = 5}},
      {.options = tc::Csum{.update_flags = TCA_CSUM_UPDATE_FLAG_IPV4HDR}},
      {.options = tc::Pedit{.extended = true,
                            .keys = {{.mask = 0x00ffffff,
                                      .value = 0x01000000,
                                      .offset = 8,
                                      .header = tc::PeditHeader::ip4,
                                      .command = tc::PeditCommand::add}}}},
      {.options = tc::TunnelKey{.operation = tc::TunnelKey::Operation::unset}},
      {.options = tc::Ct{.zone = 1}},
      {.options = tc::Connmark{}},
      {.options = tc::Nat{.old_prefix = "10.0.0.1/32"_prefix, .new_address = "10.0.0.2"_ip}},
      {.options = tc::Sample{.rate = 5, .group = 1}},
      {.options = tc::BpfAction{.classic = {{BPF_RET | BPF_K, 0, 0, 0}}}},
  };
  Result<io::Ack> added = ip_route().add(
      TcFilter{.ifindex = "veth0",
               .parent = TcHandle::clsact_ingress(),
               .priority = 1,
               .protocol = ETH_P_IP,
               .options = tc::U32{.selector = tc::U32Selector{.keys = {{.value = 0, .mask = 0}}}, .actions = actions}});
  ASSERT_TRUE(added) << added.error().describe();

  std::vector<tc::Action> held;
  for (const TcFilter& filter :
       ip_route().dump<TcFilter>({.ifindex = "veth0", .parent = TcHandle::clsact_ingress()}).value())
    if (const auto* u32 = std::get_if<tc::U32>(&filter.options); u32 && !u32->actions.empty()) held = u32->actions;
  ASSERT_EQ(held.size(), actions.size());
  for (size_t i = 0; i < actions.size(); ++i) {
    EXPECT_EQ(held[i].kind, actions[i].resolved_kind());
    EXPECT_EQ(held[i].bindcnt, 1u) << held[i].kind;
    EXPECT_EQ(held[i].control, actions[i].effective_control()) << held[i].kind;
  }
  EXPECT_EQ(held[0].options, actions[0].options);
  EXPECT_EQ(held[3].options, actions[3].options);
  EXPECT_EQ(held[7].options, actions[7].options);
  EXPECT_EQ(held[9].options, actions[9].options);

  const nlohmann::json shown = test::tc_json(ns_name(), "filter show dev veth0 ingress");
  std::vector<std::string> kinds;
  for (const nlohmann::json& filter : shown)
    if (filter.contains("options") && filter["options"].contains("actions"))
      for (const nlohmann::json& action : filter["options"]["actions"])
        kinds.push_back(action.value("kind", action.value("type", "")));
  EXPECT_EQ(kinds, (std::vector<std::string>{"skbedit", "vlan", "csum", "pedit", "tunnel_key", "ct", "connmark", "nat",
                                             "sample", "bpf"}));
}

TEST_F(TcActionKinds, the_kernels_refusals_are_errors) {
  if (!add_or_skip({made("vlan", 1, tc::Vlan{.operation = tc::Vlan::Operation::pop})})) GTEST_SKIP() << no_module;
  // An index taken.
  Result<io::Ack> again = ip_route().add(made("vlan", 1, tc::Vlan{.operation = tc::Vlan::Operation::pop_eth}));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), kernel_error(EEXIST)) << again.error().describe();
  // Checked before sending.
  Result<io::Ack> no_id = ip_route().add(made("vlan", 2, tc::Vlan{.operation = tc::Vlan::Operation::push}));
  ASSERT_FALSE(no_id);
  EXPECT_EQ(no_id.error().code(), make_error_code(errc::invalid_argument));
  EXPECT_EQ(listed("vlan").size(), 1u);
}

}  // namespace
}  // namespace nlpp::rtnl

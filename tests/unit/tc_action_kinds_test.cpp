// The action kinds beyond gact, mirred and police without a kernel, against
// what tc 6.1 sent and Linux answered (tests/data/golden/tc_action_add_*,
// tc_action_dump_*, tc_filter_matchall_actions: see the README there):
// tc's requests byte for byte from the typed structs, each kind's table as
// the kernel dumped it read into the structs and printed as tc printed it
// (the .json beside each, compared member by member in tc's order), a
// filter holding one action of each kind, round trips of what no golden
// holds, the text words, and each kind's checks before sending.
#include <nlpp/format/json.hpp>
#include <nlpp/format/table.hpp>
#include <nlpp/rtnl/tc_action.hpp>
#include <nlpp/rtnl/tc_filter.hpp>

#include "unit/golden.hpp"
#include "unit/golden_json.hpp"

#include <gtest/gtest.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/rtnetlink.h>
#include <linux/tc_act/tc_bpf.h>
#include <linux/tc_act/tc_csum.h>
#include <linux/tc_act/tc_ct.h>
#include <linux/tc_act/tc_skbedit.h>
#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

namespace nlpp::rtnl {
namespace {

using test::golden_bytes;
using namespace nlpp::literals;

TcAction made(std::string kind, uint32_t index, tc::ActionOptions options,
              std::optional<tc::Control> control = std::nullopt) {
  return TcAction{
      .action = {.kind = std::move(kind), .index = index, .control = control, .options = std::move(options)}};
}

// What tc's request reads back as: the control tc sent (the kind's default
// when the words gave none), entry 1.
TcAction as_sent(TcAction action) {
  action.action.control = action.action.effective_control();
  action.order = 1;
  return action;
}

std::vector<std::byte> bytes(std::initializer_list<int> values) {
  std::vector<std::byte> out;
  for (int value : values) out.push_back(static_cast<std::byte>(value));
  return out;
}

std::vector<TcAction> dumped(const std::string& kind) {
  const std::vector<std::byte> reply = golden_bytes("tc_action_dump_" + kind);
  Result<std::vector<TcAction>> actions = ObjectTraits<TcAction>::parse_all(wire::Message(reply));
  EXPECT_TRUE(actions) << kind << ": " << (actions ? "" : actions.error().describe());
  return actions.value_or(std::vector<TcAction>{});
}

const std::vector<Link> links{{.ifindex = 2, .name = "veth1"}, {.ifindex = 3, .name = "veth0"}};

TEST(TcActionKindsCodec, the_typed_structs_send_tcs_requests_byte_for_byte) {
  const auto expect = [](const std::string& name, const TcAction& sent) {
    SCOPED_TRACE(name);
    test::expect_request("tc_action_add_" + name, sent, as_sent(sent));
  };
  // tc actions add action skbedit priority 1:10 queue_mapping 2 mark 0x10/0xff ptype host inheritdsfield index 1
  expect("skbedit", made("skbedit", 1,
                         tc::Skbedit{.priority = TcHandle(1, 0x10),
                                     .queue_mapping = 2,
                                     .mark = 0x10,
                                     .mask = 0xff,
                                     .ptype = PACKET_HOST,
                                     .flags = SKBEDIT_F_INHERITDSFIELD}));
  // ... vlan push id 100 protocol 802.1ad priority 3 index 2
  expect("vlan_push",
         made("vlan", 2,
              tc::Vlan{.operation = tc::Vlan::Operation::push, .id = 100, .protocol = ETH_P_8021AD, .priority = 3}));
  // ... vlan push_eth dst_mac 02:00:00:00:00:01 src_mac 02:00:00:00:00:02 index 4
  expect("vlan_push_eth", made("vlan", 4,
                               tc::Vlan{.operation = tc::Vlan::Operation::push_eth,
                                        .destination = "02:00:00:00:00:01"_mac,
                                        .source = "02:00:00:00:00:02"_mac}));
  // ... csum iph and tcp index 1
  expect("csum", made("csum", 1, tc::Csum{.update_flags = TCA_CSUM_UPDATE_FLAG_IPV4HDR | TCA_CSUM_UPDATE_FLAG_TCP}));
  // ... connmark zone 5 pass index 2
  expect("connmark", made("connmark", 2, tc::Connmark{.zone = 5}, tc::Control::pass()));
  // ... nat ingress 10.0.0.0/8 192.168.1.1 index 1
  expect("nat", made("nat", 1, tc::Nat{.old_prefix = "10.0.0.0/8"_prefix, .new_address = "192.168.1.1"_ip}));
  // ... sample rate 10 group 2 trunc 128 pass index 2
  expect("sample", made("sample", 2, tc::Sample{.rate = 10, .group = 2, .trunc_size = 128}, tc::Control::pass()));
  // ... tunnel_key unset index 1: tc sends NO_CSUM 0 all the same
  expect("tunnel_key_unset", made("tunnel_key", 1, tc::TunnelKey{.operation = tc::TunnelKey::Operation::unset}));
  // ... tunnel_key set src_ip 10.0.0.1 dst_ip 10.0.0.2 id 42 dst_port 4789 tos 0x10 ttl 64 nocsum index 2
  expect("tunnel_key", made("tunnel_key", 2,
                            tc::TunnelKey{.source = "10.0.0.1"_ip,
                                          .destination = "10.0.0.2"_ip,
                                          .key_id = 42,
                                          .dst_port = 4789,
                                          .tos = 0x10,
                                          .ttl = 64,
                                          .checksum = false}));
  // ... ct commit zone 3 mark 0x20/0xff label 0102/ff0f index 2
  expect("ct", made("ct", 2,
                    tc::Ct{.ct_action = TCA_CT_ACT_COMMIT,
                           .zone = 3,
                           .mark = 0x20,
                           .mark_mask = 0xff,
                           .labels = bytes({0x01, 0x02}),
                           .labels_mask = bytes({0xff, 0x0f})}));
  // ... ct commit nat src addr 10.0.0.1-10.0.0.10 port 1000-2000 index 4
  expect("ct_nat", made("ct", 4,
                        tc::Ct{.ct_action = TCA_CT_ACT_COMMIT | TCA_CT_ACT_NAT | TCA_CT_ACT_NAT_SRC,
                               .nat_min = "10.0.0.1"_ip,
                               .nat_max = "10.0.0.10"_ip,
                               .nat_port_min = 1000,
                               .nat_port_max = 2000}));
  // ... pedit munge ip src set 10.0.0.1 munge ip ttl set 10 index 1
  expect("pedit", made("pedit", 1,
                       tc::Pedit{.keys = {{.mask = 0, .value = 0x0a000001, .offset = 12},
                                          {.mask = 0x00ffffff, .value = 0x0a000000, .offset = 8}}}));
  // ... pedit ex munge ip ttl add 1 munge eth dst set 02:00:00:00:00:01 pipe index 2
  expect(
      "pedit_ex",
      made("pedit", 2,
           tc::Pedit{.extended = true,
                     .keys = {{.mask = 0x00ffffff,
                               .value = 0x01000000,
                               .offset = 8,
                               .header = tc::PeditHeader::ip4,
                               .command = tc::PeditCommand::add},
                              {.mask = 0, .value = 0x02000000, .offset = 0, .header = tc::PeditHeader::eth},
                              {.mask = 0x0000ffff, .value = 0x00010000, .offset = 4, .header = tc::PeditHeader::eth}}},
           tc::Control::pipe()));
  // ... bpf bytecode '4,40 0 0 12,21 0 1 2048,6 0 0 262144,6 0 0 0' drop index 2
  expect("bpf",
         made("bpf", 2, tc::BpfAction{.classic = {{40, 0, 0, 12}, {21, 0, 1, 2048}, {6, 0, 0, 262144}, {6, 0, 0, 0}}},
              tc::Control::drop()));
}

TEST(TcActionKindsCodec, each_kinds_table_prints_as_tc_printed_it) {
  const format::LinkNames names(links);
  for (const std::string kind :
       {"skbedit", "vlan", "csum", "connmark", "nat", "sample", "tunnel_key", "ct", "pedit", "bpf"}) {
    SCOPED_TRACE(kind);
    const std::vector<TcAction> actions = dumped(kind);
    ASSERT_FALSE(actions.empty());
    for (const TcAction& action : actions) {
      EXPECT_EQ(action.action.kind, kind);
      // Read whole: nothing left raw but what nlpp keeps raw on purpose.
      std::visit(
          [&]<class T>(const T& options) {
            if constexpr (requires { options.unknown; }) {
              EXPECT_TRUE(kind == "tunnel_key" || options.unknown.empty()) << action.action.index;
            } else {
              ADD_FAILURE() << "index " << action.action.index << " is not typed";
            }
          },
          action.action.options);
    }
    const format::TcView view{.stats = true};
    EXPECT_EQ(nlohmann::ordered_json::parse(format::actions_json(actions, names, view)),
              test::golden_json("tc_action_dump_" + kind));
  }
}

TEST(TcActionKindsCodec, dumped_tables_read_into_the_typed_structs) {
  const std::vector<TcAction> skbedit = dumped("skbedit");
  ASSERT_EQ(skbedit.size(), 5u);
  EXPECT_EQ(skbedit[0].action.options, (tc::ActionOptions{tc::Skbedit{.priority = TcHandle(1, 0x10),
                                                                      .queue_mapping = 2,
                                                                      .mark = 0x10,
                                                                      .mask = 0xff,
                                                                      .ptype = PACKET_HOST,
                                                                      .flags = SKBEDIT_F_INHERITDSFIELD}}));
  EXPECT_EQ(skbedit[0].action.control, tc::Control::pipe());
  EXPECT_EQ(skbedit[2].action.cookie, bytes({0x01, 0x02}));

  // The kernel reports the protocol of every push and modify, and a push's priority.
  const std::vector<TcAction> vlan = dumped("vlan");
  ASSERT_EQ(vlan.size(), 6u);
  EXPECT_EQ(vlan[5].action.options,
            (tc::ActionOptions{
                tc::Vlan{.operation = tc::Vlan::Operation::push, .id = 7, .protocol = ETH_P_8021Q, .priority = 0}}));
  EXPECT_EQ(vlan[3].action.options, (tc::ActionOptions{tc::Vlan{.operation = tc::Vlan::Operation::push_eth,
                                                                .destination = "02:00:00:00:00:01"_mac,
                                                                .source = "02:00:00:00:00:02"_mac}}));

  // tc's "0.0.0.0/0" is a /32: its mask is ~0 << 32.
  const std::vector<TcAction> nat = dumped("nat");
  ASSERT_EQ(nat.size(), 3u);
  EXPECT_EQ(nat[0].action.options,
            (tc::ActionOptions{tc::Nat{.old_prefix = "10.0.0.0/8"_prefix, .new_address = "192.168.1.1"_ip}}));
  EXPECT_EQ(std::get<tc::Nat>(nat[2].action.options).old_prefix, "0.0.0.0/32"_prefix);
  EXPECT_TRUE(std::get<tc::Nat>(nat[1].action.options).egress);

  // The geneve options stay raw.
  const std::vector<TcAction> tunnel = dumped("tunnel_key");
  ASSERT_EQ(tunnel.size(), 5u);
  EXPECT_EQ(std::get<tc::TunnelKey>(tunnel[0].action.options).operation, tc::TunnelKey::Operation::unset);
  const auto& set = std::get<tc::TunnelKey>(tunnel[1].action.options);
  EXPECT_EQ(set.source, "10.0.0.1"_ip);
  EXPECT_EQ(set.key_id, 42u);
  EXPECT_EQ(set.dst_port, 4789);
  EXPECT_FALSE(set.checksum);
  EXPECT_EQ(std::get<tc::TunnelKey>(tunnel[2].action.options).destination, "2001:db8::2"_ip);
  ASSERT_EQ(std::get<tc::TunnelKey>(tunnel[3].action.options).unknown.size(), 1u);
  EXPECT_EQ(std::get<tc::TunnelKey>(tunnel[3].action.options).unknown[0].type & NLA_TYPE_MASK, TCA_TUNNEL_KEY_ENC_OPTS);

  // The kernel reports ct's zone always and its labels whole (16 bytes).
  const std::vector<TcAction> ct = dumped("ct");
  ASSERT_EQ(ct.size(), 9u);
  const auto& labelled = std::get<tc::Ct>(ct[1].action.options);
  EXPECT_EQ(labelled.ct_action, TCA_CT_ACT_COMMIT);
  EXPECT_EQ(labelled.zone, 3);
  EXPECT_EQ(labelled.mark_mask, 0xffu);
  ASSERT_EQ(labelled.labels.size(), 16u);
  EXPECT_EQ(labelled.labels[1], std::byte{0x02});
  const auto& natted = std::get<tc::Ct>(ct[3].action.options);
  EXPECT_EQ(natted.nat_max, "10.0.0.10"_ip);
  EXPECT_EQ(natted.nat_port_max, 2000);

  const std::vector<TcAction> pedit = dumped("pedit");
  ASSERT_EQ(pedit.size(), 9u);
  const auto& ex = std::get<tc::Pedit>(pedit[1].action.options);
  EXPECT_TRUE(ex.extended);
  ASSERT_EQ(ex.keys.size(), 3u);
  EXPECT_EQ(ex.keys[0], (tc::PeditKey{.mask = 0x00ffffff,
                                      .value = 0x01000000,
                                      .offset = 8,
                                      .header = tc::PeditHeader::ip4,
                                      .command = tc::PeditCommand::add}));
  const auto& at = std::get<tc::Pedit>(pedit[5].action.options);
  EXPECT_FALSE(at.extended);
  ASSERT_EQ(at.keys.size(), 1u);
  EXPECT_EQ(at.keys[0],
            (tc::PeditKey{.mask = 0x0000ffff, .value = 0x00070000, .offset = 4, .at = 2, .offmask = 0xff, .shift = 1}));

  const std::vector<TcAction> bpf = dumped("bpf");
  ASSERT_EQ(bpf.size(), 2u);
  EXPECT_EQ(bpf[1].action.control, tc::Control::drop());
  EXPECT_EQ(std::get<tc::BpfAction>(bpf[1].action.options).classic.size(), 4u);
}

TEST(TcActionKindsCodec, dumped_actions_are_sent_back_as_they_came) {
  for (const std::string kind :
       {"skbedit", "vlan", "csum", "connmark", "nat", "sample", "tunnel_key", "ct", "pedit", "bpf"}) {
    for (const TcAction& action : dumped(kind)) {
      TcAction request = action;
      request.action.refcnt = request.action.bindcnt = 0;
      request.action.times.reset();
      request.action.stats.reset();
      request.in_hw_count.reset();
      request.used_hw_stats.reset();
      request.order = 1;
      EXPECT_EQ(test::reparsed(request), request) << kind << " " << action.action.index;
    }
  }
}

TEST(TcActionKindsCodec, a_filter_holding_one_action_of_each_kind_prints_as_tc_printed_it) {
  const TcFilter filter = test::parsed_golden<TcFilter>("tc_filter_matchall_actions");
  const auto* matchall = std::get_if<tc::Matchall>(&filter.options);
  ASSERT_TRUE(matchall);
  std::vector<std::string> kinds;
  for (const tc::Action& action : matchall->actions) kinds.push_back(action.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"skbedit", "vlan", "csum", "pedit", "tunnel_key", "ct", "connmark", "nat",
                                             "sample", "bpf"}));
  EXPECT_EQ(matchall->actions[3].options, (tc::ActionOptions{tc::Pedit{.extended = true,
                                                                       .keys = {{.mask = 0x00ffffff,
                                                                                 .value = 0x01000000,
                                                                                 .offset = 8,
                                                                                 .header = tc::PeditHeader::ip4,
                                                                                 .command = tc::PeditCommand::add}}}}));
  EXPECT_EQ(matchall->actions[0].bindcnt, 1u);

  const format::LinkNames names(links);
  const format::TcView view{.one_device = true, .details = true, .stats = true, .parent = TcHandle::clsact_ingress()};
  const nlohmann::ordered_json printed = nlohmann::ordered_json::parse(format::filters_json({&filter, 1}, names, view));
  ASSERT_EQ(printed.size(), 1u);
  EXPECT_EQ(printed[0], test::golden_json("tc_filter_matchall_actions"));
}

TEST(TcActionKindsCodec, what_no_golden_holds_round_trips) {
  const std::vector<TcAction> actions{
      made("pedit", 7,
           tc::Pedit{.extended = true,
                     .keys = {{.mask = 0xffff0000,
                               .value = 0x50,
                               .offset = -4,
                               .at = 9,
                               .offmask = 0xf,
                               .shift = 2,
                               .header = tc::PeditHeader::tcp},
                              {.mask = 0, .value = 1, .offset = 12, .header = tc::PeditHeader::udp}}}),
      made("bpf", 3, tc::BpfAction{.name = "prog.o:[action]", .classic = {{BPF_RET | BPF_K, 0, 0, 0}}}),
      made("ct", 0,
           tc::Ct{.ct_action = TCA_CT_ACT_COMMIT | TCA_CT_ACT_NAT | TCA_CT_ACT_NAT_DST,
                  .nat_min = "2001:db8::5"_ip,
                  .nat_max = "2001:db8::9"_ip}),
      made("tunnel_key", 0, tc::TunnelKey{.source = "2001:db8::1"_ip, .destination = "2001:db8::2"_ip}),
      made("vlan", 0, tc::Vlan{.operation = tc::Vlan::Operation::modify, .id = 4094}, tc::Control::goto_chain(3)),
      made("skbedit", 0, tc::Skbedit{.ptype = 7}, tc::Control::jump(2)),
  };
  for (const TcAction& action : actions) {
    const TcAction back = test::reparsed(action);
    EXPECT_EQ(back.action.options, action.action.options) << action.action.kind;
    EXPECT_EQ(back.action.control, action.action.effective_control()) << action.action.kind;
  }
}

TEST(TcActionKindsCodec, an_ebpf_program_is_sent_by_its_fd_which_the_kernel_does_not_report) {
  // tc ... action bpf object-file prog.o: the program's fd and tc's name for it.
  wire::MessageBuilder builder;
  ObjectTraits<TcAction>::emit(made("bpf", 3, tc::BpfAction{.fd = 9, .name = "prog.o:[action]"}), builder,
                               RTM_NEWACTION, 0);
  const wire::Message message(builder.bytes());
  const wire::Attribute entry = *(*message.attributes(sizeof(tcamsg)).value().begin()).nested().begin();
  const std::optional<wire::Attribute> options = entry.nested().find(TCA_ACT_OPTIONS);
  ASSERT_TRUE(options);
  const std::optional<wire::Attribute> fd = options->nested().find(TCA_ACT_BPF_FD);
  ASSERT_TRUE(fd);
  EXPECT_EQ(fd->u32().value(), 9u);
  const std::optional<wire::Attribute> name = options->nested().find(TCA_ACT_BPF_NAME);
  ASSERT_TRUE(name);
  EXPECT_EQ(name->string(), "prog.o:[action]");
  // Read back, the fd is none: the kernel reports the program's id instead.
  EXPECT_EQ(std::get<tc::BpfAction>(
                test::parse_golden<TcAction>({builder.bytes().begin(), builder.bytes().end()}).action.options)
                .fd,
            -1);
}

TEST(TcActionKindsCodec, the_text_table_says_each_action_in_tcs_words) {
  const format::LinkNames names(links);
  const auto words = [&](const std::string& kind, size_t index) {
    const std::vector<TcAction> actions = dumped(kind);
    return format::actions_table(std::span(&actions.at(index), 1), names);
  };
  for (const auto& [kind, index, text] : std::vector<std::tuple<std::string, size_t, std::string>>{
           {"skbedit", 0, "skbedit queue_mapping 2 priority 1:10 mark 16/0xff ptype host inheritdsfield pipe"},
           {"vlan", 1, "vlan push id 100 protocol 802.1ad priority 3 pipe"},
           {"csum", 1, "csum icmp igmp udp udplite sctp drop"},
           {"nat", 0, "nat ingress 10.0.0.0/8 192.168.1.1 pass"},
           {"connmark", 1, "connmark zone 5 pass"},
           {"sample", 1, "sample rate 10 group 2 trunc 128 pass"},
           {"tunnel_key", 1,
            "tunnel_key set src_ip 10.0.0.1 dst_ip 10.0.0.2 id 42 dst_port 4789 tos 0x10 ttl 64 nocsum pipe"},
           {"ct", 3, "ct commit zone 0 nat src addr 10.0.0.1-10.0.0.10 port 1000-2000 pipe"},
           {"pedit", 1, "pedit ex keys 3 at ipv4+8 add 01000000 mask 00ffffff at eth+0 val 02000000 mask 00000000"},
           {"bpf", 0, "bpf bytecode '1,6 0 0 4294967295' pipe"},
       }) {
    const std::string table = words(kind, index);
    EXPECT_NE(table.find(text), std::string::npos) << table;
  }
}

// The examples of the kinds' headers, line for line (tools/check_doc_examples.py):
// each makes an action of its kind that passes the checks.
TEST(TcActionKindsCodec, the_header_examples_make_valid_actions_of_their_kinds) {
  std::vector<tc::Action> examples;
  // clang-format off
  {
    rtnl::tc::Action mark{.options = rtnl::tc::Skbedit{.mark = 0x10, .mask = 0xff}};
    // tc ... action skbedit mark 0x10/0xff
    examples.push_back(mark);
  }
  {
    rtnl::tc::Action tag{.options = rtnl::tc::Vlan{.operation = rtnl::tc::Vlan::Operation::push, .id = 100}};
    // tc ... action vlan push id 100
    examples.push_back(tag);
  }
  {
    rtnl::tc::Action fix{.options = rtnl::tc::Csum{.update_flags = TCA_CSUM_UPDATE_FLAG_IPV4HDR |
                                                                    TCA_CSUM_UPDATE_FLAG_TCP}};
    // tc ... action csum iph and tcp
    examples.push_back(fix);
  }
  {
    rtnl::tc::Action nat{.options = rtnl::tc::Nat{.old_prefix = "10.0.0.0/8", .new_address = "192.168.1.0"}};
    // tc ... action nat ingress 10.0.0.0/8 192.168.1.0
    examples.push_back(nat);
  }
  {
    rtnl::tc::Action sample{.options = rtnl::tc::Sample{.rate = 100, .group = 5}};
    // tc ... action sample rate 100 group 5
    examples.push_back(sample);
  }
  {
    rtnl::tc::Action track{.options = rtnl::tc::Ct{.ct_action = TCA_CT_ACT_COMMIT, .zone = 3}};
    // tc ... action ct commit zone 3
    examples.push_back(track);
  }
  {
    rtnl::tc::Action encap{.options = rtnl::tc::TunnelKey{.source = "10.0.0.1", .destination = "10.0.0.2",
                                                          .key_id = 42, .dst_port = 4789}};
    // tc ... action tunnel_key set src_ip 10.0.0.1 dst_ip 10.0.0.2 id 42 dst_port 4789
    examples.push_back(encap);
  }
  {
    rtnl::tc::Action ttl{.options = rtnl::tc::Pedit{
                             .extended = true,
                             .keys = {{.mask = 0x00ffffff, .value = 0x01000000, .offset = 8,
                                       .header = rtnl::tc::PeditHeader::ip4,
                                       .command = rtnl::tc::PeditCommand::add}}}};
    // tc ... action pedit ex munge ip ttl add 1
    examples.push_back(ttl);
  }
  {
    rtnl::tc::Action run{.options = rtnl::tc::BpfAction{.classic = {{BPF_RET | BPF_K, 0, 0, 0xffffffff}}}};
    // tc ... action bpf bytecode '1,6 0 0 4294967295'
    examples.push_back(run);
  }
  // clang-format on
  std::vector<std::string> kinds;
  for (const tc::Action& action : examples) {
    kinds.push_back(action.resolved_kind());
    const Result<void> valid = ObjectTraits<TcAction>::validate(TcAction{.action = action});
    EXPECT_TRUE(valid) << action.resolved_kind() << ": " << (valid ? "" : valid.error().describe());
  }
  EXPECT_EQ(kinds,
            (std::vector<std::string>{"skbedit", "vlan", "csum", "nat", "sample", "ct", "tunnel_key", "pedit", "bpf"}));
}

std::string refusal(const tc::Action& action) {
  const Result<void> valid = ObjectTraits<TcAction>::validate(TcAction{.action = action});
  return valid ? "" : valid.error().context();
}

TEST(TcActionKindsCodec, each_kinds_checks_name_what_is_wrong) {
  const auto with = [](tc::ActionOptions options) { return tc::Action{.options = std::move(options)}; };
  EXPECT_EQ(refusal(with(tc::Skbedit{})),
            "action 1 (skbedit): nothing to set (priority, queue_mapping, mark, ptype or flags)");
  EXPECT_EQ(refusal(with(tc::Skbedit{.mask = 0xff})), "action 1 (skbedit): a mask needs a mark");
  EXPECT_EQ(refusal(with(tc::Vlan{.operation = tc::Vlan::Operation::push})),
            "action 1 (vlan): push and modify need an id");
  EXPECT_EQ(refusal(with(tc::Vlan{.operation = tc::Vlan::Operation::push, .id = 4095})),
            "action 1 (vlan): the id 4095 is above 4094");
  EXPECT_EQ(refusal(with(tc::Vlan{.operation = tc::Vlan::Operation::push, .id = 1, .protocol = ETH_P_IP})),
            "action 1 (vlan): the protocol is 802.1Q or 802.1ad");
  EXPECT_EQ(refusal(with(tc::Vlan{.operation = tc::Vlan::Operation::push_eth})),
            "action 1 (vlan): push_eth needs a destination and a source address");
  EXPECT_EQ(refusal(with(tc::Csum{})), "action 1 (csum): no header to update (update_flags is 0)");
  EXPECT_EQ(refusal(with(tc::Nat{.old_prefix = "2001:db8::/64"_prefix, .new_address = "10.0.0.1"_ip})),
            "action 1 (nat): the old prefix and the new address are IPv4 addresses");
  EXPECT_EQ(refusal(with(tc::Pedit{})), "action 1 (pedit): no keys");
  EXPECT_EQ(refusal(with(tc::Pedit{.keys = {{.offset = 6}}})), "action 1 (pedit): key offset 6: not a multiple of 4");
  EXPECT_EQ(refusal(with(tc::Pedit{.keys = {{.command = tc::PeditCommand::add}}})),
            "action 1 (pedit): a key naming a header or adding needs extended keys");
  EXPECT_EQ(refusal(with(tc::Ct{.ct_action = TCA_CT_ACT_CLEAR | TCA_CT_ACT_COMMIT})),
            "action 1 (ct): clear goes alone");
  EXPECT_EQ(refusal(with(tc::Ct{.ct_action = TCA_CT_ACT_NAT | TCA_CT_ACT_NAT_SRC})),
            "action 1 (ct): source or destination NAT needs a commit");
  EXPECT_EQ(refusal(with(tc::Ct{.ct_action = TCA_CT_ACT_COMMIT, .labels = std::vector<std::byte>(17)})),
            "action 1 (ct): labels are at most 16 bytes");
  EXPECT_EQ(refusal(with(tc::TunnelKey{.source = "10.0.0.1"_ip})),
            "action 1 (tunnel_key): set needs a source and a destination address");
  EXPECT_EQ(refusal(with(tc::TunnelKey{.source = "10.0.0.1"_ip, .destination = "2001:db8::1"_ip})),
            "action 1 (tunnel_key): the addresses are of one family");
  EXPECT_EQ(refusal(with(tc::Sample{.group = 1})),
            "action 1 (sample): the rate is required, one packet in how many (not 0)");
  EXPECT_EQ(refusal(with(tc::BpfAction{})),
            "action 1 (bpf): a program is required, either an eBPF program's fd or classic bytecode, not both");
  // What is right passes.
  EXPECT_EQ(refusal(with(tc::TunnelKey{.operation = tc::TunnelKey::Operation::unset})), "");
  EXPECT_EQ(refusal(with(tc::Connmark{})), "");
  EXPECT_EQ(refusal(tc::Action{.kind = "vlan", .index = 3}), "");  // an existing action, named
}

}  // namespace
}  // namespace nlpp::rtnl

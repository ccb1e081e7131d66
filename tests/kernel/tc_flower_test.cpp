// The flower filter against the kernel (issue 15), each test in a fresh
// namespace with a veth pair and clsact on veth0: filters made through
// nlpp's typed struct read back through nlpp (what was sent, with what the
// kernel adds) and through `tc -j filter show`; a filter tc made read into
// the struct; change, replace, get and delete; UDP between two namespaces
// dropped by one filter and passed by another, counted in their actions;
// the kernel's refusals and nlpp's checks before sending. The build
// machines' kernel has no cls_flower: each test skips there and runs in
// the QEMU guest (tests/vm/must_run.txt).
#include <nlpp/rtnl/tc_filter.hpp>

#include "kernel/route_fixture.hpp"
#include "support/iproute2.hpp"
#include "support/scoped_netns.hpp"
#include "support/udp_sender.hpp"

#include <gtest/gtest.h>
#include <linux/if_ether.h>
#include <linux/pkt_cls.h>

#include <cerrno>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace nlpp::rtnl {
namespace {

using namespace nlpp::literals;
using tc::CtLabel;
using tc::Flower;
using tc::Masked;
using test::kernel_error;

const TcHandle ingress = TcHandle::clsact_ingress();

TcFilter on_ingress(uint16_t priority, uint16_t protocol, Flower flower, uint32_t handle = 0) {
  return TcFilter{.ifindex = "veth0",
                  .parent = ingress,
                  .priority = priority,
                  .protocol = protocol,
                  .handle = handle,
                  .kind = "flower",
                  .options = std::move(flower)};
}

// What the kernel reports of a flower it took: its flags with NOT_IN_HW
// (nothing offloads it here), on no device's hardware.
Flower as_reported(Flower sent) {
  sent.flags = sent.flags.value_or(0) | TCA_CLS_FLAGS_NOT_IN_HW;
  sent.in_hw_count = 0;
  return sent;
}

tc::Action gact(tc::Control control) { return tc::Action{.control = control, .options = tc::Gact{}}; }

// The entry of a tc -j listing for the filter of priority pref (the
// kernel lists each priority's own entry, without options, before it).
nlohmann::json listed_filter(const nlohmann::json& listing, int pref) {
  for (const nlohmann::json& filter : listing)
    if (filter.value("pref", 0) == pref && filter.contains("options")) return filter;
  ADD_FAILURE() << "no filter of pref " << pref << " in " << listing.dump();
  return nlohmann::json::object();
}

class TcFlower : public test::QuietRoutingTest {
 protected:
  void SetUp() override {
    QuietRoutingTest::SetUp();
    if (HasFatalFailure()) return;
    test::tc_run(ns_name(), "qdisc add dev veth0 clsact");
    // The kernel loads cls_flower when a filter asks for it: without the
    // module it answers ENOENT ("TC classifier not found").
    Result<io::Ack> probe = ip_route().add(on_ingress(99, ETH_P_IP, Flower{.eth_type = ETH_P_IP}));
    if (!probe && probe.error().code() == kernel_error(ENOENT)) GTEST_SKIP() << "this kernel has no cls_flower";
    ASSERT_TRUE(probe) << probe.error().describe();
    ASSERT_TRUE(ip_route().del(TcFilter{.ifindex = "veth0", .parent = ingress, .priority = 99}));
  }

  void add(const TcFilter& filter) {
    Result<io::Ack> added = ip_route().add(filter);
    ASSERT_TRUE(added) << added.error().describe();
  }

  // The flower filters of veth0's ingress hook, without the priorities'
  // own entries.
  std::vector<TcFilter> flowers() {
    std::vector<TcFilter> listed = ip_route().dump<TcFilter>({.ifindex = "veth0", .parent = ingress}).value();
    std::erase_if(listed, [](const TcFilter& filter) { return !std::holds_alternative<Flower>(filter.options); });
    return listed;
  }

  // The one flower filter of priority pref.
  TcFilter flower_of(uint16_t pref) {
    for (const TcFilter& filter : flowers())
      if (filter.priority == pref) return filter;
    ADD_FAILURE() << "no flower filter of pref " << pref;
    return TcFilter{.options = Flower{}};
  }
  Flower keys_of(uint16_t pref) { return std::get<Flower>(flower_of(pref).options); }

  nlohmann::json tc_listing(std::string_view options = "") {
    return test::tc_json(ns_name(), std::string(options) + " filter show dev veth0 ingress");
  }
};

TEST_F(TcFlower, an_ip_filter_made_through_nlpp_reads_back_through_nlpp_and_tc) {
  const Flower web{.classid = TcHandle(1, 0x10),
                   .indev = "veth1",
                   .eth_type = ETH_P_IP,
                   .dst_mac = "02:00:00:00:00:01"_mac,
                   .src_mac = Masked("02:00:00:00:00:00"_mac, "ff:ff:ff:00:00:00"_mac),
                   .ip_proto = IPPROTO_TCP,
                   .ip_tos = Masked<uint8_t>(0x10, 0xfc),
                   .ip_ttl = 64,
                   .dst_ip = "10.0.0.0/24",
                   .src_ip = Masked("192.168.1.1"_ip, "255.255.255.0"_ip),
                   .dst_port = 80,
                   .src_port = Masked<uint16_t>(1024, 0xfc00),
                   .tcp_flags = Masked<uint16_t>(0x2, 0x12),
                   .ip_flags = Masked<uint32_t>(0, TCA_FLOWER_KEY_FLAGS_IS_FRAGMENT),
                   .flags = TCA_CLS_FLAGS_SKIP_HW};
  add(on_ingress(1, ETH_P_IP, web));

  const TcFilter made = flower_of(1);
  EXPECT_EQ(made.kind, "flower");
  EXPECT_EQ(made.protocol, ETH_P_IP);
  EXPECT_EQ(made.parent, ingress);
  EXPECT_EQ(made.chain, 0u);
  EXPECT_EQ(made.handle, 1u);  // the kernel's first
  const Flower& read = std::get<Flower>(made.options);
  EXPECT_EQ(read.flags, uint32_t{TCA_CLS_FLAGS_SKIP_HW | TCA_CLS_FLAGS_NOT_IN_HW});
  EXPECT_EQ(read.in_hw_count, 0u);
  EXPECT_EQ(read, as_reported(web));

  // (Not const: operator[] of a missing key then fails the test instead of asserting.)
  nlohmann::json shown = listed_filter(tc_listing(), 1);
  EXPECT_EQ(shown["kind"], "flower");
  EXPECT_EQ(shown["protocol"], "ip");
  nlohmann::json& options = shown["options"];
  EXPECT_EQ(options["handle"], 1);
  EXPECT_EQ(options["classid"], "1:10");
  EXPECT_EQ(options["indev"], "veth1");
  EXPECT_EQ(options["skip_hw"], true);
  EXPECT_EQ(options["not_in_hw"], true);
  nlohmann::json& keys = options["keys"];
  EXPECT_EQ(keys["eth_type"], "ipv4");
  EXPECT_EQ(keys["ip_proto"], "tcp");
  EXPECT_EQ(keys["dst_mac"], "02:00:00:00:00:01");
  EXPECT_EQ(keys["src_mac"], "02:00:00:00:00:00/24");
  EXPECT_EQ(keys["dst_ip"], "10.0.0.0/24");
  EXPECT_EQ(keys["src_ip"], "192.168.1.1/24");
  EXPECT_EQ(keys["dst_port"], 80);
  EXPECT_EQ(keys["src_port"], 1024);
  EXPECT_EQ(keys["ip_tos"], 16);
  EXPECT_EQ(keys["ip_ttl"], 64);
  EXPECT_EQ(keys["tcp_flags"], "0x2/12");
  EXPECT_EQ(keys["ip_flags"]["frag"], false);
}

TEST_F(TcFlower, arp_ipv6_mpls_tunnel_and_conntrack_keys_read_back_as_sent) {
  const Flower arp{.eth_type = ETH_P_ARP,
                   .arp_sip = "10.0.0.0/8",
                   .arp_tip = "10.0.0.1",
                   .arp_op = 1,
                   .arp_sha = "02:00:00:00:00:01"_mac,
                   .arp_tha = Masked("02:00:00:00:00:02"_mac, "ff:ff:ff:ff:ff:00"_mac)};
  const Flower echo{.eth_type = ETH_P_IPV6,
                    .ip_proto = IPPROTO_ICMPV6,
                    .dst_ip = "2001:db8::/64",
                    .src_ip = "2001:db8:1::1",
                    .icmp_type = 128,
                    .icmp_code = Masked<uint8_t>(0)};
  const Flower mpls{.eth_type = ETH_P_MPLS_UC, .mpls_label = 1000, .mpls_tc = 3, .mpls_bos = 1, .mpls_ttl = 64};
  const Flower tunnel{.eth_type = ETH_P_IP,
                      .ip_proto = IPPROTO_UDP,
                      .dst_port_range = tc::PortRange{.min = 1000, .max = 2000},
                      .enc_dst_ip = "10.0.0.2",
                      .enc_src_ip = "10.0.0.0/16",
                      .enc_key_id = 42,
                      .enc_dst_port = 4789,
                      .enc_tos = Masked<uint8_t>(0x10, 0xfc),
                      .enc_ttl = 64};
  const Flower tracked{
      .eth_type = ETH_P_IP,
      .ct_state = Masked<uint16_t>(TCA_FLOWER_KEY_CT_FLAGS_TRACKED | TCA_FLOWER_KEY_CT_FLAGS_ESTABLISHED,
                                   TCA_FLOWER_KEY_CT_FLAGS_TRACKED | TCA_FLOWER_KEY_CT_FLAGS_ESTABLISHED),
      .ct_zone = 5,
      .ct_mark = Masked<uint32_t>(0x10, 0xff),
      .ct_label = Masked(CtLabel{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, CtLabel{0xff, 0xff})};
  add(on_ingress(1, ETH_P_ARP, arp));
  add(on_ingress(2, ETH_P_IPV6, echo));
  add(on_ingress(3, ETH_P_MPLS_UC, mpls));
  add(on_ingress(4, ETH_P_IP, tunnel));
  add(on_ingress(5, ETH_P_IP, tracked));

  EXPECT_EQ(flowers().size(), 5u);
  EXPECT_EQ(keys_of(1), as_reported(arp));
  EXPECT_EQ(keys_of(2), as_reported(echo));
  EXPECT_EQ(keys_of(3), as_reported(mpls));
  EXPECT_EQ(keys_of(4), as_reported(tunnel));
  EXPECT_EQ(keys_of(5), as_reported(tracked));

  const nlohmann::json listing = tc_listing();
  EXPECT_EQ(listed_filter(listing, 1)["options"]["keys"]["arp_op"], "request");
  EXPECT_EQ(listed_filter(listing, 1)["options"]["keys"]["arp_sip"], "10.0.0.0/8");
  EXPECT_EQ(listed_filter(listing, 2)["options"]["keys"]["dst_ip"], "2001:db8::/64");
  EXPECT_EQ(listed_filter(listing, 2)["options"]["keys"]["icmp_type"], "128");
  EXPECT_EQ(listed_filter(listing, 3)["options"]["keys"]["mpls_label"], 1000);
  EXPECT_EQ(listed_filter(listing, 4)["options"]["keys"]["dst_port"]["start"], 1000);
  EXPECT_EQ(listed_filter(listing, 4)["options"]["keys"]["dst_port"]["end"], 2000);
  EXPECT_EQ(listed_filter(listing, 4)["options"]["keys"]["enc_key_id"], 42);
  EXPECT_EQ(listed_filter(listing, 4)["options"]["keys"]["enc_dst_ip"], "10.0.0.2");
  EXPECT_EQ(listed_filter(listing, 5)["options"]["keys"]["ct_state"], "+trk+est");
  EXPECT_EQ(listed_filter(listing, 5)["options"]["keys"]["ct_zone"], 5);
}

TEST_F(TcFlower, a_filter_tc_made_reads_into_the_struct) {
  test::tc_run(ns_name(),
               "filter add dev veth0 ingress protocol 802.1Q pref 3 flower vlan_id 100 vlan_prio 3 vlan_ethtype ip "
               "ip_proto udp src_ip 10.0.0.0/8 dst_port 1000-2000 action drop");
  const TcFilter made = flower_of(3);
  EXPECT_EQ(made.protocol, ETH_P_8021Q);
  const Flower& read = std::get<Flower>(made.options);
  EXPECT_EQ(read.vlan_id, uint16_t{100});
  EXPECT_EQ(read.vlan_prio, uint8_t{3});
  // The kernel keeps the tag's ethertype as the packet's network protocol,
  // which it reports for both.
  EXPECT_EQ(read.vlan_ethtype, uint16_t{ETH_P_IP});
  EXPECT_EQ(read.network_protocol(), ETH_P_IP);
  EXPECT_EQ(read.ip_proto, uint8_t{IPPROTO_UDP});
  EXPECT_EQ(read.src_ip, Masked<IpAddress>("10.0.0.0/8"));
  EXPECT_EQ(read.dst_port_range, (tc::PortRange{.min = 1000, .max = 2000}));
  EXPECT_FALSE(read.dst_port);
  EXPECT_EQ(read.flags, uint32_t{TCA_CLS_FLAGS_NOT_IN_HW});
  ASSERT_EQ(read.actions.size(), 1u);
  EXPECT_EQ(read.actions[0].kind, "gact");
  EXPECT_EQ(read.actions[0].control, tc::Control::drop());
  EXPECT_NE(read.actions[0].index, 0u);
  EXPECT_TRUE(read.unknown.empty());
}

TEST_F(TcFlower, changed_replaced_got_and_deleted_through_nlpp) {
  Flower dns{.classid = TcHandle(1, 1),
             .eth_type = ETH_P_IP,
             .ip_proto = IPPROTO_UDP,
             .dst_ip = "10.0.0.1",
             .dst_port = 53,
             .flags = 0};
  TcFilter filter = on_ingress(2, ETH_P_IP, dns, 7);
  add(filter);
  EXPECT_EQ(flower_of(2).handle, 7u);

  // A change keeps the keys the filter matches on (the kernel refuses
  // others: the mask is the filter's), the values and the class may move.
  std::get<Flower>(filter.options).classid = TcHandle(1, 2);
  std::get<Flower>(filter.options).dst_port = 54;
  Result<io::Ack> changed = ip_route().set(filter);  // tc filter change
  ASSERT_TRUE(changed) << changed.error().describe();
  EXPECT_EQ(keys_of(2).classid, TcHandle(1, 2));
  EXPECT_EQ(keys_of(2).dst_port, Masked<uint16_t>(54));

  std::get<Flower>(filter.options).dst_ip = "10.0.0.2";
  ASSERT_TRUE(ip_route().replace(filter));
  Result<TcFilter> got = ip_route().get(TcFilter{
      .ifindex = "veth0", .parent = ingress, .priority = 2, .protocol = ETH_P_IP, .handle = 7, .kind = "flower"});
  ASSERT_TRUE(got) << got.error().describe();
  EXPECT_EQ(std::get<Flower>(got->options), as_reported(std::get<Flower>(filter.options)));
  EXPECT_EQ(listed_filter(tc_listing(), 2)["options"]["keys"]["dst_ip"], "10.0.0.2");

  Flower other_keys = std::get<Flower>(filter.options);
  other_keys.dst_ip = "10.0.0.0/24";
  Result<io::Ack> new_mask = ip_route().set(on_ingress(2, ETH_P_IP, other_keys, 7));
  ASSERT_FALSE(new_mask);
  EXPECT_EQ(new_mask.error().code(), kernel_error(EINVAL)) << new_mask.error().describe();

  ASSERT_TRUE(ip_route().del(TcFilter{
      .ifindex = "veth0", .parent = ingress, .priority = 2, .protocol = ETH_P_IP, .handle = 7, .kind = "flower"}));
  EXPECT_TRUE(flowers().empty());
  EXPECT_EQ(tc_listing(), nlohmann::json::array());
}

// veth1 in a namespace of its own (10.9.0.2/24) facing veth0, which holds
// 10.9.0.1 and 10.9.0.3; the peer knows veth0's address without asking.
class TcFlowerTraffic : public TcFlower {
 protected:
  void SetUp() override {
    TcFlower::SetUp();
    if (HasFatalFailure() || IsSkipped()) return;
    Result<test::ScopedNetns> created = test::ScopedNetns::create();
    ASSERT_TRUE(created) << created.error().describe();
    peer_.emplace(std::move(created).value());
    const std::string veth0_mac = test::ip_json(ns_name(), "link show veth0")[0]["address"].get<std::string>();
    test::ip_run(ns_name(), "link set veth1 netns " + peer_->name());
    test::ip_run(ns_name(), "addr add 10.9.0.1/24 dev veth0");
    test::ip_run(ns_name(), "addr add 10.9.0.3/24 dev veth0");
    test::ip_run(peer_->name(), "addr add 10.9.0.2/24 dev veth1");
    test::ip_run(peer_->name(), "link set veth1 up");
    for (const char* address : {"10.9.0.1", "10.9.0.3"})
      test::ip_run(peer_->name(), std::string("neigh replace ") + address + " lladdr " + veth0_mac + " dev veth1");
  }

  std::optional<test::ScopedNetns> peer_;
};

TEST_F(TcFlowerTraffic, matching_udp_is_dropped_and_counted_while_the_rest_passes) {
  add(on_ingress(1, ETH_P_IP,
                 Flower{.eth_type = ETH_P_IP,
                        .ip_proto = IPPROTO_UDP,
                        .dst_ip = "10.9.0.1",
                        .dst_port = 9,
                        .actions = {gact(tc::Control::drop())},
                        .flags = 0}));
  add(on_ingress(
      2, ETH_P_IP,
      Flower{.eth_type = ETH_P_IP, .ip_proto = IPPROTO_UDP, .actions = {gact(tc::Control::pass())}, .flags = 0}));

  constexpr int dropped = 10;
  constexpr int passed = 7;
  test::send_udp(peer_->ref(), "10.9.0.1", dropped);
  test::send_udp(peer_->ref(), "10.9.0.3", passed);

  // Each 128 bytes without the ethernet header, as ingress counts them.
  const tc::Action drop = keys_of(1).actions.at(0);
  EXPECT_EQ(drop.control, tc::Control::drop());
  ASSERT_TRUE(drop.stats);
  EXPECT_EQ(drop.stats->packets, uint64_t{dropped});
  EXPECT_EQ(drop.stats->bytes, uint64_t{dropped} * 128);
  EXPECT_EQ(drop.stats->drops, uint64_t{dropped});
  const tc::Action pass = keys_of(2).actions.at(0);
  ASSERT_TRUE(pass.stats);
  EXPECT_EQ(pass.stats->packets, uint64_t{passed});
  EXPECT_EQ(pass.stats->drops, 0u);

  const nlohmann::json listing = tc_listing("-s");
  EXPECT_EQ(listed_filter(listing, 1)["options"]["actions"][0]["stats"]["packets"], dropped);
  EXPECT_EQ(listed_filter(listing, 2)["options"]["actions"][0]["stats"]["packets"], passed);
}

TEST_F(TcFlower, the_kernels_refusals_and_nlpps_checks_are_errors) {
  // Checked before anything is sent: keys the kernel would ignore.
  Result<io::Ack> portless = ip_route().add(on_ingress(1, ETH_P_IP, Flower{.eth_type = ETH_P_IP, .dst_port = 80}));
  ASSERT_FALSE(portless);
  EXPECT_EQ(portless.error().code(), make_error_code(errc::invalid_argument));
  EXPECT_NE(
      portless.error().describe().find("flower: ports need ip_proto tcp, udp or sctp, or the kernel ignores them"),
      std::string::npos)
      << portless.error().describe();
  Result<io::Ack> untagged = ip_route().add(on_ingress(1, ETH_P_IP, Flower{.eth_type = ETH_P_IP, .vlan_id = 5}));
  ASSERT_FALSE(untagged);
  EXPECT_EQ(untagged.error().code(), make_error_code(errc::invalid_argument));
  EXPECT_NE(untagged.error().describe().find("vlan_id, vlan_prio and vlan_ethtype need eth_type 802.1Q or 802.1ad"),
            std::string::npos)
      << untagged.error().describe();
  Result<io::Ack> no_target = ip_route().add(
      on_ingress(1, ETH_P_IP, Flower{.eth_type = ETH_P_IP, .actions = {tc::Action{.options = tc::Mirred{}}}}));
  ASSERT_FALSE(no_target);
  EXPECT_NE(no_target.error().describe().find("flower action 1 (mirred): the target link is required"),
            std::string::npos)
      << no_target.error().describe();

  // The kernel's: conntrack states without +trk, skip_sw where no
  // hardware takes the filter (veth offloads nothing), an indev that is
  // not there.
  Result<io::Ack> untracked = ip_route().add(on_ingress(
      1, ETH_P_IP,
      Flower{.eth_type = ETH_P_IP,
             .ct_state = Masked<uint16_t>(TCA_FLOWER_KEY_CT_FLAGS_ESTABLISHED, TCA_FLOWER_KEY_CT_FLAGS_ESTABLISHED)}));
  ASSERT_FALSE(untracked);
  EXPECT_EQ(untracked.error().code(), kernel_error(EINVAL)) << untracked.error().describe();
  Result<io::Ack> software_less =
      ip_route().add(on_ingress(1, ETH_P_IP, Flower{.eth_type = ETH_P_IP, .flags = TCA_CLS_FLAGS_SKIP_SW}));
  ASSERT_FALSE(software_less);
  EXPECT_TRUE(software_less.error().code() == kernel_error(EOPNOTSUPP) ||
              software_less.error().code() == kernel_error(EINVAL))
      << software_less.error().describe();
  Result<io::Ack> nowhere =
      ip_route().add(on_ingress(1, ETH_P_IP, Flower{.indev = "nosuchlink", .eth_type = ETH_P_IP}));
  ASSERT_FALSE(nowhere);
  EXPECT_EQ(nowhere.error().code(), kernel_error(ENODEV)) << nowhere.error().describe();
  EXPECT_TRUE(flowers().empty());
}

}  // namespace
}  // namespace nlpp::rtnl

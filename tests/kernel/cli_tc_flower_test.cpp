// `nlpp filter` with flower in tc's words (issue 15): the same lines
// through nlpp and through tc make the same filters and chain templates
// (every key nlpp reads, with actions and without), `nlpp -j` prints what
// tc prints of them, change / replace / get / del act on the filter named,
// and bad words fail with exit status 2 before anything is sent. The words
// of the request goldens (tests/data/golden/tc_filter_add_flower_*) make
// tc's very bytes, as strace sees them leave nlpp. The build machines'
// kernel has no cls_flower: the filters are the guest's (CliTcFlower,
// tests/vm/must_run.txt); the words and the requests are checked anywhere.
#include "support/iproute2.hpp"
#include "support/nlpp_cli.hpp"
#include "support/subprocess.hpp"
#include "support/tc_kind_comparison.hpp"
#include "unit/golden.hpp"

#include <gtest/gtest.h>
#include <linux/rtnetlink.h>

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#ifdef NLPP_CLI_PATH
namespace nlpp::test {
namespace {

// The entry of a tc -j listing for the filter of priority pref (each
// priority's own entry, without options, comes before it).
nlohmann::json listed_filter(const nlohmann::json& listing, int pref) {
  for (const nlohmann::json& filter : listing)
    if (filter.value("pref", 0) == pref && filter.contains("options")) return filter;
  ADD_FAILURE() << "no filter of pref " << pref << " in " << listing.dump();
  return nlohmann::json::object();
}

class CliTcFlower : public TcKindComparison {
 protected:
  void SetUp() override {
    TcKindComparison::SetUp();
    if (HasFatalFailure()) return;
    if (!kernel_has_flower()) GTEST_SKIP() << "no cls_flower in this kernel";
  }

  // Whether tc makes a flower filter here: tried on veth1's clsact, which
  // goes again.
  bool kernel_has_flower() {
    tc_run(ns_name(), "qdisc add dev veth1 clsact");
    const Result<CommandOutput> tried = run_command({"tc", "-n", ns_name(), "filter", "add", "dev", "veth1", "ingress",
                                                     "protocol", "ip", "flower", "ip_proto", "udp"});
    tc_run(ns_name(), "qdisc del dev veth1 clsact");
    return tried && tried->exit_code == 0;
  }
};

TEST_F(CliTcFlower, ip_and_tunnel_keys_through_nlpp_and_tc_agree) {
  expect_nlpp_and_tc_agree(
      {
          "qdisc add dev veth0 clsact",
          "filter add dev veth0 ingress protocol ip pref 1 flower classid 1:10 indev veth1 dst_mac 02:00:00:00:00:01 "
          "src_mac 02:00:00:00:00:00/24 ip_proto tcp ip_tos 0x10/0xfc ip_ttl 64 dst_ip 10.0.0.0/24 "
          "src_ip 192.168.1.1/255.255.255.0 dst_port 80 src_port 1024/0xfc00 tcp_flags 0x2/0x12 skip_hw "
          "ip_flags nofrag",
          "filter add dev veth0 ingress protocol ip pref 2 flower ip_proto udp dst_ip 10.1.0.1 src_port 53 "
          "dst_port 1000-2000 ct_state +trk+est ct_zone 5 ct_mark 0x10/0xff "
          "ct_label 0102030405060708090a0b0c0d0e0f10/ffff0000000000000000000000000000",
          "filter add dev veth0 ingress protocol ip pref 3 flower ip_proto sctp dst_port 0x100/0xff00 src_port 1-1023 "
          "ip_flags frag/nofirstfrag",
          "filter add dev veth0 ingress protocol ip pref 4 flower dst_mac 02:00:00:00:00:01 ip_proto udp dst_port 53 "
          "enc_dst_ip 10.0.0.2 enc_src_ip 10.0.0.0/16 enc_key_id 42 enc_dst_port 4789 enc_tos 0x10/0xfc enc_ttl 64 "
          "verbose ip_flags frag/firstfrag",
          "filter add dev veth0 egress protocol ipv6 pref 5 flower ip_proto icmpv6 dst_ip 2001:db8::/64 "
          "src_ip 2001:db8:1::1 type 128 code 0",
          "filter add dev veth0 egress protocol ipv6 pref 6 flower ip_proto udp enc_dst_ip 2001:db8::1 "
          "enc_src_ip 2001:db8::/32 ct_state -trk",
      },
      {"filter show dev veth0 ingress", "filter show dev veth0 egress"});
  // What tc printed of them.
  const nlohmann::json ingress = tc_json(ns_name(), "filter show dev veth0 ingress");
  // (Non-const copies: operator[] of a missing key then fails the test instead of asserting.)
  nlohmann::json web = listed_filter(ingress, 1)["options"];
  EXPECT_EQ(web["classid"], "1:10");
  EXPECT_EQ(web["skip_hw"], true);
  EXPECT_EQ(web["keys"]["src_ip"], "192.168.1.1/24");
  EXPECT_EQ(web["keys"]["dst_port"], 80);
  EXPECT_EQ(web["keys"]["tcp_flags"], "0x2/12");
  nlohmann::json tracked = listed_filter(ingress, 2)["options"]["keys"];
  EXPECT_EQ(tracked["ct_state"], "+trk+est");
  EXPECT_EQ(tracked["dst_port"]["start"], 1000);
  EXPECT_EQ(tracked["dst_port"]["end"], 2000);
  EXPECT_EQ(listed_filter(ingress, 4)["options"]["keys"]["enc_key_id"], 42);
}

TEST_F(CliTcFlower, tags_arp_mpls_and_hardware_classes_through_nlpp_and_tc_agree) {
  expect_nlpp_and_tc_agree(
      {
          "qdisc add dev veth0 clsact",
          "filter add dev veth0 ingress protocol 802.1Q pref 1 flower vlan_id 100 vlan_prio 3 vlan_ethtype ip "
          "ip_proto udp dst_ip 10.2.0.0/16",
          "filter add dev veth0 ingress protocol 802.1ad pref 2 flower num_of_vlans 2 vlan_id 100 vlan_ethtype 802.1Q "
          "cvlan_id 200 cvlan_prio 5 cvlan_ethtype ipv6 ip_proto icmpv6 type 135",
          "filter add dev veth0 ingress protocol arp pref 3 flower arp_tip 10.0.0.1 arp_sip 10.0.0.0/8 arp_op request "
          "arp_tha 02:00:00:00:00:02/40 arp_sha 02:00:00:00:00:01",
          "filter add dev veth0 ingress protocol rarp pref 4 flower arp_op 2/3",
          "filter add dev veth0 ingress protocol mpls_uc pref 5 flower mpls_label 1000 mpls_tc 3 mpls_bos 1 mpls_ttl "
          "64",
          "filter add dev veth0 ingress protocol all pref 6 flower hw_tc 2 dst_mac 01:00:5e:00:00:00/24",
          "filter add dev veth0 ingress protocol all pref 7 handle 5 flower src_mac "
          "02:00:00:00:00:01/ff:ff:00:00:ff:ff "
          "skip_hw",
          // Without a word: tc sends the flags and the ethertype all the same.
          "qdisc add dev veth1 clsact",
          "filter add dev veth1 ingress protocol ip pref 1 flower",
      },
      {"filter show dev veth0 ingress", "filter show dev veth1 ingress"});
  const nlohmann::json ingress = tc_json(ns_name(), "filter show dev veth0 ingress");
  EXPECT_EQ(listed_filter(ingress, 1)["options"]["keys"]["vlan_id"], 100);
  EXPECT_EQ(listed_filter(ingress, 2)["options"]["keys"]["cvlan_id"], 200);
  EXPECT_EQ(listed_filter(ingress, 3)["options"]["keys"]["arp_op"], "request");
  EXPECT_EQ(listed_filter(ingress, 6)["options"]["hw_tc"], 2);
  EXPECT_EQ(listed_filter(ingress, 7)["options"]["handle"], 5);
  EXPECT_EQ(listed_filter(tc_json(ns_name(), "filter show dev veth1 ingress"), 1)["options"]["keys"]["eth_type"],
            "ipv4");
}

// (-d only: -s prints an action's ages, which move between two dumps.)
TEST_F(CliTcFlower, filters_with_actions_and_chains_through_nlpp_and_tc_agree) {
  expect_nlpp_and_tc_agree(
      {
          "qdisc add dev veth0 clsact",
          "filter add dev veth0 ingress protocol ip pref 1 flower ip_proto udp dst_port 53 action drop",
          "filter add dev veth0 ingress protocol ip pref 2 flower ip_proto tcp action mirred egress mirror dev veth1 "
          "action pass",
          "filter add dev veth0 ingress protocol ip pref 3 chain 2 flower dst_ip 10.0.0.1 action gact pass index 5",
          "filter add dev veth0 egress protocol ipv6 pref 4 flower ip_proto icmpv6 type 128 action drop",
      },
      {"filter show dev veth0 ingress", "filter show dev veth0 egress"}, {}, "-d");
  const nlohmann::json ingress = tc_json(ns_name(), "filter show dev veth0 ingress");
  nlohmann::json mirrored = listed_filter(ingress, 2)["options"]["actions"];
  ASSERT_EQ(mirrored.size(), 2u) << mirrored.dump();
  EXPECT_EQ(mirrored[0]["kind"], "mirred");
  EXPECT_EQ(mirrored[0]["to_dev"], "veth1");
  EXPECT_EQ(mirrored[1]["control_action"]["type"], "pass");
  EXPECT_EQ(listed_filter(ingress, 3)["chain"], 2);
}

TEST_F(CliTcFlower, a_template_and_the_filters_of_its_chain_through_nlpp_and_tc_agree) {
  expect_nlpp_and_tc_agree(
      {
          "qdisc add dev veth0 clsact",
          // The protocol is the template's ethertype key; without one, tc's 0.
          "chain add dev veth0 ingress protocol ip chain 3 flower ip_proto udp dst_ip 192.168.0.0/16",
          "chain add dev veth0 ingress chain 4 flower dst_mac 00:11:22:33:44:55",
          "filter add dev veth0 ingress protocol ip chain 3 pref 1 flower ip_proto udp dst_ip 192.168.0.0/16",
      },
      {"chain show dev veth0 ingress", "filter show dev veth0 ingress"});
  // A filter of the chain matches on the template's keys, no others and
  // no more bits of them: the kernel refuses the rest.
  for (const std::string_view keys : {"ip_proto udp dst_port 53", "ip_proto udp dst_ip 192.168.1.1"}) {
    const CommandOutput misfit =
        nlpp("filter add dev veth0 ingress protocol ip chain 3 pref 2 flower " + std::string(keys));
    EXPECT_EQ(misfit.exit_code, 1) << keys << ": " << misfit.err;
  }
}

TEST_F(CliTcFlower, change_replace_get_and_del_act_on_the_filter_named) {
  nlpp_ok("qdisc add dev veth0 clsact");
  const std::string named = "dev veth0 ingress protocol ip pref 1 handle 1 flower";
  nlpp_ok("filter add " + named + " ip_proto udp dst_port 53 classid 1:1");
  nlpp_ok("filter change " + named + " ip_proto udp dst_port 54 classid 1:2");
  nlohmann::json changed = listed_filter(tc_json(ns_name(), "filter show dev veth0 ingress"), 1);
  EXPECT_EQ(changed["options"]["keys"]["dst_port"], 54);
  EXPECT_EQ(changed["options"]["classid"], "1:2");
  nlpp_ok("filter replace " + named + " ip_proto udp dst_port 55 classid 1:3");
  EXPECT_EQ(listed_filter(tc_json(ns_name(), "filter show dev veth0 ingress"), 1)["options"]["keys"]["dst_port"], 55);

  const std::string get = "filter get " + named;
  EXPECT_EQ(nlohmann::json::parse(nlpp_ok("-j " + get)), tc_json(ns_name(), get));
  const std::string table = nlpp_ok("filter show dev veth0 ingress");
  EXPECT_NE(table.find("flower"), std::string::npos) << table;

  // The kernel keeps a filter's keys: a change to others is its refusal.
  const CommandOutput new_keys = nlpp("filter change " + named + " ip_proto udp dst_port 55 dst_ip 10.0.0.1");
  EXPECT_EQ(new_keys.exit_code, 1) << new_keys.err;

  nlpp_ok("filter del " + named);
  EXPECT_EQ(tc_json(ns_name(), "filter show dev veth0 ingress"), nlohmann::json::array());
}

// Words tc refuses (and keys nlpp's checks refuse) are usage errors: no
// kernel needed.
class CliTcFlowerWords : public NlppCliTest {
 protected:
  void SetUp() override {
    NlppCliTest::SetUp();
    if (HasFatalFailure()) return;
    ip_run(ns_name(), "link add veth0 type veth peer name veth1");
    tc_run(ns_name(), "qdisc add dev veth0 clsact");
  }
};

TEST_F(CliTcFlowerWords, bad_words_fail_with_exit_status_2_and_send_nothing) {
  const std::string ip = "filter add dev veth0 ingress protocol ip flower ";
  const std::vector<std::pair<std::string, std::string_view>> refused{
      {ip + "dst_port 80", "ports need ip_proto tcp, udp or sctp before them"},
      {ip + "dst_port 80 ip_proto tcp", "ports need ip_proto"},  // tc reads them in order
      {ip + "ip_proto tcp dst_port 0", "Illegal \"dst_port\""},
      {ip + "ip_proto udp dst_port 2000-1000", "max value should be greater than min value"},
      {ip + "ip_proto udp dst_port 53 dst_port 54", "duplicate \"dst_port\""},
      {ip + "ip_proto tcp tcp_flags 0x1000", "TCP has 12 flag bits"},
      {ip + "ip_proto bogus", "Illegal \"ip_proto\""},
      {ip + "ip_tos 256", "Illegal \"ip_tos\""},
      {ip + "dst_ip 2001:db8::1", "an IPv4 prefix is expected"},
      {ip + "dst_ip 10.0.0.0/33", "not a prefix length or a netmask"},
      {ip + "src_ip 10.0.0.0/255.0.255.0", "not a prefix length or a netmask"},
      {ip + "vlan_id 5", "Can't set \"vlan_id\" if ethertype isn't 802.1Q or 802.1AD and num_of_vlans is 0"},
      {ip + "mpls_label 5", "Can't set \"mpls_label\" if ethertype isn't MPLS"},
      {ip + "type 8", "type and code need ip_proto icmp or icmpv6 before them"},
      {ip + "arp_op request", "the ethertype is not arp or rarp"},
      {ip + "arp_sha 02:00:00:00:00:01", "the arp keys need ethertype arp or rarp"},  // nlpp's check
      {ip + "dst_mac 02:00:00:00:00:01/49", "a mask is at most 48 bits"},
      {ip + "dst_mac 02:00:00:00:00:zz", "not a link-layer address"},
      {ip + "ct_state +trk+bogus", "the states are trk, new, est, rel, inv, rpl"},
      {ip + "ct_label 123", "a label is an even number of hex digits"},
      {ip + "ip_flags frag/bogus", "the flags are frag and firstfrag"},
      {ip + "hw_tc 16", "TC index exceeds max range"},
      {ip + "classid 1:1 hw_tc 1", "the filter has a class already"},
      {ip + "skip_hw skip_sw", "skip_hw and skip_sw are mutually exclusive"},
      {ip + "indev a/b", "not a valid ifname"},
      {ip + "enc_key_id 0x10", "Illegal \"enc_key_id\""},  // decimal only, as tc reads it
      {ip + "geneve_opts 0102:80:00880022", "\"geneve_opts\" is not supported yet"},
      {ip + "mpls lse depth 1 label 5", "\"mpls\" is not supported yet"},
      {ip + "bogus", "unknown word \"bogus\""},
      {ip + "action mirred egress redirect", ""},
      {"filter add dev veth0 ingress protocol ipv6 flower ip_proto icmp", "icmp is IPv4's"},
      {"filter add dev veth0 ingress protocol arp flower ip_proto tcp", "the ethertype is not ip or ipv6"},
      {"filter add dev veth0 ingress protocol arp flower arp_op 3", "the operations are request and reply"},
      {"filter add dev veth0 ingress protocol 802.1Q flower vlan_id 4096", "a vlan id is 0-4095"},
      {"filter add dev veth0 ingress protocol 802.1Q flower vlan_prio 8", "a vlan priority is 0-7"},
      {"filter add dev veth0 ingress protocol 802.1Q flower cvlan_id 5", "Can't set \"cvlan_id\""},
      {"filter add dev veth0 ingress protocol mpls_uc flower mpls_label 1048576", "more than 20 bits"},
      {"filter add dev veth0 ingress protocol ppp_ses flower pppoe_sid 5", "\"pppoe_sid\" is not supported yet"},
      {"filter add dev veth0 ingress flower dst_ip 10.0.0.1", "the ethertype is not ip or ipv6"},  // protocol all
  };
  for (const auto& [words, why] : refused) {
    const CommandOutput output = nlpp(words);
    EXPECT_EQ(output.exit_code, 2) << words << ": " << output.err;
    EXPECT_FALSE(output.err.empty()) << words;
    EXPECT_NE(output.err.find(why), std::string::npos) << words << ": " << output.err;
  }
  EXPECT_EQ(tc_json(ns_name(), "filter show dev veth0 ingress"), nlohmann::json::array());
}

// The requests nlpp sends for the words of each golden, read from strace's
// dump of what the process wrote to its netlink socket.
class CliTcFlowerRequests : public NlppCliTest {
 protected:
  void SetUp() override {
    NlppCliTest::SetUp();
    if (HasFatalFailure()) return;
    const Result<CommandOutput> strace = run_command({"strace", "-V"});
    if (!strace || strace->exit_code != 0) GTEST_SKIP() << "no strace here";
    // The goldens' links: v1 ifindex 2, v0 ifindex 3.
    ip_run(ns_name(), "link add v0 type veth peer name v1");
    ASSERT_EQ(ip_json(ns_name(), "link show v0")[0]["ifindex"], 3);
    tc_run(ns_name(), "qdisc add dev v0 clsact");
  }

  // The RTM_NEWTFILTER `nlpp -n NS WORDS` sent, nlmsg_seq and the port id
  // zeroed as in the goldens; whether the kernel took it does not matter.
  std::vector<std::byte> filter_request(std::string_view words) {
    std::vector<std::string> argv{"strace", "-f",          "-qq", "-e",     "trace=sendto,sendmsg", "-e", "write=all",
                                  "-xx",    NLPP_CLI_PATH, "-n",  ns_name()};
    std::istringstream split{std::string(words)};
    for (std::string word; split >> word;) argv.push_back(word);
    const Result<CommandOutput> ran = run_command(argv);
    if (!ran) {
      ADD_FAILURE() << command_line(argv);
      return {};
    }
    // Each send's bytes follow it as " | 00000  2c 00 05 06 ...  ascii |".
    std::vector<std::vector<std::byte>> sent;
    std::istringstream lines{ran->err};
    for (std::string line; std::getline(lines, line);) {
      if (line.find("sendto(") != std::string::npos || line.find("sendmsg(") != std::string::npos) {
        sent.emplace_back();
      } else if (line.starts_with(" | ") && !sent.empty()) {
        constexpr size_t hex_start = 10;  // after " | 00000  "
        constexpr size_t hex_size = 16 * 3 + 1;
        std::istringstream hex{line.substr(hex_start, hex_size)};
        for (std::string byte; hex >> byte;)
          sent.back().push_back(static_cast<std::byte>(std::stoul(byte, nullptr, 16)));
      }
    }
    for (std::vector<std::byte>& message : sent) {
      if (message.size() < sizeof(nlmsghdr) ||
          reinterpret_cast<const nlmsghdr*>(message.data())->nlmsg_type != RTM_NEWTFILTER)
        continue;
      std::fill(message.begin() + offsetof(nlmsghdr, nlmsg_seq), message.begin() + sizeof(nlmsghdr), std::byte{0});
      return message;
    }
    ADD_FAILURE() << "nlpp sent no filter: " << ran->err;
    return {};
  }
};

// The tc command a golden holds, from its first comment line ("# tc ...").
std::string tc_words_of(const std::string& golden) {
  std::ifstream in(std::string(NLPP_TEST_DATA_DIR) + "/golden/" + golden + ".hex");
  std::string first;
  std::getline(in, first);
  constexpr std::string_view prefix = "# tc ";
  EXPECT_TRUE(first.starts_with(prefix)) << golden << ": " << first;
  return first.starts_with(prefix) ? first.substr(prefix.size()) : "";
}

TEST_F(CliTcFlowerRequests, the_words_of_tc_s_requests_make_its_very_bytes) {
  for (const std::string name : {"tcp", "udp_ct", "icmpv6", "qinq", "arp", "tunnel", "mpls", "hw_tc"}) {
    const std::string golden = "tc_filter_add_flower_" + name + ".request";
    const std::string words = tc_words_of(golden);
    ASSERT_FALSE(words.empty()) << golden;
    EXPECT_EQ(filter_request(words), golden_bytes(golden)) << words;
  }
}

}  // namespace
}  // namespace nlpp::test
#endif  // NLPP_CLI_PATH

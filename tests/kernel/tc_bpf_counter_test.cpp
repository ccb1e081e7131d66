// An eBPF program loaded by nlpp (nlpp::bpf) and attached by nlpp (a
// clsact qdisc and a direct-action bpf filter, nlpp::rtnl) counts the
// packets that reach a link in a map that nlpp reads back; nlpp's filter
// dump and `tc -j filter show` both name the program by its id. The
// program is tests/support/bpf_counter.hpp's: it adds 1 to the map's
// counter and returns TC_ACT_OK, so the packets go on to a socket.
//
// The namespace holds veth0; its peer veth1 is moved to a second
// namespace, which sends the packets. Nothing else may reach veth0 while
// the filter counts: IPv6 is off on both ends (no router solicitations,
// no MLD, no DAD), the sender knows veth0's MAC (a permanent neighbour:
// no ARP), and a socket takes the packets (no ICMP port unreachable, whose
// ARP request would bring back a reply).
#include <nlpp/bpf/map.hpp>
#include <nlpp/bpf/program.hpp>
#include <nlpp/netns/netns.hpp>
#include <nlpp/rtnl/qdisc.hpp>
#include <nlpp/rtnl/tc_filter.hpp>

#include "kernel/route_fixture.hpp"
#include "support/bpf_counter.hpp"
#include "support/iproute2.hpp"
#include "support/scoped_netns.hpp"
#include "support/udp_sender.hpp"

#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <gtest/gtest.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace nlpp::rtnl {
namespace {

class TcBpfCounter : public test::RoutingTest {
 protected:
  void SetUp() override {
    RoutingTest::SetUp();
    if (HasFatalFailure()) return;
    Result<test::ScopedNetns> created = test::ScopedNetns::create();
    ASSERT_TRUE(created) << created.error().describe();
    peer_.emplace(std::move(*created));
    test::ip_netns("exec " + ns_name() + " sysctl -qw net.ipv6.conf.veth0.disable_ipv6=1");
    test::ip_run(ns_name(), "addr add 10.9.0.1/24 dev veth0");
    // A link moved to another namespace gets that namespace's IPv6
    // settings: it is turned off there before the link comes up.
    test::ip_run(ns_name(), "link set veth1 netns " + peer_->name());
    test::ip_netns("exec " + peer_->name() + " sysctl -qw net.ipv6.conf.veth1.disable_ipv6=1");
    test::ip_run(peer_->name(), "addr add 10.9.0.2/24 dev veth1");
    test::ip_run(peer_->name(), "link set veth1 up");
    test::ip_run(peer_->name(), "neigh replace 10.9.0.1 lladdr " +
                                    test::ip_json(ns_name(), "link show veth0")[0]["address"].get<std::string>() +
                                    " dev veth1");
  }

  template <RtnlObject T>
  void add(const T& object) {
    Result<io::Ack> added = ip_route().add(object);
    ASSERT_TRUE(added) << added.error().describe();
  }

  // A UDP socket of this namespace bound to 10.9.0.1:9, waiting at most
  // 5 s for each datagram.
  UniqueFd receiver() {
    Result<UniqueFd> udp = netns::open_socket(ns_ref(), AF_INET, SOCK_DGRAM, 0);
    EXPECT_TRUE(udp) << udp.error().describe();
    if (!udp) return UniqueFd();
    const timeval timeout{.tv_sec = 5, .tv_usec = 0};
    EXPECT_EQ(setsockopt(udp->get(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout), 0);
    const sockaddr_in address = to_port_9();
    EXPECT_EQ(bind(udp->get(), reinterpret_cast<const sockaddr*>(&address), sizeof address), 0) << std::strerror(errno);
    return std::move(udp).value();
  }

  // Sends count datagrams of 100 bytes from the peer to 10.9.0.1:9.
  void send_from_peer(int count) { test::send_udp(peer_->ref(), "10.9.0.1", count); }

  static sockaddr_in to_port_9() {
    sockaddr_in address{.sin_family = AF_INET, .sin_port = htons(9), .sin_addr = {}, .sin_zero = {}};
    EXPECT_EQ(inet_pton(AF_INET, "10.9.0.1", &address.sin_addr), 1);
    return address;
  }

  // The filter of a listing that carries the bpf options (the listing
  // also holds its priority, without options).
  std::optional<tc::BpfFilter> listed_bpf_filter() {
    std::vector<TcFilter> listed =
        ip_route().dump<TcFilter>({.ifindex = "veth0", .parent = TcHandle::clsact_ingress()}).value();
    for (const TcFilter& filter : listed)
      if (const auto* bpf = std::get_if<tc::BpfFilter>(&filter.options)) return *bpf;
    return std::nullopt;
  }

  std::optional<test::ScopedNetns> peer_;
};

// "c3a1..." as tc prints a program's tag.
std::string hex(const std::array<uint8_t, BPF_TAG_SIZE>& tag) {
  std::string text;
  for (uint8_t byte : tag) {
    char digits[3];
    std::snprintf(digits, sizeof digits, "%02x", byte);
    text += digits;
  }
  return text;
}

TEST_F(TcBpfCounter, a_direct_action_program_on_clsact_ingress_counts_packets_in_a_map_nlpp_reads) {
  add(Qdisc{.ifindex = "veth0", .kind = "clsact"});
  Result<bpf::Map> created = test::create_counter_map();
  ASSERT_TRUE(created) << created.error().describe();
  const bpf::Map counter = std::move(created).value();
  Result<bpf::Program> loaded = test::load_counting_program(counter);
  ASSERT_TRUE(loaded) << loaded.error().describe();
  const bpf::Program program = std::move(loaded).value();
  add(TcFilter{.ifindex = "veth0",
               .parent = TcHandle::clsact_ingress(),
               .priority = 1,
               .protocol = ETH_P_ALL,
               .options = tc::BpfFilter{.fd = program.fd(), .name = "counter", .direct_action = true}});

  const UniqueFd udp = receiver();
  ASSERT_TRUE(udp);
  constexpr int sent = 20;
  send_from_peer(sent);
  // Each one passed the program (TC_ACT_OK) to the socket, so each was
  // counted before recv() returns it.
  char datagram[200];
  for (int i = 0; i < sent; ++i)
    ASSERT_EQ(recv(udp.get(), datagram, sizeof datagram, 0), 100) << "datagram " << i << ": " << std::strerror(errno);

  Result<std::optional<uint64_t>> count = counter.lookup<uint32_t, uint64_t>(0);
  ASSERT_TRUE(count) << count.error().describe();
  EXPECT_EQ(*count, uint64_t{sent});

  // The attached program is the one loaded: nlpp's dump and tc name it by its id.
  const bpf::ProgramInfo info = program.info().value();
  const std::optional<tc::BpfFilter> listed = listed_bpf_filter();
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->id, info.id);
  EXPECT_EQ(listed->tag, info.tag);
  EXPECT_EQ(listed->name, "counter");
  EXPECT_TRUE(listed->direct_action);

  // tc 6.1 prints the filter's name, its flag, and the program as the
  // kernel describes it by id (lib/bpf_legacy.c, bpf_dump_prog_info()).
  const nlohmann::json shown = test::tc_json(ns_name(), "filter show dev veth0 ingress");
  ASSERT_FALSE(shown.empty());
  const nlohmann::json& options = shown.back()["options"];
  EXPECT_EQ(options["bpf_name"], "counter");
  EXPECT_EQ(options["direct-action"], true);
  EXPECT_EQ(options["prog"]["id"], info.id);
  EXPECT_EQ(options["prog"]["name"], "count_packets");
  EXPECT_EQ(options["prog"]["tag"], hex(info.tag));
}

}  // namespace
}  // namespace nlpp::rtnl

// Routes against the kernel, each test in a fresh namespace with a veth
// pair: added, replaced, got, dumped and deleted through nlpp, read back
// through nlpp and through `ip -j -d route show`; and the kernel's errors.
#include <nlpp/rtnl/route.hpp>
#include <nlpp/rtnl/route_query.hpp>

#include "kernel/route_fixture.hpp"
#include "support/iproute2.hpp"
#include "support/subprocess.hpp"

#include <gtest/gtest.h>

#include <linux/bpf.h>
#include <linux/icmpv6.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iterator>

namespace nlpp::rtnl {
namespace {

using test::ip;
using test::kernel_error;
using test::prefix;

// A BPF program of the type that returns 0 (BPF_OK, "go on"), loaded
// through bpf(2); the fd is invalid when the kernel refuses it.
UniqueFd load_bpf_program(bpf_prog_type type) {
  const bpf_insn program[] = {
      {.code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .src_reg = 0, .off = 0, .imm = 0},
      {.code = BPF_JMP | BPF_EXIT, .dst_reg = 0, .src_reg = 0, .off = 0, .imm = 0}};
  static constexpr char license[] = "GPL";
  bpf_attr attributes{};
  attributes.prog_type = type;
  attributes.insns = reinterpret_cast<uintptr_t>(program);
  attributes.insn_cnt = std::size(program);
  attributes.license = reinterpret_cast<uintptr_t>(license);
  return UniqueFd(static_cast<int>(::syscall(SYS_bpf, BPF_PROG_LOAD, &attributes, sizeof attributes)));
}

class Routes : public test::RoutingTest {
 protected:
  // The one route of the dump that has dst.
  Route dumped(const RouteFilter& filter, const IpPrefix& dst) {
    Result<std::vector<Route>> routes = ip_route().dump<Route>(filter);
    EXPECT_TRUE(routes) << routes.error().describe();
    std::vector<Route> found;
    for (Route& route : routes.value_or(std::vector<Route>{}))
      if (route.dst == dst) found.push_back(std::move(route));
    EXPECT_EQ(found.size(), 1u) << dst.to_string();
    return found.empty() ? Route{} : found.front();
  }

  // `ip -j -d [-6] route show ARGS`: its one route.
  nlohmann::json shown(std::string_view args, std::string_view family = "") {
    const nlohmann::json routes = test::ip_json(ns_name(), std::string(family) + " route show " + std::string(args));
    EXPECT_EQ(routes.size(), 1u) << routes;
    return routes.empty() ? nlohmann::json() : routes[0];
  }

  void add(const Route& route) {
    Result<io::Ack> added = ip_route().add(route);
    ASSERT_TRUE(added) << added.error().describe();
  }
};

TEST_F(Routes, a_dump_of_a_table_nobody_has_used_is_empty_and_then_holds_what_is_added) {
  // iproute2 reads the kernel's ENOENT for this dump and fails
  // ("FIB table does not exist"); nlpp, as pyroute2, returns no route.
  Result<test::CommandOutput> ip_show =
      test::run_command({"ip", "-n", ns_name(), "-j", "route", "show", "table", "4242"});
  ASSERT_TRUE(ip_show);
  EXPECT_NE(ip_show->exit_code, 0);
  EXPECT_NE(ip_show->err.find("FIB table does not exist"), std::string::npos) << ip_show->err;
  for (const uint8_t family : {uint8_t{AF_INET}, uint8_t{AF_INET6}}) {
    Result<std::vector<Route>> routes = ip_route().dump<Route>({.family = family, .table = 4242});
    ASSERT_TRUE(routes) << routes.error().describe();
    EXPECT_TRUE(routes->empty());
  }
  test::ip_run(ns_name(), "route add 198.51.100.0/24 dev veth0 table 4242");
  Result<std::vector<Route>> routes = ip_route().dump<Route>({.family = AF_INET, .table = 4242});
  ASSERT_TRUE(routes) << routes.error().describe();
  ASSERT_EQ(routes->size(), 1u);
  EXPECT_EQ(routes->front().dst, prefix("198.51.100.0/24"));
  EXPECT_EQ(routes->front().table, 4242u);
}

TEST_F(Routes, adds_a_route_in_table_1000_with_locked_mtu_advmss_and_hoplimit) {
  Route route{.dst = prefix("198.51.100.0/24"), .gateway = ip("192.0.2.254"), .table = 1000, .priority = 5};
  RouteMetrics& metrics = route.extras.edit().metrics;
  metrics.mtu = 1400;
  metrics.advmss = 1360;
  metrics.hoplimit = 32;
  metrics.locked = RouteMetrics::lock_bit(RTAX_MTU);
  add(route);

  const Route read = dumped({.family = AF_INET, .table = 1000}, route.dst);
  EXPECT_EQ(read.table, 1000u);
  EXPECT_EQ(read.gateway, route.gateway);
  EXPECT_EQ(read.oif, veth0_);
  EXPECT_EQ(read.priority, 5u);
  EXPECT_EQ(read.extras->metrics, metrics);
  EXPECT_EQ(ObjectTraits<Route>::key(read), ObjectTraits<Route>::key(route));

  const nlohmann::json shown_route = shown("table 1000");
  EXPECT_EQ(shown_route["dst"], "198.51.100.0/24");
  EXPECT_EQ(shown_route["gateway"], "192.0.2.254");
  EXPECT_EQ(shown_route["metric"], 5);
  EXPECT_EQ(shown_route["metrics"][0]["mtu"], 1400);
  EXPECT_EQ(shown_route["metrics"][0]["advmss"], 1360);
  EXPECT_EQ(shown_route["metrics"][0]["hoplimit"], 32);
  // iproute2 prints the lock in its text output only.
  EXPECT_NE(test::ip_run(ns_name(), "route show table 1000").find("mtu lock 1400"), std::string::npos);
}

TEST_F(Routes, replace_changes_the_route_with_the_same_key_and_delete_removes_it) {
  const Route route{.dst = prefix("198.51.100.0/24"), .gateway = ip("192.0.2.254")};
  add(route);
  Route changed = route;
  changed.gateway = ip("192.0.2.253");
  ASSERT_TRUE(ip_route().replace(changed));
  EXPECT_EQ(shown("198.51.100.0/24")["gateway"], "192.0.2.253");
  EXPECT_EQ(dumped({.family = AF_INET, .table = RT_TABLE_MAIN}, route.dst).gateway, changed.gateway);

  // A key alone deletes it: `ip route del` matches any type, protocol and scope.
  Result<io::Ack> deleted = ip_route().del(Route{.dst = route.dst});
  ASSERT_TRUE(deleted) << deleted.error().describe();
  EXPECT_TRUE(test::ip_json(ns_name(), "route show 198.51.100.0/24").empty());
}

TEST_F(Routes, adding_a_route_twice_fails_with_eexist) {
  const Route route{.dst = prefix("198.51.100.0/24"), .gateway = ip("192.0.2.254")};
  add(route);
  Result<io::Ack> again = ip_route().add(route);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), kernel_error(EEXIST));
}

TEST_F(Routes, deleting_a_missing_route_fails_with_esrch) {
  Result<io::Ack> deleted = ip_route().del(Route{.dst = prefix("198.51.100.0/24")});
  ASSERT_FALSE(deleted);
  EXPECT_EQ(deleted.error().code(), kernel_error(ESRCH));
}

TEST_F(Routes, gateway_no_link_reaches_fails_with_enetunreach) {
  Result<io::Ack> added = ip_route().add(Route{.dst = prefix("198.51.100.0/24"), .gateway = ip("203.0.113.1")});
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code(), kernel_error(ENETUNREACH));
  EXPECT_EQ(added.error().ext_ack().message, "Nexthop has invalid gateway");
}

TEST_F(Routes, attribute_of_the_wrong_size_is_refused_with_an_extended_ack_naming_it) {
  // An RTA_OIF of 2 bytes, sent through the unknown attributes nlpp keeps.
  Route route{.dst = prefix("198.51.100.0/24"), .gateway = ip("192.0.2.254")};
  route.extras.edit().unknown = {{.type = RTA_OIF, .payload = {std::byte{1}, std::byte{0}}}};
  Result<io::Ack> added = ip_route().add(route);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code(), kernel_error(ERANGE));
  EXPECT_EQ(added.error().ext_ack().message, "Attribute failed policy validation");
  EXPECT_EQ(added.error().ext_ack().attribute_path, "oif");
}

TEST_F(Routes, multipath_route_keeps_its_weights) {
  Route route{.dst = prefix("203.0.113.0/24")};
  route.extras.edit().multipath = {{.gateway = ip("192.0.2.2"), .ifindex = veth0_, .weight = 1},
                                   {.gateway = ip("192.0.2.3"), .ifindex = veth0_, .weight = 3}};
  add(route);

  const Route read = dumped({.family = AF_INET}, route.dst);
  ASSERT_EQ(read.extras->multipath.size(), 2u);
  EXPECT_EQ(read.extras->multipath[0].gateway, ip("192.0.2.2"));
  EXPECT_EQ(read.extras->multipath[1].weight, 3);
  EXPECT_EQ(read.extras->multipath[1].ifindex, veth0_);

  const nlohmann::json nexthops = shown("203.0.113.0/24")["nexthops"];
  ASSERT_EQ(nexthops.size(), 2u);
  EXPECT_EQ(nexthops[0]["gateway"], "192.0.2.2");
  EXPECT_EQ(nexthops[1]["gateway"], "192.0.2.3");
  EXPECT_EQ(nexthops[1]["weight"], 3);
  EXPECT_EQ(nexthops[1]["dev"], "veth0");
}

TEST_F(Routes, ipv6_route_with_a_metric_and_a_high_router_preference) {
  const Route route{.pref = ICMPV6_ROUTER_PREF_HIGH,
                    .dst = prefix("2001:db8:1::/64"),
                    .gateway = ip("2001:db8::2"),
                    .priority = 100,
                    .oif = veth0_};
  add(route);
  const Route read = dumped({.family = AF_INET6}, route.dst);
  EXPECT_EQ(read.family, AF_INET6);
  EXPECT_EQ(read.pref, ICMPV6_ROUTER_PREF_HIGH);
  EXPECT_EQ(read.priority, 100u);
  EXPECT_EQ(read.gateway, route.gateway);

  const nlohmann::json shown_route = shown("2001:db8:1::/64", "-6");
  EXPECT_EQ(shown_route["gateway"], "2001:db8::2");
  EXPECT_EQ(shown_route["metric"], 100);
  EXPECT_EQ(shown_route["pref"], "high");
}

TEST_F(Routes, ipv4_route_through_an_ipv6_gateway_uses_rta_via) {
  const Route route{.dst = prefix("198.51.100.128/25"), .gateway = ip("2001:db8::2"), .oif = veth0_};
  add(route);
  EXPECT_EQ(dumped({.family = AF_INET}, route.dst).gateway, route.gateway);
  const nlohmann::json via = shown("198.51.100.128/25")["via"];
  EXPECT_EQ(via["family"], "inet6");
  EXPECT_EQ(via["host"], "2001:db8::2");
}

TEST_F(Routes, route_get_returns_the_route_the_kernel_would_use) {
  add(Route{.dst = prefix("198.51.100.0/24"), .gateway = ip("192.0.2.254")});
  Result<Route> resolved = ip_route().run(RouteQuery{.dst = ip("198.51.100.7")});
  ASSERT_TRUE(resolved) << resolved.error().describe();
  EXPECT_EQ(resolved->dst, prefix("198.51.100.7/32"));
  EXPECT_EQ(resolved->gateway, ip("192.0.2.254"));
  EXPECT_EQ(resolved->oif, veth0_);
  EXPECT_EQ(resolved->prefsrc, ip("192.0.2.1"));
  EXPECT_NE(resolved->flags & RTM_F_CLONED, 0u);

  Result<Route> entry = ip_route().run(RouteQuery{.dst = ip("198.51.100.7"), .fib_match = true});
  ASSERT_TRUE(entry) << entry.error().describe();
  EXPECT_EQ(entry->dst, prefix("198.51.100.0/24"));

  // IpRoute::get() of a route asks for the FIB entry of its destination.
  Result<Route> got = ip_route().get(Route{.dst = prefix("198.51.100.0/24")});
  ASSERT_TRUE(got) << got.error().describe();
  EXPECT_EQ(got->gateway, ip("192.0.2.254"));
}

TEST_F(Routes, route_get_of_a_destination_without_a_route_fails_with_enetunreach) {
  Result<Route> resolved = ip_route().run(RouteQuery{.dst = ip("10.99.0.1")});
  ASSERT_FALSE(resolved);
  EXPECT_EQ(resolved.error().code(), kernel_error(ENETUNREACH));
}

TEST_F(Routes, dump_is_filtered_by_table_protocol_type_and_link) {
  add(Route{.protocol = RTPROT_STATIC, .dst = prefix("198.51.100.0/24"), .gateway = ip("192.0.2.254"), .table = 100});
  add(Route{.type = RouteType::blackhole, .dst = prefix("198.51.100.128/25"), .table = 100});
  add(Route{.type = RouteType::unreachable, .dst = prefix("203.0.113.0/24"), .table = 200});

  const auto destinations = [&](const RouteFilter& filter) {
    std::vector<std::string> found;
    for (const Route& route : ip_route().dump<Route>(filter).value()) found.push_back(route.dst.to_string());
    return found;
  };
  using Names = std::vector<std::string>;
  EXPECT_EQ(destinations({.family = AF_INET, .table = 100}), (Names{"198.51.100.0/24", "198.51.100.128/25"}));
  EXPECT_EQ(destinations({.family = AF_INET, .protocol = RTPROT_STATIC}), Names{"198.51.100.0/24"});
  EXPECT_EQ(destinations({.family = AF_INET, .type = RouteType::unreachable}), Names{"203.0.113.0/24"});
  EXPECT_EQ(destinations({.family = AF_INET, .table = 100, .oif = veth0_}), Names{"198.51.100.0/24"});
  // All families: nlpp filters the table itself.
  EXPECT_EQ(destinations({.table = 200}), Names{"203.0.113.0/24"});
}

TEST_F(Routes, ipv6_source_specific_route_is_told_apart_by_its_source) {
  Route route{.dst = prefix("2001:db8:7::/64"), .gateway = ip("2001:db8::2"), .oif = veth0_};
  route.extras.edit().src = prefix("2001:db8:100::/56");
  add(route);
  const Route read = dumped({.family = AF_INET6}, route.dst);
  EXPECT_EQ(read.extras->src, route.extras->src);
  EXPECT_EQ(shown("from 2001:db8:100::/56 2001:db8:7::/64", "-6")["from"], "2001:db8:100::/56");
}

TEST_F(Routes, seg6_encap_and_seg6local_behaviour_read_back_through_nlpp_and_ip) {
  Route encap{.dst = prefix("2001:db8:2::/64"), .oif = veth0_};
  encap.extras.edit().encap = Seg6Encap{.srh = {.segments = {ip("2001:db8::10"), ip("2001:db8::11")}}};
  Route local{.dst = prefix("2001:db8:3::1/128"), .oif = veth0_};
  local.extras.edit().encap = Seg6LocalEncap{.action = Seg6LocalAction::end_dx6, .nh6 = ip("2001:db8::2")};
  for (const Route* route : {&encap, &local}) {
    Result<io::Ack> added = ip_route().add(*route);
    if (!added && added.error().code() == kernel_error(EOPNOTSUPP))
      GTEST_SKIP() << "this kernel lacks seg6: " << added.error().describe();
    ASSERT_TRUE(added) << added.error().describe();
    EXPECT_EQ(dumped({.family = AF_INET6}, route->dst).extras->encap, route->extras->encap);
  }
  const nlohmann::json seg6 = shown("2001:db8:2::/64", "-6");
  EXPECT_EQ(seg6["encap"], "seg6");
  EXPECT_EQ(seg6["mode"], "encap");
  EXPECT_EQ(seg6["segs"], nlohmann::json::array({"2001:db8::10", "2001:db8::11"}));
  const nlohmann::json shown_local = shown("2001:db8:3::1", "-6");
  EXPECT_EQ(shown_local["encap"], "seg6local");
  EXPECT_EQ(shown_local["action"], "End.DX6");
  EXPECT_EQ(shown_local["nh6"], "2001:db8::2");
}

TEST_F(Routes, ip_tunnel_encap_reads_back_with_the_kernel_defaults) {
  Route route{.dst = prefix("10.10.0.0/24"), .oif = veth0_};
  route.extras.edit().encap = IpEncap{.id = 10, .dst = ip("198.51.100.1"), .ttl = 64};
  add(route);
  const Route read = dumped({.family = AF_INET}, route.dst);
  ASSERT_TRUE(read.extras->encap);
  const auto& encap = std::get<IpEncap>(*read.extras->encap);
  EXPECT_EQ(encap.id, 10u);
  EXPECT_EQ(encap.dst, ip("198.51.100.1"));
  EXPECT_EQ(encap.ttl, 64);
  const nlohmann::json shown_route = shown("10.10.0.0/24");
  EXPECT_EQ(shown_route["encap"], "ip");
  EXPECT_EQ(shown_route["id"], 10);
  EXPECT_EQ(shown_route["ttl"], 64);
}

TEST_F(Routes, bpf_encap_attaches_programs_by_fd_and_reports_them_by_name) {
  const UniqueFd in = load_bpf_program(BPF_PROG_TYPE_LWT_IN);
  const UniqueFd xmit = load_bpf_program(BPF_PROG_TYPE_LWT_XMIT);
  ASSERT_TRUE(in && xmit) << "bpf(BPF_PROG_LOAD): " << std::strerror(errno);
  Route route{.dst = prefix("10.40.0.0/24"), .oif = veth0_};
  route.extras.edit().encap = BpfEncap{.in = BpfProgram{.fd = in.get(), .name = "nlpp_in"},
                                       .xmit = BpfProgram{.fd = xmit.get(), .name = "nlpp_xmit"}};
  Result<io::Ack> added = ip_route().add(route);
  if (!added && added.error().code() == kernel_error(EOPNOTSUPP))
    GTEST_SKIP() << "this kernel lacks BPF lightweight tunnels: " << added.error().describe();
  ASSERT_TRUE(added) << added.error().describe();

  const Route read = dumped({.family = AF_INET}, route.dst);
  ASSERT_TRUE(read.extras->encap);
  const auto& encap = std::get<BpfEncap>(*read.extras->encap);
  ASSERT_TRUE(encap.in && encap.xmit);
  EXPECT_EQ(encap.in->name, "nlpp_in");
  EXPECT_EQ(encap.xmit->name, "nlpp_xmit");
  EXPECT_EQ(encap.in->fd, -1);  // the kernel reports no fd
  EXPECT_FALSE(encap.out);
  const std::string text = test::ip_run(ns_name(), "route show 10.40.0.0/24");
  EXPECT_NE(text.find("encap bpf in nlpp_in"), std::string::npos) << text;
  EXPECT_NE(text.find("xmit nlpp_xmit"), std::string::npos) << text;
}

}  // namespace
}  // namespace nlpp::rtnl

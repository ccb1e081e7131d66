// The state the comparisons with `ip -j -d` are made on
// (format_iproute2_test.cpp builds it with ip, cli_iproute2_test.cpp with
// nlpp): every command is written in words both tools take.
#pragma once

#include <string_view>

namespace nlpp::test {

/// A bridge with a veth port, a vxlan on it and a macvlan; IPv4 and IPv6
/// addresses, a peer address with a metric; a multipath route with
/// metrics, an IPv6 route, a blackhole route in table 100; IPv4 and IPv6
/// neighbours, one a router.
inline constexpr std::string_view comparison_topology[] = {
    "link add br0 type bridge",
    "link add v0 type veth peer name v1",
    "link set v0 master br0",
    "link set br0 up",
    "link set v0 up",
    "link set v1 up",
    "link add vx0 type vxlan id 42 dstport 4789 local 10.0.0.1 ttl 64 dev br0",
    "link add mv0 link v1 type macvlan mode bridge",
    "link set dev br0 alias the-bridge",
    "address add 10.0.0.1/24 broadcast + dev br0",
    "address add 2001:db8::1/64 dev br0 nodad",
    "address add 10.1.0.1/24 dev v1",
    "address add 10.9.0.1 peer 10.9.0.2/32 dev v1 metric 20",
    "route add 198.51.100.0/24 metric 100 mtu lock 1400 advmss 1360 "
    "nexthop via 10.0.0.2 dev br0 weight 1 nexthop via 10.1.0.2 dev v1 weight 3",
    "-6 route add 2001:db8:5::/48 via 2001:db8::2 dev br0 metric 50",
    "route add blackhole 203.0.113.0/24 table 100 proto static",
    "neighbour add 10.0.0.2 lladdr 02:00:00:00:00:02 dev br0 nud permanent",
    "neighbour add 2001:db8::2 lladdr 02:00:00:00:00:03 dev br0 router nud permanent",
};

}  // namespace nlpp::test

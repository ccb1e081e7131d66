// How a Link maps onto IFLA_* attributes: one line per member (struct
// ifinfomsg is written by hand, link.cpp). The lines that diff() compares
// come in the order iproute2 sends them (IFLA_IFNAME after the others), so
// that the same link makes the same bytes; the counters and the kind follow.
#pragma once

#include <nlpp/rtnl/link.hpp>

#include "codec/field.hpp"
#include "codec/field_table.hpp"
#include "codec/mac_sized.hpp"
#include "rtnl/link/link_info_codec.hpp"

#include <linux/if_link.h>

#include <array>
#include <tuple>

namespace nlpp::rtnl {

// IFLA_IFALIAS as iproute2 sends it, without a NUL: the kernel takes the
// alias's length from the attribute's, so both forms set the same alias,
// and this one gives ip's bytes.
struct Unterminated : codec::Native {
  void emit(const std::optional<std::string>& value, wire::MessageBuilder& out) const {
    if (value) out.add(type, wire::bytes_of(std::string_view(*value)));
  }
};

// IFLA_NET_NS_PID or IFLA_NET_NS_FD: the namespace a request moves the link to.
struct NetnsFields {
  constexpr std::array<uint16_t, 2> types() const noexcept { return {IFLA_NET_NS_PID, IFLA_NET_NS_FD}; }
  Result<void> parse(const wire::Attribute& attribute, std::optional<LinkNetns>& value) const {
    Result<uint32_t> number = codec::NativeValue<uint32_t>::parse(attribute);
    if (!number) return std::move(number).error();
    const auto id = static_cast<int>(*number);
    value = attribute.type() == IFLA_NET_NS_PID ? LinkNetns::pid(id) : LinkNetns::fd(id);
    return {};
  }
  void emit(const std::optional<LinkNetns>& value, wire::MessageBuilder& out) const {
    if (value) out.add_u32(value->is_pid() ? IFLA_NET_NS_PID : IFLA_NET_NS_FD, static_cast<uint32_t>(value->value()));
  }
};

// What diff() compares: the configuration and state a link has. In the
// order iproute2 sends them (IFLA_IFNAME after the others), so that the
// same link makes the same bytes.
inline constexpr auto link_compared_fields = std::tuple{
    codec::field("address", &Link::address, codec::MacSized{{IFLA_ADDRESS}}),
    codec::field("broadcast", &Link::broadcast, codec::MacSized{{IFLA_BROADCAST}}),
    codec::field("mtu", &Link::mtu, IFLA_MTU),
    codec::field("min_mtu", &Link::min_mtu, IFLA_MIN_MTU),
    codec::field("max_mtu", &Link::max_mtu, IFLA_MAX_MTU),
    codec::field("txqlen", &Link::txqlen, IFLA_TXQLEN),
    codec::field("master", &Link::master, IFLA_MASTER),
    codec::field("link", &Link::link, IFLA_LINK),
    codec::field("link_netnsid", &Link::link_netnsid, IFLA_LINK_NETNSID),
    codec::field("net_ns", &Link::net_ns, NetnsFields{}),
    codec::field("alias", &Link::alias, Unterminated{{IFLA_IFALIAS}}),
    codec::field("altnames", &Link::altnames, codec::NestedList<std::string>{IFLA_PROP_LIST, IFLA_ALT_IFNAME}),
    codec::field("group", &Link::group, IFLA_GROUP),
    codec::field("promiscuity", &Link::promiscuity, IFLA_PROMISCUITY),
    codec::field("operstate", &Link::operstate, IFLA_OPERSTATE),
    codec::field("carrier", &Link::carrier, IFLA_CARRIER),
    codec::field("num_tx_queues", &Link::num_tx_queues, IFLA_NUM_TX_QUEUES),
    codec::field("num_rx_queues", &Link::num_rx_queues, IFLA_NUM_RX_QUEUES),
    codec::field("name", &Link::name, IFLA_IFNAME),
};

// Every attribute Link types: the above, the counters, and the kind.
inline constexpr auto link_fields = std::tuple_cat(
    link_compared_fields,
    std::tuple{codec::field("stats", &Link::stats, IFLA_STATS64), codec::field("info", &Link::info, link::LinkInfoCodec{IFLA_LINKINFO})});

}  // namespace nlpp::rtnl

#include <nlpp/rtnl/link.hpp>

#include <nlpp/rtnl/link_name.hpp>

#include "codec/field_table.hpp"
#include "link_codec.hpp"
#include "link_info_codec.hpp"
#include "text.hpp"

#include <linux/if_link.h>

#include <algorithm>
#include <array>
#include <tuple>

namespace nlpp::rtnl {
namespace {

using codec::field;
using link::EnumName;
using link::hex;
using link::LinkInfoCodec;

// IFLA_ADDRESS / IFLA_BROADCAST when they are MAC addresses. Other sizes
// (a tunnel's IPv4 or IPv6 endpoint, InfiniBand's 20 bytes) are left to
// `unknown`, so they round-trip as they came.
struct MacSized : codec::Native {
  bool accepts(const wire::Attribute& attribute) const noexcept { return attribute.payload().size() == 6; }
};

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
constexpr auto compared_fields = std::tuple{
    field("address", &Link::address, MacSized{{IFLA_ADDRESS}}),
    field("broadcast", &Link::broadcast, MacSized{{IFLA_BROADCAST}}),
    field("mtu", &Link::mtu, IFLA_MTU),
    field("min_mtu", &Link::min_mtu, IFLA_MIN_MTU),
    field("max_mtu", &Link::max_mtu, IFLA_MAX_MTU),
    field("txqlen", &Link::txqlen, IFLA_TXQLEN),
    field("master", &Link::master, IFLA_MASTER),
    field("link", &Link::link, IFLA_LINK),
    field("link_netnsid", &Link::link_netnsid, IFLA_LINK_NETNSID),
    field("net_ns", &Link::net_ns, NetnsFields{}),
    field("alias", &Link::alias, Unterminated{{IFLA_IFALIAS}}),
    field("altnames", &Link::altnames, codec::NestedList<std::string>{IFLA_PROP_LIST, IFLA_ALT_IFNAME}),
    field("group", &Link::group, IFLA_GROUP),
    field("promiscuity", &Link::promiscuity, IFLA_PROMISCUITY),
    field("operstate", &Link::operstate, IFLA_OPERSTATE),
    field("carrier", &Link::carrier, IFLA_CARRIER),
    field("num_tx_queues", &Link::num_tx_queues, IFLA_NUM_TX_QUEUES),
    field("num_rx_queues", &Link::num_rx_queues, IFLA_NUM_RX_QUEUES),
    field("name", &Link::name, IFLA_IFNAME),
};

// Every attribute Link types: the above, the counters, and the kind.
constexpr auto all_fields = std::tuple_cat(
    compared_fields,
    std::tuple{field("stats", &Link::stats, IFLA_STATS64), field("info", &Link::info, LinkInfoCodec{IFLA_LINKINFO})});

ifinfomsg header_of(const Link& link) {
  return {.ifi_family = link.family,
          .__ifi_pad = 0,
          .ifi_type = link.type,
          .ifi_index = static_cast<int>(link.ifindex),
          .ifi_flags = link.flags,
          .ifi_change = link.change};
}

// RTM_GETLINK and RTM_DELLINK: the kernel finds the link by ifindex, else
// by IFLA_IFNAME, else by IFLA_ALT_IFNAME (which also finds primary
// names); under strict checking a get with anything more is refused.
void emit_identity(const Link& link, wire::MessageBuilder& out) {
  ifinfomsg header{};
  header.ifi_family = link.family;
  header.ifi_index = static_cast<int>(link.ifindex);
  out.append_header(header);
  if (link.ifindex != 0) return;
  if (link.name)
    out.add_string(IFLA_IFNAME, *link.name);
  else if (!link.altnames.empty())
    out.add_string(IFLA_ALT_IFNAME, link.altnames.front());
}

Result<void> validate_net_ns(const LinkNetns& target) {
  if (target.is_pid() ? target.value() > 0 : target.value() >= 0) return {};
  return Error(errc::invalid_argument, "link net_ns: " + target.to_string() + " is not a process or a descriptor");
}

}  // namespace

std::string to_string(OperState state) {
  static constexpr EnumName<OperState> names[] = {
      {OperState::unknown, "UNKNOWN"}, {OperState::notpresent, "NOTPRESENT"},
      {OperState::down, "DOWN"},       {OperState::lowerlayerdown, "LOWERLAYERDOWN"},
      {OperState::testing, "TESTING"}, {OperState::dormant, "DORMANT"},
      {OperState::up, "UP"},
  };
  return link::name_of(state, names);
}

Result<Link> link::parse_link_payload(wire::Bytes payload) {
  if (payload.size() < sizeof(ifinfomsg))
    return Error(errc::truncated_message, "link: " + std::to_string(payload.size()) + " bytes, less than an ifinfomsg");
  const auto header = wire::load<ifinfomsg>(payload);
  Link link{.family = header.ifi_family,
            .type = header.ifi_type,
            .ifindex = static_cast<uint32_t>(header.ifi_index),
            .flags = header.ifi_flags,
            .change = header.ifi_change};
  const wire::AttributeRange attributes(payload.subspan(std::min(wire::align4(sizeof(ifinfomsg)), payload.size())));
  if (Result<void> parsed = codec::parse_attributes<all_fields>(attributes, link, "link"); !parsed)
    return std::move(parsed).error();
  return link;
}

void link::emit_link_payload(const Link& link, wire::MessageBuilder& out) {
  out.append_header(header_of(link));
  codec::emit_attributes<all_fields>(link, out);
  codec::emit_unknown(link.unknown, out);
}

Result<Link> ObjectTraits<Link>::parse(const wire::Message& message) {
  return link::parse_link_payload(message.payload());
}

void ObjectTraits<Link>::emit(const Link& link, wire::MessageBuilder& out, uint16_t type, uint16_t flags) {
  out.begin_message(type, flags);
  if (type == get_type || type == del_type)
    emit_identity(link, out);
  else
    link::emit_link_payload(link, out);
}

Result<void> ObjectTraits<Link>::validate(const Link& link) {
  if (link.name)
    if (Result<void> valid = validate_link_name(*link.name); !valid) return valid;
  for (const std::string& altname : link.altnames)
    if (Result<void> valid = validate_altname(altname); !valid) return valid;
  // IFALIASZ is 256 and counts the NUL.
  if (link.alias && link.alias->size() > 255)
    return Error(errc::invalid_argument, "link alias: " + std::to_string(link.alias->size()) + " bytes, at most 255");
  if (link.net_ns)
    if (Result<void> valid = validate_net_ns(*link.net_ns); !valid) return valid;
  if (link.info) return link::validate_link_info(*link.info);
  return {};
}

std::vector<FieldChange> ObjectTraits<Link>::diff(const Link& before, const Link& after) {
  FieldDiff diff;
  if (before.flags != after.flags) diff.field("flags", hex(before.flags), hex(after.flags));
  codec::diff_fields<compared_fields>(before, after, diff);
  link::diff_link_info(before.info, after.info, diff);
  return std::move(diff).take();
}

void ObjectTraits<Link>::emit_dump_request(const Filter& filter, wire::MessageBuilder& out) {
  out.begin_message(get_type, 0).append_header(ifinfomsg{});
  // The kernel filters by master only for a non-zero one (0 means "no filter" to it).
  if (filter.master && *filter.master != 0) out.add_u32(IFLA_MASTER, *filter.master);
  if (filter.kind) {
    const wire::MessageBuilder::Nest linkinfo = out.begin_nested_without_flag(IFLA_LINKINFO);
    out.add_string(IFLA_INFO_KIND, *filter.kind);
    out.end_nested(linkinfo);
  }
}

bool ObjectTraits<Link>::matches(const Filter& filter, const Link& link) {
  if (filter.name && link.name != filter.name && std::ranges::find(link.altnames, *filter.name) == link.altnames.end())
    return false;
  if (filter.kind && (!link.info || link.info->kind != *filter.kind)) return false;
  if (filter.master && link.master.value_or(0) != *filter.master) return false;
  return !filter.group || link.group == filter.group;
}

}  // namespace nlpp::rtnl

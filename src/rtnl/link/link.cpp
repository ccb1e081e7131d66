#include <nlpp/rtnl/link.hpp>

#include <nlpp/rtnl/link_name.hpp>

#include "rtnl/link/link_codec.hpp"
#include "rtnl/link/link_info_codec.hpp"
#include "rtnl/link/link_table.hpp"
#include "rtnl/link/text.hpp"

#include <linux/if_link.h>

#include <algorithm>

namespace nlpp::rtnl {
namespace {

using link::EnumName;
using link::hex;

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
  if (Result<void> parsed = codec::parse_attributes<link_fields>(attributes, link, "link"); !parsed)
    return std::move(parsed).error();
  return link;
}

void link::emit_link_payload(const Link& link, wire::MessageBuilder& out) {
  out.append_header(header_of(link));
  codec::emit_attributes<link_fields>(link, out);
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
  codec::diff_fields<link_compared_fields>(before, after, diff);
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

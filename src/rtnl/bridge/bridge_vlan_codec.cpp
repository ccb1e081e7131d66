// BridgeVlan <-> AF_BRIDGE link messages, through the bridge vlan table
// (bridge_vlan_table.hpp), and the codec of its IFLA_AF_SPEC nest.
#include <nlpp/rtnl/bridge_vlan.hpp>

#include "rtnl/bridge/bridge_vlan_table.hpp"

#include <sys/socket.h>

namespace nlpp::rtnl {
namespace {

constexpr uint16_t range_markers = BRIDGE_VLAN_INFO_RANGE_BEGIN | BRIDGE_VLAN_INFO_RANGE_END;

void add_vlan_info(wire::MessageBuilder& out, BridgeVlanFlags flags, uint16_t markers, uint16_t vid) {
  out.add_struct(IFLA_BRIDGE_VLAN_INFO,
                 bridge_vlan_info{.flags = static_cast<uint16_t>(flags.bits() | markers), .vid = vid});
}

}  // namespace

Result<void> AfSpecCodec::parse(const wire::Attribute& attribute, BridgeVlan& vlans) const {
  for (const wire::Attribute& entry : attribute.nested()) {
    if (entry.type() == IFLA_BRIDGE_FLAGS) {
      if (Result<void> read = codec::NonDefault{IFLA_BRIDGE_FLAGS}.parse(entry, vlans.bridge_flags); !read) return read;
    } else if (entry.type() == IFLA_BRIDGE_VLAN_INFO) {
      Result<bridge_vlan_info> info = entry.as<bridge_vlan_info>();
      if (!info) return std::move(info).error();
      vlans.vlans.push_back({.vid = info->vid, .flags = BridgeVlanFlags(info->flags)});
    }
  }
  return {};
}

void AfSpecCodec::emit(const BridgeVlan& vlans, wire::MessageBuilder& out) const {
  const wire::MessageBuilder::Nest af_spec = out.begin_nested(IFLA_AF_SPEC);
  if (!vlans.bridge_flags.empty()) out.add_u16(IFLA_BRIDGE_FLAGS, vlans.bridge_flags.bits());
  for (const BridgeVlanRange& range : vlans.vlans) {
    if (!range.vid_end) {
      add_vlan_info(out, range.flags, 0, range.vid);
      continue;
    }
    add_vlan_info(out, range.flags, BRIDGE_VLAN_INFO_RANGE_BEGIN, range.vid);
    add_vlan_info(out, range.flags, BRIDGE_VLAN_INFO_RANGE_END, *range.vid_end);
  }
  out.end_nested(af_spec);
}

Result<void> join_ranges(std::vector<BridgeVlanRange>& vlans) {
  std::vector<BridgeVlanRange> joined;
  // The first vid of the range begun; 0 (never a vid) when none is.
  uint16_t range_begin = 0;
  for (const BridgeVlanRange& entry : vlans) {
    const BridgeVlanFlags flags(static_cast<uint16_t>(entry.flags.bits() & ~range_markers));
    if (entry.flags.bits() & BRIDGE_VLAN_INFO_RANGE_BEGIN) {
      range_begin = entry.vid;
    } else if (entry.flags.bits() & BRIDGE_VLAN_INFO_RANGE_END) {
      if (range_begin == 0)
        return Error(errc::malformed_attribute, "vid " + std::to_string(entry.vid) + " ends a range never begun");
      joined.push_back({.vid = range_begin, .vid_end = entry.vid, .flags = flags});
      range_begin = 0;
    } else {
      joined.push_back({.vid = entry.vid, .flags = flags});
    }
  }
  if (range_begin != 0)
    return Error(errc::malformed_attribute, "the range from vid " + std::to_string(range_begin) + " never ends");
  vlans = std::move(joined);
  return {};
}

Result<BridgeVlan> ObjectTraits<BridgeVlan>::parse(const wire::Message& message) {
  BridgeVlan vlans;
  // The link's own attributes are Link's to model: dropped.
  Result<ifinfomsg> header = codec::parse_message<bridge_vlan_fields, ifinfomsg>(
      message, vlans, name, codec::ErrorNaming::attribute_type, [](const wire::Attribute&) {});
  if (!header) return std::move(header).error();
  if (header->ifi_family != AF_BRIDGE)
    return Error(errc::protocol_error, "bridge vlan: a link message of family " +
                                           std::to_string(header->ifi_family) + ", not AF_BRIDGE");
  if (Result<void> joined = join_ranges(vlans.vlans); !joined) return codec::parse_error(name, joined.error());
  return vlans;
}

void ObjectTraits<BridgeVlan>::emit(const BridgeVlan& vlans, wire::MessageBuilder& builder, uint16_t type,
                                    uint16_t flags) {
  ifinfomsg header{};
  header.ifi_family = AF_BRIDGE;
  codec::write_header<bridge_vlan_fields>(vlans, header);
  builder.begin_message(type == new_type ? uint16_t{RTM_SETLINK} : type, flags).append_header(header);
  if (type == get_type) return;  // answered with a plain link, which parse() refuses (see get_type)
  codec::emit_attributes<bridge_vlan_fields>(vlans, builder);
}

}  // namespace nlpp::rtnl

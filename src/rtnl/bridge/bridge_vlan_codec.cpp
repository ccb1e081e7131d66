// BridgeVlan <-> AF_BRIDGE link messages: ObjectTraits<BridgeVlan>::parse and emit.
#include <nlpp/rtnl/bridge_vlan.hpp>

#include "codec/attributes.hpp"


#include <linux/if_link.h>
#include <sys/socket.h>

namespace nlpp::rtnl {
namespace {

constexpr uint16_t range_markers = BRIDGE_VLAN_INFO_RANGE_BEGIN | BRIDGE_VLAN_INFO_RANGE_END;

// The IFLA_BRIDGE_VLAN_INFO entries of IFLA_AF_SPEC, a compressed range
// being a RANGE_BEGIN entry followed by a RANGE_END one.
Result<void> read_vlans(BridgeVlan& vlans, const wire::AttributeRange& af_spec) {
  // The first vid of the range begun; 0 (never a vid) when none is.
  uint16_t range_begin = 0;
  for (const wire::Attribute& attribute : af_spec) {
    if (attribute.type() == IFLA_BRIDGE_FLAGS) {
      if (Result<void> read = codec::store(vlans.bridge_flags, attribute.u16()); !read) return read;
      continue;
    }
    if (attribute.type() != IFLA_BRIDGE_VLAN_INFO) continue;  // tunnel info, MRP, MST: not modelled
    Result<bridge_vlan_info> info = attribute.as<bridge_vlan_info>();
    if (!info) return std::move(info).error();
    const BridgeVlanFlags flags(static_cast<uint16_t>(info->flags & ~range_markers));
    if (info->flags & BRIDGE_VLAN_INFO_RANGE_BEGIN) {
      range_begin = info->vid;
    } else if (info->flags & BRIDGE_VLAN_INFO_RANGE_END) {
      if (range_begin == 0)
        return Error(errc::malformed_attribute, "vid " + std::to_string(info->vid) + " ends a range never begun");
      vlans.vlans.push_back({.vid = range_begin, .vid_end = info->vid, .flags = flags});
      range_begin = 0;
    } else {
      vlans.vlans.push_back({.vid = info->vid, .flags = flags});
    }
  }
  if (range_begin != 0)
    return Error(errc::malformed_attribute, "the range from vid " + std::to_string(range_begin) + " never ends");
  return {};
}

void add_vlan_info(wire::MessageBuilder& builder, BridgeVlanFlags flags, uint16_t markers, uint16_t vid) {
  builder.add_struct(IFLA_BRIDGE_VLAN_INFO,
                     bridge_vlan_info{.flags = static_cast<uint16_t>(flags.bits() | markers), .vid = vid});
}

}  // namespace

Result<BridgeVlan> ObjectTraits<BridgeVlan>::parse(const wire::Message& message) {
  Result<codec::MessageParts<ifinfomsg>> split = codec::split_message<ifinfomsg>(name, message);
  if (!split) return std::move(split).error();
  if (split->header.ifi_family != AF_BRIDGE)
    return Error(errc::protocol_error, "bridge vlan: a link message of family " +
                                           std::to_string(split->header.ifi_family) + ", not AF_BRIDGE");
  BridgeVlan vlans{.ifindex = static_cast<uint32_t>(split->header.ifi_index)};
  Result<void> read = codec::read_each(name, split->attributes, [&](const wire::Attribute& attribute) -> Result<void> {
    if (attribute.type() == IFLA_MASTER) return codec::store(vlans.master, attribute.u32());
    if (attribute.type() == IFLA_AF_SPEC) return read_vlans(vlans, attribute.nested());
    return {};  // the link's own attributes: Link's to model
  });
  if (!read) return std::move(read).error();
  return vlans;
}

void ObjectTraits<BridgeVlan>::emit(const BridgeVlan& vlans, wire::MessageBuilder& builder, uint16_t type,
                                    uint16_t flags) {
  builder.begin_message(type == new_type ? uint16_t{RTM_SETLINK} : type, flags)
      .append_header(ifinfomsg{.ifi_family = AF_BRIDGE,
                               .__ifi_pad = 0,
                               .ifi_type = 0,
                               .ifi_index = static_cast<int>(vlans.ifindex),
                               .ifi_flags = 0,
                               .ifi_change = 0});
  if (type == get_type) return;  // answered with a plain link, which parse() refuses (see get_type)
  const wire::MessageBuilder::Nest af_spec = builder.begin_nested(IFLA_AF_SPEC);
  if (!vlans.bridge_flags.empty()) builder.add_u16(IFLA_BRIDGE_FLAGS, vlans.bridge_flags.bits());
  for (const BridgeVlanRange& range : vlans.vlans) {
    if (!range.vid_end) {
      add_vlan_info(builder, range.flags, 0, range.vid);
      continue;
    }
    add_vlan_info(builder, range.flags, BRIDGE_VLAN_INFO_RANGE_BEGIN, range.vid);
    add_vlan_info(builder, range.flags, BRIDGE_VLAN_INFO_RANGE_END, *range.vid_end);
  }
  builder.end_nested(af_spec);
}

}  // namespace nlpp::rtnl

#include "group_codec.hpp"

#include "codec/attributes.hpp"
#include "codec/checks.hpp"

namespace nlpp::rtnl {

static_assert(NHA_RES_GROUP == NHA_FDB + 1 && NHA_RES_BUCKET == NHA_FDB + 2, "NHA_OP_FLAGS follows NHA_RES_BUCKET");

namespace {

// struct nexthop_grp as Linux 6.12 lays it out: the weight, minus one, is
// split over two bytes.
struct GroupEntry {
  uint32_t id;
  uint8_t weight_low;
  uint8_t weight_high;
  uint16_t reserved;
};
static_assert(sizeof(GroupEntry) == sizeof(nexthop_grp));

}  // namespace

bool read_group(const wire::Attribute& attribute, bool high_weights, std::vector<NexthopGroupMember>& out) {
  const wire::Bytes payload = attribute.payload();
  if (payload.empty() || payload.size() % sizeof(GroupEntry) != 0) return false;
  out.clear();
  for (size_t offset = 0; offset < payload.size(); offset += sizeof(GroupEntry)) {
    const auto entry = wire::load<GroupEntry>(payload.subspan(offset));
    const uint32_t high = high_weights ? entry.weight_high : 0;
    out.push_back({.id = entry.id, .weight = (high << 8 | entry.weight_low) + 1});
  }
  return true;
}

void emit_group(wire::MessageBuilder& builder, const std::vector<NexthopGroupMember>& members) {
  std::vector<GroupEntry> entries;
  entries.reserve(members.size());
  for (const NexthopGroupMember& member : members) {
    const uint32_t weight = member.weight - 1;
    entries.push_back({.id = member.id,
                       .weight_low = static_cast<uint8_t>(weight & 0xff),
                       .weight_high = static_cast<uint8_t>(weight >> 8),
                       .reserved = 0});
  }
  builder.add(NHA_GROUP, std::as_bytes(std::span(entries)));
}

Result<void> parse_resilient_group(const wire::Attribute& nest, ResilientGroup& out) {
  return codec::parse_attributes("nexthop resilient group", nest.nested(), [&](const wire::Attribute& attribute) {
    switch (attribute.type()) {
      case NHA_RES_GROUP_BUCKETS:
        return codec::read(attribute, out.buckets);
      case NHA_RES_GROUP_IDLE_TIMER:
        return codec::read(attribute, out.idle_timer);
      case NHA_RES_GROUP_UNBALANCED_TIMER:
        return codec::read(attribute, out.unbalanced_timer);
      case NHA_RES_GROUP_UNBALANCED_TIME:
        return codec::read(attribute, out.unbalanced_time);
      default:
        return true;  // NHA_RES_GROUP_PAD
    }
  });
}

void emit_resilient_group(wire::MessageBuilder& builder, const ResilientGroup& group) {
  const wire::MessageBuilder::Nest nest = builder.begin_nested(NHA_RES_GROUP);
  if (group.buckets) builder.add_u16(NHA_RES_GROUP_BUCKETS, *group.buckets);
  if (group.idle_timer) builder.add_u32(NHA_RES_GROUP_IDLE_TIMER, *group.idle_timer);
  if (group.unbalanced_timer) builder.add_u32(NHA_RES_GROUP_UNBALANCED_TIMER, *group.unbalanced_timer);
  builder.end_nested(nest);
}

std::string describe_group(const std::vector<NexthopGroupMember>& members) {
  std::string text;
  for (const NexthopGroupMember& member : members) {
    if (!text.empty()) text += '/';
    text += std::to_string(member.id) + "," + std::to_string(member.weight);
  }
  return text;
}

}  // namespace nlpp::rtnl

// Nexthop dumps, and the differences between two nexthops.
#include <nlpp/rtnl/nexthop.hpp>

#include "codec/attributes.hpp"
#include "codec/checks.hpp"
#include "group_codec.hpp"

namespace nlpp::rtnl {

void ObjectTraits<Nexthop>::emit_dump_request(const Filter& filter, wire::MessageBuilder& builder) {
  // The kernel refuses a dump request with anything but the family set in
  // the header (strict checking).
  nhmsg header{};
  header.nh_family = filter.family;
  builder.begin_message(RTM_GETNEXTHOP, 0).append_header(header);
  if (filter.oif != 0) builder.add_u32(NHA_OIF, filter.oif);
  if (filter.master != 0) builder.add_u32(NHA_MASTER, filter.master);
  if (filter.groups) builder.add_flag(NHA_GROUPS);
  if (filter.fdb) builder.add_flag(NHA_FDB);
}

bool ObjectTraits<Nexthop>::matches(const Filter& filter, const Nexthop& nexthop) {
  const bool is_group = !nexthop.group.empty();
  // Like the kernel: filtering by family or link leaves groups out.
  if ((filter.family != AF_UNSPEC || filter.oif != 0 || filter.master != 0) && is_group) return false;
  return (filter.family == AF_UNSPEC || nexthop.family == filter.family) &&
         (filter.oif == 0 || nexthop.oif == filter.oif) && (!filter.groups || is_group) && (!filter.fdb || nexthop.fdb);
}

std::vector<FieldChange> ObjectTraits<Nexthop>::diff(const Nexthop& before, const Nexthop& after) {
  const auto group_type = [](const Nexthop& nexthop) -> std::optional<uint16_t> {
    if (!nexthop.group_type) return std::nullopt;
    return static_cast<uint16_t>(*nexthop.group_type);
  };
  const auto encap_text = [](const Nexthop& nexthop) { return nexthop.encap ? to_string(*nexthop.encap) : ""; };
  const auto resilient_text = [](const Nexthop& nexthop) {
    if (!nexthop.resilient) return std::string();
    const ResilientGroup& group = *nexthop.resilient;
    return "buckets " + std::to_string(group.buckets.value_or(0)) + " idle_timer " +
           std::to_string(group.idle_timer.value_or(0)) + " unbalanced_timer " +
           std::to_string(group.unbalanced_timer.value_or(0));
  };
  FieldDiff diff;
  diff.field("id", before.id, after.id)
      .field("family", before.family, after.family)
      .field("protocol", before.protocol, after.protocol)
      .field("flags", before.flags, after.flags)
      .field("group", describe_group(before.group), describe_group(after.group))
      .field("group_type", group_type(before), group_type(after))
      .field("resilient", resilient_text(before), resilient_text(after))
      .field("blackhole", before.blackhole, after.blackhole)
      .field("oif", before.oif, after.oif)
      .field("gateway", before.gateway, after.gateway)
      .field("encap", encap_text(before), encap_text(after))
      .field("fdb", before.fdb, after.fdb)
      .field("unknown", codec::describe_raw(before.unknown), codec::describe_raw(after.unknown));
  return std::move(diff).take();
}

}  // namespace nlpp::rtnl

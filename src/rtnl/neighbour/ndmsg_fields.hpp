// What the codecs of Neighbour and FdbEntry share: the ndmsg header, the
// cache information both report, and the fields their diffs compare alike.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/codec/field_change.hpp>
#include <nlpp/rtnl/neighbour_fields.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <optional>

namespace nlpp::rtnl::detail {

/// struct ndmsg from typed fields (the padding zeroed).
ndmsg make_ndmsg(int family, uint32_t ifindex, NeighbourStates state, NeighbourFlags flags, uint8_t type) noexcept;

/// Reads NDA_CACHEINFO into cacheinfo.
Result<void> read_cacheinfo(std::optional<NeighbourCacheInfo>& cacheinfo, const wire::Attribute& attribute);
/// Adds NDA_CACHEINFO when cacheinfo is set.
void add_cacheinfo(wire::MessageBuilder& builder, const std::optional<NeighbourCacheInfo>& cacheinfo);

/// Compares what a Neighbour and an FdbEntry both hold from ndmsg and
/// NDA_LLADDR: lladdr, state, flags, ext_flags and type, in that order.
template <class Entry>
FieldDiff& diff_ndmsg_fields(FieldDiff& diff, const Entry& before, const Entry& after) {
  return diff.field("lladdr", before.lladdr, after.lladdr)
      .field("state", before.state, after.state)
      .field("flags", before.flags, after.flags)
      .field("ext_flags", before.ext_flags, after.ext_flags)
      .field("type", before.type, after.type);
}

}  // namespace nlpp::rtnl::detail

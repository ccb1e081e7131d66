// What the codecs of Neighbour and FdbEntry share: the ndmsg header and the
// cache information both report.
#pragma once

#include <nlpp/core/result.hpp>
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

}  // namespace nlpp::rtnl::detail

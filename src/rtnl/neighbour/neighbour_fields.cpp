#include <nlpp/rtnl/neighbour_fields.hpp>

#include "ndmsg_fields.hpp"

namespace nlpp::rtnl {
namespace {

constexpr FlagName<NeighbourState> nud_names[] = {
    {NeighbourState::incomplete, "incomplete"}, {NeighbourState::reachable, "reachable"},
    {NeighbourState::stale, "stale"},           {NeighbourState::delay, "delay"},
    {NeighbourState::probe, "probe"},           {NeighbourState::failed, "failed"},
    {NeighbourState::noarp, "noarp"},           {NeighbourState::permanent, "permanent"},
};

constexpr FlagName<NeighbourFlag> ntf_names[] = {
    {NeighbourFlag::use, "use"},
    {NeighbourFlag::self, "self"},
    {NeighbourFlag::master, "master"},
    {NeighbourFlag::proxy, "proxy"},
    {NeighbourFlag::extern_learn, "extern_learn"},
    {NeighbourFlag::offloaded, "offload"},
    {NeighbourFlag::sticky, "sticky"},
    {NeighbourFlag::router, "router"},
};

constexpr FlagName<NeighbourExtFlag> ntf_ext_names[] = {
    {NeighbourExtFlag::managed, "managed"},
    {NeighbourExtFlag::locked, "locked"},
};

}  // namespace

std::span<const FlagName<NeighbourState>> flag_names(NeighbourState) noexcept { return nud_names; }
std::span<const FlagName<NeighbourFlag>> flag_names(NeighbourFlag) noexcept { return ntf_names; }
std::span<const FlagName<NeighbourExtFlag>> flag_names(NeighbourExtFlag) noexcept { return ntf_ext_names; }

namespace detail {

ndmsg make_ndmsg(int family, uint32_t ifindex, NeighbourStates state, NeighbourFlags flags, uint8_t type) noexcept {
  return ndmsg{.ndm_family = static_cast<uint8_t>(family),
               .ndm_pad1 = 0,
               .ndm_pad2 = 0,
               .ndm_ifindex = static_cast<int32_t>(ifindex),
               .ndm_state = state.bits(),
               .ndm_flags = flags.bits(),
               .ndm_type = type};
}

Result<void> read_cacheinfo(std::optional<NeighbourCacheInfo>& cacheinfo, const wire::Attribute& attribute) {
  Result<nda_cacheinfo> info = attribute.as<nda_cacheinfo>();
  if (!info) return std::move(info).error();
  cacheinfo = NeighbourCacheInfo{info->ndm_confirmed, info->ndm_used, info->ndm_updated, info->ndm_refcnt};
  return {};
}

void add_cacheinfo(wire::MessageBuilder& builder, const std::optional<NeighbourCacheInfo>& cacheinfo) {
  if (!cacheinfo) return;
  builder.add_struct(NDA_CACHEINFO, nda_cacheinfo{.ndm_confirmed = cacheinfo->confirmed,
                                                  .ndm_used = cacheinfo->used,
                                                  .ndm_updated = cacheinfo->updated,
                                                  .ndm_refcnt = cacheinfo->refcnt});
}

}  // namespace detail
}  // namespace nlpp::rtnl

// The names of NUD states and NTF flags, as iproute2 prints them.
#include <nlpp/rtnl/neighbour_fields.hpp>

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

}  // namespace nlpp::rtnl

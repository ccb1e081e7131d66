// Each kind's data as the LinkInfo of its kind, for the kinds one data
// type serves alone (a Gre serves gre, gretap, ip6gre...: those name their kind).
#include <nlpp/rtnl/link_info.hpp>

namespace nlpp::rtnl::link {

Bridge::operator LinkInfo() const { return {.kind = "bridge", .data = *this}; }
Veth::operator LinkInfo() const { return {.kind = "veth", .data = *this}; }
Vxlan::operator LinkInfo() const { return {.kind = "vxlan", .data = *this}; }
Bond::operator LinkInfo() const { return {.kind = "bond", .data = *this}; }
Vlan::operator LinkInfo() const { return {.kind = "vlan", .data = *this}; }
Vrf::operator LinkInfo() const { return {.kind = "vrf", .data = *this}; }
Geneve::operator LinkInfo() const { return {.kind = "geneve", .data = *this}; }

}  // namespace nlpp::rtnl::link

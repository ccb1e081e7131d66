#include <nlpp/rtnl/link/vxlan.hpp>

#include "rtnl/link/vxlan_table.hpp"

#include "checks.hpp"

namespace nlpp::rtnl::link {

Result<void> KindTraits<Vxlan>::validate(const Vxlan& vxlan, std::string_view kind) {
  if (vxlan.group && vxlan.local && vxlan.group->family() != vxlan.local->family())
    return invalid(kind, "local", "not of the family of group " + vxlan.group->to_string());
  if (vxlan.port_range && vxlan.port_range->low > vxlan.port_range->high)
    return invalid(kind, "port_range", vxlan.port_range->to_string() + " ends before it starts");
  return first_failure({check_at_most(kind, "vni", vxlan.vni, 0xffffff),       // 24 bits
                        check_at_most(kind, "label", vxlan.label, 0xfffff)});  // 20 bits
}

}  // namespace nlpp::rtnl::link

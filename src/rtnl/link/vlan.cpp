#include <nlpp/rtnl/link/vlan.hpp>

#include "rtnl/link/vlan_table.hpp"

#include "checks.hpp"
#include "text.hpp"

namespace nlpp::rtnl::link {
namespace {

// The highest 802.1p priority a tag carries.
constexpr uint32_t max_tag_priority = 7;

Result<void> check_tag_priorities(std::string_view kind, std::string_view field, const std::vector<VlanQosMapping>& map,
                                  uint32_t VlanQosMapping::*tag_side) {
  for (const VlanQosMapping& mapping : map)
    if (mapping.*tag_side > max_tag_priority)
      return invalid(kind, field, "tag priority " + std::to_string(mapping.*tag_side) + " is more than 7");
  return {};
}

}  // namespace

std::string VlanFlags::to_string() const { return hex(flags) + "/" + hex(mask); }

std::string VlanQosMapping::to_string() const { return std::to_string(from) + ":" + std::to_string(to); }

Result<void> KindTraits<Vlan>::validate(const Vlan& vlan, std::string_view kind) {
  if (vlan.protocol && !is_known(*vlan.protocol))
    return invalid(kind, "protocol", to_string(*vlan.protocol) + " is neither 802.1Q nor 802.1ad");
  return first_failure({check_at_most(kind, "id", vlan.id, 4094),
                        check_tag_priorities(kind, "ingress_qos", vlan.ingress_qos, &VlanQosMapping::from),
                        check_tag_priorities(kind, "egress_qos", vlan.egress_qos, &VlanQosMapping::to)});
}

}  // namespace nlpp::rtnl::link

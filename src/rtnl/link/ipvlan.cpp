#include <nlpp/rtnl/link/ipvlan.hpp>

#include "rtnl/link/ipvlan_table.hpp"

#include "text.hpp"

namespace nlpp::rtnl::link {

std::string to_string(IpvlanMode mode) {
  static constexpr EnumName<IpvlanMode> names[] = {
      {IpvlanMode::l2, "l2"}, {IpvlanMode::l3, "l3"}, {IpvlanMode::l3s, "l3s"}};
  return name_of(mode, names);
}

}  // namespace nlpp::rtnl::link

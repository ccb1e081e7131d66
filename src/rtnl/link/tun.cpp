#include <nlpp/rtnl/link/tun.hpp>

#include "rtnl/link/tun_table.hpp"

#include "text.hpp"

namespace nlpp::rtnl::link {

std::string to_string(TunType type) {
  static constexpr EnumName<TunType> names[] = {{TunType::tun, "tun"}, {TunType::tap, "tap"}};
  return name_of(type, names);
}

}  // namespace nlpp::rtnl::link

#include <nlpp/rtnl/link/macvlan.hpp>

#include "rtnl/link/macvlan_table.hpp"

#include "text.hpp"

namespace nlpp::rtnl::link {

std::string to_string(MacvlanMode mode) {
  static constexpr EnumName<MacvlanMode> names[] = {
      {MacvlanMode::private_, "private"},  {MacvlanMode::vepa, "vepa"},     {MacvlanMode::bridge, "bridge"},
      {MacvlanMode::passthru, "passthru"}, {MacvlanMode::source, "source"},
  };
  return name_of(mode, names);
}

std::string to_string(MacvlanMacaddrMode mode) {
  static constexpr EnumName<MacvlanMacaddrMode> names[] = {
      {MacvlanMacaddrMode::add, "add"},
      {MacvlanMacaddrMode::del, "del"},
      {MacvlanMacaddrMode::flush, "flush"},
      {MacvlanMacaddrMode::set, "set"},
  };
  return name_of(mode, names);
}

}  // namespace nlpp::rtnl::link

#include <nlpp/rtnl/link/geneve.hpp>

#include "rtnl/link/geneve_table.hpp"

#include "checks.hpp"

namespace nlpp::rtnl::link {

Result<void> KindTraits<Geneve>::validate(const Geneve& geneve, std::string_view kind) {
  return first_failure({check_at_most(kind, "vni", geneve.vni, 0xffffff),       // 24 bits
                        check_at_most(kind, "label", geneve.label, 0xfffff)});  // 20 bits
}

}  // namespace nlpp::rtnl::link

#include <nlpp/rtnl/link/vti.hpp>

#include "rtnl/link/vti_table.hpp"

#include "checks.hpp"

namespace nlpp::rtnl::link {

Result<void> KindTraits<Vti>::validate(const Vti& vti, std::string_view kind) {
  const int family = endpoint_family(kind);
  return first_failure(
      {check_family(kind, "local", vti.local, family), check_family(kind, "remote", vti.remote, family)});
}

}  // namespace nlpp::rtnl::link

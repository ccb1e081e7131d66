#include <nlpp/rtnl/link/gre.hpp>

#include "rtnl/link/gre_table.hpp"

#include "checks.hpp"

namespace nlpp::rtnl::link {
namespace {

// The kernel keeps a key without GRE_KEY in its flags but never uses it.
Result<void> check_key(std::string_view kind, std::string_view field, const std::optional<uint32_t>& key,
                       const std::optional<uint16_t>& flags) {
  if (!key || (flags && (*flags & Gre::key))) return {};
  return invalid(kind, field, "a key is used only with Gre::key (GRE_KEY) set in the flags of its direction");
}

}  // namespace

Result<void> KindTraits<Gre>::validate(const Gre& gre, std::string_view kind) {
  const int family = endpoint_family(kind);
  return first_failure({check_family(kind, "local", gre.local, family),
                        check_family(kind, "remote", gre.remote, family), check_key(kind, "ikey", gre.ikey, gre.iflags),
                        check_key(kind, "okey", gre.okey, gre.oflags),
                        check_at_most(kind, "erspan_ver", gre.erspan_ver, 2)});
}

}  // namespace nlpp::rtnl::link

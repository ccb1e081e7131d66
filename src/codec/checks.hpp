// Input checks shared by every protocol's objects: errors that name the
// field, and prefixes that must fit their family.
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/core/result.hpp>

#include <string_view>

namespace nlpp::codec {

/// errc::invalid_argument with the field and why: "route dst: ...".
Error invalid(std::string_view field, std::string_view why);

/// Checks a prefix (of a route, a rule: owner) of the family: no address
/// and length 0 (any), or an address of the family and a length it can have.
Result<void> validate_prefix(std::string_view field, const IpPrefix& prefix, int family, std::string_view owner);

}  // namespace nlpp::codec

// Interface names as the kernel accepts them (dev_valid_name()), checked
// before anything is sent.
#pragma once

#include <nlpp/core/result.hpp>

#include <cstddef>
#include <string_view>

namespace nlpp::rtnl {

/// The longest interface name: IFNAMSIZ (16) less the NUL.
inline constexpr size_t max_link_name_length = 15;
/// The longest alternative name: ALTIFNAMSIZ (128) less the NUL.
inline constexpr size_t max_altname_length = 127;

/// Checks an interface name: 1 to 15 bytes, not "." or "..", no '/', ':',
/// whitespace or NUL. The error (errc::invalid_argument) names `field`
/// ("link name") and says what is wrong.
Result<void> validate_link_name(std::string_view name, std::string_view field = "link name");

/// Checks an alternative name: as validate_link_name(), but up to 127 bytes.
Result<void> validate_altname(std::string_view name, std::string_view field = "link altname");

}  // namespace nlpp::rtnl

// RTNL test values from text: addresses and prefixes written the way people
// read them. Throws (failing the test) on text that does not parse.
#pragma once

#include <nlpp/rtnl/ip_address.hpp>

#include <string_view>

namespace nlpp::test {

inline rtnl::IpAddress ip(std::string_view text) { return rtnl::IpAddress::parse(text).value(); }
inline rtnl::IpPrefix prefix(std::string_view text) { return rtnl::IpPrefix::parse(text).value(); }
inline rtnl::MacAddress mac(std::string_view text) { return rtnl::MacAddress::parse(text).value(); }

}  // namespace nlpp::test

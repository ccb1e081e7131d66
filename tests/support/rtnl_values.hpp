// RTNL test values from text: addresses and prefixes written the way people
// read them. Throws (failing the test) on text that does not parse.
#pragma once

#include <nlpp/codec/ip_address.hpp>

#include <string_view>

namespace nlpp::test {

inline nlpp::IpAddress ip(std::string_view text) { return nlpp::IpAddress::parse(text).value(); }
inline nlpp::IpPrefix prefix(std::string_view text) { return nlpp::IpPrefix::parse(text).value(); }
inline nlpp::MacAddress mac(std::string_view text) { return nlpp::MacAddress::parse(text).value(); }

}  // namespace nlpp::test

// An IPv4 or IPv6 address attribute read in its object's family (a route's
// RTA_PREFSRC, a nexthop's NHA_GATEWAY): the object's `family` member says
// the size it must have. No address is not sent.
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/core/result.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include "codec/attributes.hpp"
#include "rtnl/shared/route_family.hpp"

#include <array>
#include <cstdint>

namespace nlpp::rtnl {

struct FamilyAddress {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  template <class Owner>
  bool try_parse(const wire::Attribute& attribute, IpAddress& address, const Owner& owner) const noexcept {
    return codec::read_address(attribute.payload(), address_family(owner.family), address);
  }
  void emit(const IpAddress& address, wire::MessageBuilder& out) const {
    if (!address.empty()) out.add(type, address.bytes());
  }
};

}  // namespace nlpp::rtnl

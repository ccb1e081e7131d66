// How link::port_range's types map onto attributes: its native layout,
// for the tables of the kinds that carry it.
#pragma once

#include <nlpp/rtnl/link/port_range.hpp>

#include "codec/value_codecs.hpp"

namespace nlpp::codec {

/// Two big-endian 16-bit ports, low then high.
template <>
struct NativeValue<rtnl::link::PortRange> {
  static Result<rtnl::link::PortRange> parse(const wire::Attribute& attribute);
  static void emit(wire::MessageBuilder& out, uint16_t type, const rtnl::link::PortRange& value);
};

}  // namespace nlpp::codec

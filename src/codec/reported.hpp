// A member the kernel reports and a request must not send.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include "codec/value_codecs.hpp"

#include <array>
#include <cstdint>

namespace nlpp::codec {

/// Read as Native reads it, never written: IFLA_MASTER in a bridge vlan
/// dump names the port's bridge, and sent in an AF_BRIDGE setlink it would
/// enslave the port.
struct Reported {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  template <class T>
  Result<void> parse(const wire::Attribute& attribute, T& value) const {
    return Native{type}.parse(attribute, value);
  }
  template <class T>
  void emit(const T&, wire::MessageBuilder&) const {}
};

}  // namespace nlpp::codec

// How link::bridge_id's types map onto attributes: its native layout,
// for the tables of the kinds that carry it.
#pragma once

#include <nlpp/rtnl/link/bridge_id.hpp>

#include "codec/value_codecs.hpp"

namespace nlpp::codec {

/// struct ifla_bridge_id: two priority bytes (most significant first) and six address bytes.
template <>
struct NativeValue<rtnl::link::BridgeId> {
  static Result<rtnl::link::BridgeId> parse(const wire::Attribute& attribute);
  static void emit(wire::MessageBuilder& out, uint16_t type, const rtnl::link::BridgeId& value);
};

}  // namespace nlpp::codec

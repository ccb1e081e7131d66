// How link::tunnel_encap's types map onto attributes: the field tables the
// engine (codec/field_table.hpp) parses, emits and diffs them through.
#pragma once

#include <nlpp/rtnl/link/tunnel_encap.hpp>

#include "rtnl/link/kind_traits.hpp"

#include <linux/if_link.h>

#include <array>
#include <optional>

namespace nlpp::rtnl::link {

/// The four encap attributes of one tunnel kind (IFLA_GRE_ENCAP_TYPE,
/// _FLAGS, _SPORT, _DPORT...), read into one TunnelEncap; all four are sent
/// when it is set, as iproute2 does.
struct EncapFields {
  uint16_t type_id;
  uint16_t flags_id;
  uint16_t sport_id;  ///< big-endian
  uint16_t dport_id;  ///< big-endian

  constexpr std::array<uint16_t, 4> types() const noexcept { return {type_id, flags_id, sport_id, dport_id}; }
  Result<void> parse(const wire::Attribute& attribute, std::optional<TunnelEncap>& value) const;
  void emit(const std::optional<TunnelEncap>& value, wire::MessageBuilder& out) const;
};

}  // namespace nlpp::rtnl::link

// How link::veth's types map onto attributes: the field tables the
// engine (codec/field_table.hpp) parses, emits and diffs them through.
#pragma once

#include <nlpp/rtnl/link/veth.hpp>

#include "rtnl/link/kind_traits.hpp"

#include <linux/if_link.h>

#include <array>
#include <optional>
#include <tuple>

namespace nlpp::rtnl::link {

/// VETH_INFO_PEER: the peer's struct ifinfomsg, then its attributes.
struct VethPeerCodec {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, std::optional<VethPeer>& peer) const;
  void emit(const std::optional<VethPeer>& peer, wire::MessageBuilder& out) const;
};

template <>
struct KindTraits<Veth> {
  static constexpr std::string_view kinds[] = {"veth"};
  static constexpr auto fields = std::tuple{field("peer", &Veth::peer, VethPeerCodec{VETH_INFO_PEER})};
  /// The peer is a valid link in itself (its name above all).
  static Result<void> validate(const Veth& veth, std::string_view kind);
};

}  // namespace nlpp::rtnl::link

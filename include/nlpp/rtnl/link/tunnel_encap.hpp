// Foo-over-UDP / GUE encapsulation of an IP tunnel (struct
// ip_tunnel_encap): four attributes that gre, ipip, sit and ip6tnl each
// carry under their own ids.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace nlpp::rtnl::link {

/// How a tunnel's packets are wrapped in UDP. Ports are in host order.
struct TunnelEncap {
  uint16_t type = 0;   ///< TUNNEL_ENCAP_NONE (0), _FOU (1), _GUE (2), _MPLS (3)
  uint16_t flags = 0;  ///< TUNNEL_ENCAP_FLAG_CSUM (1), _CSUM6 (2), _REMCSUM (4)
  uint16_t sport = 0;  ///< UDP source port, 0 for automatic
  uint16_t dport = 0;  ///< UDP destination port

  /// "type/flags sport->dport".
  std::string to_string() const;

  friend bool operator==(const TunnelEncap&, const TunnelEncap&) = default;
};

}  // namespace nlpp::rtnl::link

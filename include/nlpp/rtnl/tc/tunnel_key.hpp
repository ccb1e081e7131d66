// The tunnel_key action: sets the tunnel metadata a collect_md tunnel
// device (vxlan, geneve, gre external) sends the packet with, or drops
// what a received packet carries.
//
//     rtnl::tc::Action encap{.options = rtnl::tc::TunnelKey{.source = "10.0.0.1", .destination = "10.0.0.2",
//                                                           .key_id = 42, .dst_port = 4789}};
//     // tc ... action tunnel_key set src_ip 10.0.0.1 dst_ip 10.0.0.2 id 42 dst_port 4789
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/codec/raw_attribute.hpp>

#include <linux/tc_act/tc_tunnel_key.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace nlpp::rtnl::tc {

/// tunnel_key's options (struct tc_tunnel_key and the attributes beside it).
/// The tunnel options (TCA_TUNNEL_KEY_ENC_OPTS: geneve, vxlan and erspan
/// options) are kept raw in `unknown`.
struct TunnelKey {
  /// tc_tunnel_key.t_action.
  enum class Operation : int32_t {
    set = TCA_TUNNEL_KEY_ACT_SET,        ///< "set": the metadata below
    unset = TCA_TUNNEL_KEY_ACT_RELEASE,  ///< "unset": the packet's metadata dropped
  };
  Operation operation = Operation::set;
  /// TCA_TUNNEL_KEY_ENC_IPV4_SRC / _IPV6_SRC and _DST: the outer addresses,
  /// both required by set.
  std::optional<IpAddress> source{};
  std::optional<IpAddress> destination{};
  std::optional<uint32_t> key_id{};    ///< TCA_TUNNEL_KEY_ENC_KEY_ID: the VNI or key ("id"), host order
  std::optional<uint16_t> dst_port{};  ///< TCA_TUNNEL_KEY_ENC_DST_PORT: the outer UDP port, host order
  std::optional<uint8_t> tos{};        ///< TCA_TUNNEL_KEY_ENC_TOS
  std::optional<uint8_t> ttl{};        ///< TCA_TUNNEL_KEY_ENC_TTL
  /// TCA_TUNNEL_KEY_NO_CSUM, inverted: whether the outer UDP checksum is
  /// computed ("csum", tc's default, or "nocsum"). Sent always, as tc does.
  bool checksum = true;
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const TunnelKey&, const TunnelKey&) = default;
};

}  // namespace nlpp::rtnl::tc

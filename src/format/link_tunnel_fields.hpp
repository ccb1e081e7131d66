// Internal: what the IP tunnel kinds print alike (ip/tunnel.c and the
// IPv6 flags link_gre6.c and link_ip6tnl.c share), for link_gre_json.cpp
// and link_tunnel_json.cpp.
#pragma once

#include <nlpp/core/json_writer.hpp>
#include <nlpp/format/link_names.hpp>
#include <nlpp/rtnl/link/tunnel_encap.hpp>

#include <cstdint>
#include <optional>

namespace nlpp::format::detail {

/// "link": the underlying device, when there is one (not 0).
void write_tunnel_device(JsonWriter& json, const std::optional<uint32_t>& link, const LinkNames& names);

/// "ttl" (0 for inherit: JSON has no "inherit"), then "tos" unless 0.
void write_ttl_tos(JsonWriter& json, const std::optional<uint8_t>& ttl, const std::optional<uint8_t>& tos);

/// tnl_print_encap(): an "encap" object unless the type is none.
void write_encap(JsonWriter& json, const std::optional<rtnl::link::TunnelEncap>& encap);

/// The IPv6 tunnels' encapsulation limit, traffic class, flow label and
/// DSCP copy, each "inherit"ed (a flag member) or a value. flags: IP6_TNL_F_*.
void write_ip6_traffic(JsonWriter& json, uint32_t flags, const std::optional<uint8_t>& encap_limit,
                       const std::optional<uint32_t>& flowinfo);

/// The IPv6 tunnels' allow-localremote flag, then the fwmark (inherited or a value).
void write_ip6_fwmark(JsonWriter& json, uint32_t flags, const std::optional<uint32_t>& fwmark);

}  // namespace nlpp::format::detail

// The IP tunnel kinds as iproute2 6.1 prints them: ip/tunnel.c (endpoints,
// encap), link_iptnl.c (ipip, sit), link_ip6tnl.c, link_vti.c and
// link_vti6.c (alike but for the family), link_xfrm.c.
#include "link_kind_fields.hpp"
#include "link_kind_writers.hpp"
#include "link_tunnel_fields.hpp"

#include <linux/ip6_tunnel.h>
#include <netinet/in.h>

namespace nlpp::format::detail {
namespace {

// The protocol of an ipip/sit (ip6 = false) or ip6tnl tunnel's inner
// packets; iproute2 prints nothing for another one.
void write_inner_protocol(JsonWriter& json, const std::optional<uint8_t>& proto, bool ip6) {
  if (!proto) return;
  if (*proto == IPPROTO_IPIP) text_field(json, "proto", ip6 ? "ipip6" : "ipip");
  if (*proto == IPPROTO_IPV6) text_field(json, "proto", ip6 ? "ip6ip6" : "ip6ip");
  if (*proto == IPPROTO_MPLS && !ip6) text_field(json, "proto", "mplsip");
  if (*proto == 0) text_field(json, "proto", "any");
}

}  // namespace

void write_tunnel_device(JsonWriter& json, const std::optional<uint32_t>& link, const LinkNames& names) {
  if (link.value_or(0) != 0) text_field(json, "link", names.name(*link));
}

void write_ttl_tos(JsonWriter& json, const std::optional<uint8_t>& ttl, const std::optional<uint8_t>& tos) {
  number_field(json, "ttl", ttl.value_or(0));
  if (tos.value_or(0) != 0) text_field(json, "tos", hex_0x(*tos));
}

void write_encap(JsonWriter& json, const std::optional<rtnl::link::TunnelEncap>& encap) {
  if (!encap || encap->type == TUNNEL_ENCAP_NONE) return;
  json.key("encap");
  json.begin_object();
  if (encap->type == TUNNEL_ENCAP_FOU)
    text_field(json, "type", "fou");
  else if (encap->type == TUNNEL_ENCAP_GUE)
    text_field(json, "type", "gue");
  else
    null_field(json, "type");
  number_field(json, "sport", encap->sport);
  number_field(json, "dport", encap->dport);
  bool_field(json, "csum", encap->flags & TUNNEL_ENCAP_FLAG_CSUM);
  bool_field(json, "csum6", encap->flags & TUNNEL_ENCAP_FLAG_CSUM6);
  bool_field(json, "remcsum", encap->flags & TUNNEL_ENCAP_FLAG_REMCSUM);
  json.end_object();
}

void write_ip6_traffic(JsonWriter& json, uint32_t flags, const std::optional<uint8_t>& encap_limit,
                       const std::optional<uint32_t>& flowinfo) {
  if (flags & IP6_TNL_F_IGN_ENCAP_LIMIT)
    bool_field(json, "ip6_tnl_f_ign_encap_limit", true);
  else
    optional_number(json, "encap_limit", encap_limit);
  char text[16];
  if (flags & IP6_TNL_F_USE_ORIG_TCLASS) {
    bool_field(json, "ip6_tnl_f_use_orig_tclass", true);
  } else if (flowinfo) {
    std::snprintf(text, sizeof text, "0x%02x", (*flowinfo & 0x0ff00000u) >> 20);
    text_field(json, "tclass", text);
  }
  if (flags & IP6_TNL_F_USE_ORIG_FLOWLABEL) {
    bool_field(json, "ip6_tnl_f_use_orig_flowlabel", true);
  } else if (flowinfo) {
    std::snprintf(text, sizeof text, "0x%05x", *flowinfo & 0x000fffffu);
    text_field(json, "flowlabel", text);
  }
  true_if(json, "ip6_tnl_f_rcv_dscp_copy", flags & IP6_TNL_F_RCV_DSCP_COPY);
}

void write_ip6_fwmark(JsonWriter& json, uint32_t flags, const std::optional<uint32_t>& fwmark) {
  true_if(json, "ip6_tnl_f_allow_local_remote", flags & IP6_TNL_F_ALLOW_LOCAL_REMOTE);
  if (flags & IP6_TNL_F_USE_ORIG_FWMARK)
    bool_field(json, "ip6_tnl_f_use_orig_fwmark", true);
  else
    nonzero_hex(json, "fwmark", fwmark);
}

void write_ip_tunnel(JsonWriter& json, const rtnl::link::IpTunnel& tunnel, const LinkNames& names) {
  true_if(json, "external", tunnel.collect_metadata);
  write_inner_protocol(json, tunnel.proto, false);
  endpoint_field(json, "remote", tunnel.remote);
  endpoint_field(json, "local", tunnel.local);
  write_tunnel_device(json, tunnel.link, names);
  write_ttl_tos(json, tunnel.ttl, tunnel.tos);
  bool_field(json, "pmtudisc", tunnel.pmtudisc.value_or(false));
  true_if(json, "isatap", tunnel.flags.value_or(0) & SIT_ISATAP);
  // 6rd: printed with a prefix length; the relay prefix only when set.
  if (tunnel.ip6rd_prefixlen.value_or(0) != 0) {
    text_field(json, "prefix", tunnel.ip6rd_prefix ? tunnel.ip6rd_prefix->to_string() : "::");
    number_field(json, "prefixlen", *tunnel.ip6rd_prefixlen);
    if (tunnel.ip6rd_relay_prefix && is_specified(*tunnel.ip6rd_relay_prefix)) {
      text_field(json, "relay_prefix", tunnel.ip6rd_relay_prefix->to_string());
      number_field(json, "relay_prefixlen", tunnel.ip6rd_relay_prefixlen.value_or(0));
    }
  }
  nonzero_hex(json, "fwmark", tunnel.fwmark);
  write_encap(json, tunnel.encap);
}

void write_ip6_tunnel(JsonWriter& json, const rtnl::link::Ip6Tunnel& tunnel, const LinkNames& names) {
  const uint32_t flags = tunnel.flags.value_or(0);
  true_if(json, "external", tunnel.collect_metadata);
  write_inner_protocol(json, tunnel.proto, true);
  endpoint_field(json, "remote", tunnel.remote);
  endpoint_field(json, "local", tunnel.local);
  write_tunnel_device(json, tunnel.link, names);
  number_field(json, "ttl", tunnel.ttl.value_or(0));
  write_ip6_traffic(json, flags, tunnel.encap_limit, tunnel.flowinfo);
  true_if(json, "ip6_tnl_f_mip6_dev", flags & IP6_TNL_F_MIP6_DEV);
  write_ip6_fwmark(json, flags, tunnel.fwmark);
  write_encap(json, tunnel.encap);
}

void write_vti(JsonWriter& json, const rtnl::link::Vti& vti, const LinkNames& names) {
  endpoint_field(json, "remote", vti.remote);
  endpoint_field(json, "local", vti.local);
  write_tunnel_device(json, vti.link, names);
  if (vti.ikey.value_or(0) != 0) text_field(json, "ikey", dotted_key(*vti.ikey));
  if (vti.okey.value_or(0) != 0) text_field(json, "okey", dotted_key(*vti.okey));
  nonzero_hex(json, "fwmark", vti.fwmark);
}

void write_xfrm(JsonWriter& json, const rtnl::link::Xfrm& xfrm) {
  if (xfrm.collect_metadata) {
    bool_field(json, "external", true);
    return;
  }
  if (xfrm.if_id) text_field(json, "if_id", hex_0x(*xfrm.if_id));
}

}  // namespace nlpp::format::detail

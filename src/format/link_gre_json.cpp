// The GRE kinds as iproute2 6.1 prints them: ip/link_gre.c (gre, gretap,
// erspan) and link_gre6.c (ip6gre, ip6gretap, ip6erspan), alike but for
// the IPv4 TOS and PMTU discovery on one side and the IPv6 flags on the other.
#include "link_kind_fields.hpp"
#include "link_kind_writers.hpp"
#include "link_tunnel_fields.hpp"

namespace nlpp::format::detail {
namespace {

using rtnl::link::Gre;

// The keys (only with GRE_KEY in the direction's flags), then the
// sequence and checksum flags of both directions.
void write_keys_and_flags(JsonWriter& json, const Gre& gre) {
  const uint16_t iflags = gre.iflags.value_or(0);
  const uint16_t oflags = gre.oflags.value_or(0);
  if ((iflags & Gre::key) && gre.ikey) text_field(json, "ikey", dotted_key(*gre.ikey));
  if ((oflags & Gre::key) && gre.okey) text_field(json, "okey", dotted_key(*gre.okey));
  true_if(json, "iseq", iflags & Gre::seq);
  true_if(json, "oseq", oflags & Gre::seq);
  true_if(json, "icsum", iflags & Gre::csum);
  true_if(json, "ocsum", oflags & Gre::csum);
}

void write_erspan(JsonWriter& json, const Gre& gre) {
  optional_number(json, "erspan_index", gre.erspan_index);
  optional_number(json, "erspan_ver", gre.erspan_ver);
  if (gre.erspan_dir) text_field(json, "erspan_dir", *gre.erspan_dir == 0 ? "ingress" : "egress");
  if (gre.erspan_hwid) text_field(json, "erspan_hwid", hex_0x(*gre.erspan_hwid));
}

}  // namespace

void write_gre(JsonWriter& json, const Gre& gre, std::string_view kind, const LinkNames& names) {
  const bool ip6 = kind.starts_with("ip6");
  const uint32_t flags = gre.flags.value_or(0);
  true_if(json, "external", gre.collect_metadata);
  endpoint_field(json, "remote", gre.remote);
  endpoint_field(json, "local", gre.local);
  write_tunnel_device(json, gre.link, names);
  if (ip6) {
    number_field(json, "ttl", gre.ttl.value_or(0));
    write_ip6_traffic(json, flags, gre.encap_limit, gre.flowinfo);
  } else {
    write_ttl_tos(json, gre.ttl, gre.tos);
    optional_bool(json, "pmtudisc", gre.pmtudisc);
    true_if(json, "ignore_df", gre.ignore_df.value_or(false));
  }
  write_keys_and_flags(json, gre);
  if (ip6)
    write_ip6_fwmark(json, flags, gre.fwmark);
  else
    nonzero_hex(json, "fwmark", gre.fwmark);
  write_erspan(json, gre);
  write_encap(json, gre.encap);
}

}  // namespace nlpp::format::detail

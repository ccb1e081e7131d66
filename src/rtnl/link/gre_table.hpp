// How link::gre's types map onto attributes: the field tables the
// engine (codec/field_table.hpp) parses, emits and diffs them through.
#pragma once

#include <nlpp/rtnl/link/gre.hpp>

#include "rtnl/link/kind_traits.hpp"
#include "rtnl/link/tunnel_encap_table.hpp"

#include <linux/if_link.h>

#include <tuple>

namespace nlpp::rtnl::link {

template <>
struct KindTraits<Gre> {
  static constexpr std::string_view kinds[] = {"gre", "gretap", "erspan", "ip6gre", "ip6gretap", "ip6erspan"};
  static constexpr auto fields = std::tuple{
      field("link", &Gre::link, IFLA_GRE_LINK),
      field("iflags", &Gre::iflags, BigEndian{IFLA_GRE_IFLAGS}),
      field("oflags", &Gre::oflags, BigEndian{IFLA_GRE_OFLAGS}),
      field("ikey", &Gre::ikey, BigEndian{IFLA_GRE_IKEY}),
      field("okey", &Gre::okey, BigEndian{IFLA_GRE_OKEY}),
      field("local", &Gre::local, IFLA_GRE_LOCAL),
      field("remote", &Gre::remote, IFLA_GRE_REMOTE),
      field("ttl", &Gre::ttl, IFLA_GRE_TTL),
      field("tos", &Gre::tos, IFLA_GRE_TOS),
      field("pmtudisc", &Gre::pmtudisc, IFLA_GRE_PMTUDISC),
      field("encap_limit", &Gre::encap_limit, IFLA_GRE_ENCAP_LIMIT),
      field("flowinfo", &Gre::flowinfo, BigEndian{IFLA_GRE_FLOWINFO}),
      field("flags", &Gre::flags, IFLA_GRE_FLAGS),
      field("encap", &Gre::encap,
            EncapFields{IFLA_GRE_ENCAP_TYPE, IFLA_GRE_ENCAP_FLAGS, IFLA_GRE_ENCAP_SPORT, IFLA_GRE_ENCAP_DPORT}),
      field("collect_metadata", &Gre::collect_metadata, IFLA_GRE_COLLECT_METADATA),
      field("ignore_df", &Gre::ignore_df, IFLA_GRE_IGNORE_DF),
      field("fwmark", &Gre::fwmark, IFLA_GRE_FWMARK),
      field("erspan_index", &Gre::erspan_index, IFLA_GRE_ERSPAN_INDEX),
      field("erspan_ver", &Gre::erspan_ver, IFLA_GRE_ERSPAN_VER),
      field("erspan_dir", &Gre::erspan_dir, IFLA_GRE_ERSPAN_DIR),
      field("erspan_hwid", &Gre::erspan_hwid, IFLA_GRE_ERSPAN_HWID),
  };
  /// local and remote of the kind's family; a key only with Gre::key in its flags.
  static Result<void> validate(const Gre& gre, std::string_view kind);
};

}  // namespace nlpp::rtnl::link

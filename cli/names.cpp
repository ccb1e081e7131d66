#include "names.hpp"

#include "words.hpp"

#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <array>
#include <string>
#include <utility>

namespace nlpp::cli {
namespace {

using Name = std::pair<std::string_view, uint32_t>;

constexpr std::array kScopes{Name{"global", RT_SCOPE_UNIVERSE}, Name{"universe", RT_SCOPE_UNIVERSE},
                             Name{"site", RT_SCOPE_SITE},       Name{"link", RT_SCOPE_LINK},
                             Name{"host", RT_SCOPE_HOST},       Name{"nowhere", RT_SCOPE_NOWHERE}};

// /etc/iproute2/rt_protos as Debian's iproute2 6.1 ships it.
constexpr std::array kProtocols{
    Name{"unspec", RTPROT_UNSPEC}, Name{"redirect", RTPROT_REDIRECT}, Name{"kernel", RTPROT_KERNEL},
    Name{"boot", RTPROT_BOOT},     Name{"static", RTPROT_STATIC},     Name{"gated", RTPROT_GATED},
    Name{"ra", RTPROT_RA},         Name{"mrt", RTPROT_MRT},           Name{"zebra", RTPROT_ZEBRA},
    Name{"bird", RTPROT_BIRD},     Name{"dnrouted", RTPROT_DNROUTED}, Name{"xorp", RTPROT_XORP},
    Name{"ntk", RTPROT_NTK},       Name{"dhcp", RTPROT_DHCP},         Name{"keepalived", RTPROT_KEEPALIVED},
    Name{"babel", RTPROT_BABEL},   Name{"openr", RTPROT_OPENR},       Name{"bgp", RTPROT_BGP},
    Name{"isis", RTPROT_ISIS},     Name{"ospf", RTPROT_OSPF},         Name{"rip", RTPROT_RIP},
    Name{"eigrp", RTPROT_EIGRP}};

constexpr std::array kTables{Name{"default", RT_TABLE_DEFAULT}, Name{"main", RT_TABLE_MAIN},
                             Name{"local", RT_TABLE_LOCAL}};

constexpr std::array kFamilies{Name{"inet", AF_INET}, Name{"inet6", AF_INET6}, Name{"mpls", AF_MPLS},
                               Name{"bridge", AF_BRIDGE}, Name{"link", AF_PACKET}};

template <class Number, size_t N>
Number lookup(const std::array<Name, N>& names, std::string_view word, std::string_view what) {
  for (const auto& [name, value] : names)
    if (name == word) return static_cast<Number>(value);
  return parse_number<Number>(word, what);
}

}  // namespace

uint8_t parse_scope(std::string_view word) { return lookup<uint8_t>(kScopes, word, "scope"); }
uint8_t parse_protocol(std::string_view word) { return lookup<uint8_t>(kProtocols, word, "protocol"); }

uint32_t parse_table(std::string_view word) {
  const uint32_t table = lookup<uint32_t>(kTables, word, "table");
  if (table == RT_TABLE_UNSPEC) throw UsageError("table 0 means \"unspecified\"; name a table");
  return table;
}

int parse_family(std::string_view word) {
  for (const auto& [name, value] : kFamilies)
    if (name == word) return static_cast<int>(value);
  throw UsageError("unknown family " + quoted(word) + " (inet, inet6, mpls, bridge, link)");
}

}  // namespace nlpp::cli

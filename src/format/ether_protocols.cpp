// EtherTypes by name, as iproute2 names them (lib/ll_proto.c), both ways.
#include <nlpp/format/names.hpp>

#include <linux/if_ether.h>
#include <strings.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace nlpp::format {
namespace {

// llproto_names, in its order: the first name of a number wins.
constexpr std::pair<uint16_t, std::string_view> ether_protocols[] = {
    {ETH_P_LOOP, "loop"},
    {ETH_P_PUP, "pup"},
    {ETH_P_PUPAT, "pupat"},
    {ETH_P_IP, "ip"},
    {ETH_P_X25, "x25"},
    {ETH_P_ARP, "arp"},
    {ETH_P_BPQ, "bpq"},
    {ETH_P_IEEEPUP, "ieeepup"},
    {ETH_P_IEEEPUPAT, "ieeepupat"},
    {ETH_P_DEC, "dec"},
    {ETH_P_DNA_DL, "dna_dl"},
    {ETH_P_DNA_RC, "dna_rc"},
    {ETH_P_DNA_RT, "dna_rt"},
    {ETH_P_LAT, "lat"},
    {ETH_P_DIAG, "diag"},
    {ETH_P_CUST, "cust"},
    {ETH_P_SCA, "sca"},
    {ETH_P_RARP, "rarp"},
    {ETH_P_ATALK, "atalk"},
    {ETH_P_AARP, "aarp"},
    {ETH_P_IPX, "ipx"},
    {ETH_P_IPV6, "ipv6"},
    {ETH_P_PPP_DISC, "ppp_disc"},
    {ETH_P_PPP_SES, "ppp_ses"},
    {ETH_P_ATMMPOA, "atmmpoa"},
    {ETH_P_ATMFATE, "atmfate"},
    {ETH_P_802_3, "802_3"},
    {ETH_P_AX25, "ax25"},
    {ETH_P_ALL, "all"},
    {ETH_P_802_2, "802_2"},
    {ETH_P_SNAP, "snap"},
    {ETH_P_DDCMP, "ddcmp"},
    {ETH_P_WAN_PPP, "wan_ppp"},
    {ETH_P_PPP_MP, "ppp_mp"},
    {ETH_P_LOCALTALK, "localtalk"},
    {ETH_P_CAN, "can"},
    {ETH_P_PPPTALK, "ppptalk"},
    {ETH_P_TR_802_2, "tr_802_2"},
    {ETH_P_MOBITEX, "mobitex"},
    {ETH_P_CONTROL, "control"},
    {ETH_P_IRDA, "irda"},
    {ETH_P_ECONET, "econet"},
    {ETH_P_TIPC, "tipc"},
    {ETH_P_PROFINET, "profinet"},
    {ETH_P_AOE, "aoe"},
    {ETH_P_ETHERCAT, "ethercat"},
    {ETH_P_8021Q, "802.1Q"},
    {ETH_P_8021AD, "802.1ad"},
    {ETH_P_MPLS_UC, "mpls_uc"},
    {ETH_P_MPLS_MC, "mpls_mc"},
    {ETH_P_TEB, "teb"},
    {ETH_P_LLDP, "LLDP"},
    {ETH_P_IP, "ipv4"},  // read, never printed: "ip" comes first
};

}  // namespace

std::string ether_protocol_name(uint16_t protocol) {
  for (const auto& [number, name] : ether_protocols)
    if (number == protocol) return std::string(name);
  return "[" + std::to_string(protocol) + "]";
}

std::optional<uint16_t> ether_protocol_named(std::string_view name) {
  // ll_proto_a2n() compares without case ("802.1q").
  for (const auto& [number, known] : ether_protocols)
    if (known.size() == name.size() && strncasecmp(known.data(), name.data(), name.size()) == 0) return number;
  return std::nullopt;
}

}  // namespace nlpp::format

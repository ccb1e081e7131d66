#include "rtnl/tc/flower_table.hpp"

#include <linux/if_ether.h>
#include <netinet/in.h>

#include <array>
#include <initializer_list>
#include <string>

namespace nlpp::rtnl::tc {
namespace {

bool one_of(uint16_t ethertype, std::initializer_list<uint16_t> types) {
  for (uint16_t type : types)
    if (ethertype == type) return true;
  return false;
}

bool is_vlan(std::optional<uint16_t> ethertype) { return ethertype && one_of(*ethertype, {ETH_P_8021Q, ETH_P_8021AD}); }

Error refused(const std::string& why) { return Error(errc::invalid_argument, "flower: " + why); }

// The header a group of keys reads must be the one the ethertype says.
Result<void> check_network_header(const Flower& flower) {
  const uint16_t protocol = flower.network_protocol().value_or(0);
  const bool ip = one_of(protocol, {ETH_P_IP, ETH_P_IPV6});
  if ((flower.ip_proto || flower.ip_tos || flower.ip_ttl || flower.dst_ip || flower.src_ip) && !ip)
    return refused(
        "ip_proto, ip_tos, ip_ttl, dst_ip and src_ip need an IPv4 or IPv6 ethertype (eth_type, or "
        "vlan_ethtype under a vlan), or the kernel ignores them");
  for (const auto* address : {&flower.dst_ip, &flower.src_ip})
    if (*address && (*address)->value.is_v4() != (protocol == ETH_P_IP))
      return refused("the address " + (*address)->value.to_string() + " is not of the ethertype's family");
  if ((flower.mpls_label || flower.mpls_tc || flower.mpls_bos || flower.mpls_ttl) &&
      !one_of(protocol, {ETH_P_MPLS_UC, ETH_P_MPLS_MC}))
    return refused("the mpls keys need an MPLS ethertype");
  if ((flower.arp_sip || flower.arp_tip || flower.arp_op || flower.arp_sha || flower.arp_tha) &&
      !one_of(protocol, {ETH_P_ARP, ETH_P_RARP}))
    return refused("the arp keys need ethertype arp or rarp");
  return {};
}

Result<void> check_vlans(const Flower& flower) {
  const uint8_t vlans = flower.num_of_vlans.value_or(0);
  if ((flower.vlan_id || flower.vlan_prio || flower.vlan_ethtype) && !is_vlan(flower.eth_type) && vlans == 0)
    return refused("vlan_id, vlan_prio and vlan_ethtype need eth_type 802.1Q or 802.1ad, or num_of_vlans");
  if ((flower.cvlan_id || flower.cvlan_prio || flower.cvlan_ethtype) && !is_vlan(flower.vlan_ethtype) && vlans < 2)
    return refused("cvlan_id, cvlan_prio and cvlan_ethtype need vlan_ethtype 802.1Q or 802.1ad, or num_of_vlans 2");
  if ((flower.vlan_id && *flower.vlan_id > 0xfff) || (flower.cvlan_id && *flower.cvlan_id > 0xfff))
    return refused("a vlan id is 0-4095");
  if ((flower.vlan_prio && *flower.vlan_prio > 7) || (flower.cvlan_prio && *flower.cvlan_prio > 7))
    return refused("a vlan priority is 0-7");
  if (flower.mpls_label && *flower.mpls_label > 0xfffff) return refused("an mpls label is 0-1048575");
  if (flower.mpls_tc && *flower.mpls_tc > 7) return refused("mpls_tc is 0-7");
  if (flower.mpls_bos && *flower.mpls_bos > 1) return refused("mpls_bos is 0 or 1");
  return {};
}

Result<void> check_transport(const Flower& flower) {
  if ((flower.dst_port || flower.src_port || flower.dst_port_range || flower.src_port_range) && !flower.has_ports())
    return refused("ports need ip_proto tcp, udp or sctp, or the kernel ignores them");
  if ((flower.dst_port && flower.dst_port_range) || (flower.src_port && flower.src_port_range))
    return refused("a port and a port range of the same end cannot both be given");
  for (const auto* range : {&flower.dst_port_range, &flower.src_port_range})
    if (*range && (*range)->min >= (*range)->max)
      return refused("the port range " + (*range)->to_string() + " must go from a smaller port to a larger one");
  if ((flower.icmp_type || flower.icmp_code) && !flower.has_icmp())
    return refused("icmp_type and icmp_code need ip_proto icmp under IPv4 or icmpv6 under IPv6");
  return {};
}

// An address key's mask is of the address's family; ARP's are IPv4.
Result<void> check_address_masks(const Flower& flower) {
  for (const auto* key :
       {&flower.dst_ip, &flower.src_ip, &flower.enc_dst_ip, &flower.enc_src_ip, &flower.arp_sip, &flower.arp_tip}) {
    if (*key && (*key)->value.empty()) return refused("an address key needs an address");
    if (*key && (*key)->mask && (*key)->mask->family() != (*key)->value.family())
      return refused("the mask " + (*key)->mask->to_string() + " is not of the family of " + (*key)->value.to_string());
  }
  for (const auto* key : {&flower.arp_sip, &flower.arp_tip})
    if (*key && !(*key)->value.is_v4()) return refused("arp_sip and arp_tip are IPv4 addresses");
  return {};
}

}  // namespace

std::optional<uint16_t> Flower::network_protocol() const noexcept {
  if (!is_vlan(eth_type)) return eth_type;
  return is_vlan(vlan_ethtype) ? cvlan_ethtype : vlan_ethtype;
}

std::optional<IpAddress> prefix_mask(const IpPrefix& prefix) {
  const size_t bits = prefix.address.size() * 8;
  if (prefix.length >= bits) return std::nullopt;
  std::array<std::byte, 16> mask{};
  for (size_t bit = 0; bit < prefix.length; ++bit) mask[bit / 8] |= std::byte(0x80 >> (bit % 8));
  IpAddress result;
  codec::read_address(wire::Bytes(mask.data(), prefix.address.size()), prefix.address.family(), result);
  return result;
}

bool Flower::has_ports() const noexcept { return port_protocol_index(*this) >= 0; }

bool Flower::has_icmp() const noexcept { return icmp_protocol_index(*this) >= 0; }

int port_protocol_index(const Flower& flower) {
  switch (flower.ip_proto.value_or(0)) {
    case IPPROTO_TCP:
      return 0;
    case IPPROTO_UDP:
      return 1;
    case IPPROTO_SCTP:
      return 2;
    default:
      return -1;
  }
}

int icmp_protocol_index(const Flower& flower) {
  const uint16_t protocol = flower.network_protocol().value_or(0);
  if (flower.ip_proto == IPPROTO_ICMP && protocol == ETH_P_IP) return 0;
  if (flower.ip_proto == IPPROTO_ICMPV6 && protocol == ETH_P_IPV6) return 1;
  return -1;
}

Result<void> PortRangeIn::parse(const wire::Attribute& attribute, std::optional<PortRange>& range) const {
  Result<uint16_t> port = codec::NativeValue<uint16_t>::parse(attribute);
  if (!port) return std::move(port).error();
  if (!range) range.emplace();
  (attribute.type() == min_type ? range->min : range->max) = wire::network_to_host(*port);
  return {};
}

void PortRangeIn::emit(const std::optional<PortRange>& range, wire::MessageBuilder& out) const {
  if (!range) return;
  out.add(min_type, wire::bytes_of(wire::host_to_network(range->min)));
  out.add(max_type, wire::bytes_of(wire::host_to_network(range->max)));
}

void KindTraits<Flower>::as_requested(Flower& flower, uint16_t filter_protocol) {
  if (is_vlan(filter_protocol) && !is_vlan(flower.eth_type)) flower.eth_type = filter_protocol;
}

Result<void> KindTraits<Flower>::validate(const Flower& flower, std::string_view) {
  for (auto check : {check_vlans, check_network_header, check_transport, check_address_masks})
    if (Result<void> checked = check(flower); !checked) return checked;
  return validate_actions(flower.actions, "flower action");
}

}  // namespace nlpp::rtnl::tc

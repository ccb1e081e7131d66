// flower_print_opt()'s fields (tc/f_flower.c of iproute2 6.1) from the
// typed options: the same keys, in the same order, in the same text.
#include "tc_flower_fields.hpp"

#include <nlpp/format/names.hpp>

#include "iproute2_words.hpp"
#include "tc_filter_words.hpp"

#include <linux/if_ether.h>
#include <linux/pkt_cls.h>
#include <linux/pkt_sched.h>
#include <linux/ppp_defs.h>
#include <net/if_arp.h>
#include <netinet/in.h>

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <limits>
#include <span>

namespace nlpp::format::detail {
namespace {

using rtnl::tc::Flower;
using rtnl::tc::Masked;
using Field = FlowerField;

template <class T>
using OptionalMasked = std::optional<Masked<T>>;

// print_masked_*(): a mask of all ones is not printed, whether the kernel
// sent it or the caller wrote it.
template <class T>
Field::MaskedNumber masked_number_of(const Masked<T>& key) {
  std::optional<uint32_t> mask;
  if (key.mask && *key.mask != std::numeric_limits<T>::max()) mask = *key.mask;
  return {key.value, mask};
}

// __mask_bits(): the length of a mask that is a prefix (ones, then zeros);
// none for another, and for all zeros.
std::optional<size_t> prefix_length(std::span<const std::byte> mask) {
  size_t ones = 0;
  bool past_ones = false;
  for (std::byte byte : mask) {
    for (int bit = 7; bit >= 0; --bit) {
      const bool one = ((std::to_integer<unsigned>(byte) >> bit) & 1) != 0;
      if (one && past_ones) return std::nullopt;
      if (one)
        ++ones;
      else if (ones == 0)
        return std::nullopt;
      else
        past_ones = true;
    }
  }
  return ones;
}

// flower_print_eth_addr() and flower_print_ip_addr(): the address, then
// "/LENGTH" for a prefix mask or "/MASK" for another; no mask is printed
// that compares every bit.
template <class Address>
std::string masked_address_text(const Masked<Address>& key) {
  std::string text = key.value.to_string();
  if (!key.mask) return text;
  const std::span<const std::byte> mask = key.mask->bytes();
  const std::optional<size_t> length = prefix_length(mask);
  if (!length)
    text += "/" + key.mask->to_string();
  else if (*length < mask.size() * 8)
    text += "/" + std::to_string(*length);
  return text;
}

// flower_print_masked_u8(): "%d", or the value's name when the mask is all
// ones and it has one; "/%d" and the mask when it is not all ones.
std::string masked_u8_text(const Masked<uint8_t>& key, std::string_view (*name_of)(uint8_t)) {
  const uint8_t mask = key.mask.value_or(0xff);
  const std::string_view name = mask == 0xff && name_of ? name_of(key.value) : std::string_view();
  std::string text = name.empty() ? std::to_string(key.value) : std::string(name);
  if (mask != 0xff) text += "/" + std::to_string(mask);
  return text;
}

std::string_view arp_op_name(uint8_t op) {
  if (op == ARPOP_REQUEST) return "request";
  if (op == ARPOP_REPLY) return "reply";
  return {};
}

// flower_print_eth_type(): four names, else the number in hex. tc prints
// what the kernel reports: the ethertype after the vlan tags.
std::string eth_type_text(uint16_t eth_type) {
  switch (eth_type) {
    case ETH_P_IP:
      return "ipv4";
    case ETH_P_IPV6:
      return "ipv6";
    case ETH_P_ARP:
      return "arp";
    case ETH_P_RARP:
      return "rarp";
    default: {
      char text[8];
      std::snprintf(text, sizeof text, "%04x", eth_type);
      return text;
    }
  }
}

// flower_print_ip_proto(): five names, else the number in hex.
std::string ip_proto_text(uint8_t ip_proto) {
  switch (ip_proto) {
    case IPPROTO_TCP:
      return "tcp";
    case IPPROTO_UDP:
      return "udp";
    case IPPROTO_SCTP:
      return "sctp";
    case IPPROTO_ICMP:
      return "icmp";
    case IPPROTO_ICMPV6:
      return "icmpv6";
    default: {
      char text[4];
      std::snprintf(text, sizeof text, "%02x", ip_proto);
      return text;
    }
  }
}

// flower_print_tcp_flags(): the kernel always dumps the mask, which tc
// prints even when it is all ones.
std::string tcp_flags_text(const Masked<uint16_t>& flags) {
  char text[24];
  std::snprintf(text, sizeof text, "0x%x/%x", flags.value, flags.mask.value_or(0xffff));
  return text;
}

// flower_print_ct_state(): "+NAME" or "-NAME" for each state the mask holds.
std::string ct_state_text(const Masked<uint16_t>& state) {
  std::string text;
  for (const auto& [name, flag] : rtnl::tc::ct_state_names) {
    if ((state.mask.value_or(0xffff) & flag) == 0) continue;
    text += (state.value & flag) ? '+' : '-';
    text += name;
  }
  return text;
}

// flower_print_ct_label(): the label in hex, "/MASK" unless it is all ones.
std::string ct_label_text(const Masked<rtnl::tc::CtLabel>& label) {
  std::string text = hex_string(std::as_bytes(std::span(label.value)));
  if (label.mask && std::ranges::any_of(*label.mask, [](uint8_t byte) { return byte != 0xff; }))
    text += "/" + hex_string(std::as_bytes(std::span(*label.mask)));
  return text;
}

// flags_str: the fragment flags of "ip_flags", in tc's order.
constexpr std::pair<std::string_view, uint32_t> ip_flag_names[] = {
    {"frag", TCA_FLOWER_KEY_FLAGS_IS_FRAGMENT},
    {"firstfrag", TCA_FLOWER_KEY_FLAGS_FRAG_IS_FIRST},
};

Field::Flags ip_flags_of(const Masked<uint32_t>& ip_flags) {
  Field::Flags flags;
  for (const auto& [name, flag] : ip_flag_names)
    if (ip_flags.mask.value_or(0xffffffff) & flag) flags.emplace_back(name, (ip_flags.value & flag) != 0);
  return flags;
}

// lib/ppp_proto.c's names, in its order.
constexpr std::pair<uint16_t, std::string_view> ppp_protocols[] = {
    {PPP_IP, "ip"},
    {PPP_AT, "at"},
    {PPP_IPX, "ipx"},
    {PPP_VJC_COMP, "vjc_comp"},
    {PPP_VJC_UNCOMP, "vjc_uncomp"},
    {PPP_MP, "mp"},
    {PPP_IPV6, "ipv6"},
    {PPP_COMPFRAG, "compfrag"},
    {PPP_COMP, "comp"},
    {PPP_MPLS_UC, "mpls_uc"},
    {PPP_MPLS_MC, "mpls_mc"},
    {PPP_IPCP, "ipcp"},
    {PPP_ATCP, "atcp"},
    {PPP_IPXCP, "ipxcp"},
    {PPP_IPV6CP, "ipv6cp"},
    {PPP_CCPFRAG, "ccpfrag"},
    {PPP_CCP, "ccp"},
    {PPP_MPLSCP, "mplscp"},
    {PPP_LCP, "lcp"},
    {PPP_PAP, "pap"},
    {PPP_LQR, "lqr"},
    {PPP_CHAP, "chap"},
    {PPP_CBCP, "cbcp"},
};

// ppp_proto_n2a(): the name, else "[N]".
std::string ppp_protocol_text(uint16_t protocol) {
  const auto* found = std::ranges::find(ppp_protocols, protocol, &std::pair<uint16_t, std::string_view>::first);
  return found != std::end(ppp_protocols) ? std::string(found->second) : "[" + std::to_string(protocol) + "]";
}

// A big-endian u16 that nlpp keeps raw (PPPoE's keys).
std::optional<uint16_t> raw_be16(const Flower& flower, uint16_t type) {
  const RawAttribute* raw = find_raw(flower.unknown, type);
  if (!raw || raw->payload.size() != sizeof(uint16_t)) return std::nullopt;
  return static_cast<uint16_t>(std::to_integer<uint16_t>(raw->payload[0]) << 8 |
                               std::to_integer<uint16_t>(raw->payload[1]));
}

// The fields of one list, each added only when there is something to print.
class FieldList {
 public:
  explicit FieldList(std::vector<Field>& fields) : fields_(fields) {}

  // Built in place: moving a whole field into the vector makes GCC 12 warn
  // of the Flags alternative as maybe uninitialized, which it is not.
  template <class Value>
  FieldList& add(std::string_view name, Value value) {
    Field& field = fields_.emplace_back();
    field.name = name;
    field.value.template emplace<Value>(std::move(value));
    return *this;
  }
  // The key as say(key) says it, if present.
  template <class T, class Say>
  FieldList& text(std::string_view name, const std::optional<T>& key, Say say) {
    return key ? add(name, std::string(say(*key))) : *this;
  }
  template <class T>
  FieldList& number(std::string_view name, const std::optional<T>& key) {
    return key ? add(name, uint32_t{*key}) : *this;
  }
  template <class T>
  FieldList& masked_number(std::string_view name, const OptionalMasked<T>& key) {
    return key ? add(name, masked_number_of(*key)) : *this;
  }
  FieldList& range(std::string_view name, const std::optional<rtnl::tc::PortRange>& ports) {
    return ports ? add(name, *ports) : *this;
  }

 private:
  std::vector<Field>& fields_;
};

std::string decimal(uint32_t value) { return std::to_string(value); }
std::string icmp_text(const Masked<uint8_t>& key) { return masked_u8_text(key, nullptr); }
std::string arp_op_text(const Masked<uint8_t>& op) { return masked_u8_text(op, arp_op_name); }

// flower_print_ip_addr() reads the family eth_type names: an address of
// the other family, or under another eth_type, is not printed.
OptionalMasked<IpAddress> under_eth_type(const Flower& flower, const OptionalMasked<IpAddress>& address) {
  if (!address) return std::nullopt;
  const bool printed = (flower.network_protocol() == ETH_P_IP && address->value.is_v4()) ||
                       (flower.network_protocol() == ETH_P_IPV6 && address->value.is_v6());
  return printed ? address : std::nullopt;
}

template <class T>
std::optional<T> only_if(bool condition, const std::optional<T>& value) {
  return condition ? value : std::nullopt;
}

void add_keys(FieldList keys, const Flower& flower) {
  const bool ports = flower.has_ports();
  const bool icmp = flower.has_icmp();
  keys.number("num_of_vlans", flower.num_of_vlans)
      .number("vlan_id", flower.vlan_id)
      .number("vlan_prio", flower.vlan_prio)
      .text("vlan_ethtype", flower.vlan_ethtype, ether_protocol_name)
      .number("cvlan_id", flower.cvlan_id)
      .number("cvlan_prio", flower.cvlan_prio)
      .text("cvlan_ethtype", flower.cvlan_ethtype, ether_protocol_name)
      .text("dst_mac", flower.dst_mac, masked_address_text<MacAddress>)
      .text("src_mac", flower.src_mac, masked_address_text<MacAddress>)
      .text("eth_type", flower.network_protocol(), eth_type_text)
      .text("ip_proto", flower.ip_proto, ip_proto_text)
      .masked_number("ip_tos", flower.ip_tos)
      .masked_number("ip_ttl", flower.ip_ttl)
      .number("mpls_label", flower.mpls_label)
      .text("mpls_tc", flower.mpls_tc, decimal)
      .text("mpls_bos", flower.mpls_bos, decimal)
      .text("mpls_ttl", flower.mpls_ttl, decimal)
      .text("dst_ip", under_eth_type(flower, flower.dst_ip), masked_address_text<IpAddress>)
      .text("src_ip", under_eth_type(flower, flower.src_ip), masked_address_text<IpAddress>)
      .masked_number("dst_port", only_if(ports, flower.dst_port))
      .masked_number("src_port", only_if(ports, flower.src_port))
      .range("dst_port", only_if(ports, flower.dst_port_range))
      .range("src_port", only_if(ports, flower.src_port_range))
      .text("tcp_flags", flower.tcp_flags, tcp_flags_text)
      .text("icmp_type", only_if(icmp, flower.icmp_type), icmp_text)
      .text("icmp_code", only_if(icmp, flower.icmp_code), icmp_text)
      .text("arp_sip", flower.arp_sip, masked_address_text<IpAddress>)
      .text("arp_tip", flower.arp_tip, masked_address_text<IpAddress>)
      .text("arp_op", flower.arp_op, arp_op_text)
      .text("arp_sha", flower.arp_sha, masked_address_text<MacAddress>)
      .text("arp_tha", flower.arp_tha, masked_address_text<MacAddress>)
      .number("pppoe_sid", raw_be16(flower, TCA_FLOWER_KEY_PPPOE_SID))
      .text("ppp_proto", raw_be16(flower, TCA_FLOWER_KEY_PPP_PROTO), ppp_protocol_text)
      .text("enc_dst_ip", flower.enc_dst_ip, masked_address_text<IpAddress>)
      .text("enc_src_ip", flower.enc_src_ip, masked_address_text<IpAddress>)
      .number("enc_key_id", flower.enc_key_id)
      .masked_number("enc_dst_port", flower.enc_dst_port)
      .masked_number("enc_tos", flower.enc_tos)
      .masked_number("enc_ttl", flower.enc_ttl);
  if (flower.ip_flags) {
    Field::Flags flags = ip_flags_of(*flower.ip_flags);
    if (!flags.empty()) keys.add("ip_flags", std::move(flags));
  }
  keys.text("ct_state", flower.ct_state, ct_state_text)
      .masked_number("ct_zone", flower.ct_zone)
      .masked_number("ct_mark", flower.ct_mark)
      .text("ct_label", flower.ct_label, ct_label_text);
}

// A classid in hw_tc's range (TC_H_MIN_PRIORITY and the TC_QOPT_MAX_QUEUE
// after it) is printed as the traffic class it names.
void add_classid(FieldList fields, const rtnl::TcHandle& classid) {
  const uint16_t minor = classid.minor_id();
  if (minor >= TC_H_MIN_PRIORITY && minor < TC_H_MIN_PRIORITY + TC_QOPT_MAX_QUEUE)
    fields.add("hw_tc", uint32_t{minor} - TC_H_MIN_PRIORITY);
  else
    fields.add("classid", classid.to_string());
}

void add_flags(FieldList fields, const Flower& flower) {
  if (!flower.flags) return;
  for (std::string_view name : tc_classifier_flag_names(*flower.flags)) {
    fields.add(name, Field::On{});
    if (name == "in_hw") fields.number("in_hw_count", flower.in_hw_count);
  }
}

}  // namespace

FlowerFields flower_fields(const Flower& flower) {
  FlowerFields fields;
  if (flower.classid) add_classid(FieldList(fields.before_keys), *flower.classid);
  FieldList(fields.before_keys).text("indev", flower.indev, [](const std::string& name) { return name; });
  add_keys(FieldList(fields.keys), flower);
  add_flags(FieldList(fields.flags), flower);
  return fields;
}

}  // namespace nlpp::format::detail

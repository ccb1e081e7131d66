#include "tc_action_kinds_words.hpp"

#include "iproute2_words.hpp"
#include "tc_bpf_bytecode.hpp"
#include "tc_filter_words.hpp"
#include "tc_words.hpp"

#include <nlpp/format/names.hpp>

#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <linux/tc_act/tc_csum.h>
#include <linux/tc_act/tc_skbedit.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdio>
#include <iterator>
#include <span>
#include <utility>

namespace nlpp::format::detail {
namespace {

using rtnl::tc::Action;

constexpr std::array<std::pair<uint16_t, std::string_view>, 4> ptype_names{{
    {PACKET_HOST, "host"},
    {PACKET_OTHERHOST, "otherhost"},
    {PACKET_BROADCAST, "broadcast"},
    {PACKET_MULTICAST, "multicast"},
}};

// print_csum()'s order.
constexpr std::array<std::pair<uint32_t, std::string_view>, 7> csum_names{{
    {TCA_CSUM_UPDATE_FLAG_IPV4HDR, "iph"},
    {TCA_CSUM_UPDATE_FLAG_ICMP, "icmp"},
    {TCA_CSUM_UPDATE_FLAG_IGMP, "igmp"},
    {TCA_CSUM_UPDATE_FLAG_TCP, "tcp"},
    {TCA_CSUM_UPDATE_FLAG_UDP, "udp"},
    {TCA_CSUM_UPDATE_FLAG_UDPLITE, "udplite"},
    {TCA_CSUM_UPDATE_FLAG_SCTP, "sctp"},
}};

constexpr std::array<std::string_view, 6> pedit_header_names{"network", "eth", "ipv4", "ipv6", "tcp", "udp"};

std::string control_text(const Action& action) { return action.effective_control().to_string(); }

std::string number_text(std::string_view word, const std::optional<uint32_t>& value) {
  return value ? std::string(word) + " " + std::to_string(*value) : "";
}

std::string address_text(std::string_view word, const std::optional<IpAddress>& address) {
  return address ? std::string(word) + " " + address->to_string() : "";
}

std::string hex8(uint32_t value) {
  char text[12];
  std::snprintf(text, sizeof text, "%08x", value);
  return text;
}

// A range as ct prints it: the first, and "-LAST" when the last differs.
template <class Value, class Text>
std::string range_text(const Value& first, const std::optional<Value>& last, Text text) {
  std::string range = text(first);
  if (last && *last != first) range += "-" + text(*last);
  return range;
}

}  // namespace

std::optional<std::string_view> skbedit_ptype_name(uint16_t ptype) {
  for (const auto& [value, name] : ptype_names)
    if (value == ptype) return name;
  return std::nullopt;
}

std::string_view vlan_operation_name(rtnl::tc::Vlan::Operation operation) {
  using Operation = rtnl::tc::Vlan::Operation;
  switch (operation) {
    case Operation::pop:
      return "pop";
    case Operation::push:
      return "push";
    case Operation::modify:
      return "modify";
    case Operation::pop_eth:
      return "pop_eth";
    case Operation::push_eth:
      return "push_eth";
  }
  return "unknown";
}

std::vector<std::string_view> csum_update_names(uint32_t update_flags) {
  std::vector<std::string_view> names;
  for (const auto& [flag, name] : csum_names)
    if (update_flags & flag) names.push_back(name);
  return names;
}

std::string pedit_header_name(rtnl::tc::PeditHeader header) {
  const auto index = static_cast<size_t>(header);
  if (index < pedit_header_names.size()) return std::string(pedit_header_names[index]);
  return "unknown(" + std::to_string(index) + ")";
}

std::string nat_old_text(const rtnl::tc::Nat& nat) {
  const uint8_t length = nat.old_prefix.length;
  const uint32_t mask = length == 0 ? 0 : ~uint32_t{0} << (32 - std::min<uint8_t>(length, 32));
  // tc's ffs() of the mask as the kernel holds it, big endian, read as a host integer.
  const uint32_t as_held = htonl(mask);
  const int printed = as_held == 0 ? 0 : 32 - std::countr_zero(as_held);
  return nat.old_prefix.address.to_string() + "/" + std::to_string(printed);
}

std::string ct_nat_text(const rtnl::tc::Ct& ct) {
  std::string text;
  if (ct.ct_action & TCA_CT_ACT_NAT_SRC)
    text = "src";
  else if (ct.ct_action & TCA_CT_ACT_NAT_DST)
    text = "dst";
  else
    return text;
  if (ct.nat_min)
    text += " addr " + range_text(*ct.nat_min, ct.nat_max, [](const IpAddress& a) { return a.to_string(); });
  if (ct.nat_port_min)
    text +=
        " port " + range_text(*ct.nat_port_min, ct.nat_port_max, [](uint16_t port) { return std::to_string(port); });
  return text;
}

std::string ct_labels_text(const rtnl::tc::Ct& ct) {
  std::string text = hex_string(ct.labels);
  // tc reads as many mask bytes as there are labels.
  const std::span<const std::byte> mask =
      std::span(ct.labels_mask).first(std::min(ct.labels.size(), ct.labels_mask.size()));
  const bool keeps_all = ct.labels.size() == 16 && mask.size() == ct.labels.size() &&
                         std::ranges::all_of(mask, [](std::byte b) { return b == std::byte{0xff}; });
  if (!keeps_all) text += "/" + hex_string(mask);
  return text;
}

std::string_view ct_action_name(uint16_t ct_action) {
  if (ct_action & TCA_CT_ACT_COMMIT) return (ct_action & TCA_CT_ACT_FORCE) ? "commit force" : "commit";
  if (ct_action & TCA_CT_ACT_CLEAR) return "clear";
  return "";
}

std::string action_options_text(const Action& action, const rtnl::tc::Skbedit& skbedit, const LinkNames&) {
  Words words;
  words.add(number_text("queue_mapping", skbedit.queue_mapping));
  if (skbedit.priority) words.add("priority " + skbedit.priority->to_string());
  if (skbedit.mark)
    words.add("mark " + std::to_string(*skbedit.mark) + (skbedit.mask ? "/" + hex_0x(*skbedit.mask) : ""));
  if (skbedit.ptype) {
    const std::optional<std::string_view> name = skbedit_ptype_name(*skbedit.ptype);
    words.add("ptype " + (name ? std::string(*name) : std::to_string(*skbedit.ptype)));
  }
  if (skbedit.flags & SKBEDIT_F_INHERITDSFIELD) words.add("inheritdsfield");
  return words.add(control_text(action)).text();
}

std::string action_options_text(const Action& action, const rtnl::tc::Vlan& vlan, const LinkNames&) {
  Words words;
  words.add(vlan_operation_name(vlan.operation)).add(number_text("id", vlan.id));
  if (vlan.protocol) words.add("protocol " + ether_protocol_name(*vlan.protocol));
  words.add(number_text("priority", vlan.priority));
  if (vlan.destination) words.add("dst_mac " + vlan.destination->to_string());
  if (vlan.source) words.add("src_mac " + vlan.source->to_string());
  return words.add(control_text(action)).text();
}

std::string action_options_text(const Action& action, const rtnl::tc::Csum& csum, const LinkNames&) {
  return Words().add_all(csum_update_names(csum.update_flags)).add(control_text(action)).text();
}

// The prefix as it is, not as tc prints it back.
std::string action_options_text(const Action& action, const rtnl::tc::Nat& nat, const LinkNames&) {
  return Words()
      .add(nat.egress ? "egress" : "ingress")
      .add(nat.old_prefix.to_string())
      .add(nat.new_address.to_string())
      .add(control_text(action))
      .text();
}

// No words of tc's give every key back (a key's mask and header come from
// the field its words named), so the keys as tc prints them: "at ipv4+8
// add 01000000 mask 00ffffff".
std::string action_options_text(const Action& action, const rtnl::tc::Pedit& pedit, const LinkNames&) {
  Words words;
  if (pedit.extended) words.add("ex");
  words.add("keys " + std::to_string(pedit.keys.size()));
  for (const rtnl::tc::PeditKey& key : pedit.keys) {
    const std::string place =
        key.header == rtnl::tc::PeditHeader::network
            ? std::to_string(key.offset)
            : pedit_header_name(key.header) + (key.offset < 0 ? "" : "+") + std::to_string(key.offset);
    words.add("at " + place)
        .add(key.command == rtnl::tc::PeditCommand::add ? "add" : "val")
        .add(hex8(key.value))
        .add("mask " + hex8(key.mask));
  }
  return words.add(control_text(action)).text();
}

std::string action_options_text(const Action& action, const rtnl::tc::Connmark& connmark, const LinkNames&) {
  return Words().add("zone " + std::to_string(connmark.zone)).add(control_text(action)).text();
}

std::string action_options_text(const Action& action, const rtnl::tc::Ct& ct, const LinkNames&) {
  Words words;
  words.add(ct_action_name(ct.ct_action)).add(number_text("zone", ct.zone));
  if (ct.mark)
    words.add("mark " + std::to_string(*ct.mark) +
              (ct.mark_mask && *ct.mark_mask != 0xffffffff ? "/" + hex_0x(*ct.mark_mask) : ""));
  if (!ct.labels.empty()) words.add("label " + ct_labels_text(ct));
  if (ct.ct_action & TCA_CT_ACT_NAT) words.add("nat").add(ct_nat_text(ct));
  return words.add(control_text(action)).text();
}

std::string action_options_text(const Action& action, const rtnl::tc::TunnelKey& key, const LinkNames&) {
  Words words;
  if (key.operation == rtnl::tc::TunnelKey::Operation::unset)
    return words.add("unset").add(control_text(action)).text();
  words.add("set")
      .add(address_text("src_ip", key.source))
      .add(address_text("dst_ip", key.destination))
      .add(number_text("id", key.key_id))
      .add(number_text("dst_port", key.dst_port));
  if (key.tos) words.add("tos " + tc_hex_text(*key.tos));
  words.add(number_text("ttl", key.ttl)).add(key.checksum ? "csum" : "nocsum");
  return words.add(control_text(action)).text();
}

std::string action_options_text(const Action& action, const rtnl::tc::Sample& sample, const LinkNames&) {
  return Words()
      .add("rate " + std::to_string(sample.rate))
      .add("group " + std::to_string(sample.group))
      .add(number_text("trunc", sample.trunc_size))
      .add(control_text(action))
      .text();
}

std::string action_options_text(const Action& action, const rtnl::tc::BpfAction& bpf, const LinkNames&) {
  Words words;
  words.add(bpf.name.value_or(""));
  if (!bpf.classic.empty()) words.add(bpf_bytecode_text(bpf.classic));
  words.add(number_text("id", bpf.id));
  if (bpf.tag) words.add("tag " + hex_string(std::as_bytes(std::span(*bpf.tag))));
  return words.add(control_text(action)).text();
}

}  // namespace nlpp::format::detail

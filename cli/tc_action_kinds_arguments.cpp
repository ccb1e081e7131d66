#include "tc_action_kinds_arguments.hpp"

#include "commands.hpp"
#include "tc_action_arguments.hpp"
#include "tc_bpf_bytecode.hpp"
#include "tc_pedit_arguments.hpp"
#include "tc_words.hpp"

#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/tc_act/tc_csum.h>
#include <linux/tc_act/tc_ct.h>
#include <linux/tc_act/tc_skbedit.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace nlpp::cli {
namespace {

using rtnl::tc::Action;

// The verdict, then `index N`, as tc reads them after most kinds' words.
void take_control_and_index(Words& words, Action& action) {
  action.control = take_control(words);
  take_index(words, action);
}

IpAddress address_of(std::string_view word, std::string_view what) {
  Result<IpAddress> address = IpAddress::parse(word);
  if (!address) throw UsageError(std::string(what) + ": " + quoted(word) + " is not an IP address");
  return *address;
}

// "VALUE/MASK" or "VALUE": the two numbers (tc's get_u32() with base 0 each).
std::pair<uint32_t, std::optional<uint32_t>> masked_u32(std::string_view word, std::string_view what) {
  const size_t slash = word.find('/');
  const uint32_t value = parse_number<uint32_t>(word.substr(0, slash), what);
  if (slash == std::string_view::npos) return {value, std::nullopt};
  return {value, parse_number<uint32_t>(word.substr(slash + 1), std::string(what) + " mask")};
}

// m_skbedit.c: `skbedit [queue_mapping N] [priority CLASSID] [mark
// MARK[/MASK]] [ptype host|otherhost|broadcast|multicast] [inheritdsfield]`.
void parse_skbedit(Words& words, Action& action) {
  rtnl::tc::Skbedit skbedit;
  bool any = false;
  while (!words.empty()) {
    if (take_matching(words, {"queue_mapping"})) {
      skbedit.queue_mapping = parse_number<uint16_t>(words.value_after("queue_mapping"), "queue_mapping");
    } else if (take_matching(words, {"priority"})) {
      skbedit.priority = parse_classid(words.value_after("priority"), "priority");
    } else if (take_matching(words, {"mark"})) {
      const auto [mark, mask] = masked_u32(words.value_after("mark"), "mark");
      skbedit.mark = mark;
      skbedit.mask = mask;
    } else if (take_matching(words, {"ptype"})) {
      constexpr std::array<std::pair<std::string_view, uint16_t>, 4> types{{
          {"host", PACKET_HOST},
          {"broadcast", PACKET_BROADCAST},
          {"multicast", PACKET_MULTICAST},
          {"otherhost", PACKET_OTHERHOST},
      }};
      const std::string_view word = words.value_after("ptype");
      const auto* type = std::ranges::find_if(types, [&](const auto& named) { return is_command(word, named.first); });
      if (type == types.end())
        throw UsageError("skbedit: " + quoted(word) + " is not a packet type (host, otherhost, broadcast, multicast)");
      skbedit.ptype = type->second;
    } else if (take_matching(words, {"inheritdsfield"})) {
      skbedit.flags |= SKBEDIT_F_INHERITDSFIELD;
    } else {
      break;
    }
    any = true;
  }
  if (any) action.options = std::move(skbedit);
  finish_action(words, action, "nothing to set (queue_mapping, priority, mark, ptype, inheritdsfield)");
}

// m_vlan.c: `vlan pop | push|modify [protocol P] id ID [priority N] |
// pop_eth | push_eth dst_mac MAC src_mac MAC`.
void parse_vlan(Words& words, Action& action) {
  using Operation = rtnl::tc::Vlan::Operation;
  constexpr std::array<std::pair<std::string_view, Operation>, 5> operations{{
      {"pop", Operation::pop},
      {"push", Operation::push},
      {"modify", Operation::modify},
      {"pop_eth", Operation::pop_eth},
      {"push_eth", Operation::push_eth},
  }};
  rtnl::tc::Vlan vlan;
  std::optional<Operation> operation;
  const auto only_for = [&](std::string_view word, bool valid, std::string_view operations_named) {
    if (!valid) throw UsageError("vlan: " + quoted(word) + " is only valid for " + std::string(operations_named));
  };
  while (!words.empty()) {
    const std::string_view word = words.peek();
    const bool tags = operation == Operation::push || operation == Operation::modify;
    const auto* named =
        std::ranges::find_if(operations, [&](const auto& candidate) { return is_command(word, candidate.first); });
    if (named != operations.end()) {
      if (operation) throw UsageError("vlan: unexpected " + quoted(word) + ", the operation is given already");
      operation = named->second;
      words.take("");
    } else if (take_matching(words, {"id"})) {
      only_for(word, tags, "push and modify");
      vlan.id = parse_number<uint16_t>(words.value_after("id"), "vlan id");
    } else if (take_matching(words, {"protocol"})) {
      only_for(word, tags, "push and modify");
      vlan.protocol = parse_ether_protocol(words.value_after("protocol"));
      if (vlan.protocol != ETH_P_8021Q && vlan.protocol != ETH_P_8021AD)
        throw UsageError("vlan: the protocol is 802.1Q or 802.1ad");
    } else if (take_matching(words, {"priority"})) {
      only_for(word, tags, "push and modify");
      vlan.priority = parse_number<uint8_t>(words.value_after("priority"), "vlan priority");
      if (*vlan.priority > 7) throw UsageError("vlan: the priority " + std::to_string(*vlan.priority) + " is above 7");
    } else if (take_matching(words, {"dst_mac", "src_mac"})) {
      only_for(word, operation == Operation::push_eth, "push_eth");
      const std::string_view text = words.value_after(word);
      Result<MacAddress> mac = MacAddress::parse(text);
      if (!mac) throw UsageError("vlan: " + quoted(text) + " is not a MAC address");
      (is_command(word, "dst_mac") ? vlan.destination : vlan.source) = *mac;
    } else {
      break;
    }
  }
  if (operation) {
    vlan.operation = *operation;
    if ((vlan.operation == Operation::push || vlan.operation == Operation::modify) && !vlan.id)
      throw UsageError("vlan: push and modify need an id");
    if (vlan.operation == Operation::push_eth && (!vlan.destination || !vlan.source))
      throw UsageError("vlan: push_eth needs dst_mac and src_mac");
    action.options = std::move(vlan);
  }
  finish_action(words, action, "pop, push, modify, pop_eth or push_eth is required");
}

// m_csum.c: `csum TARGET...` with TARGET iph (ip4h, ipv4h), icmp, igmp,
// tcp, udp, udplite, sctp; "and", "or" and "+" between them are ignored.
// tc takes the word csum again before more targets.
void parse_csum(Words& words, Action& action) {
  constexpr std::array<std::pair<std::string_view, uint32_t>, 9> targets{{
      {"iph", TCA_CSUM_UPDATE_FLAG_IPV4HDR},
      {"ip4h", TCA_CSUM_UPDATE_FLAG_IPV4HDR},
      {"ipv4h", TCA_CSUM_UPDATE_FLAG_IPV4HDR},
      {"icmp", TCA_CSUM_UPDATE_FLAG_ICMP},
      {"igmp", TCA_CSUM_UPDATE_FLAG_IGMP},
      {"tcp", TCA_CSUM_UPDATE_FLAG_TCP},
      {"udp", TCA_CSUM_UPDATE_FLAG_UDP},
      {"udplite", TCA_CSUM_UPDATE_FLAG_UDPLITE},
      {"sctp", TCA_CSUM_UPDATE_FLAG_SCTP},
  }};
  rtnl::tc::Csum csum;
  do {
    while (!words.empty()) {
      const std::string_view word = words.peek();
      const auto* target =
          std::ranges::find_if(targets, [&](const auto& candidate) { return is_command(word, candidate.first); });
      if (target != targets.end())
        csum.update_flags |= target->second;
      else if (!is_command(word, "and") && !is_command(word, "or") && word != "+")
        break;
      words.take("");
    }
  } while (take_matching(words, {"csum"}));
  if (csum.update_flags == 0) throw UsageError("csum: no header to update (iph, icmp, igmp, tcp, udp, udplite, sctp)");
  action.options = std::move(csum);
  take_control_and_index(words, action);
}

// m_nat.c: `nat ingress|egress OLD NEW`, OLD a prefix ("10.0.0.0/8",
// "default"), NEW an address.
void parse_nat(Words& words, Action& action) {
  rtnl::tc::Nat nat;
  const std::string_view direction = words.value_after("nat");
  nat.egress = is_command(direction, "egress");
  if (!nat.egress && !is_command(direction, "ingress"))
    throw UsageError("nat: " + quoted(direction) + " is not a direction (ingress, egress)");
  const std::string_view old_prefix = words.value_after(direction);
  if (old_prefix == "default" || old_prefix == "any" || old_prefix == "all") {
    nat.old_prefix = IpPrefix(IpAddress::v4(0), 0);
  } else {
    Result<IpPrefix> prefix = IpPrefix::parse(old_prefix);
    if (!prefix || !prefix->address.is_v4()) throw UsageError("nat: " + quoted(old_prefix) + " is not an IPv4 prefix");
    nat.old_prefix = *prefix;
  }
  // tc makes the mask as ~0 << (32 - length), which for /0 shifts by 32:
  // on the machines it runs on, all ones, a /32.
  if (nat.old_prefix.length == 0) nat.old_prefix.length = 32;
  const std::string_view new_address = words.value_after(old_prefix);
  Result<IpPrefix> address = IpPrefix::parse(new_address);
  if (!address || !address->address.is_v4())
    throw UsageError("nat: " + quoted(new_address) + " is not an IPv4 address");
  nat.new_address = address->address;
  action.options = std::move(nat);
  take_control_and_index(words, action);
}

// m_connmark.c: `connmark [zone N]`.
void parse_connmark(Words& words, Action& action) {
  rtnl::tc::Connmark connmark;
  if (take_matching(words, {"zone"})) connmark.zone = parse_number<uint16_t>(words.value_after("zone"), "zone");
  action.options = std::move(connmark);
  take_control_and_index(words, action);
}

// "FIRST[-LAST]": tc sends the first as the last when there is no last.
template <class Value, class Parse>
std::pair<Value, Value> range_of(std::string_view word, Parse parse) {
  const size_t dash = word.find('-');
  const Value first = parse(word.substr(0, dash));
  return {first, dash == std::string_view::npos ? first : parse(word.substr(dash + 1))};
}

// "HEX[/HEX]", at most 16 bytes each; the mask all ones by default.
void parse_labels(std::string_view word, rtnl::tc::Ct& ct) {
  const size_t slash = word.find('/');
  const auto bytes = [](std::string_view hex) {
    if (hex.size() > 32) throw UsageError("ct: label " + quoted(hex) + " is longer than 16 bytes");
    std::vector<std::byte> out;
    // tc reads whole bytes: an odd last digit is left out.
    for (size_t i = 0; i + 1 < hex.size(); i += 2)
      out.push_back(static_cast<std::byte>(parse_hex_number<uint8_t>(hex.substr(i, 2), "label byte")));
    return out;
  };
  ct.labels = bytes(word.substr(0, slash));
  ct.labels_mask =
      slash == std::string_view::npos ? std::vector<std::byte>(16, std::byte{0xff}) : bytes(word.substr(slash + 1));
}

// `nat [src|dst addr FIRST[-LAST] [port FIRST[-LAST]]]`, "nat" read. Like
// tc, it reads one word past a plain nat and past the addresses, which
// must be there.
void parse_ct_nat(Words& words, rtnl::tc::Ct& ct) {
  ct.ct_action |= TCA_CT_ACT_NAT;
  if (words.empty()) throw UsageError("ct: \"nat\" is incomplete");
  if (take_matching(words, {"src"}))
    ct.ct_action |= TCA_CT_ACT_NAT_SRC;
  else if (take_matching(words, {"dst"}))
    ct.ct_action |= TCA_CT_ACT_NAT_DST;
  else
    return;
  if (!take_matching(words, {"addr"})) throw UsageError("ct: nat " + quoted(words.peek()) + ": \"addr\" expected");
  const auto [first, last] = range_of<IpAddress>(
      words.value_after("addr"), [](std::string_view address) { return address_of(address, "ct nat addr"); });
  ct.nat_min = first;
  ct.nat_max = last;
  if (words.empty()) throw UsageError("ct: nat is incomplete after its addresses");
  if (!take_matching(words, {"port"})) return;
  const auto [first_port, last_port] = range_of<uint16_t>(
      words.value_after("port"), [](std::string_view port) { return parse_number<uint16_t>(port, "ct nat port"); });
  ct.nat_port_min = first_port;
  ct.nat_port_max = last_port;
}

// m_ct.c: `ct [commit [force]] [clear] [zone N] [mark M[/MASK]] [label
// L[/MASK]] [nat ...] [index N]`, the verdict after them all.
void parse_ct(Words& words, Action& action) {
  rtnl::tc::Ct ct;
  while (!words.empty()) {
    if (take_matching(words, {"zone"})) {
      ct.zone = parse_number<uint16_t>(words.value_after("zone"), "zone");
    } else if (take_matching(words, {"nat"})) {
      parse_ct_nat(words, ct);
    } else if (take_matching(words, {"clear"})) {
      ct.ct_action |= TCA_CT_ACT_CLEAR;
    } else if (take_matching(words, {"commit"})) {
      ct.ct_action |= TCA_CT_ACT_COMMIT;
    } else if (take_matching(words, {"force"})) {
      ct.ct_action |= TCA_CT_ACT_FORCE;
    } else if (take_matching(words, {"index"})) {
      action.index = parse_number<uint32_t>(words.value_after("index"), "index");
    } else if (take_matching(words, {"mark"})) {
      const auto [mark, mask] = masked_u32(words.value_after("mark"), "mark");
      ct.mark = mark;
      ct.mark_mask = mask.value_or(0xffffffff);
    } else if (take_matching(words, {"label"})) {
      parse_labels(words.value_after("label"), ct);
    } else {
      break;
    }
  }
  const uint16_t flags = ct.ct_action;
  if ((flags & TCA_CT_ACT_CLEAR) && (flags & ~TCA_CT_ACT_CLEAR)) throw UsageError("ct: clear can only be used alone");
  if ((flags & TCA_CT_ACT_NAT_SRC) && (flags & TCA_CT_ACT_NAT_DST))
    throw UsageError("ct: src and dst nat can't be used together");
  const bool nat_direction = (flags & (TCA_CT_ACT_NAT_SRC | TCA_CT_ACT_NAT_DST)) != 0;
  if ((flags & TCA_CT_ACT_COMMIT) && (flags & TCA_CT_ACT_NAT) && !nat_direction)
    throw UsageError("ct: commit and nat must set src or dst");
  if (!(flags & TCA_CT_ACT_COMMIT) && nat_direction) throw UsageError("ct: src or dst is only valid if commit is set");
  action.control = take_control(words);
  action.options = std::move(ct);
}

// m_tunnel_key.c: `tunnel_key unset | set src_ip IP dst_ip IP [id N]
// [dst_port N] [tos N] [ttl N] [csum|nocsum]`.
void parse_tunnel_key(Words& words, Action& action) {
  using Operation = rtnl::tc::TunnelKey::Operation;
  rtnl::tc::TunnelKey key;
  std::optional<Operation> operation;
  // tc reads tos and ttl in decimal, else in hex ("0x10", "10" is ten).
  const auto tos_ttl = [](std::string_view word, std::string_view what) {
    try {
      return parse_number<uint8_t>(word, what);
    } catch (const UsageError&) {
      return parse_hex_number<uint8_t>(word, what);
    }
  };
  while (!words.empty()) {
    const std::string_view word = words.peek();
    if (is_command(word, "unset") || is_command(word, "set")) {
      if (operation) throw UsageError("tunnel_key: unexpected " + quoted(word) + ", the operation is given already");
      operation = is_command(word, "unset") ? Operation::unset : Operation::set;
      words.take("");
    } else if (take_matching(words, {"src_ip"})) {
      key.source = address_of(words.value_after("src_ip"), "tunnel_key src_ip");
    } else if (take_matching(words, {"dst_ip"})) {
      key.destination = address_of(words.value_after("dst_ip"), "tunnel_key dst_ip");
    } else if (take_matching(words, {"id"})) {
      key.key_id = parse_number<uint32_t>(words.value_after("id"), "tunnel_key id");
    } else if (take_matching(words, {"dst_port"})) {
      key.dst_port = parse_number<uint16_t>(words.value_after("dst_port"), "tunnel_key dst_port");
    } else if (take_matching(words, {"geneve_opts", "vxlan_opts", "erspan_opts"})) {
      throw UsageError("tunnel_key: " + quoted(word) + " is not supported yet");
    } else if (take_matching(words, {"tos"})) {
      key.tos = tos_ttl(words.value_after("tos"), "tunnel_key tos");
    } else if (take_matching(words, {"ttl"})) {
      key.ttl = tos_ttl(words.value_after("ttl"), "tunnel_key ttl");
    } else if (take_matching(words, {"csum"})) {
      key.checksum = true;
    } else if (take_matching(words, {"nocsum"})) {
      key.checksum = false;
    } else {
      break;
    }
  }
  if (operation) {
    key.operation = *operation;
    if (key.operation == Operation::set && (!key.source || !key.destination))
      throw UsageError("tunnel_key: set needs src_ip and dst_ip");
    action.options = std::move(key);
  }
  finish_action(words, action, "set or unset is required");
}

// m_sample.c: `sample rate N group N [trunc N]`.
void parse_sample(Words& words, Action& action) {
  std::optional<uint32_t> rate, group, trunc;
  while (!words.empty()) {
    if (take_matching(words, {"rate"}))
      rate = parse_number<uint32_t>(words.value_after("rate"), "sample rate");
    else if (take_matching(words, {"group"}))
      group = parse_number<uint32_t>(words.value_after("group"), "sample group");
    else if (take_matching(words, {"trunc"}))
      trunc = parse_number<uint32_t>(words.value_after("trunc"), "sample trunc");
    else
      break;
  }
  if (rate || group || trunc) {
    if (!rate || !group) throw UsageError("sample: rate and group are required");
    action.options = rtnl::tc::Sample{.rate = *rate, .group = *group, .trunc_size = trunc};
  }
  finish_action(words, action, "rate and group are required");
}

// m_bpf.c: `bpf [run] PROGRAM`.
void parse_bpf(Words& words, Action& action) {
  if (!words.empty() && !is_command(words.peek(), "index")) {
    rtnl::tc::BpfAction bpf;
    bpf.classic = read_classic_bpf(take_matching(words, {"run"}) ? words.value_after("run") : words.take(""), words,
                                   "action bpf");
    action.options = std::move(bpf);
  }
  finish_action(words, action, "a program is required (bytecode 'N,c t f k,...' or bytecode-file FILE)");
}

struct ActionKindWords {
  std::string_view name;
  void (*parse)(Words& words, Action& action);
};

constexpr std::array<ActionKindWords, 10> action_kinds{{
    {"skbedit", parse_skbedit},
    {"vlan", parse_vlan},
    {"csum", parse_csum},
    {"nat", parse_nat},
    {"pedit", parse_pedit},
    {"connmark", parse_connmark},
    {"ct", parse_ct},
    {"tunnel_key", parse_tunnel_key},
    {"sample", parse_sample},
    {"bpf", parse_bpf},
}};

}  // namespace

const std::string_view action_kind_names = "skbedit, vlan, csum, nat, pedit, connmark, ct, tunnel_key, sample, bpf";

std::optional<Action> take_kind_action(Words& words) {
  const auto* kind = std::ranges::find(action_kinds, words.peek(), &ActionKindWords::name);
  if (kind == action_kinds.end()) return std::nullopt;
  words.take("");
  Action action{.kind = std::string(kind->name)};
  kind->parse(words, action);
  return action;
}

void finish_action(Words& words, Action& action, std::string_view missing) {
  take_control_and_index(words, action);
  if (std::holds_alternative<std::monostate>(action.options) && action.index == 0)
    throw UsageError(action.kind + ": " + std::string(missing) + " (or \"index N\", an existing action)");
}

}  // namespace nlpp::cli

#include "tc_flower_arguments.hpp"

#include "commands.hpp"
#include "tc_action_arguments.hpp"
#include "tc_words.hpp"

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/rtnl/link_name.hpp>
#include <nlpp/rtnl/tc/flower.hpp>
#include <nlpp/rtnl/tc/masked.hpp>

#include <linux/if_ether.h>
#include <linux/pkt_cls.h>
#include <linux/pkt_sched.h>
#include <net/if_arp.h>
#include <netinet/in.h>

#include <algorithm>
#include <array>
#include <bit>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace nlpp::cli {
namespace {

using rtnl::TcHandle;
using rtnl::tc::CtLabel;
using rtnl::tc::Flower;
using rtnl::tc::Masked;

// A word tc refuses, as it says it ("Illegal \"dst_port\""), and why.
[[noreturn]] void illegal(std::string_view keyword, std::string_view word, std::string_view why = {}) {
  std::string message = "flower: Illegal " + quoted(keyword) + " " + quoted(word);
  if (!why.empty()) message += ": " + std::string(why);
  throw UsageError(message);
}

// A key tc refuses where the words before it put it ("Can't set ...").
[[noreturn]] void misplaced(std::string_view why) { throw UsageError("flower: " + std::string(why)); }

template <std::unsigned_integral T>
T number(std::string_view keyword, std::string_view word, int base) {
  if (std::optional<T> value = read_number<T>(word, base)) return *value;
  illegal(keyword, word);
}

// "VALUE/MASK" in its halves; without a slash, no mask.
std::pair<std::string_view, std::optional<std::string_view>> split_mask(std::string_view word) {
  const size_t slash = word.find('/');
  if (slash == std::string_view::npos) return {word, std::nullopt};
  return {word.substr(0, slash), word.substr(slash + 1)};
}

// "VALUE[/MASK]", each half in its base; without a mask every bit is compared.
template <std::unsigned_integral T>
Masked<T> masked_number(std::string_view keyword, std::string_view word, int value_base, int mask_base) {
  const auto [value, mask] = split_mask(word);
  Masked<T> key(number<T>(keyword, value, value_base));
  if (mask) key.mask = number<T>(keyword, *mask, mask_base);
  return key;
}

// ip_tos, ip_ttl, enc_tos, enc_ttl: the value decimal, else hex ("0x10",
// "ff"); the mask hex.
Masked<uint8_t> tos_or_ttl(std::string_view keyword, std::string_view word) {
  const auto [value, mask] = split_mask(word);
  std::optional<uint8_t> read = read_number<uint8_t>(value, 10);
  if (!read) read = read_number<uint8_t>(value, 16);
  if (!read) illegal(keyword, word);
  Masked<uint8_t> key(*read);
  if (mask) key.mask = number<uint8_t>(keyword, *mask, 16);
  return key;
}

// "LLADDR", "LLADDR/BITS" (its leading bits compared) or "LLADDR/MASK".
Masked<MacAddress> mac_key(std::string_view keyword, std::string_view word) {
  const auto [text, mask_text] = split_mask(word);
  Result<MacAddress> address = MacAddress::parse(text);
  if (!address) illegal(keyword, word, "not a link-layer address");
  if (!mask_text) return *address;
  if (std::optional<unsigned> bits = read_number<unsigned>(*mask_text, 10)) {
    constexpr unsigned mac_bits = 48;
    if (*bits > mac_bits) illegal(keyword, word, "a mask is at most 48 bits");
    std::array<uint8_t, 6> mask{};
    for (unsigned bit = 0; bit < *bits; ++bit) mask[bit / 8] |= static_cast<uint8_t>(0x80u >> (bit % 8));
    return {*address, MacAddress(mask)};
  }
  Result<MacAddress> mask = MacAddress::parse(*mask_text);
  if (!mask) illegal(keyword, word, "the mask is neither a number of bits nor a link-layer address");
  return {*address, *mask};
}

// The length of an IPv4 netmask whose bits are contiguous ("255.255.255.0":
// 24), as tc's get_netmask() reads one; none for another mask.
std::optional<unsigned> netmask_length(std::string_view text) {
  Result<IpAddress> mask = IpAddress::parse(text);
  if (!mask || !mask->is_v4()) return std::nullopt;
  uint32_t bits = 0;
  for (const std::byte byte : mask->bytes()) bits = bits << 8 | std::to_integer<uint32_t>(byte);
  const auto length = static_cast<unsigned>(std::countl_one(bits));
  if (length < 32 && bits << length != 0) return std::nullopt;
  return length;
}

// tc's get_prefix(): "ADDRESS" (every bit compared), "ADDRESS/LENGTH" or
// "ADDRESS/NETMASK", of family (AF_UNSPEC: either).
Masked<IpAddress> prefix_key(std::string_view keyword, std::string_view word, int family) {
  const auto [text, length_text] = split_mask(word);
  Result<IpAddress> address = IpAddress::parse(text);
  if (!address || (family != AF_UNSPEC && address->family() != family))
    illegal(keyword, word,
            family == AF_INET    ? "an IPv4 prefix is expected"
            : family == AF_INET6 ? "an IPv6 prefix is expected"
                                 : "a prefix is expected");
  const auto bits = static_cast<unsigned>(address->size() * 8);
  unsigned length = bits;
  if (length_text) {
    std::optional<unsigned> given = read_number<unsigned>(*length_text, 0);
    if (!given) given = netmask_length(*length_text);
    if (!given || *given > bits) illegal(keyword, word, "not a prefix length or a netmask of the address");
    length = *given;
  }
  return Masked<IpAddress>(IpPrefix(*address, static_cast<uint8_t>(length)));
}

// "+trk+est-new...": each state named set (+) or clear (-); the others are
// not compared.
Masked<uint16_t> ct_state_key(std::string_view word) {
  uint16_t set = 0;
  uint16_t compared = 0;
  for (std::string_view rest = word; !rest.empty();) {
    const char sign = rest.front();
    if (sign != '+' && sign != '-') illegal("ct_state", word, "each state is +NAME or -NAME");
    rest.remove_prefix(1);
    const auto state = std::ranges::find_if(rtnl::tc::ct_state_names,
                                            [&](const auto& named) { return rest.starts_with(named.first); });
    if (state == rtnl::tc::ct_state_names.end())
      illegal("ct_state", word, "the states are trk, new, est, rel, inv, rpl");
    if (sign == '+') set |= state->second;
    compared |= state->second;
    rest.remove_prefix(state->first.size());
  }
  return {set, compared};
}

// Up to 32 hex digits, the label's leading bytes; the rest are zero.
CtLabel label_bytes(std::string_view word, std::string_view hex) {
  if (hex.size() > 2 * sizeof(CtLabel) || hex.size() % 2 != 0)
    illegal("ct_label", word, "a label is an even number of hex digits, at most 32");
  CtLabel label{};
  for (size_t digit = 0; digit < hex.size(); digit += 2)
    label[digit / 2] = number<uint8_t>("ct_label", hex.substr(digit, 2), 16);
  return label;
}

Masked<CtLabel> ct_label_key(std::string_view word) {
  const auto [value, mask] = split_mask(word);
  Masked<CtLabel> key(label_bytes(word, value));
  if (mask) key.mask = label_bytes(word, *mask);
  return key;
}

bool is_vlan(uint16_t ethertype) { return ethertype == ETH_P_8021Q || ethertype == ETH_P_8021AD; }

// What f_flower.c's flower_parse_opt() reads the words with: the filter's
// protocol, the ethertype later keys are read under (the protocol, then
// vlan_ethtype's, then cvlan_ethtype's), the flags it sends after the keys,
// and the filter's parent, whose qdisc hw_tc names a class of.
class FlowerReader {
 public:
  FlowerReader(Session& session, const FilterHandle& handle)
      : session_(session), filter_protocol_(handle.protocol), ethertype_(handle.protocol), parent_(handle.parent) {}

  Flower read(Words& words) {
    while (!words.empty()) {
      const Keyword* keyword = find_keyword(words.peek());
      if (keyword == nullptr) unknown_filter_word("flower", words);
      words.take("");
      keyword->read(*this, keyword->name, words);
    }
    // tc sends the flags (always), then the fragment flags, then the
    // filter's protocol as the ethertype key.
    flower_.flags = flags_.value_or(0);
    if (ip_flags_mask_ != 0) flower_.ip_flags = Masked<uint32_t>(ip_flags_, ip_flags_mask_);
    if (filter_protocol_ != ETH_P_ALL) flower_.eth_type = filter_protocol_;
    return std::move(flower_);
  }

 private:
  // A word of tc's, in f_flower.c's order: the first whose name the word
  // abbreviates (tc's matches()), or equals for the few tc compares whole.
  struct Keyword {
    std::string_view name;
    bool whole_word;
    void (*read)(FlowerReader& reader, std::string_view name, Words& words);
  };
  static const Keyword* find_keyword(std::string_view word);

  uint8_t vlans() const { return flower_.num_of_vlans.value_or(0); }

  // tc's eth_type_vlan(): a tag's keys need its ethertype to be a tag's, or
  // enough tags counted.
  void require_tag(std::string_view name, uint16_t ethertype, uint8_t vlans_needed, std::string_view tag) const {
    if (is_vlan(ethertype) || vlans() >= vlans_needed) return;
    misplaced("Can't set " + quoted(name) + " if " + std::string(tag) + " isn't 802.1Q or 802.1AD and num_of_vlans " +
              (vlans_needed == 1 ? "is 0" : "is less than 2"));
  }
  void require_ethertype(std::string_view name, std::initializer_list<uint16_t> ethertypes,
                         std::string_view which) const {
    if (std::ranges::find(ethertypes, ethertype_) == ethertypes.end())
      misplaced("Can't set " + quoted(name) + " if ethertype isn't " + std::string(which));
  }

  static uint16_t read_vlan_id(std::string_view name, Words& words) {
    const auto id = number<uint16_t>(name, words.value_of(name), 10);
    if (id > 0xfff) illegal(name, std::to_string(id), "a vlan id is 0-4095");
    return id;
  }
  static uint8_t read_vlan_prio(std::string_view name, Words& words) {
    const auto prio = number<uint8_t>(name, words.value_of(name), 10);
    if (prio > 7) illegal(name, std::to_string(prio), "a vlan priority is 0-7");
    return prio;
  }
  // vlan_ethtype, cvlan_ethtype: the ethertype inside the tag, which the
  // keys after it are read under.
  void read_inner_ethertype(std::string_view name, Words& words, std::optional<uint16_t>& ethertype) {
    ethertype = ethertype_ = parse_ether_protocol(words.value_of(name));
  }

  // An MPLS field of `bits` (mpls_label, mpls_tc, mpls_bos, mpls_ttl).
  template <std::unsigned_integral T>
  T mpls_field(std::string_view name, Words& words, unsigned bits) const {
    require_ethertype(name, {ETH_P_MPLS_UC, ETH_P_MPLS_MC}, "MPLS");
    const auto value = number<T>(name, words.value_of(name), 10);
    if (value >> bits != 0) illegal(name, std::to_string(value), "more than " + std::to_string(bits) + " bits");
    return value;
  }

  // An address key of the network header: of the family the ethertype says
  // (either under none: a chain's template or a delete without a protocol).
  Masked<IpAddress> ip_key(std::string_view name, Words& words) const {
    const std::string_view word = words.value_of(name);
    if (ethertype_ == ETH_P_IP) return prefix_key(name, word, AF_INET);
    if (ethertype_ == ETH_P_IPV6) return prefix_key(name, word, AF_INET6);
    if (ethertype_ == 0) return prefix_key(name, word, AF_UNSPEC);
    illegal(name, word, "the ethertype is not ip or ipv6");
  }

  void read_ip_proto(std::string_view name, Words& words) {
    const std::string_view word = words.value_of(name);
    if (ethertype_ != ETH_P_IP && ethertype_ != ETH_P_IPV6) illegal(name, word, "the ethertype is not ip or ipv6");
    uint8_t protocol = 0;
    if (is_command(word, "tcp")) {
      protocol = IPPROTO_TCP;
    } else if (is_command(word, "udp")) {
      protocol = IPPROTO_UDP;
    } else if (is_command(word, "sctp")) {
      protocol = IPPROTO_SCTP;
    } else if (is_command(word, "icmp")) {
      if (ethertype_ != ETH_P_IP) illegal(name, word, "icmp is IPv4's");
      protocol = IPPROTO_ICMP;
    } else if (is_command(word, "icmpv6")) {
      if (ethertype_ != ETH_P_IPV6) illegal(name, word, "icmpv6 is IPv6's");
      protocol = IPPROTO_ICMPV6;
    } else {
      protocol = number<uint8_t>(name, word, 16);  // a number in hex, as tc reads it
    }
    flower_.ip_proto = protocol;
  }

  // tc's flower_parse_port(): "PORT", "PORT/MASK" (each base 0) or
  // "MIN-MAX" (decimal), under ip_proto tcp, udp or sctp.
  void read_port(std::string_view name, Words& words, std::optional<Masked<uint16_t>>& port,
                 std::optional<rtnl::tc::PortRange>& range) const {
    const std::string_view word = words.value_of(name);
    const uint8_t protocol = flower_.ip_proto.value_or(0);
    if (protocol != IPPROTO_TCP && protocol != IPPROTO_UDP && protocol != IPPROTO_SCTP)
      illegal(name, word, "ports need ip_proto tcp, udp or sctp before them");
    if (word.find('/') != std::string_view::npos) {
      port = masked_number<uint16_t>(name, word, 0, 0);
      return;
    }
    const size_t dash = word.find('-');
    const std::optional<uint16_t> min = read_number<uint16_t>(word.substr(0, dash), 10);
    const std::optional<uint16_t> max =
        dash == std::string_view::npos ? std::optional<uint16_t>(0) : read_number<uint16_t>(word.substr(dash + 1), 10);
    // As in tc, a zero is no port: "0" and "0-N" are refused, "N-0" is N.
    if (!min || !max || *min == 0) illegal(name, word);
    if (*max == 0) {
      port = Masked<uint16_t>(*min);
    } else if (*max <= *min) {
      illegal(name, word, "max value should be greater than min value");
    } else {
      range = rtnl::tc::PortRange{.min = *min, .max = *max};
    }
  }

  // TCP's 12 flag bits, hex; without a mask all 12 are compared.
  static Masked<uint16_t> tcp_flags_key(std::string_view name, Words& words) {
    constexpr uint16_t all_flags = 0xfff;
    const std::string_view word = words.value_of(name);
    // Without a mask: exact, which the library sends as the 12 bits, as tc.
    const Masked<uint16_t> flags = masked_number<uint16_t>(name, word, 16, 16);
    if ((flags.value | flags.mask.value_or(all_flags)) > all_flags) illegal(name, word, "TCP has 12 flag bits");
    return flags;
  }

  // type and code: under ip_proto icmp (IPv4) or icmpv6 (IPv6); decimal.
  Masked<uint8_t> icmp_key(std::string_view name, Words& words) const {
    const std::string_view word = words.value_of(name);
    const bool icmp = ethertype_ == ETH_P_IP && flower_.ip_proto == IPPROTO_ICMP;
    const bool icmpv6 = ethertype_ == ETH_P_IPV6 && flower_.ip_proto == IPPROTO_ICMPV6;
    if (!icmp && !icmpv6) illegal(name, word, "type and code need ip_proto icmp or icmpv6 before them");
    return masked_number<uint8_t>(name, word, 10, 10);
  }

  void require_arp(std::string_view name, std::string_view word) const {
    if (ethertype_ != ETH_P_ARP && ethertype_ != ETH_P_RARP) illegal(name, word, "the ethertype is not arp or rarp");
  }

  // arp_tip, arp_sip: an IPv4 prefix.
  Masked<IpAddress> arp_address(std::string_view name, Words& words) const {
    const std::string_view word = words.value_of(name);
    require_arp(name, word);
    return prefix_key(name, word, AF_INET);
  }

  // "request", "reply" or a number (0, 1 or 2), then "/MASK".
  Masked<uint8_t> arp_op_key(std::string_view name, Words& words) const {
    const std::string_view word = words.value_of(name);
    require_arp(name, word);
    const auto [value, mask] = split_mask(word);
    uint8_t op = 0;
    if (value == "request")
      op = ARPOP_REQUEST;
    else if (value == "reply")
      op = ARPOP_REPLY;
    else
      op = number<uint8_t>(name, value, 10);
    if (op > ARPOP_REPLY) illegal(name, word, "the operations are request and reply");
    Masked<uint8_t> key(op);
    if (mask) key.mask = number<uint8_t>(name, *mask, 10);
    return key;
  }

  void read_ip_flags(std::string_view name, Words& words) {
    const std::string_view word = words.value_after(name);  // tc adds each one's flags
    for (std::string_view rest = word; !rest.empty();) {
      const size_t slash = rest.find('/');
      std::string_view flag_name = rest.substr(0, slash);
      rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
      if (flag_name.empty()) continue;  // strtok() skips empty tokens
      const bool clear = flag_name.starts_with("no");
      if (clear) flag_name.remove_prefix(2);
      uint32_t flag = 0;
      if (flag_name == "frag")
        flag = TCA_FLOWER_KEY_FLAGS_IS_FRAGMENT;
      else if (flag_name == "firstfrag")
        flag = TCA_FLOWER_KEY_FLAGS_FRAG_IS_FIRST;
      else
        illegal(name, word, "the flags are frag and firstfrag, each with or without \"no\"");
      ip_flags_ = clear ? ip_flags_ & ~flag : ip_flags_ | flag;
      ip_flags_mask_ |= flag;
    }
  }

  void add_flag(uint32_t flag) {
    flags_ = flags_.value_or(0) | flag;
    constexpr uint32_t both = TCA_CLS_FLAGS_SKIP_HW | TCA_CLS_FLAGS_SKIP_SW;
    if ((*flags_ & both) == both) throw UsageError("flower: skip_hw and skip_sw are mutually exclusive");
  }

  void set_classid(std::string_view name, TcHandle classid) {
    if (flower_.classid) throw UsageError("flower: duplicate " + quoted(name) + ": the filter has a class already");
    flower_.classid = classid;
  }

  // hw_tc N: the class of the parent's qdisc for hardware traffic class N.
  void read_hw_tc(std::string_view name, Words& words) {
    const std::string_view word = words.value_of(name);
    const std::optional<uint32_t> traffic_class = read_number<uint32_t>(word, 0);
    if (!traffic_class) illegal(name, word, "Illegal TC index");
    if (*traffic_class >= TC_QOPT_MAX_QUEUE) illegal(name, word, "TC index exceeds max range");
    set_classid(name, TcHandle(parent_.major_id(), static_cast<uint16_t>(TC_H_MIN_PRIORITY + *traffic_class)));
  }

  static void read_classid(FlowerReader& reader, std::string_view name, Words& words) {
    reader.set_classid(name, parse_classid(words.value_after(name), name));
  }
  static void read_actions(FlowerReader& reader, std::string_view, Words& words) {
    parse_actions(reader.session_, words, reader.flower_.actions);
  }
  // What nlpp keeps raw in tc::Flower::unknown.
  [[noreturn]] static void not_supported(FlowerReader&, std::string_view name, Words&) {
    throw UsageError("flower: " + quoted(name) + " is not supported yet");
  }

  Session& session_;
  Flower flower_{};
  uint16_t filter_protocol_;  // tcm_info's, host order
  uint16_t ethertype_;        // what the next keys are read under
  std::optional<uint32_t> flags_{};
  uint32_t ip_flags_ = 0;
  uint32_t ip_flags_mask_ = 0;
  TcHandle parent_;
};

const FlowerReader::Keyword* FlowerReader::find_keyword(std::string_view typed) {
  using Reader = FlowerReader;
  static constexpr auto keywords = std::to_array<Keyword>({
      {"classid", false, read_classid},
      {"flowid", false, read_classid},
      {"hw_tc", false, [](Reader& r, std::string_view n, Words& w) { r.read_hw_tc(n, w); }},
      {"ip_flags", false, [](Reader& r, std::string_view n, Words& w) { r.read_ip_flags(n, w); }},
      {"verbose", false, [](Reader& r, std::string_view, Words&) { r.add_flag(TCA_CLS_FLAGS_VERBOSE); }},
      {"skip_hw", false, [](Reader& r, std::string_view, Words&) { r.add_flag(TCA_CLS_FLAGS_SKIP_HW); }},
      {"skip_sw", false, [](Reader& r, std::string_view, Words&) { r.add_flag(TCA_CLS_FLAGS_SKIP_SW); }},
      {"ct_state", false,
       [](Reader& r, std::string_view n, Words& w) { r.flower_.ct_state = ct_state_key(w.value_of(n)); }},
      {"ct_zone", false,
       [](Reader& r, std::string_view n, Words& w) {
         r.flower_.ct_zone = masked_number<uint16_t>(n, w.value_of(n), 0, 0);
       }},
      {"ct_mark", false,
       [](Reader& r, std::string_view n, Words& w) {
         r.flower_.ct_mark = masked_number<uint32_t>(n, w.value_of(n), 0, 0);
       }},
      {"ct_label", false,
       [](Reader& r, std::string_view n, Words& w) { r.flower_.ct_label = ct_label_key(w.value_of(n)); }},
      {"indev", false,
       [](Reader& r, std::string_view n, Words& w) {
         const std::string_view link = w.value_of(n);
         if (!rtnl::validate_link_name(link, n)) illegal(n, link, "not a valid ifname");
         r.flower_.indev = std::string(link);
       }},
      {"num_of_vlans", true,
       [](Reader& r, std::string_view n, Words& w) { r.flower_.num_of_vlans = number<uint8_t>(n, w.value_of(n), 10); }},
      // The outer tag's keys are read under the filter's protocol; its
      // ethertype under the ethertype so far, which it then becomes.
      {"vlan_id", false,
       [](Reader& r, std::string_view n, Words& w) {
         r.require_tag(n, r.filter_protocol_, 1, "ethertype");
         r.flower_.vlan_id = read_vlan_id(n, w);
       }},
      {"vlan_prio", false,
       [](Reader& r, std::string_view n, Words& w) {
         r.require_tag(n, r.filter_protocol_, 1, "ethertype");
         r.flower_.vlan_prio = read_vlan_prio(n, w);
       }},
      {"vlan_ethtype", false,
       [](Reader& r, std::string_view n, Words& w) {
         r.require_tag(n, r.ethertype_, 1, "ethertype");
         r.read_inner_ethertype(n, w, r.flower_.vlan_ethtype);
       }},
      {"cvlan_id", false,
       [](Reader& r, std::string_view n, Words& w) {
         r.require_tag(n, r.flower_.vlan_ethtype.value_or(0), 2, "inner vlan ethertype");
         r.flower_.cvlan_id = read_vlan_id(n, w);
       }},
      {"cvlan_prio", false,
       [](Reader& r, std::string_view n, Words& w) {
         r.require_tag(n, r.flower_.vlan_ethtype.value_or(0), 2, "inner vlan ethertype");
         r.flower_.cvlan_prio = read_vlan_prio(n, w);
       }},
      {"cvlan_ethtype", false,
       [](Reader& r, std::string_view n, Words& w) {
         r.require_tag(n, r.flower_.vlan_ethtype.value_or(0), 2, "ethertype");
         r.read_inner_ethertype(n, w, r.flower_.cvlan_ethtype);
       }},
      {"mpls", false, not_supported},  // label stack entries: `mpls lse depth N ...`
      {"mpls_label", false,
       [](Reader& r, std::string_view n, Words& w) { r.flower_.mpls_label = r.mpls_field<uint32_t>(n, w, 20); }},
      {"mpls_tc", false,
       [](Reader& r, std::string_view n, Words& w) { r.flower_.mpls_tc = r.mpls_field<uint8_t>(n, w, 3); }},
      {"mpls_bos", false,
       [](Reader& r, std::string_view n, Words& w) { r.flower_.mpls_bos = r.mpls_field<uint8_t>(n, w, 1); }},
      {"mpls_ttl", false,
       [](Reader& r, std::string_view n, Words& w) { r.flower_.mpls_ttl = r.mpls_field<uint8_t>(n, w, 8); }},
      {"dst_mac", false, [](Reader& r, std::string_view n, Words& w) { r.flower_.dst_mac = mac_key(n, w.value_of(n)); }},
      {"src_mac", false, [](Reader& r, std::string_view n, Words& w) { r.flower_.src_mac = mac_key(n, w.value_of(n)); }},
      {"ip_proto", false, [](Reader& r, std::string_view n, Words& w) { r.read_ip_proto(n, w); }},
      {"ip_tos", false, [](Reader& r, std::string_view n, Words& w) { r.flower_.ip_tos = tos_or_ttl(n, w.value_of(n)); }},
      {"ip_ttl", false, [](Reader& r, std::string_view n, Words& w) { r.flower_.ip_ttl = tos_or_ttl(n, w.value_of(n)); }},
      {"dst_ip", false, [](Reader& r, std::string_view n, Words& w) { r.flower_.dst_ip = r.ip_key(n, w); }},
      {"src_ip", false, [](Reader& r, std::string_view n, Words& w) { r.flower_.src_ip = r.ip_key(n, w); }},
      {"dst_port", false,
       [](Reader& r, std::string_view n, Words& w) { r.read_port(n, w, r.flower_.dst_port, r.flower_.dst_port_range); }},
      {"src_port", false,
       [](Reader& r, std::string_view n, Words& w) { r.read_port(n, w, r.flower_.src_port, r.flower_.src_port_range); }},
      {"tcp_flags", false, [](Reader& r, std::string_view n, Words& w) { r.flower_.tcp_flags = tcp_flags_key(n, w); }},
      {"type", false, [](Reader& r, std::string_view n, Words& w) { r.flower_.icmp_type = r.icmp_key(n, w); }},
      {"code", false, [](Reader& r, std::string_view n, Words& w) { r.flower_.icmp_code = r.icmp_key(n, w); }},
      {"arp_tip", false, [](Reader& r, std::string_view n, Words& w) { r.flower_.arp_tip = r.arp_address(n, w); }},
      {"arp_sip", false, [](Reader& r, std::string_view n, Words& w) { r.flower_.arp_sip = r.arp_address(n, w); }},
      {"arp_op", false, [](Reader& r, std::string_view n, Words& w) { r.flower_.arp_op = r.arp_op_key(n, w); }},
      {"arp_tha", false, [](Reader& r, std::string_view n, Words& w) { r.flower_.arp_tha = mac_key(n, w.value_of(n)); }},
      {"arp_sha", false, [](Reader& r, std::string_view n, Words& w) { r.flower_.arp_sha = mac_key(n, w.value_of(n)); }},
      {"pppoe_sid", true, not_supported},
      {"ppp_proto", true, not_supported},
      // The tunnel's keys are read under no ethertype: either family.
      {"enc_dst_ip", false,
       [](Reader& r, std::string_view n, Words& w) { r.flower_.enc_dst_ip = prefix_key(n, w.value_of(n), AF_UNSPEC); }},
      {"enc_src_ip", false,
       [](Reader& r, std::string_view n, Words& w) { r.flower_.enc_src_ip = prefix_key(n, w.value_of(n), AF_UNSPEC); }},
      {"enc_key_id", false,
       [](Reader& r, std::string_view n, Words& w) { r.flower_.enc_key_id = number<uint32_t>(n, w.value_of(n), 10); }},
      {"enc_dst_port", false,
       [](Reader& r, std::string_view n, Words& w) {
         r.flower_.enc_dst_port = Masked<uint16_t>(number<uint16_t>(n, w.value_of(n), 10));
       }},
      {"enc_tos", false, [](Reader& r, std::string_view n, Words& w) { r.flower_.enc_tos = tos_or_ttl(n, w.value_of(n)); }},
      {"enc_ttl", false, [](Reader& r, std::string_view n, Words& w) { r.flower_.enc_ttl = tos_or_ttl(n, w.value_of(n)); }},
      {"geneve_opts", false, not_supported},
      {"vxlan_opts", false, not_supported},
      {"erspan_opts", false, not_supported},
      {"gtp_opts", true, not_supported},
      {"action", false, read_actions},
      {"actions", true, read_actions},
  });
  const auto found = std::ranges::find_if(keywords, [&](const Keyword& keyword) {
    return keyword.whole_word ? typed == keyword.name : is_command(typed, keyword.name);
  });
  return found == keywords.end() ? nullptr : &*found;
}

}  // namespace

rtnl::FilterOptions parse_flower(Session& session, Words& words, FilterHandle& handle) {
  return FlowerReader(session, handle).read(words);
}

}  // namespace nlpp::cli

// Internal: what tc 6.1 prints of a flower filter, each field once with
// tc's text for it and the kind of value its printer gives it, so the JSON
// (tc_flower_json.cpp) and the words (tc_flower_words.cpp) are two
// renderings of one list and cannot disagree on a key or its order.
#pragma once

#include <nlpp/rtnl/tc/flower.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace nlpp::format::detail {

/// One field as tc prints it: "NAME VALUE" on its text line, "NAME": VALUE
/// in its JSON.
struct FlowerField {
  /// A switch that is on: "NAME" alone in text, true in JSON (skip_hw).
  struct On {};
  /// tc_util.c print_masked_*(): the value as a number, and the mask only
  /// when it leaves bits out ("/0x%x" in text, "NAME_mask": "%x" in JSON).
  struct MaskedNumber {
    uint32_t value = 0;
    std::optional<uint32_t> mask{};
  };
  /// flower_print_matching_flags(): each flag the mask holds and whether it
  /// is set ("frag/nofirstfrag" in text, an object of booleans in JSON).
  using Flags = std::vector<std::pair<std::string_view, bool>>;

  std::string_view name;
  /// Text is a JSON string, a number a JSON number; a port range is
  /// "MIN-MAX" in text and {"start","end"} in JSON.
  std::variant<On, std::string, uint32_t, MaskedNumber, rtnl::tc::PortRange, Flags> value;
};

/// flower_print_opt()'s fields in its order: those before the "keys"
/// object (classid or hw_tc, indev), the keys, and the classifier flags
/// after it; the handle and the actions are the caller's.
struct FlowerFields {
  std::vector<FlowerField> before_keys;
  std::vector<FlowerField> keys;
  std::vector<FlowerField> flags;
};

/// What tc prints of these options. Keys tc 6.1 does not print (hash,
/// enc_src_port) or that nlpp keeps raw other than PPPoE's (tunnel and MPLS
/// label stack options, L2TPv3) are left out; tc's own omissions are kept:
/// dst_ip and src_ip only under eth_type ipv4 / ipv6 of their family,
/// ports only under ip_proto tcp, udp or sctp, ICMP only under icmp with
/// ipv4 or icmpv6 with ipv6.
FlowerFields flower_fields(const rtnl::tc::Flower& flower);

}  // namespace nlpp::format::detail

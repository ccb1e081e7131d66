#include "tc_classifier_kinds_arguments.hpp"

#include "commands.hpp"
#include "tc_words.hpp"

#include <nlpp/codec/ip_address.hpp>

#include <linux/pkt_cls.h>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>

namespace nlpp::cli {
namespace {

// `match ...` starts an ematch tree, which nlpp does not read yet.
void refuse_ematches(Words& words, std::string_view kind) {
  if (take_matching(words, {"match"}))
    throw UsageError(std::string(kind) + ": ematches (\"match ...\") are not supported yet");
}

// rtnl_rtrealm_a2n(): a realm by number, 0-255; the names of
// /etc/iproute2/rt_realms are not read.
uint32_t parse_realm(std::string_view word, std::string_view keyword) {
  if (word.empty() || word.front() < '0' || word.front() > '9')
    throw UsageError("route: realm names (/etc/iproute2/rt_realms) are not supported yet: " + quoted(word) + " after " +
                     quoted(keyword) + " (give its number)");
  return parse_number<uint8_t>(word, keyword);
}

// f_flow.c's transfer_bitop(): the kernel computes (key & mask) ^ xor, so
// each `and`, `or` and `xor` folds into the two.
void fold_bitop(rtnl::tc::Flow& flow, uint32_t mask, uint32_t xor_bits) {
  flow.xor_bits = xor_bits ^ (flow.xor_bits & mask);
  flow.mask &= mask;
}

// f_flow.c's flow_parse_keys(): KEY,KEY,... each abbreviating a key's
// name (the first one it abbreviates, in FLOW_KEY_* order); the count is
// of the names given, repeats included, as tc counts them.
uint32_t parse_flow_keys(std::string_view list, size_t& count) {
  uint32_t keys = 0;
  count = 0;
  for (size_t start = 0; start <= list.size();) {
    const size_t comma = std::min(list.find(',', start), list.size());
    const std::string_view name = list.substr(start, comma - start);
    const auto* key =
        std::ranges::find_if(rtnl::tc::flow_key_names, [&](std::string_view known) { return is_command(name, known); });
    if (key == rtnl::tc::flow_key_names.end()) throw UsageError("flow: unknown flow key " + quoted(name));
    keys |= rtnl::tc::flow_key_bit(static_cast<int>(key - rtnl::tc::flow_key_names.begin()));
    ++count;
    start = comma + 1;
  }
  return keys;
}

// f_flow.c's get_addend(): [-]NUMBER, or [-]ADDRESS (its last 32 bits, in
// host order) when the keys read so far take addresses. tc's test of that
// ORs the FLOW_KEY_* numbers where it means their bits, so it holds for
// the keys src, dst and proto-src, and not for nfct-src and nfct-dst: nlpp
// tests the same bits, so the same words are taken.
uint32_t parse_addend(std::string_view word, uint32_t keys) {
  const bool negative = word.starts_with('-');
  const std::string_view value = negative ? word.substr(1) : word;
  std::optional<uint32_t> addend = read_number<uint32_t>(value, 0);  // get_u32(.., 0)
  constexpr uint32_t tcs_address_keys = FLOW_KEY_SRC | FLOW_KEY_DST | FLOW_KEY_NFCT_SRC | FLOW_KEY_NFCT_DST;
  if (!addend && (keys & tcs_address_keys) != 0) {
    if (Result<IpAddress> address = IpAddress::parse(value)) {
      const wire::Bytes bytes = address->bytes();
      const wire::Bytes last = bytes.subspan(bytes.size() - sizeof(uint32_t));
      addend = (std::to_integer<uint32_t>(last[0]) << 24) | (std::to_integer<uint32_t>(last[1]) << 16) |
               (std::to_integer<uint32_t>(last[2]) << 8) | std::to_integer<uint32_t>(last[3]);
    }
  }
  if (!addend) throw UsageError("flow: illegal \"addend\" " + quoted(word));
  return negative ? 0u - *addend : *addend;
}

}  // namespace

rtnl::FilterOptions parse_route_filter(Session& session, Words& words, FilterHandle& handle) {
  rtnl::tc::Route route;
  uint32_t order = 0;
  while (!words.empty()) {
    if (take_matching(words, {"to"})) {
      route.to = parse_realm(words.value_of("to"), "to");
    } else if (take_matching(words, {"from"})) {
      route.from = parse_realm(words.value_of("from"), "from");
    } else if (take_matching(words, {"fromif"})) {
      route.iif = session.ifindex(words.value_of("fromif"));
    } else if (take_matching(words, {"order"})) {
      order = words.number_of<uint32_t>("order");
    } else if (!take_classid(words, route.classid) && !take_actions(session, words, route.actions)) {
      unknown_filter_word("route", words);
    }
  }
  // tc sends both and the kernel refuses them; nlpp refuses them first.
  if (route.from && route.iif) throw UsageError("route: \"from\" and \"fromif\" are mutually exclusive");
  if (handle.value == 0) handle.value = rtnl::tc::route_handle(route, static_cast<uint8_t>(order & 0x7f));
  return route;
}

rtnl::FilterOptions parse_flow_filter(Session& session, Words& words, FilterHandle&) {
  rtnl::tc::Flow flow;
  size_t key_count = 0;
  while (!words.empty()) {
    if (take_matching(words, {"map"})) {
      flow.mode = rtnl::tc::Flow::Mode::map;
    } else if (take_matching(words, {"hash"})) {
      flow.mode = rtnl::tc::Flow::Mode::hash;
    } else if (take_matching(words, {"keys"})) {
      flow.keys = parse_flow_keys(words.value_of("keys"), key_count);
    } else if (take_matching(words, {"and"})) {
      fold_bitop(flow, parse_number<uint32_t>(words.value_after("and"), "and"), 0);
    } else if (take_matching(words, {"or"})) {
      const uint32_t bits = parse_number<uint32_t>(words.value_after("or"), "or");
      fold_bitop(flow, ~bits, bits);
    } else if (take_matching(words, {"xor"})) {
      fold_bitop(flow, 0xffffffff, parse_number<uint32_t>(words.value_after("xor"), "xor"));
    } else if (take_matching(words, {"rshift"})) {
      flow.rshift = words.number_of<uint32_t>("rshift");
    } else if (take_matching(words, {"addend"})) {
      flow.addend = parse_addend(words.value_of("addend"), flow.keys);
    } else if (take_matching(words, {"divisor"})) {
      flow.divisor = words.number_of<uint32_t>("divisor");
    } else if (take_matching(words, {"baseclass"})) {
      flow.baseclass = parse_classid(words.value_of("baseclass"), "baseclass");
      if (flow.baseclass->minor_id() == 0)
        throw UsageError("flow: illegal \"baseclass\" " + flow.baseclass->to_string() + " (its minor is 0)");
    } else if (take_matching(words, {"perturb"})) {
      flow.perturb = words.number_of<uint32_t>("perturb");
    } else if (!take_actions(session, words, flow.actions)) {
      refuse_ematches(words, "flow");
      unknown_filter_word("flow", words);
    }
  }
  if (key_count > 1 && flow.mode != rtnl::tc::Flow::Mode::hash)
    throw UsageError("flow: invalid mode \"map\" for multiple keys");
  return flow;
}

rtnl::FilterOptions parse_cgroup_filter(Session& session, Words& words, FilterHandle&) {
  rtnl::tc::Cgroup cgroup;
  while (!words.empty()) {
    refuse_ematches(words, "cgroup");
    if (!take_actions(session, words, cgroup.actions)) unknown_filter_word("cgroup", words);
  }
  return cgroup;
}

}  // namespace nlpp::cli

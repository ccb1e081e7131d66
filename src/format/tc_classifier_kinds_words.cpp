// route and flow filters in the words of `tc filter show` (f_route.c,
// f_flow.c print_opt()); a cgroup filter has no words of its own but its
// handle and ematches.
#include "tc_classifier_kinds.hpp"
#include "tc_filter_words.hpp"
#include "tc_words.hpp"

#include <cstdio>

namespace nlpp::format::detail {
namespace {

// flow's and, xor and or as tc writes them: "0x%.8x" (0x000000ff).
std::string padded_hex(uint32_t value) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%.8x", value);
  return text;
}

}  // namespace

std::string realm_text(uint32_t realm) { return realm == 0 ? "unknown" : std::to_string(realm); }

std::vector<std::string_view> flow_key_words(uint32_t keys) {
  std::vector<std::string_view> words;
  for (size_t key = 0; key < rtnl::tc::flow_key_names.size(); ++key)
    if (keys & rtnl::tc::flow_key_bit(static_cast<int>(key))) words.push_back(rtnl::tc::flow_key_names[key]);
  return words;
}

// The kernel keeps (key & mask) ^ xor; tc splits the xor into the bits the
// mask keeps (a true xor) and those it clears (set: an or).
FlowBitops flow_bitops(const rtnl::tc::Flow& flow) {
  return {.and_mask = flow.mask,
          .xor_bits = flow.mask & flow.xor_bits,
          .or_bits = (flow.mask & flow.xor_bits) ^ flow.xor_bits};
}

std::string flow_mode_text(rtnl::tc::Flow::Mode mode) {
  if (mode == rtnl::tc::Flow::Mode::map) return "map";
  if (mode == rtnl::tc::Flow::Mode::hash) return "hash";
  return tc_hex_text(static_cast<uint32_t>(mode));
}

std::string route_options_text(const rtnl::tc::Route& route) {
  Words words;
  if (route.classid) words.add("flowid " + route.classid->to_string());
  if (route.to) words.add("to " + realm_text(*route.to));
  if (route.from) words.add("from " + realm_text(*route.from));
  if (route.iif) words.add("fromif " + rtnl::to_string(*route.iif));
  return words.text();
}

std::string flow_options_text(const rtnl::tc::Flow& flow) {
  Words words;
  words.add(flow_mode_text(flow.mode));
  if (flow.keys != 0) {
    std::string keys;
    for (std::string_view key : flow_key_words(flow.keys)) keys += (keys.empty() ? "" : ",") + std::string(key);
    words.add("keys " + keys);
  }
  const FlowBitops bitops = flow_bitops(flow);
  if (bitops.and_mask != 0xffffffff) words.add("and " + padded_hex(bitops.and_mask));
  if (bitops.xor_bits != 0) words.add("xor " + padded_hex(bitops.xor_bits));
  if (bitops.or_bits != 0) words.add("or " + padded_hex(bitops.or_bits));
  if (flow.rshift) words.add("rshift " + std::to_string(*flow.rshift));
  if (flow.addend) words.add("addend " + tc_hex_text(*flow.addend));
  if (flow.divisor) words.add("divisor " + std::to_string(*flow.divisor));
  if (flow.baseclass) words.add("baseclass " + flow.baseclass->to_string());
  if (flow.perturb) words.add("perturb " + std::to_string(*flow.perturb) + "sec");
  return words.text();
}

}  // namespace nlpp::format::detail

#include "tc_u32_arguments.hpp"

#include "commands.hpp"
#include "tc_u32_match.hpp"
#include "tc_words.hpp"

#include <linux/pkt_cls.h>

#include <array>
#include <bit>
#include <charconv>
#include <string>

namespace nlpp::cli {
namespace {

using rtnl::tc::U32;
using rtnl::tc::U32Selector;

// `offset [plus N] [at N] [mask M] [shift N] [eat]`: where the next header
// starts (a fixed offset, or one read from the packet).
void parse_offset_words(Words& words, U32Selector& selector) {
  while (!words.empty()) {
    if (take_matching(words, {"plus"})) {
      const int32_t plus = parse_offset(words.value_after("plus"), "offset plus");
      if (plus < INT16_MIN || plus > UINT16_MAX)
        throw UsageError("u32: offset plus " + std::to_string(plus) + " is out of range");
      selector.off = static_cast<uint16_t>(plus);
      selector.flags |= TC_U32_OFFSET;
    } else if (take_matching(words, {"at"})) {
      const int32_t at = parse_offset(words.value_after("at"), "offset at");
      if (at % 2 != 0 || at < INT16_MIN || at > INT16_MAX) throw UsageError("u32: offset \"at\" must be even");
      selector.offoff = static_cast<int16_t>(at);
      selector.flags |= TC_U32_VAROFFSET;
    } else if (take_matching(words, {"mask"})) {
      selector.offmask = parse_hex_number<uint16_t>(words.value_after("mask"), "offset mask");
      selector.flags |= TC_U32_VAROFFSET;
    } else if (take_matching(words, {"shift"})) {
      selector.offshift = parse_number<uint8_t>(words.value_after("shift"), "offset shift");
      selector.flags |= TC_U32_VAROFFSET;
    } else if (take_matching(words, {"eat"})) {
      selector.flags |= TC_U32_EAT;
    } else {
      return;
    }
  }
}

// `hashkey [mask M] [at N]`: the bits that choose the bucket of the table
// the filter links to.
void parse_hashkey(Words& words, U32Selector& selector) {
  while (!words.empty()) {
    if (take_matching(words, {"mask"})) {
      selector.hmask = parse_hex_number<uint32_t>(words.value_after("mask"), "hashkey mask");
    } else if (take_matching(words, {"at"})) {
      const int32_t at = parse_offset(words.value_after("at"), "hashkey at");
      if (at % 4 != 0 || at < INT16_MIN || at > INT16_MAX)
        throw UsageError("u32: hashkey \"at\" must be a multiple of 4");
      selector.hoff = static_cast<int16_t>(at);
    } else {
      return;
    }
  }
}

// A hash table's number of buckets: a power of two up to 256.
uint32_t parse_divisor(std::string_view word) {
  const auto divisor = parse_number<uint32_t>(word, "divisor");
  if (divisor == 0 || divisor > 0x100 || !std::has_single_bit(divisor))
    throw UsageError("u32: divisor " + quoted(word) + " is not a power of two from 1 to 256");
  return divisor;
}

// `sample SELECTOR [divisor N]`: the bucket the selector's one key hashes
// to, as the kernel folds a key (its masked bits, shifted down).
uint32_t parse_sample(Words& words) {
  U32Selector sample;
  parse_u32_match(words, sample);
  if (sample.keys.size() != 1) throw UsageError("u32: \"sample\" must contain exactly ONE key");
  const uint32_t divisor = words.take_if("divisor") ? parse_divisor(words.value_after("divisor")) : 0x100;
  const rtnl::tc::U32Key& key = sample.keys.front();
  const uint32_t hash = key.mask == 0 ? 0 : (key.value & key.mask) >> std::countr_zero(key.mask);
  return (hash % divisor) << 12;
}

// A handle that names a hash table, not a node in one (`link`, and `ht`
// when the filter has a handle).
uint32_t table_handle(std::string_view word, std::string_view keyword) {
  const uint32_t handle = parse_u32_handle(word, keyword);
  if (TC_U32_NODE(handle) != 0) throw UsageError("u32: " + quoted(keyword) + " must be a hash table");
  return handle;
}

}  // namespace

uint32_t parse_u32_handle(std::string_view word, std::string_view keyword) {
  const auto invalid = [&] {
    return UsageError(quoted(keyword) + ": " + quoted(word) + " is not a u32 handle (TABLE:BUCKET:NODE in hex)");
  };
  if (word.find(':') == std::string_view::npos) {
    if (!word.starts_with("0x")) throw invalid();
    return parse_number<uint32_t>(word, keyword);
  }
  // table (12 bits), bucket (8), node (12).
  constexpr std::array<std::pair<uint32_t, int>, 3> parts{{{0x1000, 20}, {0x100, 12}, {0x1000, 0}}};
  uint32_t handle = 0;
  std::string_view rest = word;
  for (const auto& [limit, shift] : parts) {
    const std::string_view part = rest.substr(0, rest.find(':'));
    uint32_t value = 0;
    if (!part.empty()) {
      const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value, 16);
      if (error != std::errc() || end != part.data() + part.size() || value >= limit) throw invalid();
    }
    handle |= value << shift;
    if (part.size() == rest.size()) return handle;
    rest.remove_prefix(part.size() + 1);
  }
  throw invalid();  // a fourth part
}

rtnl::FilterOptions parse_u32(Session& session, Words& words, FilterHandle& handle) {
  U32 u32;
  U32Selector selector;
  bool matched = false, terminal = false, sampled = false;
  uint32_t hash = 0, order = 0;
  // In f_u32.c's order, which decides what an abbreviation means.
  while (!words.empty()) {
    if (take_matching(words, {"match"})) {
      parse_u32_match(words, selector);
      matched = true;
    } else if (take_matching(words, {"offset"})) {
      parse_offset_words(words, selector);
    } else if (take_matching(words, {"hashkey"})) {
      parse_hashkey(words, selector);
    } else if (take_classid(words, u32.classid)) {
      terminal = true;
    } else if (take_matching(words, {"divisor"})) {
      u32.divisor = parse_divisor(words.value_of("divisor"));
    } else if (take_matching(words, {"order"})) {
      order = parse_number<uint32_t>(words.value_of("order"), "order");
      if (order > 0xfff) throw UsageError("u32: order " + std::to_string(order) + " is above 0xfff (a node)");
    } else if (words.take_if("link")) {
      u32.link = table_handle(words.value_of("link"), "link");
    } else if (words.take_if("ht")) {
      const std::string_view word = words.value_of("ht");
      const uint32_t table = handle.word ? table_handle(word, "ht") : parse_u32_handle(word, "ht");
      // A sample before chose the bucket: ht then names only the table.
      hash = sampled ? (hash & 0xff000) | TC_U32_HTID(table) : (table & 0xfffff000);
    } else if (words.take_if("sample")) {
      hash = parse_sample(words) | TC_U32_HTID(hash);
      sampled = true;
    } else if (words.take_if("indev")) {
      u32.indev = std::string(words.value_of("indev"));
    } else if (take_actions(session, words, u32.actions)) {
      terminal = true;
    } else if (!take_skip_flag(words, u32.flags)) {
      unknown_filter_word("u32", words);
    }
  }
  // A filter that classifies or acts ends the lookup when it matches.
  if (terminal) selector.flags |= TC_U32_TERMINAL;
  if (order != 0) {
    if (TC_U32_NODE(handle.value) != 0 && order != TC_U32_NODE(handle.value))
      throw UsageError("u32: \"order\" contradicts \"handle\"");
    handle.value |= order;
  }
  if (hash != 0) u32.hash = hash;
  // As tc: offset and hashkey without a match are not sent.
  if (matched) u32.selector = std::move(selector);
  return u32;
}

}  // namespace nlpp::cli

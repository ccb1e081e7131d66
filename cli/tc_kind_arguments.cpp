#include "tc_kind_arguments.hpp"

#include "commands.hpp"
#include "tc_aqm_arguments.hpp"
#include "tc_classful_arguments.hpp"
#include "tc_netem_arguments.hpp"
#include "tc_words.hpp"

#include <algorithm>

namespace nlpp::cli {
namespace {

using rtnl::tc::Rate;

// What tc's rate-limiting kinds share: how packets count against their
// rates, said once for all of a kind's rates.
struct Accounting {
  uint16_t overhead = 0;
  uint16_t mpu = 0;
  rtnl::tc::LinkLayer linklayer = rtnl::tc::LinkLayer::ethernet;

  // Reads one accounting word and its value, if the next word is one.
  bool take(Words& words) {
    if (words.take_if("overhead")) {
      overhead = words.number_of<uint16_t>("overhead");
    } else if (words.take_if("mpu")) {
      const uint32_t size = parse_size(words.value_of("mpu"), "mpu");
      if (size > UINT16_MAX) throw UsageError("\"mpu\": " + std::to_string(size) + " is above 65535");
      mpu = static_cast<uint16_t>(size);
    } else if (words.take_if("linklayer")) {
      linklayer = parse_linklayer(words.value_of("linklayer"));
    } else {
      return false;
    }
    return true;
  }

  void apply_to(std::initializer_list<Rate*> rates) const {
    for (Rate* rate : rates) {
      rate->overhead = overhead;
      rate->mpu = mpu;
      rate->linklayer = linklayer;
    }
  }
};

rtnl::tc::Htb parse_htb(Words& words) {
  rtnl::tc::Htb htb;
  while (!words.empty()) {
    if (take_matching(words, {"r2q"})) {
      htb.r2q = parse_number<uint32_t>(words.take("r2q"), "r2q");
    } else if (take_matching(words, {"default"})) {
      htb.default_class = parse_hex_number<uint32_t>(words.take("default"), "default");
    } else if (take_matching(words, {"debug"})) {
      const std::string_view digits = words.take("debug");
      for (size_t i = 0; i < std::min<size_t>(digits.size(), 16) && digits[i] >= '0' && digits[i] <= '3'; ++i)
        htb.debug |= static_cast<uint32_t>(digits[i] - '0') << (2 * i);
    } else if (take_matching(words, {"direct_qlen"})) {
      htb.direct_qlen = parse_number<uint32_t>(words.take("direct_qlen"), "direct_qlen");
    } else if (take_matching(words, {"offload"})) {
      htb.offload = true;
    } else {
      words.unknown();
    }
  }
  return htb;
}

rtnl::tc::HtbClass parse_htb_class(Words& words) {
  rtnl::tc::HtbClass htb;
  uint32_t mtu = 1600;
  Accounting accounting;
  while (!words.empty()) {
    if (accounting.take(words)) continue;
    if (take_matching(words, {"prio"})) {
      htb.prio = parse_number<uint32_t>(words.take("prio"), "prio");
    } else if (take_matching(words, {"mtu"})) {
      mtu = parse_number<uint32_t>(words.take("mtu"), "mtu");
    } else if (take_matching(words, {"quantum"})) {
      htb.quantum = parse_number<uint32_t>(words.take("quantum"), "quantum");
    } else if (take_matching(words, {"burst"}) || words.take_if("buffer") || words.take_if("maxburst")) {
      htb.burst = parse_size(words.take("burst"), "burst");
    } else if (take_matching(words, {"cburst"}) || words.take_if("cbuffer") || words.take_if("cmaxburst")) {
      htb.cburst = parse_size(words.take("cburst"), "cburst");
    } else if (words.take_if("ceil")) {
      htb.ceil.bytes_per_second = parse_rate(words.value_of("ceil"), "ceil");
    } else if (words.take_if("rate")) {
      htb.rate.bytes_per_second = parse_rate(words.value_of("rate"), "rate");
    } else {
      words.unknown();
    }
  }
  if (htb.rate.bytes_per_second == 0) throw UsageError("htb: the \"rate\" parameter is mandatory");
  if (htb.ceil.bytes_per_second == 0) htb.ceil.bytes_per_second = htb.rate.bytes_per_second;
  // tc's default buckets: what the rate sends in a tick of a 10^9 Hz clock, plus the mtu.
  constexpr uint64_t hz = 1000000000;
  if (htb.burst == 0) htb.burst = static_cast<uint32_t>(htb.rate.bytes_per_second / hz + mtu);
  if (htb.cburst == 0) htb.cburst = static_cast<uint32_t>(htb.ceil.bytes_per_second / hz + mtu);
  accounting.apply_to({&htb.rate, &htb.ceil});
  return htb;
}

rtnl::tc::Tbf parse_tbf(Words& words) {
  rtnl::tc::Tbf tbf;
  uint32_t latency = 0;
  Accounting accounting;
  while (!words.empty()) {
    if (accounting.take(words)) continue;
    if (take_matching(words, {"limit"})) {
      if (tbf.limit != 0 || latency != 0) throw UsageError("tbf: \"limit\" or \"latency\", once");
      tbf.limit = parse_size(words.take("limit"), "limit");
    } else if (take_matching(words, {"latency"})) {
      if (tbf.limit != 0 || latency != 0) throw UsageError("tbf: \"limit\" or \"latency\", once");
      latency = parse_time(words.take("latency"), "latency");
    } else if (take_matching(words, {"burst", "buffer", "maxburst"})) {
      tbf.burst = parse_size(words.take("burst"), "burst");
    } else if (take_matching(words, {"mtu", "minburst"})) {
      tbf.minburst = parse_size(words.take("mtu"), "mtu");
    } else if (words.take_if("rate")) {
      tbf.rate.bytes_per_second = parse_rate(words.value_of("rate"), "rate");
    } else if (take_matching(words, {"peakrate"})) {
      tbf.peakrate.bytes_per_second = parse_rate(words.take("peakrate"), "peakrate");
    } else {
      words.unknown();
    }
  }
  if (tbf.rate.bytes_per_second == 0) throw UsageError("tbf: the \"rate\" parameter is mandatory");
  if (tbf.burst == 0) throw UsageError("tbf: the \"burst\" parameter is mandatory");
  if (tbf.peakrate.bytes_per_second != 0 && tbf.minburst == 0)
    throw UsageError("tbf: when \"peakrate\" is specified, \"mtu\" must also be specified");
  if (tbf.limit == 0 && latency == 0) throw UsageError("tbf: either \"limit\" or \"latency\" is required");
  if (tbf.limit == 0) {
    // tc's limit for a latency: what the rates send in that time, plus their buckets.
    double limit = double(tbf.rate.bytes_per_second) * latency / 1000000 + tbf.burst;
    if (tbf.peakrate.bytes_per_second != 0)
      limit = std::min(limit, double(tbf.peakrate.bytes_per_second) * latency / 1000000 + tbf.minburst);
    tbf.limit = static_cast<uint32_t>(limit);
  }
  accounting.apply_to({&tbf.rate, &tbf.peakrate});
  return tbf;
}

rtnl::tc::Fifo parse_fifo(std::string_view kind, Words& words) {
  rtnl::tc::Fifo fifo;
  while (!words.empty()) {
    if (!take_matching(words, {"limit"})) words.unknown();
    const std::string_view word = words.take("limit");
    fifo.limit = kind == "bfifo" ? parse_size(word, "limit") : parse_number<uint32_t>(word, "limit");
  }
  return fifo;
}

rtnl::tc::Prio parse_prio(Words& words) {
  rtnl::tc::Prio prio;
  while (!words.empty()) {
    if (take_matching(words, {"bands"})) {
      prio.bands = parse_number<uint32_t>(words.take("bands"), "bands");
    } else if (take_matching(words, {"priomap"})) {
      for (uint8_t& band : prio.priomap) band = parse_number<uint8_t>(words.take("priomap"), "priomap band");
    } else {
      words.unknown();
    }
  }
  return prio;
}

// A kind without a struct takes no words.
void no_words(std::string_view kind, Words& words) {
  if (!words.empty())
    throw UsageError(quoted(kind) + " takes no options in nlpp yet: " + quoted(words.peek()) + " is not read");
}

}  // namespace

rtnl::QdiscOptions parse_qdisc_options(std::string_view kind, Words& words) {
  if (kind == "htb") return parse_htb(words);
  if (kind == "tbf") return parse_tbf(words);
  if (kind == "prio") return parse_prio(words);
  if (kind == "netem") return parse_netem(words);
  if (kind == "multiq") return parse_multiq(words);
  if (kind == "plug") return parse_plug(words);
  if (std::optional<rtnl::QdiscOptions> classful = parse_classful_qdisc_options(kind, words)) return *classful;
  if (std::optional<rtnl::QdiscOptions> aqm = parse_aqm_qdisc_options(kind, words)) return *aqm;
  if (kind == "pfifo" || kind == "bfifo" || kind == "pfifo_head_drop") {
    // Without a limit, tc sends no options: the kernel's default limit.
    if (words.empty()) return std::monostate{};
    return parse_fifo(kind, words);
  }
  no_words(kind, words);
  return std::monostate{};
}

rtnl::ClassOptions parse_class_options(std::string_view kind, Words& words) {
  if (kind == "htb") return parse_htb_class(words);
  if (std::optional<rtnl::ClassOptions> classful = parse_classful_class_options(kind, words)) return *classful;
  no_words(kind, words);
  return std::monostate{};
}

}  // namespace nlpp::cli

// netem and multiq in tc's words: q_netem.c and q_multiq.c print_opt()
// without -j, one space between words.
#include "rtnl/tc/netem_time.hpp"
#include "rtnl/tc/psched.hpp"
#include "tc_netem.hpp"
#include "tc_words.hpp"

#include <cstdio>
#include <string>
#include <variant>

namespace nlpp::format::detail {
namespace {

using rtnl::tc::Probability;

// sprint_ticks(): a time through the ticks tc reads.
std::string ticks_text(std::chrono::nanoseconds time) {
  return tc_time_text(rtnl::tc::ticks_to_microseconds(rtnl::tc::netem_ticks(time)));
}

// " duplicate 5% 20%": a probability and, when set, its correlation.
std::string probability_words(std::string_view name, Probability probability, Probability correlation) {
  std::string text = " " + std::string(name) + " " + to_string(probability);
  if (correlation.scaled != 0) text += " " + to_string(correlation);
  return text;
}

std::string loss_model_words(std::monostate) { return ""; }
std::string loss_model_words(const rtnl::tc::NetemLossState& state) {
  return " loss state p13 " + to_string(state.p13) + " p31 " + to_string(state.p31) + " p32 " + to_string(state.p32) +
         " p23 " + to_string(state.p23) + " p14 " + to_string(state.p14);
}
std::string loss_model_words(const rtnl::tc::NetemLossGemodel& gemodel) {
  return " loss gemodel p " + to_string(gemodel.p) + " r " + to_string(gemodel.r) + " 1-h " +
         to_string(gemodel.one_minus_h) + " 1-k " + to_string(gemodel.one_minus_k);
}

std::string rate_words(const rtnl::tc::NetemRate& rate) {
  std::string text = " rate " + tc_rate_text(rate.bytes_per_second);
  if (rate.packet_overhead != 0) text += " packetoverhead " + std::to_string(rate.packet_overhead);
  if (rate.cell_size != 0) text += " cellsize " + std::to_string(rate.cell_size);
  if (rate.cell_overhead != 0) text += " celloverhead " + std::to_string(rate.cell_overhead);
  return text;
}

std::string slot_words(const rtnl::tc::NetemSlot& slot) {
  std::string text =
      slot.distribution_jitter.count() > 0
          ? " slot distribution " + tc_time64_text(slot.distribution_delay.count()) + " " +
                tc_time64_text(slot.distribution_jitter.count())
          : " slot " + tc_time64_text(slot.min_delay.count()) + " " + tc_time64_text(slot.max_delay.count());
  if (slot.max_packets != 0) text += " packets " + std::to_string(slot.max_packets);
  if (slot.max_bytes != 0) text += " bytes " + std::to_string(slot.max_bytes);
  return text;
}

}  // namespace

std::string options_text(const rtnl::tc::Netem& netem) {
  std::string text = "limit " + std::to_string(netem.limit);
  if (rtnl::tc::netem_ticks(netem.latency) != 0) {
    text += " delay " + ticks_text(netem.latency);
    if (rtnl::tc::netem_ticks(netem.jitter) != 0) {
      text += " " + ticks_text(netem.jitter);
      if (netem.delay_correlation.scaled != 0) text += " " + to_string(netem.delay_correlation);
    }
  }
  if (netem.loss.scaled != 0) text += probability_words("loss", netem.loss, netem.loss_correlation);
  text += std::visit([](const auto& model) { return loss_model_words(model); }, netem.loss_model);
  if (netem.duplicate.scaled != 0) text += probability_words("duplicate", netem.duplicate, netem.duplicate_correlation);
  if (netem.reorder.scaled != 0) text += probability_words("reorder", netem.reorder, netem.reorder_correlation);
  if (netem.corrupt.scaled != 0) text += probability_words("corrupt", netem.corrupt, netem.corrupt_correlation);
  if (netem.rate.bytes_per_second != 0) text += rate_words(netem.rate);
  if (netem.slot) text += slot_words(*netem.slot);
  if (netem.ecn) text += " ecn";
  if (netem.gap != 0) text += " gap " + std::to_string(netem.gap);
  return text;
}

std::string options_text(const rtnl::tc::Multiq& multiq) {
  return "bands " + std::to_string(multiq.bands) + "/" + std::to_string(multiq.max_bands);
}

}  // namespace nlpp::format::detail

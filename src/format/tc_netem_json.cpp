// netem and multiq in tc's JSON: tc 6.1's q_netem.c and tc 7.1's
// q_multiq.c print_opt(), member for member in their order. netem's
// probabilities are fractions and its times seconds, as C's "%g" prints
// them; its delays are the 32-bit ticks tc reads, through tc's whole
// microseconds.
#include "json_fields.hpp"
#include "rtnl/tc/netem_time.hpp"
#include "rtnl/tc/psched.hpp"
#include "tc_netem.hpp"

#include <cstdio>
#include <string_view>
#include <variant>

namespace nlpp::format::detail {
namespace {

using rtnl::tc::Probability;

void probability_field(JsonWriter& json, std::string_view key, Probability probability) {
  float_field(json, key, probability.fraction());
}

// A tick count as tc prints it in JSON: tc_core_tick2time()'s whole
// microseconds, in seconds.
double tick_seconds(std::chrono::nanoseconds time) {
  return rtnl::tc::ticks_to_microseconds(rtnl::tc::netem_ticks(time)) / 1000000.;
}

double seconds(std::chrono::nanoseconds time) { return double(time.count()) / 1000000000.; }

// "OBJECT": {"NAME": probability, "correlation": correlation}, as tc groups them.
void probability_object(JsonWriter& json, std::string_view object, std::string_view name, Probability probability,
                        Probability correlation) {
  json.key(object);
  json.begin_object();
  probability_field(json, name, probability);
  probability_field(json, "correlation", correlation);
  json.end_object();
}

void write_loss_model(JsonWriter& json, const rtnl::tc::NetemLossState& state) {
  json.key("loss-state");
  json.begin_object();
  probability_field(json, "p13", state.p13);
  probability_field(json, "p31", state.p31);
  probability_field(json, "p32", state.p32);
  probability_field(json, "p23", state.p23);
  probability_field(json, "p14", state.p14);
  json.end_object();
}

void write_loss_model(JsonWriter& json, const rtnl::tc::NetemLossGemodel& gemodel) {
  json.key("loss-gemodel");
  json.begin_object();
  probability_field(json, "p", gemodel.p);
  probability_field(json, "r", gemodel.r);
  probability_field(json, "1-h", gemodel.one_minus_h);
  probability_field(json, "1-k", gemodel.one_minus_k);
  json.end_object();
}

void write_loss_model(JsonWriter&, std::monostate) {}

void write_rate(JsonWriter& json, const rtnl::tc::NetemRate& rate) {
  json.key("rate");
  json.begin_object();
  number_field(json, "rate", rate.bytes_per_second);
  number_field(json, "packetoverhead", rate.packet_overhead);
  number_field(json, "cellsize", rate.cell_size);
  number_field(json, "celloverhead", rate.cell_overhead);
  json.end_object();
}

void write_slot(JsonWriter& json, const rtnl::tc::NetemSlot& slot) {
  json.key("slot");
  json.begin_object();
  if (slot.distribution_jitter.count() > 0) {
    float_field(json, "distribution", seconds(slot.distribution_delay));
    float_field(json, "jitter", seconds(slot.distribution_jitter));
  } else {
    float_field(json, "min-delay", seconds(slot.min_delay));
    float_field(json, "max-delay", seconds(slot.max_delay));
  }
  number_field(json, "packets", slot.max_packets);
  number_field(json, "bytes", slot.max_bytes);
  json.end_object();
}

}  // namespace

void write_options(JsonWriter& json, const rtnl::tc::Netem& netem, const TcView&) {
  number_field(json, "limit", netem.limit);
  if (rtnl::tc::netem_ticks(netem.latency) != 0) {
    json.key("delay");
    json.begin_object();
    float_field(json, "delay", tick_seconds(netem.latency));
    float_field(json, "jitter", tick_seconds(netem.jitter));
    probability_field(json, "correlation", netem.delay_correlation);
    json.end_object();
  }
  if (netem.loss.scaled != 0) probability_object(json, "loss-random", "loss", netem.loss, netem.loss_correlation);
  std::visit([&](const auto& model) { write_loss_model(json, model); }, netem.loss_model);
  if (netem.duplicate.scaled != 0)
    probability_object(json, "duplicate", "duplicate", netem.duplicate, netem.duplicate_correlation);
  if (netem.reorder.scaled != 0)
    probability_object(json, "reorder", "reorder", netem.reorder, netem.reorder_correlation);
  if (netem.corrupt.scaled != 0)
    probability_object(json, "corrupt", "corrupt", netem.corrupt, netem.corrupt_correlation);
  if (netem.rate.bytes_per_second != 0) write_rate(json, netem.rate);
  if (netem.slot) write_slot(json, *netem.slot);
  bool_field(json, "ecn", netem.ecn);
  number_field(json, "gap", netem.gap);
}

void write_options(JsonWriter& json, const rtnl::tc::Multiq& multiq, const TcView&) {
  number_field(json, "bands", multiq.bands);
  number_field(json, "max_bands", multiq.max_bands);
}

}  // namespace nlpp::format::detail

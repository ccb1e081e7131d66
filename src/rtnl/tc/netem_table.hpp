// netem: TCA_OPTIONS is struct tc_netem_qopt, then attributes in the same
// payload, after the struct (the kernel's parse_attr(), as
// nla_parse_nested_compat() did): the engine's struct kinds read and write
// both (codec/kind_data.hpp). The attribute lines are in the order tc
// sends them, each sent only when tc's words would send it, so that nlpp's
// request for tc's words is tc's, byte for byte.
#pragma once

#include <nlpp/codec/field_change.hpp>
#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/tc/netem.hpp>

#include "codec/struct_if_set.hpp"
#include "rtnl/tc/kind_traits.hpp"
#include "rtnl/tc/netem_time.hpp"

#include <linux/pkt_sched.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

namespace nlpp::rtnl::tc {

/// TCA_NETEM_PRNG_SEED (Linux 6.3), after the attributes the system's
/// headers may stop at.
inline constexpr uint16_t tca_netem_prng_seed = TCA_NETEM_SLOT_DIST + 1;

using NetemLossModel = decltype(Netem::loss_model);

/// A Probability in a u32 field of a struct (a header line).
template <class Struct>
struct ProbabilityIn {
  uint32_t Struct::*scaled;

  void read(const Struct& fixed, Probability& probability) const { probability.scaled = fixed.*scaled; }
  void write(const Probability& probability, Struct& fixed) const { fixed.*scaled = probability.scaled; }
};

/// A time in tc_netem_qopt's ticks (what tc sends) and, when the ticks do
/// not carry it whole, in its 64-bit attribute, which the kernel reads
/// after the struct and reports always.
struct NetemTime {
  uint32_t tc_netem_qopt::*ticks;
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  void read(const tc_netem_qopt& qopt, std::chrono::nanoseconds& time) const {
    time = std::chrono::nanoseconds(int64_t{qopt.*ticks} * nanoseconds_per_tick);
  }
  void write(const std::chrono::nanoseconds& time, tc_netem_qopt& qopt) const { qopt.*ticks = netem_ticks(time); }
  Result<void> parse(const wire::Attribute& attribute, std::chrono::nanoseconds& time) const {
    Result<int64_t> nanoseconds = codec::NativeValue<int64_t>::parse(attribute);
    if (!nanoseconds) return std::move(nanoseconds).error();
    time = std::chrono::nanoseconds(*nanoseconds);
    return {};
  }
  void emit(const std::chrono::nanoseconds& time, wire::MessageBuilder& out) const {
    if (!fits_netem_ticks(time)) out.add_s64(type, time.count());
  }
  void diff(std::string_view name, const std::chrono::nanoseconds& before, const std::chrono::nanoseconds& after,
            FieldDiff& changes) const {
    changes.field(name, std::to_string(before.count()) + "ns", std::to_string(after.count()) + "ns");
  }
};

/// TCA_NETEM_ECN: a u32, reported when set; tc sends 1.
struct NetemEcn {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, bool& on) const {
    Result<uint32_t> value = codec::NativeValue<uint32_t>::parse(attribute);
    if (!value) return std::move(value).error();
    on = *value != 0;
    return {};
  }
  void emit(bool on, wire::MessageBuilder& out) const {
    if (on) out.add_u32(type, 1);
  }
};

/// TCA_NETEM_LOSS: a nest holding the one loss model (NETEM_LOSS_GI or
/// NETEM_LOSS_GE), sent with NLA_F_NESTED as tc sends it; none without a model.
struct NetemLossModelIn {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, NetemLossModel& model) const {
    if (Result<void> valid = attribute.nested().validate(); !valid) return valid;
    for (const wire::Attribute& entry : attribute.nested()) {
      if (entry.type() == NETEM_LOSS_GI) {
        const tc_netem_gimodel gi = codec::NativeValue<tc_netem_gimodel>::parse(entry).value();
        model = NetemLossState{{gi.p13}, {gi.p31}, {gi.p32}, {gi.p23}, {gi.p14}};
      } else if (entry.type() == NETEM_LOSS_GE) {
        const tc_netem_gemodel ge = codec::NativeValue<tc_netem_gemodel>::parse(entry).value();
        model = NetemLossGemodel{{ge.p}, {ge.r}, {Probability::always().scaled - ge.h}, {ge.k1}};
      } else {
        return Error(errc::malformed_attribute, "a loss model of type " + std::to_string(entry.type()));
      }
    }
    return {};
  }
  void emit(const NetemLossModel& model, wire::MessageBuilder& out) const {
    if (std::holds_alternative<std::monostate>(model)) return;
    const wire::MessageBuilder::Nest nest = out.begin_nested(type);
    if (const auto* state = std::get_if<NetemLossState>(&model)) {
      out.add_struct(NETEM_LOSS_GI, tc_netem_gimodel{.p13 = state->p13.scaled,
                                                     .p31 = state->p31.scaled,
                                                     .p32 = state->p32.scaled,
                                                     .p14 = state->p14.scaled,
                                                     .p23 = state->p23.scaled});
    } else if (const auto* gemodel = std::get_if<NetemLossGemodel>(&model)) {
      out.add_struct(NETEM_LOSS_GE, tc_netem_gemodel{.p = gemodel->p.scaled,
                                                     .r = gemodel->r.scaled,
                                                     .h = Probability::always().scaled - gemodel->one_minus_h.scaled,
                                                     .k1 = gemodel->one_minus_k.scaled});
    }
    out.end_nested(nest);
  }
  void diff(std::string_view name, const NetemLossModel& before, const NetemLossModel& after,
            FieldDiff& changes) const {
    const auto text = [](const NetemLossModel& model) {
      return std::visit(
          []<class Model>(const Model& value) -> std::string {
            if constexpr (std::is_same_v<Model, std::monostate>)
              return "";
            else
              return to_string(value);
          },
          model);
    };
    changes.field(name, text(before), text(after));
  }
};

/// TCA_NETEM_RATE (struct tc_netem_rate) and, for a rate above 32 bits,
/// TCA_NETEM_RATE64 before it, the struct's rate then saturated; sent with
/// a rate or an overhead.
struct NetemRateIn {
  uint16_t type;
  uint16_t type64;

  constexpr std::array<uint16_t, 2> types() const noexcept { return {type, type64}; }
  Result<void> parse(const wire::Attribute& attribute, NetemRate& rate) const {
    if (attribute.type() == type64) {
      Result<uint64_t> wide = codec::NativeValue<uint64_t>::parse(attribute);
      if (!wide) return std::move(wide).error();
      rate.bytes_per_second = *wide;
      return {};
    }
    const tc_netem_rate fixed = codec::NativeValue<tc_netem_rate>::parse(attribute).value();
    // A saturated 32-bit rate leaves the wider one TCA_NETEM_RATE64 gave.
    if (fixed.rate != rate32_max || rate.bytes_per_second <= rate32_max) rate.bytes_per_second = fixed.rate;
    rate.packet_overhead = fixed.packet_overhead;
    rate.cell_size = fixed.cell_size;
    rate.cell_overhead = fixed.cell_overhead;
    return {};
  }
  void emit(const NetemRate& rate, wire::MessageBuilder& out) const {
    if (rate == NetemRate{}) return;
    if (rate.bytes_per_second > rate32_max) out.add_u64(type64, rate.bytes_per_second);
    out.add_struct(type, tc_netem_rate{.rate = static_cast<uint32_t>(std::min(rate.bytes_per_second, rate32_max)),
                                       .packet_overhead = rate.packet_overhead,
                                       .cell_size = rate.cell_size,
                                       .cell_overhead = rate.cell_overhead});
  }
};

/// TCA_NETEM_SLOT (struct tc_netem_slot), sent with a slot. The kernel
/// reports it while one of its times is set.
struct NetemSlotIn {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, std::optional<NetemSlot>& slot) const {
    const tc_netem_slot fixed = codec::NativeValue<tc_netem_slot>::parse(attribute).value();
    if (!slot) slot.emplace();  // keeping a table read before
    slot->min_delay = std::chrono::nanoseconds(fixed.min_delay);
    slot->max_delay = std::chrono::nanoseconds(fixed.max_delay);
    slot->distribution_delay = std::chrono::nanoseconds(fixed.dist_delay);
    slot->distribution_jitter = std::chrono::nanoseconds(fixed.dist_jitter);
    slot->max_packets = fixed.max_packets;
    slot->max_bytes = fixed.max_bytes;
    return {};
  }
  void emit(const std::optional<NetemSlot>& slot, wire::MessageBuilder& out) const {
    if (!slot) return;
    out.add_struct(type, tc_netem_slot{.min_delay = slot->min_delay.count(),
                                       .max_delay = slot->max_delay.count(),
                                       .max_packets = slot->max_packets,
                                       .max_bytes = slot->max_bytes,
                                       .dist_delay = slot->distribution_delay.count(),
                                       .dist_jitter = slot->distribution_jitter.count()});
  }
};

/// A distribution table (TCA_NETEM_DELAY_DIST, TCA_NETEM_SLOT_DIST): s16
/// values, sent when there are any. The kernel never reports them, so a
/// diff against what it reports would always see one: not compared.
struct DistributionTable {
  uint16_t type;
  static constexpr bool compared = false;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, std::vector<int16_t>& table) const {
    const wire::Bytes payload = attribute.payload();
    table.resize(payload.size() / sizeof(int16_t));
    std::memcpy(table.data(), payload.data(), table.size() * sizeof(int16_t));
    return {};
  }
  void emit(const std::vector<int16_t>& table, wire::MessageBuilder& out) const {
    if (!table.empty()) out.add(type, std::as_bytes(std::span(table)));
  }
};

/// The slot's table, reached through the optional slot (made when read).
struct SlotDistribution {
  using owner_type = Netem;
  using value_type = std::vector<int16_t>;

  const std::vector<int16_t>& get(const Netem& netem) const noexcept {
    static const std::vector<int16_t> none;
    return netem.slot ? netem.slot->distribution : none;
  }
  std::vector<int16_t>& edit(Netem& netem) const {
    if (!netem.slot) netem.slot.emplace();
    return netem.slot->distribution;
  }
};

inline constexpr auto netem_correlations = std::tuple{
    field("delay_correlation", &Netem::delay_correlation, ProbabilityIn<tc_netem_corr>{&tc_netem_corr::delay_corr}),
    field("loss_correlation", &Netem::loss_correlation, ProbabilityIn<tc_netem_corr>{&tc_netem_corr::loss_corr}),
    field("duplicate_correlation", &Netem::duplicate_correlation,
          ProbabilityIn<tc_netem_corr>{&tc_netem_corr::dup_corr}),
};

/// TCA_NETEM_CORR (the delay's, the loss's and the duplication's
/// correlations), sent as tc sends it: when any correlation is set, the
/// reorder's and corruption's included, though those travel in their own
/// attributes (a change sending it resets the three).
struct NetemCorrelations : codec::StructIn<tc_netem_corr, netem_correlations> {
  void emit(const Netem& netem, wire::MessageBuilder& out) const {
    const Probability unset{};
    if (netem.delay_correlation != unset || netem.loss_correlation != unset || netem.duplicate_correlation != unset ||
        netem.reorder_correlation != unset || netem.corrupt_correlation != unset)
      StructIn::emit(netem, out);
  }
};

inline constexpr auto netem_reorder = std::tuple{
    field("reorder", &Netem::reorder, ProbabilityIn<tc_netem_reorder>{&tc_netem_reorder::probability}),
    field("reorder_correlation", &Netem::reorder_correlation,
          ProbabilityIn<tc_netem_reorder>{&tc_netem_reorder::correlation}),
};

inline constexpr auto netem_corrupt = std::tuple{
    field("corrupt", &Netem::corrupt, ProbabilityIn<tc_netem_corrupt>{&tc_netem_corrupt::probability}),
    field("corrupt_correlation", &Netem::corrupt_correlation,
          ProbabilityIn<tc_netem_corrupt>{&tc_netem_corrupt::correlation}),
};

template <>
struct KindTraits<Netem> {
  static constexpr std::string_view kinds[] = {"netem"};
  using Struct = tc_netem_qopt;
  static constexpr auto fields = std::tuple{
      field("limit", &Netem::limit, in_header(&tc_netem_qopt::limit)),
      field("latency", &Netem::latency, NetemTime{&tc_netem_qopt::latency, TCA_NETEM_LATENCY64}),
      field("jitter", &Netem::jitter, NetemTime{&tc_netem_qopt::jitter, TCA_NETEM_JITTER64}),
      field("loss", &Netem::loss, ProbabilityIn<tc_netem_qopt>{&tc_netem_qopt::loss}),
      field("gap", &Netem::gap, in_header(&tc_netem_qopt::gap)),
      field("duplicate", &Netem::duplicate, ProbabilityIn<tc_netem_qopt>{&tc_netem_qopt::duplicate}),
      field("correlations", WholeObject<Netem>{}, NetemCorrelations{{TCA_NETEM_CORR}}),
      field("reorder", WholeObject<Netem>{},
            codec::StructInIfSet<tc_netem_reorder, netem_reorder>{{TCA_NETEM_REORDER}}),
      field("ecn", &Netem::ecn, NetemEcn{TCA_NETEM_ECN}),
      field("corrupt", WholeObject<Netem>{},
            codec::StructInIfSet<tc_netem_corrupt, netem_corrupt>{{TCA_NETEM_CORRUPT}}),
      field("slot", &Netem::slot, NetemSlotIn{TCA_NETEM_SLOT}),
      field("loss_model", &Netem::loss_model, NetemLossModelIn{TCA_NETEM_LOSS}),
      field("rate", &Netem::rate, NetemRateIn{TCA_NETEM_RATE, TCA_NETEM_RATE64}),
      field("delay_distribution", &Netem::delay_distribution, DistributionTable{TCA_NETEM_DELAY_DIST}),
      field("slot_distribution", SlotDistribution{}, DistributionTable{TCA_NETEM_SLOT_DIST}),
      field("prng_seed", &Netem::prng_seed, tca_netem_prng_seed),
      codec::padding<Netem>(TCA_NETEM_PAD),
  };

  static Result<void> validate(const Netem& netem, std::string_view) {
    const auto refused = [](std::string_view what, const std::string& why) {
      return Error(errc::invalid_argument, "netem " + std::string(what) + ": " + why);
    };
    const auto negative = [](std::chrono::nanoseconds time) { return time.count() < 0; };
    if (negative(netem.latency)) return refused("latency", "negative");
    if (negative(netem.jitter)) return refused("jitter", "negative");
    if (Result<void> table = check_table("delay_distribution", netem.delay_distribution); !table) return table;
    if (!netem.slot) return {};
    const NetemSlot& slot = *netem.slot;
    if (negative(slot.min_delay) || negative(slot.max_delay) || negative(slot.distribution_delay) ||
        negative(slot.distribution_jitter))
      return refused("slot", "a negative time");
    if (slot.max_delay < slot.min_delay) return refused("slot", "max_delay below min_delay");
    if (slot.max_packets < 0 || slot.max_bytes < 0) return refused("slot", "a negative bound");
    return check_table("slot distribution", slot.distribution);
  }

  /// tc's gap for a reorder that gives none: every packet may be reordered
  /// (the kernel reorders none without a gap).
  static Netem with_defaults(Netem netem) {
    if (netem.reorder.scaled != 0 && netem.gap == 0) netem.gap = 1;
    return netem;
  }

 private:
  static Result<void> check_table(std::string_view what, const std::vector<int16_t>& table) {
    if (table.size() <= NETEM_DIST_MAX) return {};
    return Error(errc::invalid_argument, "netem " + std::string(what) + ": " + std::to_string(table.size()) +
                                             " values, the kernel takes " + std::to_string(NETEM_DIST_MAX) +
                                             " at most");
  }
};

}  // namespace nlpp::rtnl::tc

// sfq: TCA_OPTIONS is struct tc_sfq_qopt_v1 (tc_sfq_qopt, then depth,
// headdrop, the RED per flow and its statistics), sent whole as tc sends it.
#pragma once

#include <nlpp/codec/field_change.hpp>
#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/tc/sfq.hpp>

#include "rtnl/tc/kind_traits.hpp"
#include "rtnl/tc/red_table.hpp"

#include <linux/pkt_sched.h>

#include <chrono>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace nlpp::rtnl::tc {

/// A field of the struct's first part (struct tc_sfq_qopt v0).
template <class Stored>
struct SfqV0Member {
  Stored tc_sfq_qopt::*stored;

  void read(const tc_sfq_qopt_v1& fixed, uint32_t& value) const { value = static_cast<uint32_t>(fixed.v0.*stored); }
  void write(uint32_t value, tc_sfq_qopt_v1& fixed) const { fixed.v0.*stored = static_cast<Stored>(value); }
};

/// perturb_period: whole seconds.
struct PerturbPeriod {
  void read(const tc_sfq_qopt_v1& fixed, std::chrono::seconds& period) const {
    period = std::chrono::seconds(fixed.v0.perturb_period);
  }
  void write(std::chrono::seconds period, tc_sfq_qopt_v1& fixed) const {
    fixed.v0.perturb_period = static_cast<int>(period.count());
  }
  void diff(std::string_view name, std::chrono::seconds before, std::chrono::seconds after, FieldDiff& changes) const {
    changes.field(name, before.count(), after.count());
  }
};

// The members of sfq's RED, for diffs.
inline constexpr auto sfq_red_lines = std::tuple{
    field("red.limit", &SfqRed::limit, codec::Compared{}),
    field("red.min", &SfqRed::min, codec::Compared{}),
    field("red.max", &SfqRed::max, codec::Compared{}),
    field("red.ewma_log", InnerMember{&SfqRed::constants, &RedConstants::ewma_log}, codec::Compared{}),
    field("red.probability_log", InnerMember{&SfqRed::constants, &RedConstants::probability_log}, codec::Compared{}),
    field("red.cell_log", InnerMember{&SfqRed::constants, &RedConstants::cell_log}, codec::Compared{}),
    field("red.max_probability", InnerMember{&SfqRed::constants, &RedConstants::max_probability}, codec::Compared{}),
    field("red.ecn", &SfqRed::ecn, codec::Compared{}),
    field("red.harddrop", &SfqRed::harddrop, codec::Compared{}),
};

/// RED per flow: on when qth_min is not 0 (the kernel's test), the flags
/// byte with it.
struct SfqRedIn {
  void read(const tc_sfq_qopt_v1& fixed, std::optional<SfqRed>& red) const {
    if (fixed.qth_min == 0) {
      red.reset();
      return;
    }
    red = SfqRed{.limit = fixed.limit,
                 .min = fixed.qth_min,
                 .max = fixed.qth_max,
                 .constants = {.ewma_log = fixed.Wlog,
                               .probability_log = fixed.Plog,
                               .cell_log = fixed.Scell_log,
                               .max_probability = fixed.max_P},
                 .ecn = (fixed.flags & TC_RED_ECN) != 0,
                 .harddrop = (fixed.flags & TC_RED_HARDDROP) != 0};
  }
  void write(const std::optional<SfqRed>& red, tc_sfq_qopt_v1& fixed) const {
    if (!red) return;
    fixed.limit = red->limit;
    fixed.qth_min = red->min;
    fixed.qth_max = red->max;
    fixed.Wlog = red->constants.ewma_log;
    fixed.Plog = red->constants.probability_log;
    fixed.Scell_log = red->constants.cell_log;
    fixed.max_P = red->constants.max_probability;
    fixed.flags = static_cast<unsigned char>((red->ecn ? TC_RED_ECN : 0) | (red->harddrop ? TC_RED_HARDDROP : 0));
  }
  // RED turned on or off is one change ("red"); else its members are.
  void diff(std::string_view name, const std::optional<SfqRed>& before, const std::optional<SfqRed>& after,
            FieldDiff& changes) const {
    if (before.has_value() != after.has_value())
      changes.field(name, before.has_value(), after.has_value());
    else if (before)
      codec::diff_fields<sfq_red_lines>(*before, *after, changes);
  }
};

/// What RED did: reported, never sent (tc sends zeros).
struct SfqRedStatsIn {
  static constexpr bool compared = false;

  void read(const tc_sfq_qopt_v1& fixed, SfqRedStats& stats) const {
    stats = {.prob_drop = fixed.stats.prob_drop,
             .forced_drop = fixed.stats.forced_drop,
             .prob_mark = fixed.stats.prob_mark,
             .forced_mark = fixed.stats.forced_mark,
             .prob_mark_head = fixed.stats.prob_mark_head,
             .forced_mark_head = fixed.stats.forced_mark_head};
  }
  void write(const SfqRedStats&, tc_sfq_qopt_v1&) const {}
};

template <>
struct KindTraits<Sfq> {
  static constexpr std::string_view kinds[] = {"sfq"};
  using Struct = tc_sfq_qopt_v1;
  static constexpr auto fields = std::tuple{
      field("quantum", &Sfq::quantum, SfqV0Member<unsigned>{&tc_sfq_qopt::quantum}),
      field("perturb", &Sfq::perturb, PerturbPeriod{}),
      field("limit", &Sfq::limit, SfqV0Member<__u32>{&tc_sfq_qopt::limit}),
      field("divisor", &Sfq::divisor, SfqV0Member<unsigned>{&tc_sfq_qopt::divisor}),
      field("flows", &Sfq::flows, SfqV0Member<unsigned>{&tc_sfq_qopt::flows}),
      field("depth", &Sfq::depth, in_header(&tc_sfq_qopt_v1::depth)),
      field("headdrop", &Sfq::headdrop, in_header(&tc_sfq_qopt_v1::headdrop)),
      field("red", &Sfq::red, SfqRedIn{}),
      field("red_stats", &Sfq::red_stats, SfqRedStatsIn{}),
  };

  static Result<void> validate(const Sfq& sfq, std::string_view kind) {
    constexpr uint32_t most_buckets = 65536;
    if (sfq.divisor != 0 && ((sfq.divisor & (sfq.divisor - 1)) != 0 || sfq.divisor > most_buckets))
      return Error(errc::invalid_argument,
                   "sfq divisor: " + std::to_string(sfq.divisor) + " is not a power of two up to 65536");
    if (sfq.limit == 1) return Error(errc::invalid_argument, "sfq limit: 1 is not a queue (2 or more)");
    if (sfq.perturb.count() < 0 || sfq.perturb.count() > std::numeric_limits<int>::max())
      return Error(errc::invalid_argument, "sfq perturb: " + std::to_string(sfq.perturb.count()) + "s is out of range");
    if (sfq.red) return red_checks(kind, sfq.red->min, sfq.red->max, sfq.red->constants, nullptr);
    return {};
  }
};

}  // namespace nlpp::rtnl::tc

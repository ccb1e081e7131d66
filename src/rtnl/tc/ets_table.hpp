// ets: the qdisc's bands, strict bands, quanta and priority map, each list
// a nest of like attributes; a class's quantum. The kernel parses both
// strictly (nla_parse_nested): the nests go with NLA_F_NESTED, as tc
// sends them.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/tc/ets.hpp>

#include "rtnl/tc/kind_traits.hpp"

#include <linux/pkt_sched.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <tuple>

namespace nlpp::rtnl::tc {

template <>
struct KindTraits<Ets> {
  static constexpr std::string_view kinds[] = {"ets"};
  static constexpr bool nested_flag = true;
  static constexpr auto fields = std::tuple{
      field("bands", &Ets::bands, codec::Always{TCA_ETS_NBANDS}),
      field("strict", &Ets::strict, codec::NonDefault{TCA_ETS_NSTRICT}),
      field(
          "quanta", &Ets::quanta,
          codec::NestedList<uint32_t>{.type = TCA_ETS_QUANTA, .entry_type = TCA_ETS_QUANTA_BAND, .nested_flag = true}),
      field(
          "priomap", &Ets::priomap,
          codec::NestedList<uint8_t>{.type = TCA_ETS_PRIOMAP, .entry_type = TCA_ETS_PRIOMAP_BAND, .nested_flag = true}),
  };

  /// tc's count of bands when none is given: the strict ones and those quanta name.
  static Ets with_defaults(Ets options) {
    if (options.bands == 0) options.bands = static_cast<uint8_t>(options.strict + options.quanta.size());
    return options;
  }

  static Result<void> validate(const Ets& options, std::string_view) {
    const size_t bands = with_defaults(options).bands;
    if (bands == 0) return Error(errc::invalid_argument, "ets bands: required (or strict bands and quanta)");
    if (bands > TCQ_ETS_MAX_BANDS)
      return Error(errc::invalid_argument, "ets bands: " + std::to_string(bands) + " is not 1 to 16");
    if (options.strict + options.quanta.size() > bands)
      return Error(errc::invalid_argument, "ets quanta: " + std::to_string(options.strict) + " strict bands and " +
                                               std::to_string(options.quanta.size()) + " quanta are more than " +
                                               std::to_string(bands) + " bands");
    if (std::ranges::find(options.quanta, 0u) != options.quanta.end())
      return Error(errc::invalid_argument, "ets quanta: a quantum is 0");
    if (options.priomap.size() > TC_PRIO_MAX + 1)
      return Error(errc::invalid_argument, "ets priomap: more than 16 priorities");
    if (std::ranges::any_of(options.priomap, [&](uint8_t band) { return band >= bands; }))
      return Error(errc::invalid_argument, "ets priomap: a band is not below bands");
    return {};
  }
};

template <>
struct KindTraits<EtsClass> {
  static constexpr std::string_view kinds[] = {"ets"};
  static constexpr bool nested_flag = true;
  static constexpr auto fields =
      std::tuple{field("quantum", &EtsClass::quantum, codec::NonDefault{TCA_ETS_QUANTA_BAND})};
};

}  // namespace nlpp::rtnl::tc

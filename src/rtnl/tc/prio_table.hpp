// prio and pfifo_fast: TCA_OPTIONS is struct tc_prio_qopt.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/tc/prio.hpp>

#include "rtnl/tc/kind_traits.hpp"

#include <linux/pkt_sched.h>

#include <algorithm>
#include <string_view>
#include <tuple>

namespace nlpp::rtnl::tc {

// The priomap: an array field of the struct.
struct PriomapIn {
  void read(const tc_prio_qopt& fixed, std::array<uint8_t, TC_PRIO_MAX + 1>& map) const {
    std::ranges::copy(fixed.priomap, map.begin());
  }
  void write(const std::array<uint8_t, TC_PRIO_MAX + 1>& map, tc_prio_qopt& fixed) const {
    std::ranges::copy(map, fixed.priomap);
  }
};

template <>
struct KindTraits<Prio> {
  static constexpr std::string_view kinds[] = {"prio", "pfifo_fast"};
  using Struct = tc_prio_qopt;
  static constexpr auto fields = std::tuple{field("bands", &Prio::bands, in_header(&tc_prio_qopt::bands)),
                                            field("priomap", &Prio::priomap, PriomapIn{})};

  static Result<void> validate(const Prio& prio, std::string_view) {
    if (prio.bands < 2 || prio.bands > TCQ_PRIO_BANDS)
      return Error(errc::invalid_argument, "prio bands: " + std::to_string(prio.bands) + " is not 2 to 16");
    if (std::ranges::any_of(prio.priomap, [&](uint8_t band) { return band >= prio.bands; }))
      return Error(errc::invalid_argument, "prio priomap: a band is not below bands");
    return {};
  }
};

}  // namespace nlpp::rtnl::tc

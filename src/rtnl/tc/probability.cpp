#include <nlpp/rtnl/tc/probability.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace nlpp::rtnl::tc {

Probability Probability::from_percent(double percent) noexcept { return from_fraction(percent / 100.); }

Probability Probability::from_fraction(double fraction) noexcept {
  // tc's set_percent(): rint(fraction * UINT32_MAX); NaN counts as never.
  constexpr double scale = std::numeric_limits<uint32_t>::max();
  const double clamped = std::isnan(fraction) ? 0. : std::clamp(fraction, 0., 1.);
  return {static_cast<uint32_t>(std::rint(clamped * scale))};
}

std::string to_string(Probability probability) {
  char text[32];
  std::snprintf(text, sizeof text, "%g%%", probability.percent());
  return text;
}

}  // namespace nlpp::rtnl::tc

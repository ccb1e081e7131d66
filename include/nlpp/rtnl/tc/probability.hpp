// A probability as tc's kinds carry it: a u32 on which UINT32_MAX is
// certainty (netem's loss, duplication, reordering, corruption and their
// correlations). People think of these in percent, as tc's words say them
// ("loss 1%"); the kernel keeps the scaled integer, which this type holds
// as it is, so a probability read from the kernel goes back unchanged.
#pragma once

#include <cstdint>
#include <limits>
#include <string>

namespace nlpp::rtnl::tc {

/// A probability on the kernel's scale: `scaled / UINT32_MAX`.
/// `Probability::from_percent(1)` is tc's "1%" (42949673).
struct Probability {
  uint32_t scaled = 0;  ///< 0: never; UINT32_MAX: always

  /// percent (0 to 100) on the kernel's scale, rounded to the nearest step
  /// as tc rounds its percentages; out of range is clamped.
  static Probability from_percent(double percent) noexcept;
  /// fraction (0 to 1), as tc's set_percent() takes it: tc's words divide
  /// the number by 100 first, and its defaults are fractions (1 - p).
  static Probability from_fraction(double fraction) noexcept;
  /// Certainty (100%).
  static constexpr Probability always() noexcept { return {std::numeric_limits<uint32_t>::max()}; }

  /// In percent, as tc prints it ("1%").
  double percent() const noexcept { return 100.0 * fraction(); }
  /// As a fraction of 1, as tc's JSON prints it (0.01).
  double fraction() const noexcept { return double(scaled) / std::numeric_limits<uint32_t>::max(); }

  friend bool operator==(const Probability&, const Probability&) = default;
  friend auto operator<=>(const Probability&, const Probability&) = default;
};

/// "1%" (printf's %g of the percentage, as tc prints it): what a diff shows.
std::string to_string(Probability probability);

}  // namespace nlpp::rtnl::tc

// Route metrics (RTA_METRICS, a nest of RTAX_* values): per-route path and
// TCP parameters such as the MTU, the advertised MSS or the hop limit.
#pragma once

#include <nlpp/codec/raw_attribute.hpp>

#include <linux/rtnetlink.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nlpp::rtnl {

/// What RTA_METRICS carries. Each metric is optional: set means sent, and
/// reported by the kernel. Values are in the kernel's units, as `ip route`
/// sends them (rtt in 1/8 ms, rttvar in 1/4 ms, rto_min in ms).
struct RouteMetrics {
  std::optional<uint32_t> mtu{};                 ///< RTAX_MTU
  std::optional<uint32_t> window{};              ///< RTAX_WINDOW
  std::optional<uint32_t> rtt{};                 ///< RTAX_RTT
  std::optional<uint32_t> rttvar{};              ///< RTAX_RTTVAR
  std::optional<uint32_t> ssthresh{};            ///< RTAX_SSTHRESH
  std::optional<uint32_t> cwnd{};                ///< RTAX_CWND
  std::optional<uint32_t> advmss{};              ///< RTAX_ADVMSS
  std::optional<uint32_t> reordering{};          ///< RTAX_REORDERING
  std::optional<uint32_t> hoplimit{};            ///< RTAX_HOPLIMIT
  std::optional<uint32_t> initcwnd{};            ///< RTAX_INITCWND
  std::optional<uint32_t> features{};            ///< RTAX_FEATURES: RTAX_FEATURE_* bits
  std::optional<uint32_t> rto_min{};             ///< RTAX_RTO_MIN
  std::optional<uint32_t> initrwnd{};            ///< RTAX_INITRWND
  std::optional<uint32_t> quickack{};            ///< RTAX_QUICKACK
  std::optional<uint32_t> fastopen_no_cookie{};  ///< RTAX_FASTOPEN_NO_COOKIE
  std::string cc_algo{};                         ///< RTAX_CC_ALGO: congestion control by name; "" is not sent
  /// RTAX_LOCK: metrics the kernel must keep as set (path MTU discovery
  /// must not lower a locked mtu); bit lock_bit(RTAX_MTU) and so on.
  uint32_t locked = 0;
  std::vector<RawAttribute> unknown{};  ///< RTAX_* values nlpp does not model

  /// The RTAX_LOCK bit of a metric.
  static constexpr uint32_t lock_bit(uint16_t rtax) noexcept { return 1u << rtax; }
  bool is_locked(uint16_t rtax) const noexcept { return (locked & lock_bit(rtax)) != 0; }

  /// Nothing set: the route carries no RTA_METRICS.
  bool empty() const noexcept { return *this == RouteMetrics{}; }

  friend bool operator==(const RouteMetrics&, const RouteMetrics&) = default;
};

}  // namespace nlpp::rtnl

// The hfsc kind: a hierarchical fair service curve scheduler. The qdisc
// names the class unclassified packets go to (TCA_OPTIONS is struct
// tc_hfsc_qopt); each class holds up to three service curves
// (TCA_HFSC_RSC, TCA_HFSC_FSC, TCA_HFSC_USC, each a struct
// tc_service_curve): the real-time curve it is guaranteed, the link-share
// curve it shares spare bandwidth by, and the upper limit it may not exceed.
#pragma once

#include <nlpp/codec/raw_attribute.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nlpp::rtnl::tc {

/// An hfsc qdisc's options: `tc qdisc add dev X root handle 1: hfsc default 20`
/// is `tc::Hfsc{.default_class = 0x20}`.
struct Hfsc {
  uint16_t default_class = 0;  ///< the minor of the class unclassified packets go to (tc's hex); 0: dropped

  friend bool operator==(const Hfsc&, const Hfsc&) = default;
};

/// A service curve of two segments: a slope of m1 for the first d
/// microseconds, then m2. tc's `m1 2mbit d 10ms m2 1mbit` is
/// `{.m1 = 250000, .d = 10000, .m2 = 125000}`; its `rate 1mbit` alone is
/// `{.m2 = 125000}`.
struct ServiceCurve {
  uint32_t m1 = 0;  ///< bytes per second during the first segment
  uint32_t d = 0;   ///< the first segment's length, in microseconds
  uint32_t m2 = 0;  ///< bytes per second after it

  friend bool operator==(const ServiceCurve&, const ServiceCurve&) = default;
};

/// "m1 250000B/s d 10000us m2 125000B/s": what a diff shows.
std::string to_string(const ServiceCurve& curve);

/// An hfsc class's options: `tc class add dev X parent 1: classid 1:10 hfsc sc rate 1mbit ul rate 2mbit`
/// is `tc::HfscClass{.rsc = ServiceCurve{.m2 = 125000}, .fsc = ServiceCurve{.m2 = 125000},
/// .usc = ServiceCurve{.m2 = 250000}}`.
/// A class is made with rsc or fsc (or both); usc needs fsc. The qdisc's
/// root class (its handle's "1:") has none.
struct HfscClass {
  std::optional<ServiceCurve> rsc{};  ///< real-time: guaranteed (tc's "rt"; "sc" sets rsc and fsc)
  std::optional<ServiceCurve> fsc{};  ///< link-share: spare bandwidth is shared by it (tc's "ls")
  std::optional<ServiceCurve> usc{};  ///< upper limit of the link-share (tc's "ul")
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const HfscClass&, const HfscClass&) = default;
};

}  // namespace nlpp::rtnl::tc

// The ets kind: enhanced transmission selection (802.1Qaz), a prio whose
// last bands share what the strict ones leave by deficit round robin. Its
// bands are its classes ("1:1" is band 0), made with the qdisc: the first
// `strict` bands are served in order, each other band gets its quantum of
// bytes per round. TCA_OPTIONS holds TCA_ETS_NBANDS, TCA_ETS_NSTRICT, and
// the lists TCA_ETS_QUANTA and TCA_ETS_PRIOMAP.
#pragma once

#include <nlpp/codec/raw_attribute.hpp>

#include <cstdint>
#include <vector>

namespace nlpp::rtnl::tc {

/// An ets qdisc's options: `tc qdisc add dev X root handle 1: ets bands 4 strict 1 quanta 3000 2000`
/// is `tc::Ets{.bands = 4, .strict = 1, .quanta = {3000, 2000}}`.
struct Ets {
  /// 1 to 16; 0 when adding: strict plus as many as quanta, as tc counts them.
  uint8_t bands = 0;
  uint8_t strict = 0;  ///< how many of the first bands are strict
  /// The quanta of the bands after the strict ones, in bytes, in band
  /// order; a band left out gets the link's mtu and link-layer header
  /// (1514 on an ethernet link). The kernel reports every non-strict band's.
  std::vector<uint32_t> quanta{};
  /// The band of each packet priority, from priority 0; a priority left out
  /// goes to the last band. The kernel reports all 16.
  std::vector<uint8_t> priomap{};
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Ets&, const Ets&) = default;
};

/// An ets class's (a band's) options: `tc class change dev X classid 1:3 ets quantum 2500`
/// is `tc::EtsClass{.quantum = 2500}`. Classes are made and removed with
/// the qdisc's bands; change sets a non-strict band's quantum.
struct EtsClass {
  uint32_t quantum = 0;  ///< bytes per round of a non-strict band; 0: none (a strict band), or unchanged
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const EtsClass&, const EtsClass&) = default;
};

}  // namespace nlpp::rtnl::tc

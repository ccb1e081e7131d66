// The csum action: recomputes the checksums of the headers named after
// another action rewrote them (nat, pedit).
//
//     rtnl::tc::Action fix{.options = rtnl::tc::Csum{.update_flags = TCA_CSUM_UPDATE_FLAG_IPV4HDR |
//                                                                     TCA_CSUM_UPDATE_FLAG_TCP}};
//     // tc ... action csum iph and tcp
#pragma once

#include <nlpp/codec/raw_attribute.hpp>

#include <linux/tc_act/tc_csum.h>

#include <cstdint>
#include <vector>

namespace nlpp::rtnl::tc {

/// csum's options (struct tc_csum).
struct Csum {
  /// tc_csum.update_flags: the headers whose checksums are updated,
  /// TCA_CSUM_UPDATE_FLAG_IPV4HDR, _ICMP, _IGMP, _TCP, _UDP, _UDPLITE,
  /// _SCTP; at least one.
  uint32_t update_flags = 0;
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Csum&, const Csum&) = default;
};

}  // namespace nlpp::rtnl::tc

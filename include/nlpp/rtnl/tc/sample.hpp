// The sample action: hands one packet in `rate` (a copy, cut to
// `trunc_size` bytes) to the psample generic netlink family's group, for
// sFlow-like monitors; the packet itself goes on.
//
//     rtnl::tc::Action sample{.options = rtnl::tc::Sample{.rate = 100, .group = 5}};
//     // tc ... action sample rate 100 group 5
#pragma once

#include <nlpp/codec/raw_attribute.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace nlpp::rtnl::tc {

/// sample's options (struct tc_sample and the attributes beside it).
struct Sample {
  uint32_t rate = 0;                     ///< TCA_SAMPLE_RATE: one packet in rate is sampled; not 0
  uint32_t group = 0;                    ///< TCA_SAMPLE_PSAMPLE_GROUP: the psample group
  std::optional<uint32_t> trunc_size{};  ///< TCA_SAMPLE_TRUNC_SIZE: at most this many bytes of each
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Sample&, const Sample&) = default;
};

}  // namespace nlpp::rtnl::tc

// The drr kind: deficit round robin among classes. The qdisc has no
// options; each class serves a quantum of bytes per round (TCA_OPTIONS
// holds TCA_DRR_QUANTUM).
#pragma once

#include <nlpp/codec/raw_attribute.hpp>

#include <cstdint>
#include <vector>

namespace nlpp::rtnl::tc {

/// A drr class's options: `tc class add dev X parent 1: classid 1:1 drr quantum 3000`
/// is `tc::DrrClass{.quantum = 3000}`. A drr qdisc (`tc qdisc add dev X root
/// handle 1: drr`) has none: its kind alone.
struct DrrClass {
  /// Bytes a class may send per round; 0 when adding: the link's mtu and
  /// link-layer header (1514 on an ethernet link), as the kernel chooses.
  uint32_t quantum = 0;
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const DrrClass&, const DrrClass&) = default;
};

}  // namespace nlpp::rtnl::tc

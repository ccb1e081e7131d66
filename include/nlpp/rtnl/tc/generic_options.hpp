// The options of a tc kind nlpp has no struct for: TCA_OPTIONS kept as the
// kernel sent it (attributes for most kinds, a struct for some), and sent
// back the same.
#pragma once

#include <cstddef>
#include <vector>

namespace nlpp::rtnl::tc {

/// TCA_OPTIONS's payload, untouched.
struct GenericOptions {
  std::vector<std::byte> payload{};

  friend bool operator==(const GenericOptions&, const GenericOptions&) = default;
};

}  // namespace nlpp::rtnl::tc

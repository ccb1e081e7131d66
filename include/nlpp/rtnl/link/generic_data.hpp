// Kind data nlpp has no struct for: the attributes of IFLA_INFO_DATA (or
// IFLA_INFO_SLAVE_DATA) kept as they came, and sent as they are.
#pragma once

#include <nlpp/codec/raw_attribute.hpp>

#include <vector>

namespace nlpp::rtnl::link {

/// The data of a kind without a struct (or of a modelled kind whose data
/// did not parse as the kernel should have sent it): its attributes, raw.
/// schema_data.hpp builds and reads them by their names in the kernel's
/// YNL spec.
struct GenericData {
  std::vector<RawAttribute> attributes{};

  friend bool operator==(const GenericData&, const GenericData&) = default;
};

}  // namespace nlpp::rtnl::link

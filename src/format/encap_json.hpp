// Internal: lightweight tunnel encapsulations as iproute2's
// lwt_print_encap() prints them, shared by routes and nexthop objects.
#pragma once

#include <nlpp/core/json_writer.hpp>
#include <nlpp/rtnl/route_encap.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nlpp::format::detail {

/// mpls_ntop(): labels outermost first, joined by "/".
std::string mpls_labels(const std::vector<uint32_t>& labels);
/// An MPLS encapsulation: "encap", its labels as "dst", its TTL. Other
/// encapsulations are not printed (docs/FORMAT.md).
void write_encap(JsonWriter& json, const std::optional<rtnl::Encap>& encap);

}  // namespace nlpp::format::detail

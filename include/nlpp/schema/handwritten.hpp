// Families no YNL spec describes, written by hand in the form of the generated
// ones (src/schema/handwritten, constants from the kernel's UAPI headers).
#pragma once

#include <nlpp/schema/schema.hpp>

#include <array>

namespace nlpp::schema::family {

/// rtnetlink nexthops and nexthop buckets: struct nhmsg + NHA_* (<linux/nexthop.h>).
extern const Family rt_nexthop;

/// Every hand-written family.
inline constexpr std::array<const Family*, 1> all_handwritten{&rt_nexthop};

}  // namespace nlpp::schema::family

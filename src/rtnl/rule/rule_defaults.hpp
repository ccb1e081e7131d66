// What `ip rule` sends for what a Rule leaves unset, shared by emit and key.
#pragma once

#include <nlpp/rtnl/rule.hpp>

namespace nlpp::rtnl {

/// The action sent when adding: to_tbl for unspec.
RuleAction action_to_add(const Rule& rule) noexcept;

/// The table sent when adding: main for a to_tbl rule without one (and
/// without l3mdev, which takes the VRF's table instead).
uint32_t table_to_add(const Rule& rule) noexcept;

}  // namespace nlpp::rtnl

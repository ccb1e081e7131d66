// The key-by-key comparison of a document nlpp printed with the one
// `ip -j -d` printed for the same kernel state, shared by the format
// layer's tests and the command-line tool's.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace nlpp::test {

/// What the comparison does not hold against nlpp.
struct JsonLeeway {
  /// Members whose values move between two dumps (bridge timers): both
  /// must be numbers, the values may differ.
  std::set<std::string> counting{"hello_timer", "tcn_timer",         "topology_change_timer", "gc_timer",
                                 "hold_timer",  "message_age_timer", "forward_delay_timer"};
  /// Members left out on both sides, by key: each a deliberate difference
  /// docs/FORMAT.md lists.
  std::set<std::string> skipped{};
};

/// tc's ages of actions, in whole seconds: they may tick between two dumps.
inline JsonLeeway tc_action_ages() {
  return JsonLeeway{.counting = {"installed", "last_used", "first_used", "expires"}};
}

/// Every difference between iproute2's document and nlpp's, as
/// "path.key: ..." lines; empty when they match object by object, key by
/// key, values included.
std::vector<std::string> json_differences(const nlohmann::json& expected, const nlohmann::json& actual,
                                          const std::string& path, const JsonLeeway& leeway = {});

/// Compares what nlpp_json() prints with `ip -n NS -j -d IP_ARGS` as a
/// gtest expectation that lists every difference. Kernel state can move
/// between the two dumps (a port's STP state, a link's operstate), so a
/// difference is looked at again a few times before it counts. ip must
/// print at least one object.
void expect_same_as_ip(std::string_view ns, std::string_view ip_args, const std::function<std::string()>& nlpp_json,
                       const JsonLeeway& leeway = {});

}  // namespace nlpp::test

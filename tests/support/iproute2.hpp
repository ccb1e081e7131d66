// iproute2 as the independent oracle of the kernel tests: prepare state with
// `ip -n NS ...` and read it back with `ip -n NS -j -d ...`, never through
// nlpp itself. Commands run from an argv (no shell); their arguments are the
// words of args split at whitespace, so no word can contain a space.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace nlpp::test {

/// Runs `ip -n NS -j -d ARGS` and parses what it prints. A non-zero exit or
/// output that is not JSON fails the current test (with ip's stderr) and
/// returns null.
nlohmann::json ip_json(std::string_view ns, std::string_view args);

/// Runs `ip -n NS ARGS` and returns its stdout. A non-zero exit fails the
/// current test (with ip's stderr).
std::string ip_run(std::string_view ns, std::string_view args);

/// The same for `bridge -n NS -j ARGS` and `bridge -n NS ARGS`.
nlohmann::json bridge_json(std::string_view ns, std::string_view args);
std::string bridge_run(std::string_view ns, std::string_view args);

/// The same for `tc -n NS -j ARGS` (ARGS may start with -s, -d) and `tc -n NS ARGS`.
nlohmann::json tc_json(std::string_view ns, std::string_view args);
std::string tc_run(std::string_view ns, std::string_view args);

/// Runs `ip netns ARGS` (add, del, list, exec...) and returns its stdout, as
/// ip_run() does. The only way these helpers run ip outside a test namespace.
std::string ip_netns(std::string_view args);

}  // namespace nlpp::test

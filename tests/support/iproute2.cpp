#include "support/iproute2.hpp"

#include "support/subprocess.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

namespace nlpp::test {
namespace {

std::vector<std::string> tool_argv(std::string_view tool, std::initializer_list<std::string_view> options,
                                   std::string_view args) {
  std::vector<std::string> argv{std::string(tool)};
  for (std::string_view option : options) argv.emplace_back(option);
  for (size_t start = args.find_first_not_of(" \t\n"); start != std::string_view::npos;) {
    const size_t end = args.find_first_of(" \t\n", start);
    argv.emplace_back(args.substr(start, end - start));
    start = args.find_first_not_of(" \t\n", end);
  }
  return argv;
}

// stdout of argv, or nothing when it could not run or exited non-zero:
// then the test has failed, with the tool's stderr.
std::optional<std::string> run_ip(const std::vector<std::string>& argv) {
  Result<CommandOutput> output = run_command(argv);
  if (!output) {
    ADD_FAILURE() << output.error().describe();
    return std::nullopt;
  }
  if (output->exit_code != 0) {
    ADD_FAILURE() << '`' << command_line(argv) << "` exited " << output->exit_code << ": " << output->err;
    return std::nullopt;
  }
  return std::move(output->out);
}

// What argv prints, parsed as JSON (null, the test failed, when it is not).
nlohmann::json json_of(const std::vector<std::string>& argv) {
  const std::optional<std::string> out = run_ip(argv);
  if (!out) return nullptr;
  nlohmann::json parsed = nlohmann::json::parse(*out, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_discarded()) return parsed;
  ADD_FAILURE() << '`' << command_line(argv) << "` printed no JSON: " << *out;
  return nullptr;
}

}  // namespace

nlohmann::json ip_json(std::string_view ns, std::string_view args) {
  return json_of(tool_argv("ip", {"-n", ns, "-j", "-d"}, args));
}

std::string ip_run(std::string_view ns, std::string_view args) {
  return run_ip(tool_argv("ip", {"-n", ns}, args)).value_or("");
}

nlohmann::json bridge_json(std::string_view ns, std::string_view args) {
  return json_of(tool_argv("bridge", {"-n", ns, "-j"}, args));
}

std::string bridge_run(std::string_view ns, std::string_view args) {
  return run_ip(tool_argv("bridge", {"-n", ns}, args)).value_or("");
}

nlohmann::json tc_json(std::string_view ns, std::string_view args) {
  return json_of(tool_argv("tc", {"-n", ns, "-j"}, args));
}

std::string tc_run(std::string_view ns, std::string_view args) {
  return run_ip(tool_argv("tc", {"-n", ns}, args)).value_or("");
}

std::string ip_netns(std::string_view args) { return run_ip(tool_argv("ip", {"netns"}, args)).value_or(""); }

}  // namespace nlpp::test

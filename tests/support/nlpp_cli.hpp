// Runs the nlpp command-line tool in a test's namespace, for the kernel
// tests of the tool (built with it: NLPP_CLI_PATH is the binary).
#pragma once

#include "support/netns_fixture.hpp"
#include "support/subprocess.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#ifdef NLPP_CLI_PATH
namespace nlpp::test {

/// Runs `nlpp -n NS WORDS...` (WORDS split at spaces, so no word holds
/// one); a binary that does not run fails the current test.
inline CommandOutput run_nlpp(std::string_view ns, std::string_view words) {
  std::vector<std::string> argv{NLPP_CLI_PATH, "-n", std::string(ns)};
  std::istringstream split{std::string(words)};
  for (std::string word; split >> word;) argv.push_back(word);
  Result<CommandOutput> ran = run_command(argv);
  EXPECT_TRUE(ran) << command_line(argv);
  return ran ? *ran : CommandOutput{};
}

/// A test of the tool in a fresh namespace: runs it there.
class NlppCliTest : public NetnsTest {
 protected:
  /// Runs `nlpp -n NS WORDS...` (WORDS split at spaces).
  CommandOutput nlpp(std::string_view words) { return run_nlpp(ns_name(), words); }
  /// Runs it and expects success; what it printed.
  std::string nlpp_ok(std::string_view words) {
    const CommandOutput output = nlpp(words);
    EXPECT_EQ(output.exit_code, 0) << "nlpp " << words << ": " << output.err;
    return output.out;
  }
};

}  // namespace nlpp::test
#endif  // NLPP_CLI_PATH

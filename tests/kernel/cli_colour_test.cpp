// Colour in the tool's text output, as `ip -c` gives it: -c always colours
// names, link-layer and IP addresses and UP/DOWN whatever stdout is; the
// default (auto) colours only a terminal whose TERM is not "dumb", and not
// with NO_COLOR; JSON is never coloured. The terminal is a pseudo-terminal
// the test opens (forkpty), so "auto" is tested on both sides.
#include "support/netns_fixture.hpp"
#include "support/nlpp_cli.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <vector>

#ifdef NLPP_CLI_PATH
namespace nlpp::test {
namespace {

constexpr std::string_view escape = "\033[";

bool coloured(const std::string& text) { return text.find(escape) != std::string::npos; }

// Runs `nlpp -n ns words...` with stdout (and stderr) on a pseudo-terminal
// and exactly the environment env; returns what it printed.
std::string nlpp_on_terminal(const std::string& ns, const std::vector<std::string>& words,
                             const std::vector<std::string>& env) {
  std::vector<std::string> argv{NLPP_CLI_PATH, "-n", ns};
  argv.insert(argv.end(), words.begin(), words.end());
  // Built before the fork: the child only calls execve.
  std::vector<char*> args;
  for (std::string& word : argv) args.push_back(word.data());
  args.push_back(nullptr);
  std::vector<std::string> env_copy = env;
  std::vector<char*> envp;
  for (std::string& entry : env_copy) envp.push_back(entry.data());
  envp.push_back(nullptr);

  int terminal = -1;
  const pid_t pid = forkpty(&terminal, nullptr, nullptr, nullptr);
  if (pid == 0) {
    execve(args[0], args.data(), envp.data());
    _exit(127);
  }
  EXPECT_GT(pid, 0) << "forkpty: " << errno;
  if (pid < 0) return {};
  std::string out;
  char buffer[4096];
  // The terminal reads EIO once the child is gone and its side closed.
  for (ssize_t got; (got = read(terminal, buffer, sizeof buffer)) > 0;) out.append(buffer, static_cast<size_t>(got));
  close(terminal);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << out;
  return out;
}

class CliColour : public NetnsTest {
 protected:
  void SetUp() override {
    NetnsTest::SetUp();
    for (const char* words : {"link add v0 address 02:00:00:00:00:01 type veth peer name v1", "link set v0 up",
                              "address add 192.0.2.1/24 dev v0", "address add 2001:db8::1/64 dev v0 nodad"})
      ASSERT_EQ(nlpp(words).exit_code, 0) << words;
  }
  CommandOutput nlpp(std::string_view words) { return run_nlpp(ns_name(), words); }
};

TEST_F(CliColour, always_colours_names_link_layer_and_ip_addresses_and_down) {
  const CommandOutput links = nlpp("-c always link show");
  ASSERT_EQ(links.exit_code, 0) << links.err;
  EXPECT_NE(links.out.find("\033[36mv0@v1\033[0m"), std::string::npos) << links.out;
  EXPECT_NE(links.out.find("\033[33m02:00:00:00:00:01\033[0m"), std::string::npos) << links.out;
  EXPECT_NE(links.out.find("\033[31mDOWN\033[0m"), std::string::npos) << links.out;  // v1 and lo

  const CommandOutput addresses = nlpp("-color=always address show dev v0");
  ASSERT_EQ(addresses.exit_code, 0) << addresses.err;
  EXPECT_NE(addresses.out.find("\033[35m192.0.2.1/24\033[0m"), std::string::npos) << addresses.out;
  EXPECT_NE(addresses.out.find("\033[34m2001:db8::1/64\033[0m"), std::string::npos) << addresses.out;

  // Bare -c is always, as in iproute2.
  EXPECT_TRUE(coloured(nlpp("-c route show").out));
}

TEST_F(CliColour, a_pipe_json_and_never_get_no_escapes) {
  const CommandOutput plain = nlpp("link show");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_NE(plain.out.find("v0@v1"), std::string::npos);
  EXPECT_FALSE(coloured(plain.out)) << plain.out;
  EXPECT_FALSE(coloured(nlpp("-color=auto address show").out));

  const CommandOutput json = nlpp("-c always -j link show");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_FALSE(coloured(json.out)) << json.out;
  EXPECT_TRUE(nlohmann::json::parse(json.out).is_array());
}

TEST_F(CliColour, auto_colours_a_terminal_unless_term_is_dumb_or_no_color_is_set) {
  const std::vector<std::string> words{"link", "show"};
  EXPECT_TRUE(coloured(nlpp_on_terminal(ns_name(), words, {"TERM=xterm"})));
  EXPECT_TRUE(coloured(nlpp_on_terminal(ns_name(), words, {"TERM=xterm", "NO_COLOR="})));  // empty: unset
  EXPECT_FALSE(coloured(nlpp_on_terminal(ns_name(), words, {"TERM=xterm", "NO_COLOR=1"})));
  EXPECT_FALSE(coloured(nlpp_on_terminal(ns_name(), words, {"TERM=dumb"})));
  EXPECT_FALSE(coloured(nlpp_on_terminal(ns_name(), {"-c", "never", "link", "show"}, {"TERM=xterm"})));
  // An explicit always beats NO_COLOR; a dark background gets the bold palette.
  const std::string dark =
      nlpp_on_terminal(ns_name(), {"-c", "always", "link", "show"}, {"TERM=xterm", "NO_COLOR=1", "COLORFGBG=15;0"});
  EXPECT_NE(dark.find("\033[1;36mv0@v1\033[0m"), std::string::npos) << dark;
}

TEST_F(CliColour, a_bad_colour_choice_is_a_usage_error_naming_it) {
  const CommandOutput bad = nlpp("-color=sometimes link show");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("\"sometimes\""), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace nlpp::test
#endif  // NLPP_CLI_PATH

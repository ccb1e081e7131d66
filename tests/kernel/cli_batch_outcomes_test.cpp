// What `nlpp -batch` tells about every line, against the real kernel: the
// true outcome of each however many fail, no line dropped silently, what
// went with a refused line without -force, lines that act outside the
// queue (netns exec, monitor), and input that comes slowly through a pipe
// or ends with a signal. Read back through `ip -j`.
#include "support/cli_batch_fixture.hpp"
#include "support/iproute2.hpp"
#include "support/subprocess.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#ifdef NLPP_CLI_PATH
namespace nlpp::test {
namespace {

using namespace std::chrono_literals;

std::string route_line(int index) {
  return "route add 10.1." + std::to_string(index / 256) + "." + std::to_string(index % 256) +
         "/32 via 192.0.2.2 dev d0\n";
}

// The line numbers of `nlpp: line N: ... File exists` messages.
std::vector<size_t> eexist_lines(const std::string& err) {
  std::vector<size_t> lines;
  static const std::regex line(R"(nlpp: line (\d+): [^\n]*File exists[^\n]*)");
  for (auto match = std::sregex_iterator(err.begin(), err.end(), line); match != std::sregex_iterator(); ++match)
    lines.push_back(std::stoul((*match)[1]));
  return lines;
}

class CliBatchOutcomes : public CliBatch {
 protected:
  size_t routes_via_d0() { return ip_json(ns_name(), "-4 route show dev d0 proto boot").size(); }
};

// 3,000 refusals, far more than the socket's receive buffer holds at 208
// KiB: each is reported by its line, and nothing is reported wrongly.
TEST_F(CliBatchOutcomes, a_batch_run_twice_reports_every_line_the_second_time_as_eexist) {
  ip_run(ns_name(), "link add d0 type veth peer name d1");
  ip_run(ns_name(), "link set d0 up");
  ip_run(ns_name(), "address add 192.0.2.1/24 dev d0");
  std::string text;
  for (int i = 0; i < 3000; ++i) text += route_line(i);
  const CommandOutput first = batch(text);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(routes_via_d0(), 3000u);

  const CommandOutput again = batch(text, {"-force"});
  EXPECT_EQ(again.exit_code, 1);
  const std::vector<size_t> refused = eexist_lines(again.err);
  ASSERT_EQ(refused.size(), 3000u) << again.err.substr(0, 2000);
  for (size_t i = 0; i < refused.size(); ++i) ASSERT_EQ(refused[i], i + 1) << "in line order, each once";
  EXPECT_EQ(again.err.find("ENOBUFS"), std::string::npos);
  EXPECT_EQ(again.err.find("unknown"), std::string::npos);
  EXPECT_EQ(routes_via_d0(), 3000u);

  // Without -force the batch stops after the datagram of the first refusal
  // and says so; every refusal it saw is reported, none wrongly.
  const CommandOutput stopped = batch(text);
  EXPECT_EQ(stopped.exit_code, 1);
  const std::vector<size_t> stopped_lines = eexist_lines(stopped.err);
  ASSERT_FALSE(stopped_lines.empty()) << stopped.err.substr(0, 2000);
  EXPECT_EQ(stopped_lines.front(), 1u);
  EXPECT_LT(stopped_lines.size(), 3000u) << "the later datagrams were not sent";
  EXPECT_NE(stopped.err.find("the batch stops at line 1, but lines 2-" + std::to_string(stopped_lines.back())),
            std::string::npos)
      << stopped.err.substr(stopped.err.size() - std::min<size_t>(stopped.err.size(), 600));
  EXPECT_NE(stopped.err.find(": 0 of them applied"), std::string::npos);
  EXPECT_EQ(routes_via_d0(), 3000u);
}

TEST_F(CliBatchOutcomes, without_force_the_error_names_the_refused_line_and_the_later_lines_applied_with_it) {
  std::string text(kLinkWithAddress);
  text += "route add 10.0.0.1/32 via 192.0.2.2\n";  // 6
  text += "route add 10.0.0.1/32 via 192.0.2.2\n";  // 7: EEXIST
  text += "route add 10.0.0.2/32 via 192.0.2.2\n";  // 8
  text += "route add 10.0.0.3/32 via 192.0.2.2\n";  // 9
  const CommandOutput output = batch(text);
  EXPECT_EQ(output.exit_code, 1);
  EXPECT_NE(output.err.find("nlpp: line 7: "), std::string::npos) << output.err;
  EXPECT_NE(output.err.find("the batch stops at line 7, but lines 8-9 had gone to the kernel in the same datagram "
                            "(it takes one whole): 2 of them applied"),
            std::string::npos)
      << output.err;
  EXPECT_TRUE(has_route("10.0.0.2"));
  EXPECT_TRUE(has_route("10.0.0.3"));
}

// 20,000 lines go in more than one send, the first in the background while
// the rest are read: a refusal in it still stops the batch before the next.
TEST_F(CliBatchOutcomes, a_refusal_in_an_early_send_of_a_long_batch_stops_the_later_ones) {
  std::string text(kLinkWithAddress);
  for (int i = 0; i < 20000; ++i) text += route_line(i == 100 ? 0 : i);  // line 106 repeats line 6
  const CommandOutput stopped = batch(text);
  EXPECT_EQ(stopped.exit_code, 1);
  EXPECT_EQ(eexist_lines(stopped.err), std::vector<size_t>{106}) << stopped.err.substr(0, 1000);
  EXPECT_NE(stopped.err.find("the batch stops at line 106, but lines 107-"), std::string::npos) << stopped.err;
  EXPECT_LT(routes_via_d0(), 16384u) << "nothing after the first send";

  ip_run(ns_name(), "route flush proto boot");
  const CommandOutput forced = batch(text, {"-force"});
  EXPECT_EQ(forced.exit_code, 1);
  EXPECT_EQ(eexist_lines(forced.err), (std::vector<size_t>{2, 5, 106})) << "the link, its address, the repeat";
  EXPECT_EQ(routes_via_d0(), 19999u);
}

TEST_F(CliBatchOutcomes, netns_exec_runs_after_the_lines_before_it_and_the_batch_goes_on) {
  std::string text(kLinkWithAddress);
  text += "route add 10.0.0.1/32 via 192.0.2.2\n";
  text += "netns exec " + ns_name() + " ip -4 route show 10.0.0.1\n";
  text += "route add 10.0.0.2/32 via 192.0.2.2\n";
  const CommandOutput output = batch(text);
  EXPECT_EQ(output.exit_code, 0) << output.err;
  EXPECT_NE(output.out.find("10.0.0.1 via 192.0.2.2"), std::string::npos) << "the route before it was there: "
                                                                           << output.out;
  EXPECT_TRUE(has_route("10.0.0.2")) << "the line after it ran";
}

TEST_F(CliBatchOutcomes, netns_exec_of_a_failing_command_fails_its_line) {
  std::string text(kLinkWithAddress);
  text += "netns exec " + ns_name() + " false\n";
  text += "route add 10.0.0.2/32 via 192.0.2.2\n";
  const CommandOutput output = batch(text);
  EXPECT_EQ(output.exit_code, 1);
  EXPECT_NE(output.err.find("nlpp: line 6: netns exec: \"false\" exited with status 1"), std::string::npos)
      << output.err;
  EXPECT_FALSE(has_route("10.0.0.2")) << "without -force the batch stopped";
}

// nlpp reading a batch from a pipe that the test writes to, slowly.
class PipedBatch {
 public:
  explicit PipedBatch(const std::string& ns) {
    int ends[2];
    if (::pipe2(ends, O_CLOEXEC) != 0) throw std::system_error(errno, std::system_category(), "pipe");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(ends[0], STDIN_FILENO);
      const int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, STDOUT_FILENO);
      ::execl(NLPP_CLI_PATH, NLPP_CLI_PATH, "-n", ns.c_str(), "-batch", "-", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(ends[0]);
    writer_ = ends[1];
  }
  ~PipedBatch() {
    if (writer_ >= 0) ::close(writer_);
    if (pid_ > 0 && !reaped_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  void write(std::string_view text) { ASSERT_EQ(::write(writer_, text.data(), text.size()), ssize_t(text.size())); }
  bool running() { return ::waitpid(pid_, nullptr, WNOHANG) == 0; }
  // Sends the signal and returns the wait status.
  int signal_and_wait(int number) {
    ::kill(pid_, number);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    reaped_ = true;
    return status;
  }

 private:
  pid_t pid_ = -1;
  int writer_ = -1;
  bool reaped_ = false;
};

// Whether the route to dst shows within limit.
bool appears_within(const std::string& ns, std::string_view dst, std::chrono::milliseconds limit) {
  for (auto deadline = std::chrono::steady_clock::now() + limit; std::chrono::steady_clock::now() < deadline;
       std::this_thread::sleep_for(20ms))
    if (!ip_json(ns, "-4 route show " + std::string(dst)).empty()) return true;
  return false;
}

TEST_F(CliBatchOutcomes, a_batch_from_a_pipe_applies_each_line_when_it_arrives_and_what_it_read_on_sigterm) {
  PipedBatch piped(ns_name());
  piped.write(kLinkWithAddress);
  piped.write("route add 10.0.0.1/32 via 192.0.2.2\n");
  // However slowly nlpp starts (the guest tier emulates a CPU): then one
  // line at a time, each applied within a second of being written.
  ASSERT_TRUE(appears_within(ns_name(), "10.0.0.1", 20s));
  piped.write("route add 10.0.0.2/32 via 192.0.2.2\n");
  EXPECT_TRUE(appears_within(ns_name(), "10.0.0.2", 1s));
  piped.write("route add 10.0.0.3/32 via 192.0.2.2\n");
  EXPECT_TRUE(appears_within(ns_name(), "10.0.0.3", 1s));
  piped.write("route add 10.0.0.4/32 via 192.0.2.2\nroute add 10.0.0.5/32 via 192.0.2.2\n");
  std::this_thread::sleep_for(300ms);
  const int status = piped.signal_and_wait(SIGTERM);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM) << "it ends as the signal asked: " << status;
  EXPECT_TRUE(has_route("10.0.0.4"));
  EXPECT_TRUE(has_route("10.0.0.5"));
}

TEST_F(CliBatchOutcomes, monitor_runs_after_the_lines_before_it_are_sent_and_stops_on_sigint) {
  PipedBatch piped(ns_name());
  piped.write(kLinkWithAddress);
  piped.write("route add 10.0.0.1/32 via 192.0.2.2\nmonitor route\n");
  ASSERT_TRUE(appears_within(ns_name(), "10.0.0.1", 20s)) << "the line before the monitor was sent";
  std::this_thread::sleep_for(200ms);
  EXPECT_TRUE(piped.running()) << "the monitor runs";
  const int status = piped.signal_and_wait(SIGINT);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGINT) << "SIGINT stops it as on its own: " << status;
}

}  // namespace
}  // namespace nlpp::test
#endif  // NLPP_CLI_PATH

// nlpp -batch FILE|- [-force | -atomic]: one command a line, the way `ip
// -batch` reads them (words split at blanks, "double" or 'single' quotes
// keep blanks, `#` to the end of the line is a comment, a trailing
// backslash joins the next line). The changes go through Session's batch,
// so they reach the kernel pipelined; a refusal is reported by the line
// that asked. With -atomic they are one IPDB transaction, committed at
// the end of the input: every line takes effect, or none does.
#include "batch_input.hpp"
#include "commands.hpp"

#include <nlpp/core/error.hpp>

#include <algorithm>
#include <functional>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace nlpp::cli {
namespace {

// Splits a command into words in place: quotes and the blanks between
// words are taken out of line, and words views the words in it (valid
// while line is). UsageError for an unterminated quote.
void split_words(std::string& line, std::vector<std::string_view>& words) {
  words.clear();
  constexpr std::string_view blanks = " \t\r";
  constexpr std::string_view blanks_and_quotes = " \t\r\"'";
  // Text moves left by `shift` bytes once quotes were taken out before it.
  const auto move_left = [&line](size_t from, size_t count, size_t shift) {
    if (shift != 0) std::char_traits<char>::move(line.data() + from - shift, line.data() + from, count);
  };
  size_t in = 0, shift = 0;
  while ((in = line.find_first_not_of(blanks, in)) != std::string::npos) {
    const size_t start = in - shift;
    while (in < line.size() && blanks.find(line[in]) == std::string_view::npos) {
      if (line[in] == '"' || line[in] == '\'') {
        const size_t close = line.find(line[in], in + 1);
        if (close == std::string::npos) throw UsageError("unterminated quote");
        move_left(in + 1, close - in - 1, shift + 1);
        shift += 2;
        in = close + 1;
      } else {
        const size_t end = std::min(line.find_first_of(blanks_and_quotes, in), line.size());
        move_left(in, end - in, shift);
        in = end;
      }
    }
    words.emplace_back(line.data() + start, in - shift - start);
  }
}

// The changes queued are sent when this many are: a batch of any length
// takes bounded memory, and its failures are reported as it goes.
constexpr size_t send_every = 16 * 1024;

// Reads the input line by line, runs each command, reports what fails.
class BatchRunner {
 public:
  BatchRunner(Session& session, BatchInput& input)
      : session_(session), input_(input), keep_going_(session.options().force) {
    if (session.options().atomic)
      session_.start_atomic_batch();
    else
      session_.start_batch(keep_going_);
  }

  int run() {
    std::string command;
    size_t first_line = 0, line_number = 0;
    const auto send_before_waiting = [this] { return send_queued(); };
    while (std::optional<std::string_view> line = input_.next_line(send_before_waiting)) {
      ++line_number;
      if (command.empty()) first_line = line_number;
      std::string_view text = line->substr(0, line->find('#'));
      const bool continued = text.ends_with('\\');
      if (continued) text.remove_suffix(1);
      command.append(text);
      if (continued) continue;
      if (!run_command(first_line, command)) return status_;
      command.clear();
      if (!session_.atomic() && session_.queued() >= send_every && !send_in_background()) return status_;
    }
    if (stopped_) return status_;
    if (!command.empty() && input_.signal() == 0 && !run_command(first_line, command)) return status_;
    if (session_.atomic())
      commit();
    else
      send_queued();
    return status_;
  }

 private:
  // Runs one command; false when the batch stops.
  bool run_command(size_t line_number, std::string& command) {
    try {
      split_words(command, words_);
      if (words_.empty()) return true;
      session_.set_batch_line(line_number);
      run_line(words_);
    } catch (const BatchStopped&) {
      // What this line sent first failed; report() says what.
    } catch (const UsageError& error) {
      return failed(line_number, error.what(), exit_usage_error);
    } catch (const Exception& error) {
      const bool usage = error.code() == make_error_code(errc::invalid_argument);
      return failed(line_number, printable(error.error().describe()), usage ? exit_usage_error : exit_kernel_error);
    } catch (const std::system_error& error) {
      const bool usage = error.code() == make_error_code(errc::invalid_argument);
      return failed(line_number, error.what(), usage ? exit_usage_error : exit_kernel_error);
    } catch (const std::runtime_error& error) {
      return failed(line_number, error.what(), exit_kernel_error);
    }
    report();
    return !stopped_;
  }

  // Runs one command line's words: `OBJECT [COMMAND [ARGUMENTS]]`.
  void run_line(std::span<const std::string_view> words) {
    Words line(words);
    const std::string_view object_word = line.take("");
    const ObjectCommand* object = find_object(object_word);
    if (object == nullptr) throw UsageError("unknown object " + quoted(object_word) + " (nlpp --help)");
    check_options(*object, session_.options());
    const std::string_view command = line.empty() ? std::string_view() : line.take("");
    if (!object->acts_outside_the_batch) return object->run(session_, command, line);
    if (session_.atomic())
      throw UsageError("-atomic: \"" + std::string(object_word) +
                       "\" acts at once, before the transaction commits: not in an atomic batch");
    // What the lines before it queued takes effect before it runs, and it
    // stops on SIGINT / SIGTERM as on its own.
    if (!send_queued()) return;
    BatchInput::SignalsAsBefore signals(input_);
    object->run(session_, command, line);
  }

  // Sends what is queued and reports what failed; false when the batch stops.
  bool send_queued() {
    return reporting([this] { session_.flush(); });
  }
  // The same, but the send goes on while the next lines are read; what it
  // failed is reported with the next send.
  bool send_in_background() {
    return reporting([this] { session_.flush_in_background(); });
  }
  bool reporting(const std::function<void()>& send) {
    try {
      send();
    } catch (const BatchStopped&) {
      // report() says what.
    } catch (const std::system_error& error) {
      std::cerr << "nlpp: " << error.what() << '\n';
      note(exit_kernel_error);
      stopped_ = true;
    }
    report();
    return !stopped_;
  }

  // Commits an atomic batch and reports its failure by line.
  void commit() {
    try {
      if (const std::optional<LineFailure> failure = session_.commit_atomic()) {
        std::cerr << "nlpp: line " << failure->line << ": " << printable(failure->error.describe()) << '\n';
        note(exit_kernel_error);
      }
    } catch (const Exception& error) {  // opening the cache
      std::cerr << "nlpp: " << printable(error.error().describe()) << '\n';
      note(exit_kernel_error);
    }
  }

  // A line that failed before it reached the kernel. Without -force, the
  // lines before it are sent (as `ip -batch` would have applied them), and
  // the batch stops; with -atomic nothing was sent, and nothing is.
  bool failed(size_t line_number, std::string_view message, int status) {
    std::cerr << "nlpp: line " << line_number << ": " << message
              << (session_.atomic() ? "; nothing was applied (-atomic)" : "") << '\n';
    note(status);
    if (keep_going_) return true;
    stopped_ = true;
    if (!session_.atomic()) send_queued();
    return false;
  }

  // Reports the failures of what was sent since the last report.
  void report() {
    const FlushReport report = session_.take_flush_report();
    // One write for them all: stderr is unbuffered, and a batch can fail
    // on every one of a million lines.
    std::string lines;
    for (const LineFailure& failure : report.failures) {
      lines += "nlpp: line " + std::to_string(failure.line) + ": " + printable(failure.error.describe()) + '\n';
      note(exit_kernel_error);
    }
    std::cerr << lines;
    if (report.failures.empty() || keep_going_) return;
    stopped_ = true;
    if (report.applied_after == 0 && report.first_line_after == 0) return;
    std::cerr << "nlpp: the batch stops at line " << report.failures.front().line << ", but lines "
              << report.first_line_after << "-" << report.last_line_after
              << " had gone to the kernel in the same datagram (it takes one whole): " << report.applied_after
              << " of them applied (nlpp(8), BATCH)\n";
  }

  // A failure's status: the kernel's refusals win over usage errors.
  void note(int status) {
    if (status_ == 0 || status == exit_kernel_error) status_ = status;
  }

  Session& session_;
  BatchInput& input_;
  std::vector<std::string_view> words_;  // of the line being run, reused
  bool keep_going_;
  bool stopped_ = false;
  int status_ = 0;
};

}  // namespace

int run_batch(Session& session, std::string_view file) {
  BatchInput input(file);
  const int status = BatchRunner(session, input).run();
  // Everything read was sent: now end the way the signal asked.
  input.reraise();
  return status;
}

}  // namespace nlpp::cli

// nlpp -batch FILE|- [-force]: one command a line, the way `ip -batch`
// reads them (words split at blanks, "double" or 'single' quotes keep
// blanks, `#` to the end of the line is a comment, a trailing backslash
// joins the next line). The changes go through Session's batch, so they
// reach the kernel pipelined; a refusal is reported by the line that asked.
#include "commands.hpp"

#include <nlpp/core/error.hpp>

#include <cerrno>
#include <fstream>
#include <iostream>
#include <string>
#include <system_error>
#include <vector>

namespace nlpp::cli {
namespace {

// The words of one command; UsageError for an unterminated quote.
std::vector<std::string> split_words(std::string_view line) {
  std::vector<std::string> words;
  size_t at = 0;
  while (true) {
    at = line.find_first_not_of(" \t\r", at);
    if (at == std::string_view::npos) return words;
    std::string& word = words.emplace_back();
    while (at < line.size() && line[at] != ' ' && line[at] != '\t' && line[at] != '\r') {
      if (line[at] == '"' || line[at] == '\'') {
        const size_t close = line.find(line[at], at + 1);
        if (close == std::string_view::npos) throw UsageError("unterminated quote");
        word.append(line.substr(at + 1, close - at - 1));
        at = close + 1;
      } else {
        word.push_back(line[at++]);
      }
    }
  }
}

// Runs one command line's words: `OBJECT [COMMAND [ARGUMENTS]]`.
void run_line(Session& session, const std::vector<std::string>& words) {
  const std::vector<std::string_view> views(words.begin(), words.end());
  Words line(views);
  const std::string_view object_word = line.take("");
  const ObjectCommand* object = find_object(object_word);
  if (object == nullptr) throw UsageError("unknown object " + quoted(object_word) + " (nlpp --help)");
  const std::string_view command = line.empty() ? std::string_view() : line.take("");
  object->run(session, command, line);
}

// Reads FILE line by line, runs each command, reports what fails.
class BatchRunner {
 public:
  explicit BatchRunner(Session& session) : session_(session), keep_going_(session.options().force) {
    session_.start_batch(keep_going_);
  }

  int run(std::istream& input) {
    try {
      std::string command;
      size_t first_line = 0, line_number = 0;
      for (std::string line; std::getline(input, line);) {
        ++line_number;
        if (command.empty()) first_line = line_number;
        if (const size_t comment = line.find('#'); comment != std::string::npos) line.erase(comment);
        const bool continued = !line.empty() && line.back() == '\\';
        command.append(line, 0, line.size() - (continued ? 1 : 0));
        if (continued) continue;
        if (!run_command(first_line, command)) return status_;
        command.clear();
      }
      if (!command.empty() && !run_command(first_line, command)) return status_;
      session_.flush();
      report_refusals();
    } catch (const BatchStopped&) {
      report_refusals();
    }
    return status_;
  }

 private:
  // Runs one command; false when the batch stops.
  bool run_command(size_t line_number, const std::string& command) {
    try {
      const std::vector<std::string> words = split_words(command);
      if (words.empty()) return true;
      session_.set_batch_line(line_number);
      run_line(session_, words);
    } catch (const UsageError& error) {
      return failed(line_number, error.what(), exit_usage_error);
    } catch (const std::system_error& error) {
      const bool usage = error.code() == make_error_code(errc::invalid_argument);
      return failed(line_number, error.what(), usage ? exit_usage_error : exit_kernel_error);
    }
    if (keep_going_) report_refusals();
    return true;
  }

  // Reports a failed line; without -force, sends what the lines before
  // it queued (they succeeded as far as nlpp knows) and stops.
  bool failed(size_t line_number, std::string_view message, int status) {
    std::cerr << "nlpp: line " << line_number << ": " << message << '\n';
    if (keep_going_) {
      note(status);
      report_refusals();
      return true;
    }
    status_ = status;
    session_.flush();  // throws BatchStopped when an earlier line failed
    return false;
  }

  // Reports the changes the kernel refused (flushed since the last report).
  void report_refusals() {
    for (const LineFailure& failure : session_.take_batch_failures()) {
      const std::system_error error(failure.error.code(), failure.error.describe());
      std::cerr << "nlpp: line " << failure.line << ": " << error.what() << '\n';
      note(exit_kernel_error);
      if (!keep_going_) status_ = exit_kernel_error;  // the refusal stopped the batch, not what came after
    }
  }

  // A failure's status: with -force, the kernel's refusals win over usage errors.
  void note(int status) {
    if (status_ == 0 || status == exit_kernel_error) status_ = status;
  }

  Session& session_;
  bool keep_going_;
  int status_ = 0;
};

}  // namespace

int run_batch(Session& session, std::string_view file) {
  BatchRunner runner(session);
  if (file == "-") return runner.run(std::cin);
  std::ifstream input{std::string(file)};
  if (!input) throw std::system_error(errno, std::system_category(), "cannot open " + quoted(file));
  return runner.run(input);
}

}  // namespace nlpp::cli

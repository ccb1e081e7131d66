// The lines of a batch (-batch FILE|-), read as they come. A daemon that
// feeds nlpp through a pipe expects each line to take effect soon after it
// is written, not when the pipe closes: before the reader would wait for
// more input, it lets the batch send what it queued. SIGINT and SIGTERM
// end the input at a line boundary, so what was read is still sent.
#pragma once

#include <nlpp/core/unique_fd.hpp>

#include <signal.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace nlpp::cli {

class BatchInput {
 public:
  /// Opens FILE ("-": standard input); std::system_error when it cannot
  /// be read (a missing file, a directory). Catches SIGINT and SIGTERM
  /// until destroyed.
  explicit BatchInput(std::string_view file);
  ~BatchInput();
  BatchInput(const BatchInput&) = delete;
  BatchInput& operator=(const BatchInput&) = delete;

  /// The next line, without its newline (valid until the next call);
  /// nullopt at the end of the input, once a signal came, or when
  /// before_waiting, called when no more input is ready and reading would
  /// wait for it, returns false.
  std::optional<std::string_view> next_line(const std::function<bool()>& before_waiting);

  /// While a command runs that must be stoppable the usual way (monitor,
  /// netns exec), SIGINT and SIGTERM act as they did before the batch.
  class SignalsAsBefore {
   public:
    explicit SignalsAsBefore(BatchInput& input) : input_(input) { input_.restore_signals(); }
    ~SignalsAsBefore() { input_.catch_signals(); }
    SignalsAsBefore(const SignalsAsBefore&) = delete;
    SignalsAsBefore& operator=(const SignalsAsBefore&) = delete;

   private:
    BatchInput& input_;
  };

  /// The signal that ended the input early (SIGINT, SIGTERM), or 0.
  int signal() const noexcept;
  /// Raises that signal again with its default action, so that whoever
  /// started nlpp sees how it ended; returns if there was none.
  void reraise() const;

 private:
  void catch_signals();
  void restore_signals();
  // Reads more input into the buffer; false when no more will come.
  bool read_more(const std::function<bool()>& before_waiting);
  // Waits up to timeout (nullptr: for ever) for input, letting the signals
  // in meanwhile; true when there is input (or its end) to read.
  bool wait_readable(const timespec* timeout);

  UniqueFd owned_;
  int fd_;
  std::string name_;
  std::string buffer_;
  size_t next_ = 0;  // where the next line starts in buffer_
  bool end_ = false;
  sigset_t unblocked_{};  // the signal mask the caller had
  struct sigaction previous_int_{};
  struct sigaction previous_term_{};
};

}  // namespace nlpp::cli

#include "batch_input.hpp"

#include "words.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <system_error>

namespace nlpp::cli {
namespace {

volatile std::sig_atomic_t caught_signal = 0;

void catch_signal(int number) { caught_signal = number; }

// Read at most this much at once: the signals get a look-in between reads.
constexpr size_t read_size = 64 * 1024;

sigset_t stop_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  return signals;
}

}  // namespace

BatchInput::BatchInput(std::string_view file) : fd_(STDIN_FILENO), name_(file) {
  if (file != "-") {
    owned_ = UniqueFd(::open(name_.c_str(), O_RDONLY | O_CLOEXEC));
    if (!owned_) throw std::system_error(errno, std::system_category(), "cannot open " + quoted(file));
    fd_ = owned_.get();
  }
  struct stat status {};
  if (::fstat(fd_, &status) == 0 && S_ISDIR(status.st_mode))
    throw std::system_error(EISDIR, std::system_category(), "cannot read " + quoted(file));
  caught_signal = 0;
  catch_signals();
}

BatchInput::~BatchInput() { restore_signals(); }

void BatchInput::catch_signals() {
  // Blocked except while waiting for input (ppoll lets them in), so a
  // signal lands between lines, never between a check and a wait.
  const sigset_t signals = stop_signals();
  ::sigprocmask(SIG_BLOCK, &signals, &unblocked_);
  struct sigaction action {};
  action.sa_handler = catch_signal;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, &previous_int_);
  ::sigaction(SIGTERM, &action, &previous_term_);
  // A signal the caller ignores (nohup, a background job) stays ignored.
  if (previous_int_.sa_handler == SIG_IGN) ::sigaction(SIGINT, &previous_int_, nullptr);
  if (previous_term_.sa_handler == SIG_IGN) ::sigaction(SIGTERM, &previous_term_, nullptr);
}

void BatchInput::restore_signals() {
  // Unblocked while still caught: one that came meanwhile is recorded, not fatal.
  ::sigprocmask(SIG_SETMASK, &unblocked_, nullptr);
  ::sigaction(SIGINT, &previous_int_, nullptr);
  ::sigaction(SIGTERM, &previous_term_, nullptr);
}

int BatchInput::signal() const noexcept { return caught_signal; }

void BatchInput::reraise() const {
  const int number = caught_signal;
  if (number == 0) return;
  ::signal(number, SIG_DFL);
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, number);
  ::sigprocmask(SIG_UNBLOCK, &signals, nullptr);
  ::raise(number);
}

std::optional<std::string_view> BatchInput::next_line(const std::function<bool()>& before_waiting) {
  for (;;) {
    const std::string_view unread = std::string_view(buffer_).substr(next_);
    // Whole lines already read go first, even after a signal: they were read.
    if (const size_t newline = unread.find('\n'); newline != std::string_view::npos) {
      next_ += newline + 1;
      return unread.substr(0, newline);
    }
    if (caught_signal != 0) return std::nullopt;
    if (end_) {
      next_ = buffer_.size();
      if (unread.empty()) return std::nullopt;
      return unread;  // a last line without a newline
    }
    if (!read_more(before_waiting)) return std::nullopt;
  }
}

bool BatchInput::read_more(const std::function<bool()>& before_waiting) {
  buffer_.erase(0, next_);
  next_ = 0;
  constexpr timespec now{};
  if (!wait_readable(&now)) {
    if (caught_signal != 0 || !before_waiting()) return false;
    if (!wait_readable(nullptr)) return false;
  }
  const size_t kept = buffer_.size();
  buffer_.resize(kept + read_size);
  const ssize_t got = ::read(fd_, buffer_.data() + kept, read_size);
  const int error = errno;
  buffer_.resize(kept + static_cast<size_t>(std::max<ssize_t>(got, 0)));
  if (got < 0 && error != EINTR && error != EAGAIN)
    throw std::system_error(error, std::system_category(), "cannot read " + quoted(name_));
  end_ = got == 0;
  return true;
}

bool BatchInput::wait_readable(const timespec* timeout) {
  for (;;) {
    pollfd input{.fd = fd_, .events = POLLIN, .revents = 0};
    const int ready = ::ppoll(&input, 1, timeout, &unblocked_);
    if (ready >= 0) return ready > 0;
    if (errno != EINTR) throw std::system_error(errno, std::system_category(), "cannot read " + quoted(name_));
    if (caught_signal != 0) return false;
  }
}

}  // namespace nlpp::cli

// The namespace a link is moved to (or a veth peer created in):
// IFLA_NET_NS_PID or IFLA_NET_NS_FD of an RTM_NEWLINK.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/core/unique_fd.hpp>
#include <nlpp/netns/netns.hpp>

#include <sys/types.h>

#include <memory>
#include <string>

namespace nlpp::rtnl {

/// A target namespace, by the pid of a process in it or by a namespace
/// descriptor. A request carries a number, so a descriptor must stay open
/// until the request is sent: open() keeps its own open as long as a copy
/// of the value lives.
class LinkNetns {
 public:
  /// The namespace of process pid (IFLA_NET_NS_PID).
  static LinkNetns pid(pid_t pid) noexcept { return LinkNetns(Kind::pid, pid, nullptr); }
  /// A namespace descriptor the caller keeps open until the request is sent (IFLA_NET_NS_FD).
  static LinkNetns fd(int fd) noexcept { return LinkNetns(Kind::fd, fd, nullptr); }
  /// Opens a namespace by `ip netns` name, fd or pid (netns::Ref::open())
  /// now, and keeps the descriptor open for the request (IFLA_NET_NS_FD).
  static Result<LinkNetns> open(const netns::Ref& ns);
  /// open(netns::Ref::name(name)), for `.net_ns = "blue"`; a namespace that
  /// cannot be opened throws nlpp::Exception naming it (open() returns the
  /// error instead).
  LinkNetns(const char* name) : LinkNetns(std::string(name)) {}  // NOLINT: implicit by design
  LinkNetns(const std::string& name);                            // NOLINT: implicit by design

  bool is_pid() const noexcept { return kind_ == Kind::pid; }
  /// The pid, or the descriptor.
  int value() const noexcept { return value_; }
  /// "pid 42", "fd 7".
  std::string to_string() const;

  /// Same kind and number (an opened descriptor compares by its number).
  friend bool operator==(const LinkNetns& a, const LinkNetns& b) noexcept {
    return a.kind_ == b.kind_ && a.value_ == b.value_;
  }

 private:
  enum class Kind { pid, fd };
  LinkNetns(Kind kind, int value, std::shared_ptr<const UniqueFd> owned) noexcept
      : kind_(kind), value_(value), owned_(std::move(owned)) {}

  Kind kind_;
  int value_;
  std::shared_ptr<const UniqueFd> owned_;  ///< the descriptor open() opened; null otherwise
};

}  // namespace nlpp::rtnl

// A named network namespace that lives exactly as long as its owner: kernel
// tests create one each and never touch the host's.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/netns/netns.hpp>

#include <string>

namespace nlpp::test {

/// A name no other namespace of this or any other process has:
/// "nlpp-test-<pid>-<n>".
std::string unique_netns_name();

/// Owns a named namespace (/run/netns/NAME) and removes it on destruction.
/// The first create() in a process also removes the namespaces left by test
/// processes that died without cleaning up (named after a pid that is gone).
/// A namespace already gone (a test removed it) is fine; a removal that
/// fails otherwise is reported as a test failure. Move-only.
class ScopedNetns {
 public:
  /// Creates a namespace named unique_netns_name().
  static Result<ScopedNetns> create();
  /// Takes over a namespace that exists already (made by `ip netns add`, or
  /// by the netns::create() under test).
  static ScopedNetns adopt(std::string name) noexcept { return ScopedNetns(std::move(name)); }

  ScopedNetns(ScopedNetns&& other) noexcept;
  ScopedNetns& operator=(ScopedNetns&& other) noexcept;
  ScopedNetns(const ScopedNetns&) = delete;
  ScopedNetns& operator=(const ScopedNetns&) = delete;
  ~ScopedNetns();

  /// The `ip netns` name.
  const std::string& name() const noexcept { return name_; }
  /// The namespace, for netns::open_socket(), io::SocketOptions::netns...
  netns::Ref ref() const { return netns::Ref::name(name_); }

 private:
  explicit ScopedNetns(std::string name) noexcept : name_(std::move(name)) {}
  void remove() noexcept;

  std::string name_;  // empty once moved from
};

}  // namespace nlpp::test

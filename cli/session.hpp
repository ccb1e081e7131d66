// What every command of one `nlpp` invocation shares: the global options,
// the RTNL socket (opened once, in the namespace -n names), and the links,
// read once, by which names become ifindexes and back.
#pragma once

#include <nlpp/format/link_names.hpp>
#include <nlpp/rtnl/ip_route.hpp>
#include <nlpp/rtnl/link.hpp>

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nlpp::cli {

/// The options before the object (`nlpp -j -n ns0 link show`).
struct Options {
  bool json = false;                   ///< -j: JSON like `ip -j`
  bool pretty = false;                 ///< -p: indented JSON
  bool details = false;                ///< -d: every attribute, not just the usual ones
  int family = 0;                      ///< -4 / -6 / -f NAME; AF_UNSPEC: every family
  std::optional<std::string> netns{};  ///< -n NAME: work inside this `ip netns` namespace
};

/// What a command asks the kernel to do with an object.
enum class Change { add, replace, set, del };

class Session {
 public:
  Session(Options options, std::ostream& out) : options_(std::move(options)), out_(out) {}

  const Options& options() const noexcept { return options_; }
  std::ostream& out() noexcept { return out_; }
  /// The RTNL socket, opened on first use; failing to open throws.
  rtnl::IPRoute& ipr();
  /// Asks the kernel for change of object; a refusal throws
  /// std::system_error. Every command changes objects through here.
  template <rtnl::RtnlObject T>
  void apply(Change change, const T& object) {
    rtnl::IPRoute& socket = ipr();
    switch (change) {
      case Change::add:
        socket.add(object).value();
        return;
      case Change::replace:
        socket.replace(object).value();
        return;
      case Change::set:
        socket.set(object).value();
        return;
      case Change::del:
        socket.del(object).value();
        return;
    }
  }
  /// The ifindex of link `name`; when there is none, ENODEV as a
  /// std::system_error with iproute2's message.
  uint32_t ifindex(std::string_view name);
  /// The links' names by ifindex, for output.
  format::LinkNames link_names();
  /// Forgets the links read (after a command that adds, renames or deletes one).
  void forget_links() noexcept { links_.reset(); }

 private:
  const std::vector<rtnl::Link>& links();

  Options options_;
  std::ostream& out_;
  std::optional<rtnl::IPRoute> ipr_;
  std::optional<std::vector<rtnl::Link>> links_;
};

}  // namespace nlpp::cli

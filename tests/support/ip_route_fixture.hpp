// The fixture for kernel tests of RTNL objects: a fresh namespace with an
// engine (RtnlTest), an IpRoute on a socket of its own there, and the links
// a test sets up with iproute2.
#pragma once

#include <nlpp/rtnl/ip_route.hpp>

#include "support/rtnl_fixture.hpp"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

namespace nlpp::test {

class IpRouteTest : public RtnlTest {
 protected:
  void SetUp() override;

  /// The IpRoute on the test namespace.
  rtnl::IpRoute& ip_route() { return *ip_route_; }
  /// Adds a veth pair and sets both ends up.
  void add_veth_pair(std::string_view name, std::string_view peer);
  /// Runs `ip -n NS COMMAND` for each command, in order (see ip_run()).
  void ip_commands(std::initializer_list<std::string_view> commands);
  /// The ifindex of a link of the test namespace, by name (through `ip -j`).
  uint32_t ifindex_of(std::string_view name);

 private:
  std::optional<rtnl::IpRoute> ip_route_;
};

}  // namespace nlpp::test

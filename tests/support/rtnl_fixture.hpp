// The fixture for kernel tests that talk RTNL: a fresh namespace (NetnsTest)
// and a request engine on a NETLINK_ROUTE socket inside it.
#pragma once

#include <nlpp/io/request_engine.hpp>

#include "support/netns_fixture.hpp"

#include <optional>

namespace nlpp::test {

class RtnlTest : public NetnsTest {
 protected:
  void SetUp() override;

  /// The engine on the test namespace's NETLINK_ROUTE socket.
  io::RequestEngine& rtnl() { return *engine_; }

 private:
  std::optional<io::RequestEngine> engine_;
};

}  // namespace nlpp::test

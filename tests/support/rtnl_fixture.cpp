#include "support/rtnl_fixture.hpp"

#include <nlpp/rtnl/request_describer.hpp>

#include <linux/netlink.h>

namespace nlpp::test {

void RtnlTest::SetUp() {
  NetnsTest::SetUp();
  Result<io::RequestEngine> opened = io::RequestEngine::open(NETLINK_ROUTE, {.netns = ns_ref()});
  ASSERT_TRUE(opened) << opened.error().describe();
  engine_.emplace(std::move(*opened));
  engine_->set_request_describer(rtnl::request_describer());
}

}  // namespace nlpp::test

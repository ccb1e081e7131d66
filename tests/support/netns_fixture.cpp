#include "support/netns_fixture.hpp"

namespace nlpp::test {

void NetnsTest::SetUp() {
  Result<ScopedNetns> created = ScopedNetns::create();
  ASSERT_TRUE(created) << created.error().describe();
  namespace_.emplace(std::move(*created));
}

}  // namespace nlpp::test

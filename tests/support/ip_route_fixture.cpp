#include "support/ip_route_fixture.hpp"

#include "support/iproute2.hpp"

namespace nlpp::test {

void IpRouteTest::SetUp() {
  RtnlTest::SetUp();
  if (HasFatalFailure()) return;
  Result<rtnl::IpRoute> opened = rtnl::IpRoute::open({.netns = ns_ref()});
  ASSERT_TRUE(opened) << opened.error().describe();
  ip_route_.emplace(std::move(*opened));
}

void IpRouteTest::add_veth_pair(std::string_view name, std::string_view peer) {
  ip_run(ns_name(), "link add " + std::string(name) + " type veth peer name " + std::string(peer));
  ip_run(ns_name(), "link set " + std::string(name) + " up");
  ip_run(ns_name(), "link set " + std::string(peer) + " up");
}

void IpRouteTest::ip_commands(std::initializer_list<std::string_view> commands) {
  for (std::string_view command : commands) ip_run(ns_name(), command);
}

uint32_t IpRouteTest::ifindex_of(std::string_view name) {
  const nlohmann::json links = ip_json(ns_name(), "link show dev " + std::string(name));
  return links.empty() ? 0 : links[0]["ifindex"].get<uint32_t>();
}

}  // namespace nlpp::test

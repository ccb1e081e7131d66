#include <nlpp/rtnl/ip_route.hpp>

namespace nlpp::rtnl {

Result<IPRoute> IPRoute::open(const io::SocketOptions& options) {
  Result<io::RequestEngine> engine = io::RequestEngine::open(NETLINK_ROUTE, options);
  if (!engine) return std::move(engine).error();
  return IPRoute(std::move(*engine));
}

}  // namespace nlpp::rtnl

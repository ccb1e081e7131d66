#include <nlpp/rtnl/ip_route.hpp>

#include <nlpp/rtnl/request_describer.hpp>

namespace nlpp::rtnl {

IPRoute::IPRoute(io::RequestEngine engine) : engine_(std::move(engine)) {
  engine_.set_request_describer(request_describer());
}

Result<IPRoute> IPRoute::open(const io::SocketOptions& options) {
  Result<io::RequestEngine> engine = io::RequestEngine::open(NETLINK_ROUTE, options);
  if (!engine) return std::move(engine).error();
  return IPRoute(std::move(*engine));
}

}  // namespace nlpp::rtnl

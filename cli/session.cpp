#include "session.hpp"

#include <nlpp/netns/netns.hpp>

#include <algorithm>
#include <cerrno>
#include <system_error>

namespace nlpp::cli {

rtnl::IPRoute& Session::ipr() {
  if (!ipr_) {
    io::SocketOptions socket;
    if (options_.netns) socket.netns = netns::Ref::name(*options_.netns);
    ipr_.emplace(rtnl::IPRoute::open(socket).value());
  }
  return *ipr_;
}

const std::vector<rtnl::Link>& Session::links() {
  if (!links_) links_ = ipr().dump<rtnl::Link>().value();
  return *links_;
}

uint32_t Session::ifindex(std::string_view name) {
  const std::vector<rtnl::Link>& all = links();
  const auto found = std::ranges::find_if(all, [&](const rtnl::Link& link) { return link.name == name; });
  if (found == all.end())
    throw std::system_error(ENODEV, std::system_category(), "Cannot find device \"" + std::string(name) + "\"");
  return found->ifindex;
}

format::LinkNames Session::link_names() { return format::LinkNames(links()); }

}  // namespace nlpp::cli

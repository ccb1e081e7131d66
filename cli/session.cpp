#include "session.hpp"

#include <nlpp/netns/netns.hpp>

#include <algorithm>
#include <cerrno>
#include <system_error>
#include <utility>

namespace nlpp::cli {

rtnl::IPRoute& Session::ipr() {
  if (batch_) flush();
  return socket();
}

rtnl::IPRoute& Session::socket() {
  if (!ipr_) {
    io::SocketOptions socket;
    if (options_.netns) socket.netns = netns::Ref::name(*options_.netns);
    ipr_.emplace(rtnl::IPRoute::open(socket).value());
  }
  return *ipr_;
}

void Session::flush() {
  if (batch_->changes.empty()) return;
  const std::vector<size_t> lines = std::exchange(batch_->lines, {});
  const io::BatchResult result = socket().send(batch_->changes).value();
  for (const auto& [index, error] : result.failures()) batch_->failures.push_back({lines[index], error});
  if (!result.all_succeeded() && !batch_->keep_going) throw BatchStopped();
}

const std::vector<rtnl::Link>& Session::links() {
  if (!links_) links_ = ipr().dump<rtnl::Link>().value();
  return *links_;
}

uint32_t Session::ifindex(std::string_view name) {
  // In a batch, a command that adds or renames a link forgets the links,
  // so the next lookup reads them again, after sending what was queued.
  const std::vector<rtnl::Link>& all = links();
  const auto found = std::ranges::find_if(all, [&](const rtnl::Link& link) { return link.name == name; });
  if (found == all.end())
    throw std::system_error(ENODEV, std::system_category(), "Cannot find device \"" + std::string(name) + "\"");
  return found->ifindex;
}

format::LinkNames Session::link_names() { return format::LinkNames(links()); }

}  // namespace nlpp::cli

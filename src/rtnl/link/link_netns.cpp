#include <nlpp/rtnl/link_netns.hpp>

namespace nlpp::rtnl {

Result<LinkNetns> LinkNetns::open(const netns::Ref& ns) {
  Result<UniqueFd> opened = ns.open();
  if (!opened) return std::move(opened).error();
  auto owned = std::make_shared<const UniqueFd>(std::move(*opened));
  const int fd = owned->get();
  return LinkNetns(Kind::fd, fd, std::move(owned));
}

LinkNetns::LinkNetns(const std::string& name) : LinkNetns(open(netns::Ref::name(name)).value()) {}

std::string LinkNetns::to_string() const { return (is_pid() ? "pid " : "fd ") + std::to_string(value_); }

}  // namespace nlpp::rtnl

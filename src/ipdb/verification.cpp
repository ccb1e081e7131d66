#include "ipdb/verification.hpp"

#include <linux/rtnetlink.h>

namespace nlpp::ipdb {

std::optional<std::string> unmet_apart(const rtnl::Link& asked, const rtnl::Link& found) {
  if (((asked.flags ^ found.flags) & asked.change) == 0) return std::nullopt;
  return "flags: asked " + std::to_string(asked.flags & asked.change) + " of " + std::to_string(asked.change) +
         ", the kernel has " + std::to_string(found.flags & asked.change);
}

std::optional<std::string> unmet_apart(const rtnl::Route& asked, const rtnl::Route& found) {
  const std::vector<rtnl::RouteNexthop>& wanted = asked.extras->multipath;
  const std::vector<rtnl::RouteNexthop>& held = found.extras->multipath;
  if (wanted.empty()) return std::nullopt;
  if (wanted.size() != held.size())
    return "multipath: asked " + std::to_string(wanted.size()) + " paths, the kernel has " +
           std::to_string(held.size());
  for (size_t path = 0; path < wanted.size(); ++path) {
    const rtnl::RouteNexthop& want = wanted[path];
    const rtnl::RouteNexthop& has = held[path];
    const bool same = want.gateway == has.gateway && want.weight == has.weight &&
                      (want.ifindex == 0 || want.ifindex == has.ifindex) &&
                      (want.flags & RTNH_F_ONLINK) == (has.flags & RTNH_F_ONLINK);
    if (!same)
      return "multipath path " + std::to_string(path + 1) + ": asked via " + want.gateway.to_string() + " weight " +
             std::to_string(want.weight) + ", the kernel has via " + has.gateway.to_string() + " weight " +
             std::to_string(has.weight);
  }
  return std::nullopt;
}

}  // namespace nlpp::ipdb

#include "ipdb/verification.hpp"

#include "ipdb/vid_set.hpp"

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

std::optional<std::string> unmet(io::Verb verb, const rtnl::BridgeVlan& asked, const rtnl::BridgeVlan* found) {
  const VidFlags held = found ? vids_of(*found) : VidFlags{};
  for (const auto& [vid, flags] : vids_of(asked)) {
    const auto has = held.find(vid);
    const std::string name = "vid " + std::to_string(vid);
    if (verb == io::Verb::del) {
      if (has != held.end()) return name + ": still there";
    } else if (has == held.end()) {
      return name + ": not there";
    } else if (has->second != flags) {
      return name + ": asked " + (flags.empty() ? "no flags" : flags.to_string()) + ", the kernel has " +
             (has->second.empty() ? "no flags" : has->second.to_string());
    }
  }
  return std::nullopt;
}

bool holds_plainly(const rtnl::Route& asked, const rtnl::Route& found) {
  if (asked.extras.get() != nullptr || asked.flags != 0) return false;
  rtnl::Route expected = found;
  if (asked.family != AF_UNSPEC) expected.family = asked.family;
  expected.tos = asked.tos;
  if (asked.type != rtnl::RouteType::unspec) expected.type = asked.type;
  if (asked.protocol != RTPROT_UNSPEC) expected.protocol = asked.protocol;
  if (asked.scope) expected.scope = asked.scope;
  if (asked.pref) expected.pref = asked.pref;
  expected.dst = asked.dst;
  if (!asked.gateway.empty()) expected.gateway = asked.gateway;
  if (!asked.prefsrc.empty()) expected.prefsrc = asked.prefsrc;
  if (asked.table != RT_TABLE_UNSPEC) expected.table = asked.table;
  if (asked.priority != 0) expected.priority = asked.priority;
  if (asked.oif != 0) expected.oif = asked.oif;
  if (asked.nh_id != 0) expected.nh_id = asked.nh_id;
  return expected == found;
}

}  // namespace nlpp::ipdb

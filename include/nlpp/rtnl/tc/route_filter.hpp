// The route filter (cls_route): classifies by what the routing decision
// said of the packet, the realms of its route (a route's "realm", or
// "realms FROM/TO") or the link it came in by. The filter's handle is what
// it matches, laid out by the kernel (route_handle()); nlpp sends it as tc
// does, and fills it in when the filter leaves it 0.
//
//     rtnl::TcFilter by_realm{.ifindex = "eth0", .parent = rtnl::TcHandle(1, 0),
//                             .options = rtnl::tc::Route{.classid = rtnl::TcHandle(1, 0x10), .to = 10}};
//     // tc filter add dev eth0 parent 1: route to 10 classid 1:10
#pragma once

#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/link_ref.hpp>
#include <nlpp/rtnl/tc/action.hpp>
#include <nlpp/rtnl/tc_handle.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace nlpp::rtnl::tc {

/// A route filter's options. A filter matches one destination realm or
/// any, and one source realm, one incoming link or any. The old-style
/// police (TCA_ROUTE4_POLICE) stays in `unknown`.
struct Route {
  std::optional<TcHandle> classid{};  ///< TCA_ROUTE4_CLASSID (tc's "classid" / "flowid")
  std::optional<uint32_t> from{};     ///< TCA_ROUTE4_FROM: the source realm, 0-255
  std::optional<LinkRef> iif{};       ///< TCA_ROUTE4_IIF: the incoming link (tc's "fromif"); not with `from`
  std::optional<uint32_t> to{};       ///< TCA_ROUTE4_TO: the destination realm, 0-255
  std::vector<Action> actions{};      ///< TCA_ROUTE4_ACT, in order
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Route&, const Route&) = default;
};

/// The handle the kernel gives a route filter (cls_route's layout, which
/// tc computes too): bits 0-7 the destination realm, or 0x8000 for any;
/// bits 8-14 tc's `order`; bits 16-31 the source realm, or 0x8000 | the
/// incoming link's ifindex, or 0xffff for any. The kernel refuses a new
/// route filter whose handle is another, and recent kernels one of 0.
uint32_t route_handle(const Route& route, uint8_t order = 0);

/// The link a route filter matches, for name resolution.
template <SameOrConst<Route> R, class Visit>
void visit_links(R& route, Visit&& visit) {
  if (route.iif) visit(*route.iif);
}

}  // namespace nlpp::rtnl::tc

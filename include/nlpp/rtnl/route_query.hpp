// `ip route get`: ask the kernel which route it would use for a packet (a
// FIB lookup, RTM_GETROUTE with RTA_DST), with every selector a lookup
// takes: source, input or output link, mark, uid, protocol and ports.
//
//     rtnl::Route used = ipr.run(rtnl::RouteQuery{.dst = "198.51.100.7"}).value();
#pragma once

#include <nlpp/io/session.hpp>
#include <nlpp/codec/ip_address.hpp>
#include <nlpp/rtnl/ip_route.hpp>
#include <nlpp/rtnl/route.hpp>
#include <nlpp/rtnl/link_ref.hpp>

#include <cstdint>
#include <optional>

namespace nlpp::rtnl {

/// A packet to look a route up for. Only dst is required; its family is
/// the lookup's.
struct RouteQuery {
  IpAddress dst{};                ///< RTA_DST: where the packet goes
  IpAddress src{};                ///< RTA_SRC: its source address
  LinkRef iif{};                  ///< RTA_IIF: look up as if received on this link (needs src)
  LinkRef oif{};                  ///< RTA_OIF: as if sent through this link
  uint32_t mark = 0;              ///< RTA_MARK: its firewall mark
  std::optional<uint32_t> uid{};  ///< RTA_UID: the sending user (uid rules)
  uint8_t ip_proto = 0;           ///< RTA_IP_PROTO (ip_proto and port rules)
  uint16_t sport = 0;             ///< RTA_SPORT
  uint16_t dport = 0;             ///< RTA_DPORT
  uint8_t tos = 0;                ///< rtm_tos
  /// RTM_F_FIB_MATCH: return the FIB entry that matched (its prefix, table
  /// and next hops) instead of the route resolved for this one packet.
  bool fib_match = false;
  /// RTM_F_LOOKUP_TABLE: report the table the lookup used in Route::table.
  bool lookup_table = false;
};

/// Builds the RTM_GETROUTE request for a query; checks it first (dst set,
/// src and dst of one family), naming the bad field.
Result<void> emit_route_query(const RouteQuery& query, wire::MessageBuilder& builder);

/// The links a query names (link_resolution.hpp resolves them).
template <SameOrConst<RouteQuery> Q, class Visit>
void visit_links(Q& query, Visit&& visit) {
  visit(query.iif);
  visit(query.oif);
}

}  // namespace nlpp::rtnl

namespace nlpp::io {

/// ipr.run(query): the route the kernel would use for the packet: for a
/// plain lookup, the route resolved for it (a host route flagged
/// RTM_F_CLONED, with its gateway, output link and preferred source); with
/// fib_match, the FIB entry. ENETUNREACH (or EHOSTUNREACH...) when there
/// is none.
template <>
struct OperationTraits<rtnl::RouteQuery> {
  using Reply = rtnl::Route;
  static Result<Reply> run(rtnl::IpRoute& ipr, const rtnl::RouteQuery& query);
};

}  // namespace nlpp::io

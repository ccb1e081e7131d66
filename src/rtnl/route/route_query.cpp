// `ip route get`: an RTM_GETROUTE lookup and the one route it returns.
#include <nlpp/rtnl/route_query.hpp>

#include <nlpp/rtnl/link_resolution.hpp>

#include <optional>

#include "codec/attributes.hpp"
#include "codec/checks.hpp"

namespace nlpp::rtnl {

Result<void> emit_route_query(const RouteQuery& query, wire::MessageBuilder& builder) {
  if (!query.dst.is_v4() && !query.dst.is_v6())
    return codec::invalid("route query dst", "an IPv4 or IPv6 address to look up is required");
  if (!query.src.empty() && query.src.family() != query.dst.family())
    return codec::invalid("route query src", "'" + query.src.to_string() + "' is not of dst's family");
  // The kernel insists on full-length prefixes for a lookup.
  const auto bits = static_cast<unsigned char>(query.dst.size() * 8);
  rtmsg header{};
  header.rtm_family = static_cast<unsigned char>(query.dst.family());
  header.rtm_dst_len = bits;
  header.rtm_src_len = query.src.empty() ? 0 : bits;
  header.rtm_tos = query.tos;
  header.rtm_flags = (query.fib_match ? RTM_F_FIB_MATCH : 0u) | (query.lookup_table ? RTM_F_LOOKUP_TABLE : 0u);
  builder.begin_message(RTM_GETROUTE, 0).append_header(header);
  builder.add(RTA_DST, query.dst.bytes());
  if (!query.src.empty()) builder.add(RTA_SRC, query.src.bytes());
  if (query.iif != 0) builder.add_u32(RTA_IIF, query.iif);
  if (query.oif != 0) builder.add_u32(RTA_OIF, query.oif);
  if (query.mark != 0) builder.add_u32(RTA_MARK, query.mark);
  if (query.uid) builder.add_u32(RTA_UID, *query.uid);
  if (query.ip_proto != 0) builder.add_u8(RTA_IP_PROTO, query.ip_proto);
  if (query.sport != 0) builder.add_be16(RTA_SPORT, query.sport);
  if (query.dport != 0) builder.add_be16(RTA_DPORT, query.dport);
  return {};
}

}  // namespace nlpp::rtnl

namespace nlpp::io {

Result<rtnl::Route> OperationTraits<rtnl::RouteQuery>::run(rtnl::IpRoute& ipr, const rtnl::RouteQuery& query) {
  std::optional<rtnl::RouteQuery> storage;
  Result<const rtnl::RouteQuery*> resolved = rtnl::links_resolved(ipr.engine(), query, storage);
  if (!resolved) return std::move(resolved).error();
  wire::MessageBuilder request;
  if (Result<void> emitted = rtnl::emit_route_query(**resolved, request); !emitted) return std::move(emitted).error();
  return ipr.request_object<rtnl::Route>(request);
}

}  // namespace nlpp::io

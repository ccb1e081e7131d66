// `ip route get`: an RTM_GETROUTE lookup and the one route it returns.
#include <nlpp/rtnl/route_query.hpp>

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

Result<Route> route_get(io::RequestEngine& engine, const RouteQuery& query) {
  wire::MessageBuilder request;
  if (Result<void> emitted = emit_route_query(query, request); !emitted) return std::move(emitted).error();
  std::optional<Result<Route>> reply;
  Result<io::Ack> asked = engine.request(request, [&](const wire::Message& message) {
    if (!reply && message.type() == RTM_NEWROUTE) reply = ObjectTraits<Route>::parse(message);
  });
  if (!asked) return std::move(asked).error();
  if (!reply) return Error(errc::protocol_error, "route get: the kernel sent no route");
  return std::move(*reply);
}

Result<Route> route_get(IPRoute& ipr, const RouteQuery& query) { return route_get(ipr.engine(), query); }

}  // namespace nlpp::rtnl

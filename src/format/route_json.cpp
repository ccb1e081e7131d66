// Routes as `ip -j -d route show` (ip/iproute.c print_route()) prints them,
// member for member in its order.
#include <nlpp/format/json.hpp>

#include "encap_json.hpp"
#include "iproute2_words.hpp"
#include "json_fields.hpp"

#include <linux/icmpv6.h>

namespace nlpp::format {
namespace {

using namespace detail;

uint8_t host_length(int family) { return family == AF_INET6 ? 128 : family == AF_INET ? 32 : 0; }

// "10.0.0.0/24", a host route's bare address, "0/N " (sic) for a prefix
// without an address, or fallback.
std::string prefix_text(const nlpp::IpPrefix& prefix, int family, std::string_view fallback) {
  if (!prefix.address.empty()) {
    const std::string address = prefix.address.to_string();
    return prefix.length == host_length(family) ? address : address + "/" + std::to_string(prefix.length);
  }
  if (prefix.length != 0) return "0/" + std::to_string(prefix.length) + " ";
  return std::string(fallback);
}

// A gateway of the route's family is RTA_GATEWAY ("gateway"); another
// family's is RTA_VIA ("via": {"family", "host"}).
void write_gateway(JsonWriter& json, const nlpp::IpAddress& gateway, int route_family) {
  if (gateway.empty()) return;
  if (gateway.family() == route_family) {
    text_field(json, "gateway", gateway.to_string());
    return;
  }
  json.key("via");
  json.begin_object();
  text_field(json, "family", family_name(gateway.family()));
  text_field(json, "host", gateway.to_string());
  json.end_object();
}

// print_rta_newdst(): the labels an MPLS route swaps in, as "to".
void write_newdst(JsonWriter& json, const std::vector<uint32_t>& labels) {
  if (!labels.empty()) text_field(json, "to", mpls_labels(labels));
}

// print_rta_flow(): realms, 0 named "unknown".
void write_flow(JsonWriter& json, uint32_t flow) {
  if (flow == 0) return;
  const auto realm = [](uint32_t value) { return value == 0 ? std::string("unknown") : std::to_string(value); };
  json.key("flow");
  json.begin_object();
  if (flow >> 16) text_field(json, "from", realm(flow >> 16));
  text_field(json, "to", realm(flow & 0xffff));
  json.end_object();
}

void write_flags(JsonWriter& json, uint32_t flags) { text_array(json, "flags", route_flag_names(flags)); }

// print_rta_metrics(): one object in an array, RTAX_* in number order; a
// locked metric without a value prints as 0.
void write_metrics(JsonWriter& json, const rtnl::RouteMetrics& metrics) {
  if (metrics.empty()) return;
  json.key("metrics");
  json.begin_array();
  json.begin_object();
  const auto metric = [&](uint16_t rtax, std::string_view key, const std::optional<uint32_t>& value,
                          uint32_t unit = 1) {
    if (!value && !metrics.is_locked(rtax)) return;
    const uint32_t number = value.value_or(0);
    if (rtax == RTAX_HOPLIMIT && number == 0xffffffff) return;
    number_field(json, key, number / unit);
  };
  metric(RTAX_MTU, "mtu", metrics.mtu);
  metric(RTAX_WINDOW, "window", metrics.window);
  metric(RTAX_RTT, "rtt", metrics.rtt, 8);
  metric(RTAX_RTTVAR, "rttvar", metrics.rttvar, 4);
  metric(RTAX_SSTHRESH, "ssthresh", metrics.ssthresh);
  metric(RTAX_CWND, "cwnd", metrics.cwnd);
  metric(RTAX_ADVMSS, "advmss", metrics.advmss);
  metric(RTAX_REORDERING, "reordering", metrics.reordering);
  metric(RTAX_HOPLIMIT, "hoplimit", metrics.hoplimit);
  metric(RTAX_INITCWND, "initcwnd", metrics.initcwnd);
  if (metrics.features || metrics.is_locked(RTAX_FEATURES)) {
    uint32_t features = metrics.features.value_or(0);
    if (features & RTAX_FEATURE_ECN) null_field(json, "ecn");
    features &= ~static_cast<uint32_t>(RTAX_FEATURE_ECN);
    if (features) text_field(json, "features", hex_0x(features));
  }
  metric(RTAX_RTO_MIN, "rto_min", metrics.rto_min);
  metric(RTAX_INITRWND, "initrwnd", metrics.initrwnd);
  metric(RTAX_QUICKACK, "quickack", metrics.quickack);
  if (!metrics.cc_algo.empty()) text_field(json, "congestion", metrics.cc_algo);
  metric(RTAX_FASTOPEN_NO_COOKIE, "fastopen_no_cookie", metrics.fastopen_no_cookie);
  json.end_object();
  json.end_array();
}

// print_rta_cacheinfo() without -s: expiry (in USER_HZ ticks), error, ip id, timestamps.
void write_cacheinfo(JsonWriter& json, const rtnl::RouteCacheInfo& info) {
  constexpr int32_t user_hz = 100;
  if (info.expires != 0) number_field(json, "expires", info.expires / user_hz);
  if (info.error != 0) number_field(json, "error", info.error);
  if (info.id != 0) text_field(json, "ipid", hex_0x(info.id));
  if (info.ts != 0 || info.tsage != 0) {
    text_field(json, "ts", hex_0x(info.ts));
    number_field(json, "tsage", info.tsage);
  }
}

void write_pref(JsonWriter& json, uint8_t pref) {
  switch (pref) {
    case ICMPV6_ROUTER_PREF_LOW:
      text_field(json, "pref", "low");
      break;
    case ICMPV6_ROUTER_PREF_MEDIUM:
      text_field(json, "pref", "medium");
      break;
    case ICMPV6_ROUTER_PREF_HIGH:
      text_field(json, "pref", "high");
      break;
    default:
      number_field(json, "pref", pref);
  }
}

void write_nexthops(JsonWriter& json, const rtnl::Route& route, const LinkNames& names) {
  const std::vector<rtnl::RouteNexthop>& paths = route.extras->multipath;
  if (paths.empty()) return;
  json.key("nexthops");
  json.begin_array();
  for (const rtnl::RouteNexthop& path : paths) {
    json.begin_object();
    write_encap(json, path.encap);
    write_newdst(json, path.newdst);
    write_gateway(json, path.gateway, route.family);
    write_flow(json, path.flow);
    text_field(json, "dev", names.name(path.ifindex));
    if (route.family != AF_MPLS) number_field(json, "weight", path.weight);
    write_flags(json, path.flags);
    json.end_object();
  }
  json.end_array();
}

}  // namespace

void write_route(JsonWriter& json, const rtnl::Route& route, const LinkNames& names, RouteView view) {
  const rtnl::RouteExtras& extras = *route.extras;
  json.begin_object();
  text_field(json, "type", rtnl::to_string(route.type));
  if (route.family == AF_MPLS && extras.label)
    text_field(json, "dst", std::to_string(*extras.label));
  else
    text_field(json, "dst", prefix_text(route.dst, route.family, "default"));
  if (!extras.src.address.empty())
    text_field(json, "from", prefix_text(extras.src, route.family, ""));
  else if (extras.src.length != 0)
    text_field(json, "src", "0/" + std::to_string(extras.src.length));
  if (route.nh_id != 0) number_field(json, "nhid", route.nh_id);
  write_newdst(json, extras.newdst);
  write_encap(json, extras.encap);
  if (route.tos != 0) {
    char tos[8];
    std::snprintf(tos, sizeof tos, "0x%02x", route.tos);
    text_field(json, "tos", tos);
  }
  write_gateway(json, route.gateway, route.family);
  if (route.oif != 0) text_field(json, "dev", names.name(route.oif));
  if (route.table != RT_TABLE_UNSPEC && view == RouteView::all_tables)
    text_field(json, "table", table_name(route.table));
  if (!(route.flags & RTM_F_CLONED)) {
    text_field(json, "protocol", protocol_name(route.protocol));
    if (route.scope) text_field(json, "scope", scope_name(*route.scope));
  }
  if (!route.prefsrc.empty()) text_field(json, "prefsrc", route.prefsrc.to_string());
  // IPv4 omits RTA_PRIORITY 0; IPv6 always reports it.
  if (route.priority != 0 || route.family == AF_INET6) number_field(json, "metric", route.priority);
  write_flags(json, route.flags);
  write_flow(json, extras.flow);
  if (extras.cacheinfo && (route.family == AF_INET || route.family == AF_INET6))
    write_cacheinfo(json, *extras.cacheinfo);
  write_metrics(json, extras.metrics);
  if (extras.iif != 0) text_field(json, "iif", names.name(extras.iif));
  if (route.pref) write_pref(json, *route.pref);
  if (extras.ttl_propagate) bool_field(json, "ttl-propogate", *extras.ttl_propagate);  // sic, iproute2's key
  write_nexthops(json, route, names);
  json.end_object();
}

std::string routes_json(std::span<const rtnl::Route> routes, const LinkNames& names, RouteView view) {
  return json_array(routes, [&](JsonWriter& json, const rtnl::Route& route) { write_route(json, route, names, view); });
}

}  // namespace nlpp::format

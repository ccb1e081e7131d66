// A route's identity (RouteKey) and its differences from another route.
#include <nlpp/rtnl/route.hpp>

#include "codec/attributes.hpp"
#include "codec/checks.hpp"
#include "metrics_codec.hpp"
#include "mpls_labels.hpp"
#include "multipath_codec.hpp"
#include "route_defaults.hpp"

namespace nlpp::rtnl {
namespace {

// IPv6 gives a route added without a metric this one (IP6_RT_PRIO_USER).
constexpr uint32_t ipv6_default_priority = 1024;

// A zero-length prefix is the default route whatever address it carries
// (the kernel sends none for it).
IpPrefix normalized(const IpPrefix& prefix) { return prefix.length == 0 ? IpPrefix{} : prefix; }

std::string text_of(const std::optional<Encap>& encap) { return encap ? to_string(*encap) : std::string(); }

std::string text_of(const std::optional<bool>& value) { return value ? (*value ? "true" : "false") : ""; }

}  // namespace

ObjectTraits<Route>::Key ObjectTraits<Route>::key(const Route& route) {
  const uint8_t family = route.resolved_family();
  const bool ipv6_default = family == AF_INET6 && route.priority == 0;
  return RouteKey{.family = family,
                  .table = family == AF_MPLS ? uint32_t{RT_TABLE_MAIN} : resolved_table(route),
                  .dst = normalized(route.dst),
                  .src = normalized(route.extras->src),
                  .label = route.extras->label,
                  .tos = route.tos,
                  .priority = ipv6_default ? ipv6_default_priority : route.priority};
}

std::vector<FieldChange> ObjectTraits<Route>::diff(const Route& before, const Route& after) {
  const RouteExtras& a = *before.extras;
  const RouteExtras& b = *after.extras;
  FieldDiff diff;
  diff.field("family", before.family, after.family)
      .field("tos", before.tos, after.tos)
      .field("type", std::string(to_string(before.type)), std::string(to_string(after.type)))
      .field("protocol", before.protocol, after.protocol)
      .field("scope", before.scope, after.scope)
      .field("pref", before.pref, after.pref)
      .field("dst", before.dst, after.dst)
      .field("gateway", before.gateway, after.gateway)
      .field("prefsrc", before.prefsrc, after.prefsrc)
      .field("table", before.table, after.table)
      .field("priority", before.priority, after.priority)
      .field("oif", before.oif, after.oif)
      .field("flags", before.flags, after.flags)
      .field("nh_id", before.nh_id, after.nh_id)
      .field("src", a.src, b.src)
      .field("iif", a.iif, b.iif)
      .field("multipath", describe_multipath(a.multipath), describe_multipath(b.multipath))
      .field("encap", text_of(a.encap), text_of(b.encap))
      .field("label", a.label, b.label)
      .field("newdst", labels_to_string(a.newdst), labels_to_string(b.newdst))
      .field("ttl_propagate", text_of(a.ttl_propagate), text_of(b.ttl_propagate))
      .field("flow", a.flow, b.flow)
      .field("expires", a.expires, b.expires)
      .field("unknown", codec::describe_raw(a.unknown), codec::describe_raw(b.unknown));
  diff_metrics(diff, a.metrics, b.metrics);
  return std::move(diff).take();
}

}  // namespace nlpp::rtnl

#include "metrics_codec.hpp"

#include "codec/attributes.hpp"
#include "codec/checks.hpp"

#include <array>
#include <string_view>

namespace nlpp::rtnl {
namespace {

// Every integer metric: its RTAX_* id, where RouteMetrics keeps it, its
// name in a diff. RTAX_LOCK and RTAX_CC_ALGO (a string) are handled apart.
struct Metric {
  uint16_t rtax;
  std::optional<uint32_t> RouteMetrics::*value;
  std::string_view name;
};

constexpr std::array<Metric, 15> metrics_table = {{
    {RTAX_MTU, &RouteMetrics::mtu, "metrics.mtu"},
    {RTAX_WINDOW, &RouteMetrics::window, "metrics.window"},
    {RTAX_RTT, &RouteMetrics::rtt, "metrics.rtt"},
    {RTAX_RTTVAR, &RouteMetrics::rttvar, "metrics.rttvar"},
    {RTAX_SSTHRESH, &RouteMetrics::ssthresh, "metrics.ssthresh"},
    {RTAX_CWND, &RouteMetrics::cwnd, "metrics.cwnd"},
    {RTAX_ADVMSS, &RouteMetrics::advmss, "metrics.advmss"},
    {RTAX_REORDERING, &RouteMetrics::reordering, "metrics.reordering"},
    {RTAX_HOPLIMIT, &RouteMetrics::hoplimit, "metrics.hoplimit"},
    {RTAX_INITCWND, &RouteMetrics::initcwnd, "metrics.initcwnd"},
    {RTAX_FEATURES, &RouteMetrics::features, "metrics.features"},
    {RTAX_RTO_MIN, &RouteMetrics::rto_min, "metrics.rto_min"},
    {RTAX_INITRWND, &RouteMetrics::initrwnd, "metrics.initrwnd"},
    {RTAX_QUICKACK, &RouteMetrics::quickack, "metrics.quickack"},
    {RTAX_FASTOPEN_NO_COOKIE, &RouteMetrics::fastopen_no_cookie, "metrics.fastopen_no_cookie"},
}};

const Metric* find_metric(uint16_t rtax) {
  for (const Metric& metric : metrics_table)
    if (metric.rtax == rtax) return &metric;
  return nullptr;
}

}  // namespace

Result<void> parse_metrics(const wire::Attribute& nest, RouteMetrics& out) {
  return codec::parse_attributes("route metrics", nest.nested(), [&](const wire::Attribute& attribute) {
    if (attribute.type() == RTAX_LOCK) return codec::read(attribute, out.locked);
    if (attribute.type() == RTAX_CC_ALGO) {
      out.cc_algo = attribute.string();
      return true;
    }
    if (const Metric* metric = find_metric(attribute.type())) return codec::read(attribute, out.*metric->value);
    codec::keep_unknown(out.unknown, attribute);
    return true;
  });
}

void emit_metrics(wire::MessageBuilder& builder, const RouteMetrics& metrics) {
  if (metrics.empty()) return;
  const wire::MessageBuilder::Nest nest = builder.begin_nested_without_flag(RTA_METRICS);
  for (const Metric& metric : metrics_table)
    if (const std::optional<uint32_t>& value = metrics.*metric.value) builder.add_u32(metric.rtax, *value);
  if (!metrics.cc_algo.empty()) builder.add_string(RTAX_CC_ALGO, metrics.cc_algo);
  codec::emit_unknown(metrics.unknown, builder);
  if (metrics.locked != 0) builder.add_u32(RTAX_LOCK, metrics.locked);
  builder.end_nested(nest);
}

void diff_metrics(FieldDiff& diff, const RouteMetrics& before, const RouteMetrics& after) {
  for (const Metric& metric : metrics_table) diff.field(metric.name, before.*metric.value, after.*metric.value);
  diff.field("metrics.cc_algo", before.cc_algo, after.cc_algo);
  diff.field("metrics.locked", before.locked, after.locked);
  diff.field("metrics.unknown", codec::describe_raw(before.unknown), codec::describe_raw(after.unknown));
}

}  // namespace nlpp::rtnl

#include "route_codecs.hpp"

#include "rtnl/route/encap_codec.hpp"
#include "rtnl/route/metrics_codec.hpp"
#include "rtnl/route/mpls_labels.hpp"
#include "rtnl/route/multipath_codec.hpp"
#include "rtnl/route/path_codec.hpp"

#include <span>

namespace nlpp::rtnl {
namespace {

// The engine names the attribute and the route in the error itself.
Error malformed() { return Error(errc::malformed_attribute, "malformed"); }

}  // namespace

static_assert(sizeof(RouteCacheInfo) == sizeof(rta_cacheinfo), "RouteCacheInfo mirrors struct rta_cacheinfo");

Result<void> MplsLabelDst::parse(const wire::Attribute& attribute, std::optional<uint32_t>& label) const {
  if (!read_label(attribute, label)) return malformed();
  return {};
}

void MplsLabelDst::emit(const std::optional<uint32_t>& label, wire::MessageBuilder& out, const Route& route) const {
  if (label && route.resolved_family() == AF_MPLS) emit_labels(out, RTA_DST, std::span(&*label, 1));
}

bool Gateway::accepts(const wire::Attribute& attribute) const noexcept {
  return attribute.type() != RTA_VIA || is_ip_via(attribute);
}

Result<void> Gateway::parse(const wire::Attribute& attribute, IpAddress& gateway, const Route& route) const {
  const bool read = attribute.type() == RTA_VIA
                        ? read_via(attribute, gateway)
                        : codec::read_address(attribute.payload(), address_family(route.family), gateway);
  if (!read) return malformed();
  return {};
}

void Gateway::emit(const IpAddress& gateway, wire::MessageBuilder& out, const Route& route) const {
  emit_gateway(out, route.resolved_family(), gateway);
}

Result<void> LabelStack::parse(const wire::Attribute& attribute, std::vector<uint32_t>& labels) const {
  if (!read_labels(attribute, labels)) return malformed();
  return {};
}

void LabelStack::emit(const std::vector<uint32_t>& labels, wire::MessageBuilder& out) const {
  if (!labels.empty()) emit_labels(out, type, labels);
}

void LabelStack::diff(std::string_view name, const std::vector<uint32_t>& before, const std::vector<uint32_t>& after,
                      FieldDiff& diff) const {
  diff.field(name, labels_to_string(before), labels_to_string(after));
}

bool CacheInfo::drops(const wire::Attribute& attribute) const noexcept {
  return attribute.payload().size() == sizeof(RouteCacheInfo) &&
         wire::load<RouteCacheInfo>(attribute.payload()) == RouteCacheInfo{};
}

Result<void> CacheInfo::parse(const wire::Attribute& attribute, std::optional<RouteCacheInfo>& info) const {
  if (!codec::read(attribute, info)) return malformed();
  return {};
}

Result<void> MetricsNest::parse(const wire::Attribute& attribute, RouteMetrics& metrics) const {
  return parse_metrics(attribute, metrics);
}

void MetricsNest::emit(const RouteMetrics& metrics, wire::MessageBuilder& out) const { emit_metrics(out, metrics); }

void MetricsNest::diff(std::string_view, const RouteMetrics& before, const RouteMetrics& after,
                       FieldDiff& diff) const {
  diff_metrics(diff, before, after);
}

Result<void> MultipathNest::parse(const wire::Attribute& attribute, std::vector<RouteNexthop>& hops,
                                  const Route& route) const {
  return parse_multipath(attribute, address_family(route.family), hops);
}

void MultipathNest::emit(const std::vector<RouteNexthop>& hops, wire::MessageBuilder& out, const Route& route) const {
  emit_multipath(out, route.resolved_family(), hops);
}

void MultipathNest::diff(std::string_view name, const std::vector<RouteNexthop>& before,
                         const std::vector<RouteNexthop>& after, FieldDiff& diff) const {
  diff.field(name, describe_multipath(before), describe_multipath(after));
}

}  // namespace nlpp::rtnl

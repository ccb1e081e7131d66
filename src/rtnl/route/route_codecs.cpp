#include "route_codecs.hpp"

#include "rtnl/route/encap_codec.hpp"
#include "rtnl/route/metrics_codec.hpp"
#include "rtnl/route/mpls_labels.hpp"
#include "rtnl/route/multipath_codec.hpp"
#include "rtnl/route/path_codec.hpp"

#include <span>

namespace nlpp::rtnl {

static_assert(sizeof(RouteCacheInfo) == sizeof(rta_cacheinfo), "RouteCacheInfo mirrors struct rta_cacheinfo");

bool MplsLabelDst::try_parse(const wire::Attribute& attribute, std::optional<uint32_t>& label) const noexcept {
  return read_label(attribute, label);
}

void MplsLabelDst::emit(const std::optional<uint32_t>& label, wire::MessageBuilder& out, const Route& route) const {
  if (label && route.resolved_family() == AF_MPLS) emit_labels(out, RTA_DST, std::span(&*label, 1));
}

bool LabelStack::try_parse(const wire::Attribute& attribute, std::vector<uint32_t>& labels) const {
  return read_labels(attribute, labels);
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

bool CacheInfo::try_parse(const wire::Attribute& attribute, std::optional<RouteCacheInfo>& info) const noexcept {
  return codec::read(attribute, info);
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

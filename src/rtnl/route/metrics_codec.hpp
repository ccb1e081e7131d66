// RTA_METRICS <-> RouteMetrics, through one table of the RTAX_* values.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/codec/field_change.hpp>
#include <nlpp/rtnl/route_metrics.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

namespace nlpp::rtnl {

/// Reads the RTAX_* attributes of an RTA_METRICS nest.
Result<void> parse_metrics(const wire::Attribute& nest, RouteMetrics& out);

/// Appends RTA_METRICS unless metrics is empty: values in RTAX order,
/// RTAX_LOCK last, without NLA_F_NESTED, as iproute2 sends them.
void emit_metrics(wire::MessageBuilder& builder, const RouteMetrics& metrics);

/// Adds a change per metric that differs ("metrics.mtu"...).
void diff_metrics(FieldDiff& diff, const RouteMetrics& before, const RouteMetrics& after);

}  // namespace nlpp::rtnl

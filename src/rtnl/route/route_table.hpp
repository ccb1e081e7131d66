// How a Route maps onto struct rtmsg and RTA_* attributes: one line per
// member. The attribute lines are in the order `ip route` sends them for
// arguments in this order:
//   table DST from metric src nhid as via encap realms pref expires
//   ttl-propagate dev (metrics) (nexthops)
// so that nlpp's requests are ip's, byte for byte. The header is written by
// hand (route_emit.cpp): nearly every field of it has a default to resolve.
#pragma once

#include "codec/field.hpp"
#include "codec/header_codecs.hpp"
#include "rtnl/route/route_codecs.hpp"
#include "rtnl/shared/table_id.hpp"

#include <tuple>

namespace nlpp::rtnl {

inline constexpr auto route_fields = std::tuple{
    codec::field("family", &Route::family, codec::in_header(&rtmsg::rtm_family)),
    codec::field("tos", &Route::tos, codec::in_header(&rtmsg::rtm_tos)),
    codec::field("type", &Route::type, codec::in_header(&rtmsg::rtm_type)),
    codec::field("protocol", &Route::protocol, codec::in_header(&rtmsg::rtm_protocol)),
    codec::field("scope", &Route::scope, codec::in_header(&rtmsg::rtm_scope)),
    codec::field("flags", &Route::flags, codec::in_header(&rtmsg::rtm_flags)),
    codec::field("table", &Route::table, table_id(&rtmsg::rtm_table, RTA_TABLE)),
    codec::field("label", InExtras<&RouteExtras::label>{}, MplsLabelDst{}),
    codec::field("dst", &Route::dst, RouteDst{}),
    codec::field("src", InExtras<&RouteExtras::src>{}, codec::prefix_in(&rtmsg::rtm_src_len, RTA_SRC)),
    codec::field("iif", InExtras<&RouteExtras::iif>{}, codec::NonDefault{RTA_IIF}),
    codec::field("priority", &Route::priority, codec::NonDefault{RTA_PRIORITY}),
    codec::field("prefsrc", &Route::prefsrc, FamilyAddress{RTA_PREFSRC}),
    codec::field("nh_id", &Route::nh_id, codec::NonDefault{RTA_NH_ID}),
    codec::field("newdst", InExtras<&RouteExtras::newdst>{}, LabelStack{RTA_NEWDST}),
    codec::field("gateway", &Route::gateway, Gateway{}),
    codec::field("encap", InExtras<&RouteExtras::encap>{}, EncapPair{RTA_ENCAP, RTA_ENCAP_TYPE}),
    codec::field("flow", InExtras<&RouteExtras::flow>{}, codec::NonDefault{RTA_FLOW}),
    codec::field("pref", &Route::pref, RTA_PREF),
    codec::field("expires", InExtras<&RouteExtras::expires>{}, ExpiresSeconds{{RTA_EXPIRES}}),
    codec::field("ttl_propagate", InExtras<&RouteExtras::ttl_propagate>{}, codec::Native{RTA_TTL_PROPAGATE}),
    codec::field("oif", &Route::oif, codec::NonDefault{RTA_OIF}),
    codec::field("metrics", InExtras<&RouteExtras::metrics>{}, MetricsNest{}),
    codec::field("multipath", InExtras<&RouteExtras::multipath>{}, MultipathNest{}),
    codec::field("cacheinfo", InExtras<&RouteExtras::cacheinfo>{}, CacheInfo{}),
    codec::padding<Route>(RTA_PAD),
    codec::field("unknown", InExtras<&RouteExtras::unknown>{}, codec::Compared{}),
};

}  // namespace nlpp::rtnl

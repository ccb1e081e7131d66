// How a Neighbour maps onto struct ndmsg and NDA_* attributes: one line
// per member. The attribute lines are in the order neigh_fill_info()
// reports them, so that a reported entry is emitted back to the same
// bytes; the lines' order is also diff()'s. The family is not a line: it
// is dst's (neighbour_codec.cpp).
#pragma once

#include <nlpp/rtnl/neighbour.hpp>

#include "codec/field.hpp"
#include "codec/field_table.hpp"
#include "codec/header_codecs.hpp"
#include "codec/mac_sized.hpp"
#include "codec/uncompared.hpp"
#include "rtnl/shared/ndmsg.hpp"

#include <tuple>

namespace nlpp::rtnl {

inline constexpr auto neighbour_fields = std::tuple{
    codec::field("ifindex", &Neighbour::ifindex, codec::in_header(&ndmsg::ndm_ifindex)),
    // Sent even when empty: every neighbour message has one.
    codec::field("dst", &Neighbour::dst, codec::Always{NDA_DST}),
    // Other sizes than a MAC's (a tunnel's NBMA address) stay in unknown.
    codec::field("lladdr", &Neighbour::lladdr, codec::MacSized{{NDA_LLADDR}}),
    codec::field("state", &Neighbour::state, codec::in_header(&ndmsg::ndm_state)),
    codec::field("flags", &Neighbour::flags, codec::in_header(&ndmsg::ndm_flags)),
    codec::field("type", &Neighbour::type, codec::in_header(&ndmsg::ndm_type)),
    codec::field("probes", &Neighbour::probes, codec::Uncompared<codec::Native>{{NDA_PROBES}}),
    codec::field("cacheinfo", &Neighbour::cacheinfo, ndm_cacheinfo),
    codec::field("protocol", &Neighbour::protocol, NDA_PROTOCOL),
    codec::field("ext_flags", &Neighbour::ext_flags, NDA_FLAGS_EXT),
};

}  // namespace nlpp::rtnl

// How an FdbEntry maps onto struct ndmsg and NDA_* attributes: one line
// per member. The attribute lines are in the order fdb_fill_info()
// (bridge) and vxlan_fdb_info() (vxlan) agree on, so that a reported entry
// is emitted back to the same bytes; the lines' order is also diff()'s.
// The family is always AF_BRIDGE (fdb_entry_codec.cpp).
#pragma once

#include <nlpp/rtnl/fdb_entry.hpp>

#include "codec/field.hpp"
#include "codec/field_table.hpp"
#include "codec/header_codecs.hpp"
#include "rtnl/shared/ndmsg.hpp"

#include <tuple>

namespace nlpp::rtnl {

inline constexpr auto fdb_entry_fields = std::tuple{
    codec::field("ifindex", &FdbEntry::ifindex, codec::in_header(&ndmsg::ndm_ifindex)),
    // Sent even as all zeros: a vxlan's default remote.
    codec::field("lladdr", &FdbEntry::lladdr, codec::Always{NDA_LLADDR}),
    codec::field("state", &FdbEntry::state, codec::in_header(&ndmsg::ndm_state)),
    codec::field("flags", &FdbEntry::flags, codec::in_header(&ndmsg::ndm_flags)),
    codec::field("type", &FdbEntry::type, codec::in_header(&ndmsg::ndm_type)),
    codec::field("master", &FdbEntry::master, NDA_MASTER),
    codec::field("ext_flags", &FdbEntry::ext_flags, NDA_FLAGS_EXT),
    codec::field("nh_id", &FdbEntry::nh_id, NDA_NH_ID),
    // IPv4 or IPv6 in an AF_BRIDGE message: the payload's size tells.
    codec::field("dst", &FdbEntry::dst, NDA_DST),
    codec::field("port", &FdbEntry::port, codec::BigEndian{NDA_PORT}),
    codec::field("vni", &FdbEntry::vni, NDA_VNI),
    codec::field("via_ifindex", &FdbEntry::via_ifindex, NDA_IFINDEX),
    codec::field("src_vni", &FdbEntry::src_vni, NDA_SRC_VNI),
    codec::field("protocol", &FdbEntry::protocol, NDA_PROTOCOL),
    codec::field("cacheinfo", &FdbEntry::cacheinfo, ndm_cacheinfo),
    codec::field("vlan", &FdbEntry::vlan, NDA_VLAN),
};

}  // namespace nlpp::rtnl

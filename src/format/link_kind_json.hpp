// Internal: IFLA_LINKINFO as `ip -j -d` prints it: "info_kind" and the
// kind's "info_data", "info_slave_kind" and the port's "info_slave_data".
#pragma once

#include <nlpp/core/json_writer.hpp>
#include <nlpp/format/link_names.hpp>
#include <nlpp/rtnl/link_info.hpp>

namespace nlpp::format::detail {

/// The "linkinfo" member. info_data is written for the kinds nlpp formats
/// (bridge, vxlan, macvlan, macvtap); veth has none in iproute2 either.
void write_linkinfo(JsonWriter& json, const rtnl::LinkInfo& info, const LinkNames& names);

}  // namespace nlpp::format::detail

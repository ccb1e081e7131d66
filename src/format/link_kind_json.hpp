// Internal: IFLA_LINKINFO as `ip -j -d` prints it: "info_kind" and the
// kind's "info_data", "info_slave_kind" and the port's "info_slave_data".
#pragma once

#include <nlpp/core/json_writer.hpp>
#include <nlpp/format/link_names.hpp>
#include <nlpp/rtnl/link_info.hpp>

namespace nlpp::format::detail {

/// The "linkinfo" member, with "info_data" for the kinds iproute2 prints
/// data of and nlpp has a struct for (link_kind_json.cpp lists them), and
/// "info_slave_data" for ports of a bridge, bond or vrf.
void write_linkinfo(JsonWriter& json, const rtnl::LinkInfo& info, const LinkNames& names);

}  // namespace nlpp::format::detail

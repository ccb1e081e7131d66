// Kind options from text, by the names of the kinds' attribute tables
// ("vni", "port", "stp_state", "mode"...): what a command line or a config
// file needs to build IFLA_INFO_DATA without knowing each kind's struct.
// Values read the way to_text() prints them (field_change.hpp), so what a
// diff shows can be typed back in.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/link_info.hpp>

#include <string_view>

namespace nlpp::rtnl::link {

/// Sets option `name` of info's kind data (info.kind; info.data becomes
/// the kind's struct if it holds nothing yet) from `value`: an integer in
/// decimal or 0x hex within the member's range, a boolean as 1/0, on/off,
/// true/false, an IP or MAC address, text, or an enum by the name its
/// to_string() gives ("active-backup", "802.1ad", "bridge") or its number.
/// errc::not_found when nlpp has no struct for the kind (schema_data.hpp
/// reaches those by the spec's names); errc::invalid_argument naming the
/// kind, the option and the value when the struct has no such option, an
/// option not set from text (a nest: set the struct's member), or a value
/// that does not parse.
Result<void> set_kind_option(LinkInfo& info, std::string_view name, std::string_view value);

/// The same for a port's data (info.slave_kind, "bridge" or "bond";
/// info.slave_data): `cost`, `priority`, `state forwarding`...
Result<void> set_port_option(LinkInfo& info, std::string_view name, std::string_view value);

/// Whether nlpp has a struct for the kind (the options above apply), or
/// the kind is reached through the spec (schema_data.hpp).
bool has_kind_struct(std::string_view kind);
/// The same for a port's master kind ("bridge", "bond").
bool has_port_struct(std::string_view slave_kind);

}  // namespace nlpp::rtnl::link

// Internal: a link's members without the braces around them, so `ip addr
// show`'s objects can add "addr_info" to them.
#pragma once

#include <nlpp/format/json.hpp>

namespace nlpp::format::detail {

void write_link_members(JsonWriter& json, const rtnl::Link& link, const LinkNames& names, LinkView view);

}  // namespace nlpp::format::detail

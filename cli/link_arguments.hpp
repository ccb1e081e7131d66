// The options a link takes in `link add` and `link set` (and a veth peer in
// `type veth peer ...`): name, address, mtu, up/down, master...
#pragma once

#include "session.hpp"
#include "words.hpp"

#include <nlpp/rtnl/link.hpp>

namespace nlpp::cli {

/// Reads one link option from words into link if the next word is one;
/// false (nothing read) otherwise. A bad value throws UsageError.
bool parse_link_option(Words& words, Session& session, rtnl::Link& link);

/// Reads an on/off value of `keyword`.
bool parse_on_off(Words& words, std::string_view keyword);

}  // namespace nlpp::cli

// The words after `type KIND` of `nlpp link add` / `set`: iproute2's words
// for a kind's options, turned into IFLA_INFO_DATA.
#pragma once

#include "session.hpp"
#include "words.hpp"

#include <nlpp/rtnl/link_info.hpp>

namespace nlpp::cli {

/// Reads kind options until a word that is not one (the link's own options
/// may follow) into info (whose kind is set). veth takes `peer [name] NAME`
/// and the peer's link options; every other kind takes the attribute names
/// of the kernel's spec (rt-link, `_` for `-`: `vlan_filtering 1`), a value
/// each unless the attribute is a flag, plus iproute2's own words where they
/// differ (`dstport`, `remote`, `dev`, `nolearning`, `mode active-backup`...).
void parse_kind_arguments(Words& words, Session& session, rtnl::LinkInfo& info);

}  // namespace nlpp::cli

// The links captured from the kernel by tests/data/golden/capture_links.py
// (link_<name>.hex), parsed.
#pragma once

#include <nlpp/rtnl/link.hpp>

#include "unit/rtnl_messages.hpp"

#include <string>

namespace nlpp::test {

/// The link in tests/data/golden/<name>.hex; throws when it does not parse.
inline rtnl::Link golden_link(const std::string& name) { return parse_golden<rtnl::Link>(golden_bytes(name)); }

}  // namespace nlpp::test

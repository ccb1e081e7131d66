// -p: JSON indented the way `ip -j -p` indents it (four spaces, one member
// per line), from the compact text the format layer writes.
#pragma once

#include <string>
#include <string_view>

namespace nlpp::cli {

/// compact, valid JSON re-indented; strings are copied untouched.
std::string pretty_json(std::string_view compact);

}  // namespace nlpp::cli

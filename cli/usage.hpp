// The help texts: `nlpp --help` and `nlpp OBJECT help`.
#pragma once

#include <iosfwd>

namespace nlpp::cli {

/// The whole tool: options and objects.
void print_usage(std::ostream& out);

}  // namespace nlpp::cli

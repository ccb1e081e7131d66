#include "text.hpp"

#include <cstdio>

namespace nlpp::rtnl::link {

std::string hex(uint64_t value) {
  char text[19];
  std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(value));
  return text;
}

}  // namespace nlpp::rtnl::link

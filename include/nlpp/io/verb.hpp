// The verbs of changes, in every protocol's words: what a session or a
// batch asks the kernel to do with an object. Each protocol binding turns
// a verb into its message type and flags (rtnl/verb.hpp for RTNL).
#pragma once

#include <cstdint>
#include <string_view>

namespace nlpp::io {

/// What a change asks of the kernel.
enum class Verb : uint8_t {
  add,      ///< create; EEXIST when it is there (`ip route add`)
  replace,  ///< create, or replace the one with its key (`ip route replace`)
  set,      ///< change the existing one; ENOENT or ENODEV when absent (`ip route change`, `ip link set`)
  append,   ///< create beside those with its key (`ip route append`, `bridge fdb append`)
  prepend,  ///< create in front of those with its key (`ip route prepend`)
  del,      ///< delete the one with its key (`ip route del`)
};

/// The verb's name, as the commands spell it.
constexpr std::string_view verb_name(Verb verb) noexcept {
  switch (verb) {
    case Verb::add: return "add";
    case Verb::replace: return "replace";
    case Verb::set: return "set";
    case Verb::append: return "append";
    case Verb::prepend: return "prepend";
    case Verb::del: return "del";
  }
  return "?";
}

}  // namespace nlpp::io

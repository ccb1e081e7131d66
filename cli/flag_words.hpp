// Flag words ("nodad", "permanent", "router"...) read by the names the
// library gives its flags (flag_names()), so the tool and the library's
// to_string() agree.
#pragma once

#include "words.hpp"

#include <nlpp/codec/flag_set.hpp>

namespace nlpp::cli {

/// The flag `word` names, if any.
template <class Flag>
std::optional<Flag> flag_named(std::string_view word) {
  for (const auto& [flag, name] : flag_names(Flag{}))
    if (name == word) return flag;
  return std::nullopt;
}

/// Consumes the next word into flags if it names a Flag.
template <class Flag>
bool take_flag(Words& words, nlpp::FlagSet<Flag>& flags) {
  const std::optional<Flag> flag = flag_named<Flag>(words.peek());
  if (!flag) return false;
  words.take("");
  flags.insert(*flag);
  return true;
}

}  // namespace nlpp::cli

// The actions of one kind's table as `tc -j actions ls action KIND` lists
// them, flattened: tc prints a count and an array per reply message.
#pragma once

#include "support/iproute2.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace nlpp::test {

/// Every action tc lists of the kind's table in the namespace, in order,
/// as one array (`-s` in args adds times and statistics).
inline nlohmann::json tc_actions_listed(std::string_view ns, std::string_view kind, std::string_view args = "") {
  nlohmann::json actions = nlohmann::json::array();
  const std::string command = std::string(args) + (args.empty() ? "" : " ") + "actions ls action " + std::string(kind);
  for (const nlohmann::json& part : tc_json(ns, command))
    if (part.contains("actions"))
      for (const nlohmann::json& action : part["actions"]) actions.push_back(action);
  return actions;
}

}  // namespace nlpp::test

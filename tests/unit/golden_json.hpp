// What a tool printed of a golden message (tests/data/golden/NAME.json
// beside NAME.hex), for tests that compare nlpp's JSON with it whole.
#pragma once

#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>
#include <string>

namespace nlpp::test {

/// tests/data/golden/<name>.json, members in the order the tool printed
/// them; a missing file throws, naming it.
inline nlohmann::ordered_json golden_json(const std::string& name) {
  std::ifstream in(std::string(NLPP_TEST_DATA_DIR) + "/golden/" + name + ".json");
  if (!in) throw std::runtime_error("missing golden file " + name + ".json");
  return nlohmann::ordered_json::parse(in);
}

}  // namespace nlpp::test

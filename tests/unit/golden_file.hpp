// Reading the golden messages of tests/data/golden (see its README).
#pragma once

#include <cstddef>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace nlpp::test {

/// The bytes of tests/data/golden/<name>.hex (hex text, '#' comment lines).
inline std::vector<std::byte> golden_bytes(const std::string& name) {
  std::ifstream in(std::string(NLPP_TEST_DATA_DIR) + "/golden/" + name + ".hex");
  if (!in) throw std::runtime_error("missing golden file " + name);
  std::vector<std::byte> bytes;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.front() == '#') continue;
    for (size_t i = 0; i + 1 < line.size(); i += 2)
      bytes.push_back(static_cast<std::byte>(std::stoul(line.substr(i, 2), nullptr, 16)));
  }
  return bytes;
}

}  // namespace nlpp::test

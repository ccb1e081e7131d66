#include "support/json_compare.hpp"

#include "support/iproute2.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace nlpp::test {

using nlohmann::json;

namespace {

void compare(const json& expected, const json& actual, const std::string& path, const JsonLeeway& leeway,
             std::vector<std::string>& out) {
  if (expected.is_object() && actual.is_object()) {
    for (const auto& [key, value] : expected.items()) {
      if (leeway.skipped.count(key)) continue;
      const bool counting = leeway.counting.count(key) > 0;
      if (!actual.contains(key))
        out.push_back(path + "." + key + ": missing in nlpp (ip has " + value.dump() + ")");
      else if (counting && !(value.is_number() && actual[key].is_number()))
        out.push_back(path + "." + key + ": a counting value that is not a number on both sides");
      else if (!counting)
        compare(value, actual[key], path + "." + key, leeway, out);
    }
    for (const auto& [key, value] : actual.items())
      if (!expected.contains(key) && !leeway.skipped.count(key))
        out.push_back(path + "." + key + ": only in nlpp (" + value.dump() + ")");
  } else if (expected.is_array() && actual.is_array()) {
    if (expected.size() != actual.size()) {
      out.push_back(path + ": ip has " + expected.dump() + ", nlpp " + actual.dump());
      return;
    }
    for (size_t i = 0; i < expected.size(); ++i)
      compare(expected[i], actual[i], path + "[" + std::to_string(i) + "]", leeway, out);
  } else if (expected != actual) {
    out.push_back(path + ": ip has " + expected.dump() + ", nlpp " + actual.dump());
  }
}

}  // namespace

std::vector<std::string> json_differences(const json& expected, const json& actual, const std::string& path,
                                          const JsonLeeway& leeway) {
  std::vector<std::string> out;
  compare(expected, actual, path, leeway, out);
  return out;
}

void expect_same_as_ip(std::string_view ns, std::string_view ip_args, const std::function<std::string()>& nlpp_json,
                       const JsonLeeway& leeway) {
  std::vector<std::string> differences;
  size_t objects = 0;
  for (int attempt = 0; attempt < 5; ++attempt) {
    const json expected = ip_json(ns, ip_args);
    const json actual = json::parse(nlpp_json(), nullptr, false);
    differences = json_differences(expected, actual, std::string(ip_args), leeway);
    objects = expected.size();
    if (differences.empty()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_GT(objects, 0u) << ip_args;
  std::string report;
  for (const std::string& difference : differences) report += difference + "\n";
  EXPECT_TRUE(differences.empty()) << report;
}

}  // namespace nlpp::test

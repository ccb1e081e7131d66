// The fixture of the tests of `nlpp -batch`: a fresh namespace, a batch
// file written there, and the routes read back through iproute2.
#pragma once

#include "support/iproute2.hpp"
#include "support/netns_fixture.hpp"
#include "support/subprocess.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#ifdef NLPP_CLI_PATH
namespace nlpp::test {

// A veth pair d0 - d1, up, with 192.0.2.1/24 on d0: a gateway for routes.
constexpr std::string_view kLinkWithAddress =
    "# a link to route through\n"
    "link add d0 type veth peer name d1\n"
    "link set d1 up\n"
    "link set d0 up\n"
    "address add 192.0.2.1/24 dev d0   # the gateway's subnet\n";

class CliBatch : public NetnsTest {
 protected:
  void TearDown() override {
    if (!path_.empty()) ::unlink(path_.c_str());
    NetnsTest::TearDown();
  }

  // Writes the batch file and runs `nlpp -n NS [OPTIONS] -batch FILE`.
  CommandOutput batch(std::string_view text, std::vector<std::string> options = {}) {
    write(text);
    std::vector<std::string> argv{NLPP_CLI_PATH, "-n", ns_name()};
    argv.insert(argv.end(), options.begin(), options.end());
    argv.insert(argv.end(), {"-batch", path_});
    Result<CommandOutput> ran = run_command(argv);
    EXPECT_TRUE(ran) << command_line(argv);
    return ran ? *ran : CommandOutput{};
  }

  void write(std::string_view text) {
    path_ = ::testing::TempDir() + "nlpp_batch_" + std::to_string(::getpid()) + ".txt";
    std::ofstream(path_) << text;
  }

  // The IPv4 destinations of the main table, through iproute2.
  std::vector<std::string> route_destinations() {
    std::vector<std::string> destinations;
    for (const nlohmann::json& route : ip_json(ns_name(), "-4 route show")) destinations.push_back(route["dst"]);
    return destinations;
  }
  bool has_route(std::string_view dst) { return std::ranges::count(route_destinations(), dst) == 1; }

  std::string path_;
};

}  // namespace nlpp::test
#endif  // NLPP_CLI_PATH

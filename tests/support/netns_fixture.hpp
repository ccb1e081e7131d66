// The fixture for kernel tests: every test gets a fresh network namespace of
// its own, removed afterwards whether the test passed or not.
#pragma once

#include "support/scoped_netns.hpp"

#include <gtest/gtest.h>

#include <optional>

namespace nlpp::test {

/// Creates a uniquely named namespace before each test (its `lo` is left
/// down) and removes it after. Derive, or alias, then TEST_F:
///
///     using LinkTest = nlpp::test::NetnsTest;
///     TEST_F(LinkTest, ...) { auto socket = netns::open_socket(ns_ref(), ...); }
class NetnsTest : public ::testing::Test {
 protected:
  void SetUp() override;

  /// The `ip netns` name, for `ip -n` (see iproute2.hpp).
  const std::string& ns_name() const { return namespace_->name(); }
  /// The namespace, for netns::open_socket(), io::SocketOptions::netns...
  netns::Ref ns_ref() const { return namespace_->ref(); }

 private:
  // Destroyed with the fixture, after TearDown(), also when the test failed.
  std::optional<ScopedNetns> namespace_;
};

}  // namespace nlpp::test

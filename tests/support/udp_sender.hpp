// Test traffic: UDP datagrams sent from a namespace, bounded in count, to
// port 9 (discard) of an address the test set up, for the counters of
// qdiscs, filters, actions and BPF maps to count.
#pragma once

#include <nlpp/core/unique_fd.hpp>
#include <nlpp/netns/netns.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace nlpp::test {

/// Sends count datagrams of size bytes of payload from ns to address:9
/// (each size + 42 bytes on an ethernet wire); a gtest failure for one
/// not sent whole.
inline void send_udp(const netns::Ref& ns, std::string_view address, int count, size_t size = 100) {
  Result<UniqueFd> udp = netns::open_socket(ns, AF_INET, SOCK_DGRAM, 0);
  ASSERT_TRUE(udp) << udp.error().describe();
  sockaddr_in to{.sin_family = AF_INET, .sin_port = htons(9), .sin_addr = {}, .sin_zero = {}};
  ASSERT_EQ(inet_pton(AF_INET, std::string(address).c_str(), &to.sin_addr), 1) << address;
  const std::vector<char> payload(size);
  for (int i = 0; i < count; ++i)
    ASSERT_EQ(sendto(udp->get(), payload.data(), size, 0, reinterpret_cast<const sockaddr*>(&to), sizeof to),
              static_cast<ssize_t>(size))
        << std::strerror(errno);
}

}  // namespace nlpp::test

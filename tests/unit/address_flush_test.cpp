// AddressFlush over a scripted kernel: one dump, one batch of deletes
// with IPv4 secondaries first, and which failures count.
#include <nlpp/rtnl/address_flush.hpp>
#include <nlpp/nltest/fake_kernel.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>

namespace nlpp::rtnl {
namespace {

using nltest::FakeDatagram;
using nltest::FakeKernel;
using test::ip;

const nltest::KernelReplies kernel(FakeKernel::default_port_id);

// The kernel's RTM_NEWADDR for address in the dump with this seq.
std::vector<std::byte> dumped(const Address& address, uint32_t seq) {
  wire::MessageBuilder builder;
  ObjectTraits<Address>::emit(address, builder, RTM_NEWADDR, NLM_F_MULTI);
  std::vector<std::byte> bytes(builder.bytes().begin(), builder.bytes().end());
  const uint32_t port_id = FakeKernel::default_port_id;
  std::memcpy(bytes.data() + offsetof(nlmsghdr, nlmsg_seq), &seq, sizeof seq);
  std::memcpy(bytes.data() + offsetof(nlmsghdr, nlmsg_pid), &port_id, sizeof port_id);
  return bytes;
}

class AddressFlush : public ::testing::Test {
 protected:
  // Answers the dump with addresses_, then the batch of deletes: the
  // request deleting fail_local (if any) fails with fail_errno.
  IpRoute ip_route() {
    auto fake = std::make_unique<FakeKernel>([this](const wire::MessageRange& sent) {
      const wire::Message first = *sent.begin();
      std::vector<FakeDatagram> replies;
      if (first.type() == RTM_GETADDR) {
        requested_filter_ = first.fixed_header<ifaddrmsg>().value();
        for (const Address& address : addresses_) replies.emplace_back(dumped(address, first.seq()));
        replies.emplace_back(kernel.done(first.seq()));
        return replies;
      }
      for (const wire::Message& request : sent) {
        const Address address = ObjectTraits<Address>::parse(request).value();
        deleted_.push_back(address.local.to_string());
        if (address.local == fail_local_)
          replies.emplace_back(kernel.error(request.seq(), -fail_errno_, "nope"));
        else if (request.flags() & NLM_F_ACK)
          replies.emplace_back(kernel.error(request.seq(), 0));
      }
      return replies;
    });
    return IpRoute(io::RequestEngine(std::move(fake)));
  }

  std::vector<Address> addresses_{
      {.ifindex = 3, .local = ip("192.0.2.1"), .prefix_length = 24},
      {.ifindex = 3, .local = ip("2001:db8::1"), .prefix_length = 64},
      {.ifindex = 3, .local = ip("192.0.2.2"), .prefix_length = 24, .flags = {AddressFlag::secondary}},
  };
  IpAddress fail_local_;
  int fail_errno_ = 0;
  ifaddrmsg requested_filter_{};
  std::vector<std::string> deleted_;
};

TEST_F(AddressFlush, deletes_ipv4_secondaries_first_in_one_batch) {
  IpRoute ip = ip_route();
  Result<size_t> flushed = ip.run(rtnl::AddressFlush{{.ifindex = 3}});
  ASSERT_TRUE(flushed) << flushed.error().describe();
  EXPECT_EQ(*flushed, 3u);
  EXPECT_EQ(requested_filter_.ifa_index, 3u);
  EXPECT_EQ(deleted_, (std::vector<std::string>{"192.0.2.2", "192.0.2.1", "2001:db8::1"}));
}

TEST_F(AddressFlush, counts_an_address_already_gone_as_flushed) {
  fail_local_ = ip("192.0.2.1");
  fail_errno_ = EADDRNOTAVAIL;
  IpRoute ip = ip_route();
  Result<size_t> flushed = ip.run(rtnl::AddressFlush{{.ifindex = 3}});
  ASSERT_TRUE(flushed) << flushed.error().describe();
  EXPECT_EQ(*flushed, 3u);
}

TEST_F(AddressFlush, reports_a_failure_naming_the_address) {
  fail_local_ = ip("2001:db8::1");
  fail_errno_ = EPERM;
  IpRoute ip = ip_route();
  Result<size_t> flushed = ip.run(rtnl::AddressFlush{{.ifindex = 3}});
  ASSERT_FALSE(flushed);
  EXPECT_EQ(flushed.error().code(), std::error_code(EPERM, std::system_category()));
  EXPECT_EQ(flushed.error().context(), "flush address 2001:db8::1/64: deladdr");
  EXPECT_EQ(flushed.error().ext_ack().message, "nope");
  EXPECT_EQ(deleted_.size(), 3u) << "the other deletes are still sent";
}

TEST_F(AddressFlush, of_one_family_asks_the_kernel_for_that_family) {
  addresses_.erase(addresses_.begin() + 1);
  IpRoute ip = ip_route();
  Result<size_t> flushed = ip.run(rtnl::AddressFlush{{.family = AF_INET, .ifindex = 3}});
  ASSERT_TRUE(flushed) << flushed.error().describe();
  EXPECT_EQ(requested_filter_.ifa_family, AF_INET);
  EXPECT_EQ(*flushed, 2u);
}

TEST_F(AddressFlush, needs_a_link_and_sends_nothing_without_one) {
  IpRoute ip = ip_route();
  Result<size_t> flushed = ip.run(rtnl::AddressFlush{{.family = AF_INET}});
  ASSERT_FALSE(flushed);
  EXPECT_EQ(flushed.error().code(), errc::invalid_argument);
  EXPECT_EQ(flushed.error().context(), "flush addresses: the filter names no link (ifindex)");
  EXPECT_TRUE(deleted_.empty());
  EXPECT_EQ(requested_filter_.ifa_index, 0u);
}

}  // namespace
}  // namespace nlpp::rtnl

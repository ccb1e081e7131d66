// Addresses against the kernel, each test in a fresh namespace with a veth
// pair: IPv4 and IPv6 created through nlpp with labels, broadcast, peers,
// flags, lifetimes, metric and protocol, read back through nlpp and through
// `ip -j -d address show`; replace, delete, filtered dumps, flush; and the
// kernel's errors.
#include <nlpp/rtnl/address.hpp>
#include <nlpp/rtnl/address_flush.hpp>

#include "support/ip_route_fixture.hpp"
#include "support/iproute2.hpp"
#include "support/rtnl_values.hpp"

#include <gtest/gtest.h>

#include <cerrno>

namespace nlpp::rtnl {
namespace {

using test::ip;

class Addresses : public test::IpRouteTest {
 protected:
  void SetUp() override {
    IpRouteTest::SetUp();
    if (HasFatalFailure()) return;
    add_veth_pair("veth0", "veth1");
    veth0_ = ifindex_of("veth0");
    veth1_ = ifindex_of("veth1");
  }

  // The addresses of one family on a link, as nlpp dumps them.
  std::vector<Address> dump(int family, uint32_t ifindex) {
    Result<std::vector<Address>> addresses = ip_route().dump<Address>({.family = family, .ifindex = ifindex});
    EXPECT_TRUE(addresses) << addresses.error().describe();
    return addresses.value_or(std::vector<Address>());
  }

  // iproute2's addr_info entries of veth0 of one family ("inet", "inet6").
  nlohmann::json ip_addresses(std::string_view family) {
    const nlohmann::json links = test::ip_json(ns_name(), "address show dev veth0");
    nlohmann::json found = nlohmann::json::array();
    for (const nlohmann::json& address : links[0]["addr_info"])
      if (address["family"] == family && address["scope"] != "link") found.push_back(address);
    return found;
  }

  uint32_t veth0_ = 0;
  uint32_t veth1_ = 0;
};

TEST_F(Addresses, adds_ipv4_with_label_broadcast_flags_metric_lifetimes_and_protocol) {
  Address address{.ifindex = veth0_,
                  .local = ip("192.0.2.1"),
                  .prefix_length = 24,
                  .label = "veth0:nlpp",
                  .flags = {AddressFlag::noprefixroute},
                  .lifetimes = AddressLifetimes{.preferred = 1800, .valid = 3600},
                  .rt_priority = 10,
                  .proto = 9};
  address.broadcast = default_broadcast(address.local, address.prefix_length);
  Result<io::Ack> added = ip_route().add(address);
  ASSERT_TRUE(added) << added.error().describe();

  const std::vector<Address> addresses = dump(AF_INET, veth0_);
  ASSERT_EQ(addresses.size(), 1u);
  const Address& read = addresses[0];
  EXPECT_EQ(ObjectTraits<Address>::key(read), ObjectTraits<Address>::key(address));
  EXPECT_EQ(read.broadcast, ip("192.0.2.255"));
  EXPECT_EQ(read.label, "veth0:nlpp");
  EXPECT_EQ(read.flags, AddressFlags{AddressFlag::noprefixroute});
  EXPECT_EQ(read.rt_priority, 10u);
  EXPECT_EQ(read.proto, 9);
  ASSERT_TRUE(read.lifetimes);
  EXPECT_LE(read.lifetimes->valid, 3600u);
  EXPECT_GE(read.lifetimes->valid, 3590u);
  EXPECT_LE(read.lifetimes->preferred, 1800u);

  const nlohmann::json shown = ip_addresses("inet");
  ASSERT_EQ(shown.size(), 1u) << shown;
  EXPECT_EQ(shown[0]["local"], "192.0.2.1");
  EXPECT_EQ(shown[0]["prefixlen"], 24);
  EXPECT_EQ(shown[0]["broadcast"], "192.0.2.255");
  EXPECT_EQ(shown[0]["label"], "veth0:nlpp");
  EXPECT_EQ(shown[0]["metric"], 10);
  EXPECT_EQ(shown[0]["noprefixroute"], true);
  EXPECT_LE(shown[0]["valid_life_time"], 3600);
  EXPECT_LE(shown[0]["preferred_life_time"], 1800);
}

TEST_F(Addresses, adds_a_point_to_point_ipv4_address_with_its_peer) {
  const Address address{.ifindex = veth0_, .local = ip("10.9.0.1"), .prefix_length = 32, .peer = ip("10.9.0.2")};
  ASSERT_TRUE(ip_route().add(address));
  const std::vector<Address> addresses = dump(AF_INET, veth0_);
  ASSERT_EQ(addresses.size(), 1u);
  EXPECT_EQ(addresses[0].local, ip("10.9.0.1"));
  EXPECT_EQ(addresses[0].peer, ip("10.9.0.2"));
  EXPECT_EQ(addresses[0].flags, AddressFlags{AddressFlag::permanent});
  const nlohmann::json shown = ip_addresses("inet");
  ASSERT_EQ(shown.size(), 1u) << shown;
  EXPECT_EQ(shown[0]["local"], "10.9.0.1");
  EXPECT_EQ(shown[0]["address"], "10.9.0.2");
  EXPECT_EQ(shown[0]["prefixlen"], 32);
}

TEST_F(Addresses, adds_ipv6_with_flags_and_lifetimes_and_gets_it_back) {
  const Address address{.ifindex = veth0_,
                        .local = ip("2001:db8::1"),
                        .prefix_length = 64,
                        .flags = {AddressFlag::nodad, AddressFlag::noprefixroute, AddressFlag::managetempaddr},
                        .lifetimes = AddressLifetimes{.preferred = 1800, .valid = 3600},
                        .rt_priority = 20};
  ASSERT_TRUE(ip_route().add(address));

  Result<Address> got = ip_route().get(address);
  ASSERT_TRUE(got) << got.error().describe();
  EXPECT_EQ(got->local, ip("2001:db8::1"));
  EXPECT_EQ(got->prefix_length, 64);
  EXPECT_TRUE(got->flags.contains_all(address.flags)) << got->flags.to_string();
  EXPECT_EQ(got->rt_priority, 20u);
  EXPECT_LE(got->lifetimes->valid, 3600u);

  const nlohmann::json shown = ip_addresses("inet6");
  ASSERT_EQ(shown.size(), 1u) << shown;
  EXPECT_EQ(shown[0]["local"], "2001:db8::1");
  EXPECT_EQ(shown[0]["nodad"], true);
  EXPECT_EQ(shown[0]["noprefixroute"], true);
  EXPECT_EQ(shown[0]["mngtmpaddr"], true);
  EXPECT_EQ(shown[0]["metric"], 20);
  EXPECT_LE(shown[0]["valid_life_time"], 3600);
}

TEST_F(Addresses, adds_a_point_to_point_ipv6_address_with_its_peer) {
  const Address address{.ifindex = veth0_,
                        .local = ip("2001:db8:2::1"),
                        .prefix_length = 128,
                        .peer = ip("2001:db8:2::2"),
                        .flags = {AddressFlag::nodad}};
  ASSERT_TRUE(ip_route().add(address));
  const std::vector<Address> addresses = dump(AF_INET6, veth0_);
  const auto found =
      std::find_if(addresses.begin(), addresses.end(), [](const Address& a) { return a.local == ip("2001:db8:2::1"); });
  ASSERT_NE(found, addresses.end());
  EXPECT_EQ(found->peer, ip("2001:db8:2::2"));
  const nlohmann::json shown = ip_addresses("inet6");
  ASSERT_EQ(shown.size(), 1u) << shown;
  EXPECT_EQ(shown[0]["address"], "2001:db8:2::2");
}

TEST_F(Addresses, replace_changes_the_lifetimes_and_metric_of_an_existing_address) {
  Address address{.ifindex = veth0_,
                  .local = ip("192.0.2.1"),
                  .prefix_length = 24,
                  .lifetimes = AddressLifetimes{.preferred = 1800, .valid = 3600},
                  .rt_priority = 10};
  ASSERT_TRUE(ip_route().add(address));
  address.lifetimes = AddressLifetimes{.preferred = 300, .valid = 600};
  address.rt_priority = 30;
  Result<io::Ack> replaced = ip_route().replace(address);
  ASSERT_TRUE(replaced) << replaced.error().describe();

  const std::vector<Address> addresses = dump(AF_INET, veth0_);
  ASSERT_EQ(addresses.size(), 1u);
  EXPECT_LE(addresses[0].lifetimes->valid, 600u);
  EXPECT_LE(addresses[0].lifetimes->preferred, 300u);
  EXPECT_EQ(addresses[0].rt_priority, 30u);
  const nlohmann::json shown = ip_addresses("inet");
  EXPECT_LE(shown[0]["valid_life_time"], 600);
  EXPECT_EQ(shown[0]["metric"], 30);
}

TEST_F(Addresses, delete_removes_the_address) {
  const Address address{.ifindex = veth0_, .local = ip("192.0.2.1"), .prefix_length = 24};
  ASSERT_TRUE(ip_route().add(address));
  Result<io::Ack> deleted = ip_route().del(address);
  ASSERT_TRUE(deleted) << deleted.error().describe();
  EXPECT_TRUE(dump(AF_INET, veth0_).empty());
  EXPECT_TRUE(ip_addresses("inet").empty());
}

TEST_F(Addresses, adding_twice_fails_with_eexist) {
  const Address address{.ifindex = veth0_, .local = ip("192.0.2.1"), .prefix_length = 24};
  ASSERT_TRUE(ip_route().add(address));
  Result<io::Ack> again = ip_route().add(address);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), std::error_code(EEXIST, std::system_category()));
}

TEST_F(Addresses, deleting_a_missing_address_fails_with_eaddrnotavail_and_the_kernels_message) {
  Result<io::Ack> deleted = ip_route().del(Address{.ifindex = veth0_, .local = ip("192.0.2.77"), .prefix_length = 24});
  ASSERT_FALSE(deleted);
  EXPECT_EQ(deleted.error().code(), std::error_code(EADDRNOTAVAIL, std::system_category()));
  EXPECT_EQ(deleted.error().ext_ack().message, "ipv4: Address not found");
}

TEST_F(Addresses, adding_on_a_missing_link_fails_with_enodev_and_the_kernels_message) {
  Result<io::Ack> v4 = ip_route().add(Address{.ifindex = 999, .local = ip("192.0.2.1"), .prefix_length = 24});
  ASSERT_FALSE(v4);
  EXPECT_EQ(v4.error().code(), std::error_code(ENODEV, std::system_category()));
  EXPECT_EQ(v4.error().ext_ack().message, "ipv4: Device not found");
  Result<io::Ack> v6 = ip_route().add(Address{.ifindex = 999, .local = ip("2001:db8::1"), .prefix_length = 64});
  ASSERT_FALSE(v6);
  EXPECT_EQ(v6.error().code(), std::error_code(ENODEV, std::system_category()));
  EXPECT_EQ(v6.error().ext_ack().message, "ipv6: Unable to find the interface");
}

TEST_F(Addresses, refuses_a_bad_address_before_sending) {
  Result<io::Ack> added = ip_route().add(
      Address{.ifindex = veth0_, .local = ip("192.0.2.1"), .prefix_length = 24, .label = "veth0:0123456789"});
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code(), errc::invalid_argument);
  EXPECT_TRUE(ip_addresses("inet").empty());
}

TEST_F(Addresses, dumps_filter_by_link_in_the_kernel_and_by_scope_and_label_in_nlpp) {
  ASSERT_TRUE(ip_route().add(Address{.ifindex = veth0_, .local = ip("192.0.2.1"), .prefix_length = 24}));
  ASSERT_TRUE(
      ip_route().add(Address{.ifindex = veth0_, .local = ip("198.51.100.1"), .prefix_length = 24, .label = "veth0:b"}));
  ASSERT_TRUE(ip_route().add(
      Address{.ifindex = veth1_, .local = ip("203.0.113.1"), .prefix_length = 24, .scope = RT_SCOPE_LINK}));

  EXPECT_EQ(dump(AF_INET, veth0_).size(), 2u);
  const std::vector<Address> on_veth1 = dump(AF_INET, veth1_);
  ASSERT_EQ(on_veth1.size(), 1u);
  EXPECT_EQ(on_veth1[0].local, ip("203.0.113.1"));

  Result<std::vector<Address>> labelled = ip_route().dump<Address>({.label = "veth0:b"});
  ASSERT_TRUE(labelled);
  ASSERT_EQ(labelled->size(), 1u);
  EXPECT_EQ((*labelled)[0].local, ip("198.51.100.1"));
  Result<std::vector<Address>> link_scope = ip_route().dump<Address>({.family = AF_INET, .scope = RT_SCOPE_LINK});
  ASSERT_TRUE(link_scope);
  ASSERT_EQ(link_scope->size(), 1u);
  EXPECT_EQ((*link_scope)[0].ifindex, veth1_);
}

TEST_F(Addresses, flush_deletes_every_address_of_a_link_and_family_with_secondaries) {
  for (const char* local : {"192.0.2.1", "192.0.2.2", "192.0.2.3", "198.51.100.1"})
    ASSERT_TRUE(ip_route().add(Address{.ifindex = veth0_, .local = ip(local), .prefix_length = 24}));
  ASSERT_TRUE(ip_route().add(
      Address{.ifindex = veth0_, .local = ip("2001:db8::1"), .prefix_length = 64, .flags = {AddressFlag::nodad}}));
  ASSERT_TRUE(ip_route().add(Address{.ifindex = veth1_, .local = ip("203.0.113.1"), .prefix_length = 24}));

  Result<size_t> flushed = ip_route().run(AddressFlush{{.family = AF_INET, .ifindex = veth0_}});
  ASSERT_TRUE(flushed) << flushed.error().describe();
  EXPECT_EQ(*flushed, 4u);
  EXPECT_TRUE(dump(AF_INET, veth0_).empty());
  EXPECT_TRUE(ip_addresses("inet").empty());
  EXPECT_EQ(ip_addresses("inet6").size(), 1u) << "other families stay";
  EXPECT_EQ(dump(AF_INET, veth1_).size(), 1u) << "other links stay";

  flushed = ip_route().run(AddressFlush{{.ifindex = veth0_}});
  ASSERT_TRUE(flushed) << flushed.error().describe();
  EXPECT_TRUE(dump(AF_INET6, veth0_).empty()) << "the link-local address goes too, as with ip address flush";
}

TEST_F(Addresses, the_kernel_has_no_get_for_ipv4_addresses) {
  const Address address{.ifindex = veth0_, .local = ip("192.0.2.1"), .prefix_length = 24};
  ASSERT_TRUE(ip_route().add(address));
  Result<Address> got = ip_route().get(address);
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().code(), std::error_code(EOPNOTSUPP, std::system_category()));
}

}  // namespace
}  // namespace nlpp::rtnl

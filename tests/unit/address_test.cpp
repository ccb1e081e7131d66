// Address: parsing messages captured from the kernel (and emitting them back
// to the same bytes), requests, input checks before sending, keys, diffs,
// filters, and flushing over a scripted kernel.
#include <nlpp/rtnl/address.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace nlpp::rtnl {
namespace {

using namespace test;  // golden files, ip(), mac(), attributes_of()

// In the capture's namespace veth0 is the third link.
constexpr uint32_t veth0 = 3;

TEST(AddressGolden, ipv4_with_broadcast_label_scope_metric_lifetimes_and_flags) {
  const std::vector<std::byte> bytes = golden_bytes("address_ipv4");
  const Address address = parse_golden<Address>(bytes);
  EXPECT_EQ(address.family(), AF_INET);
  EXPECT_EQ(address.ifindex, veth0);
  EXPECT_EQ(address.local, ip("198.51.100.1"));
  EXPECT_EQ(address.prefix_length, 24);
  EXPECT_EQ(address.peer, std::nullopt);
  EXPECT_EQ(address.broadcast, ip("198.51.100.255"));
  EXPECT_EQ(address.label, "veth0:nlpp");
  EXPECT_EQ(address.scope, RT_SCOPE_LINK);
  EXPECT_EQ(address.flags, AddressFlags{AddressFlag::noprefixroute});
  EXPECT_EQ(address.rt_priority, 50u);
  ASSERT_TRUE(address.lifetimes);
  EXPECT_GT(address.lifetimes->preferred, 0u);
  EXPECT_LE(address.lifetimes->preferred, 1800u);
  EXPECT_LE(address.lifetimes->valid, 3600u);
  EXPECT_GT(address.lifetimes->valid, address.lifetimes->preferred);
  EXPECT_EQ(address.proto, std::nullopt);
  EXPECT_TRUE(address.unknown.empty());
  EXPECT_EQ(parse_and_emit<Address>(bytes), bytes);
}

TEST(AddressGolden, ipv4_point_to_point_has_local_and_peer) {
  const std::vector<std::byte> bytes = golden_bytes("address_ipv4_peer");
  const Address address = parse_golden<Address>(bytes);
  EXPECT_EQ(address.local, ip("10.9.0.1"));
  EXPECT_EQ(address.peer, ip("10.9.0.2"));
  EXPECT_EQ(address.prefix_length, 32);
  EXPECT_EQ(address.label, "veth0");
  EXPECT_EQ(address.flags, AddressFlags{AddressFlag::permanent});
  EXPECT_EQ(address.lifetimes->valid, AddressLifetimes::forever);
  EXPECT_EQ(parse_and_emit<Address>(bytes), bytes);
}

TEST(AddressGolden, ipv4_with_a_protocol) {
  const std::vector<std::byte> bytes = golden_bytes("address_ipv4_proto");
  const Address address = parse_golden<Address>(bytes);
  EXPECT_EQ(address.local, ip("203.0.113.1"));
  EXPECT_EQ(address.proto, 9);
  EXPECT_EQ(parse_and_emit<Address>(bytes), bytes);
}

TEST(AddressGolden, ipv6_with_flags_metric_and_lifetimes) {
  const std::vector<std::byte> bytes = golden_bytes("address_ipv6");
  const Address address = parse_golden<Address>(bytes);
  EXPECT_EQ(address.family(), AF_INET6);
  EXPECT_EQ(address.local, ip("2001:db8:1::1"));
  EXPECT_EQ(address.prefix_length, 64);
  EXPECT_EQ(address.peer, std::nullopt);
  EXPECT_EQ(address.label, std::nullopt);
  EXPECT_EQ(address.scope, RT_SCOPE_UNIVERSE);
  EXPECT_EQ(address.flags, (AddressFlags{AddressFlag::nodad, AddressFlag::noprefixroute}));
  EXPECT_EQ(address.flags.to_string(), "nodad noprefixroute");
  EXPECT_EQ(address.rt_priority, 60u);
  ASSERT_TRUE(address.lifetimes);
  EXPECT_LE(address.lifetimes->preferred, 1800u);
  EXPECT_EQ(parse_and_emit<Address>(bytes), bytes);
}

TEST(AddressGolden, ipv6_point_to_point_reports_local_and_peer) {
  const std::vector<std::byte> bytes = golden_bytes("address_ipv6_peer");
  const Address address = parse_golden<Address>(bytes);
  EXPECT_EQ(address.local, ip("2001:db8:2::1"));
  EXPECT_EQ(address.peer, ip("2001:db8:2::2"));
  EXPECT_EQ(address.prefix_length, 128);
  EXPECT_EQ(parse_and_emit<Address>(bytes), bytes);
}

TEST(AddressGolden, the_foundation_captures_parse_too) {
  EXPECT_EQ(parsed_golden<Address>("newaddr_ipv4").local, ip("192.0.2.1"));
  EXPECT_EQ(parsed_golden<Address>("newaddr_ipv6").local, ip("2001:db8::1"));
}

std::vector<std::byte> bytes_of(const IpAddress& address) { return {address.bytes().begin(), address.bytes().end()}; }

Address point_to_point() {
  return Address{.ifindex = 7,
                 .local = ip("192.0.2.1"),
                 .prefix_length = 32,
                 .peer = ip("192.0.2.9"),
                 .label = "eth0:p2p",
                 .flags = {AddressFlag::noprefixroute},
                 .lifetimes = AddressLifetimes{.preferred = 60, .valid = 120}};
}

TEST(AddressRequest, sends_local_as_ifa_local_and_the_peer_as_ifa_address) {
  wire::MessageBuilder builder;
  ObjectTraits<Address>::emit(point_to_point(), builder, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL);
  const wire::Message message(builder.bytes());
  EXPECT_EQ(message.type(), RTM_NEWADDR);
  EXPECT_EQ(message.flags(), NLM_F_CREATE | NLM_F_EXCL);
  const ifaddrmsg header = message.fixed_header<ifaddrmsg>().value();
  EXPECT_EQ(header.ifa_family, AF_INET);
  EXPECT_EQ(header.ifa_prefixlen, 32);
  EXPECT_EQ(header.ifa_index, 7u);
  const auto attributes = attributes_of(builder, sizeof(ifaddrmsg));
  EXPECT_EQ(attributes.at(IFA_LOCAL), bytes_of(ip("192.0.2.1")));
  EXPECT_EQ(attributes.at(IFA_ADDRESS), bytes_of(ip("192.0.2.9")));
  EXPECT_EQ(wire::load<uint32_t>(attributes.at(IFA_FLAGS)), IFA_F_NOPREFIXROUTE);
  const auto cacheinfo = wire::load<ifa_cacheinfo>(attributes.at(IFA_CACHEINFO));
  EXPECT_EQ(cacheinfo.ifa_prefered, 60u);
  EXPECT_EQ(cacheinfo.ifa_valid, 120u);
  EXPECT_EQ(ObjectTraits<Address>::parse(message).value(), point_to_point());
}

TEST(AddressRequest, ipv6_without_peer_sends_ifa_address_only) {
  wire::MessageBuilder builder;
  ObjectTraits<Address>::emit(Address{.ifindex = 2, .local = ip("2001:db8::5"), .prefix_length = 64}, builder,
                              RTM_NEWADDR, 0);
  const auto attributes = attributes_of(builder, sizeof(ifaddrmsg));
  EXPECT_EQ(attributes.count(IFA_LOCAL), 0u);
  EXPECT_EQ(attributes.at(IFA_ADDRESS), bytes_of(ip("2001:db8::5")));
}

TEST(AddressRequest, get_carries_only_the_link_and_the_address) {
  wire::MessageBuilder builder;
  Address address = point_to_point();
  address.local = ip("2001:db8::5");
  address.peer.reset();
  address.label.reset();
  ObjectTraits<Address>::emit(address, builder, RTM_GETADDR, 0);
  const wire::Message message(builder.bytes());
  const ifaddrmsg header = message.fixed_header<ifaddrmsg>().value();
  EXPECT_EQ(header.ifa_family, AF_INET6);
  EXPECT_EQ(header.ifa_index, 7u);
  EXPECT_EQ(header.ifa_prefixlen, 0);
  EXPECT_EQ(header.ifa_flags, 0);
  const auto attributes = attributes_of(builder, sizeof(ifaddrmsg));
  ASSERT_EQ(attributes.size(), 1u);
  EXPECT_EQ(attributes.at(IFA_ADDRESS), bytes_of(ip("2001:db8::5")));
}

TEST(AddressRequest, dump_puts_family_and_ifindex_in_the_header) {
  wire::MessageBuilder builder;
  ObjectTraits<Address>::emit_dump_request({.family = AF_INET6, .ifindex = 5, .scope = RT_SCOPE_LINK}, builder);
  const wire::Message message(builder.bytes());
  EXPECT_EQ(message.type(), RTM_GETADDR);
  const ifaddrmsg header = message.fixed_header<ifaddrmsg>().value();
  EXPECT_EQ(header.ifa_family, AF_INET6);
  EXPECT_EQ(header.ifa_index, 5u);
  EXPECT_EQ(header.ifa_scope, 0) << "strict checking refuses a scope in a dump request";
  EXPECT_TRUE(attributes_of(builder, sizeof(ifaddrmsg)).empty());
}

struct BadAddress {
  std::string_view what;
  Address address;
  std::string_view error;
};

class AddressValidation : public testing::TestWithParam<BadAddress> {};

TEST_P(AddressValidation, refuses_before_sending_and_names_the_field) {
  Result<void> valid = ObjectTraits<Address>::validate(GetParam().address);
  ASSERT_FALSE(valid);
  EXPECT_EQ(valid.error().code(), errc::invalid_argument);
  EXPECT_EQ(valid.error().context(), GetParam().error);
}

Address with(void (*change)(Address&)) {
  Address address{.ifindex = 2, .local = ip("192.0.2.1"), .prefix_length = 24};
  change(address);
  return address;
}

INSTANTIATE_TEST_SUITE_P(
    Fields, AddressValidation,
    testing::Values(BadAddress{"no link", with([](Address& a) { a.ifindex = 0; }), "address ifindex: 0 names no link"},
                    BadAddress{"no address", with([](Address& a) { a.local = {}; }), "address local: no address set"},
                    BadAddress{"long prefix", with([](Address& a) { a.prefix_length = 33; }),
                               "address prefix_length: 33 is more than 32"},
                    BadAddress{"long v6 prefix", with([](Address& a) {
                                 a.local = ip("::1");
                                 a.prefix_length = 129;
                               }),
                               "address prefix_length: 129 is more than 128"},
                    BadAddress{"peer of another family", with([](Address& a) { a.peer = ip("::2"); }),
                               "address peer: ::2 is not of the family of 192.0.2.1"},
                    BadAddress{"broadcast of another family", with([](Address& a) { a.broadcast = ip("::2"); }),
                               "address broadcast: ::2 is not of the family of 192.0.2.1"},
                    BadAddress{"IPv6 broadcast", with([](Address& a) {
                                 a.local = ip("2001:db8::1");
                                 a.broadcast = ip("2001:db8::ff");
                               }),
                               "address broadcast: IPv6 has no broadcast"},
                    BadAddress{"IPv6 label", with([](Address& a) {
                                 a.local = ip("2001:db8::1");
                                 a.label = "eth0:6";
                               }),
                               "address label: the kernel keeps labels of IPv4 addresses only"},
                    BadAddress{"long label", with([](Address& a) { a.label = "eth0:0123456789a"; }),
                               "address label: 'eth0:0123456789a' is not 1 to 15 characters"},
                    BadAddress{"empty label", with([](Address& a) { a.label = ""; }),
                               "address label: '' is not 1 to 15 characters"},
                    BadAddress{"valid lifetime 0",
                               with([](Address& a) { a.lifetimes = AddressLifetimes{.preferred = 0, .valid = 0}; }),
                               "address lifetimes: a valid lifetime of 0"},
                    BadAddress{"preferred past valid",
                               with([](Address& a) { a.lifetimes = AddressLifetimes{.preferred = 100, .valid = 50}; }),
                               "address lifetimes: preferred lifetime 100 is longer than the valid lifetime 50"}),
    [](const testing::TestParamInfo<BadAddress>& param) {
      std::string name(param.param.what);
      std::replace(name.begin(), name.end(), ' ', '_');
      return name;
    });

TEST(AddressValidation, accepts_a_full_ipv4_address) {
  Address address = point_to_point();
  address.broadcast = ip("192.0.2.255");
  EXPECT_TRUE(ObjectTraits<Address>::validate(address));
  EXPECT_TRUE(ObjectTraits<Address>::validate(with([](Address& a) { a.label = "eth0:012345678"; })));
}

TEST(AddressLabel, must_start_with_the_link_name) {
  EXPECT_TRUE(validate_label("eth0:1", "eth0"));
  EXPECT_TRUE(validate_label("eth0", "eth0"));
  Result<void> foreign = validate_label("foo", "eth0");
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().code(), errc::invalid_argument);
  EXPECT_EQ(foreign.error().context(), "address label 'foo': does not start with the link's name 'eth0'");
  EXPECT_FALSE(validate_label("eth", "eth0"));
}

TEST(AddressBroadcast, sets_every_host_bit_as_brd_plus_does) {
  EXPECT_EQ(default_broadcast(ip("192.0.2.1"), 24), ip("192.0.2.255"));
  EXPECT_EQ(default_broadcast(ip("10.1.2.3"), 8), ip("10.255.255.255"));
  EXPECT_EQ(default_broadcast(ip("192.0.2.5"), 30), ip("192.0.2.7"));
  EXPECT_EQ(default_broadcast(ip("192.0.2.5"), 0), ip("255.255.255.255"));
  EXPECT_EQ(default_broadcast(ip("192.0.2.5"), 31), std::nullopt);
  EXPECT_EQ(default_broadcast(ip("192.0.2.5"), 32), std::nullopt);
  EXPECT_EQ(default_broadcast(ip("2001:db8::1"), 64), std::nullopt);
}

TEST(AddressKey, is_family_link_local_and_prefix_length) {
  const Address address = point_to_point();
  EXPECT_EQ(ObjectTraits<Address>::key(address), (AddressKey{AF_INET, 7, ip("192.0.2.1"), 32}));
  Address other = address;
  other.lifetimes.reset();
  other.label = "eth0:x";
  EXPECT_EQ(ObjectTraits<Address>::key(other), ObjectTraits<Address>::key(address));
  other.prefix_length = 24;
  EXPECT_LT(ObjectTraits<Address>::key(other), ObjectTraits<Address>::key(address));
}

TEST(AddressDiff, lists_the_fields_that_differ_as_text) {
  Address before = point_to_point();
  Address after = before;
  after.flags.insert(AddressFlag::nodad);
  after.lifetimes->valid = 300;
  after.proto = 4;
  after.lifetimes->created = 12345;  // timestamps are not compared
  EXPECT_EQ(
      ObjectTraits<Address>::diff(before, after),
      (std::vector<FieldChange>{
          {"flags", "noprefixroute", "nodad noprefixroute"}, {"valid_lifetime", "120", "300"}, {"proto", "", "4"}}));
  EXPECT_TRUE(ObjectTraits<Address>::diff(before, before).empty());
}

TEST(AddressFlags, unnamed_bits_survive_and_print_in_hex) {
  const AddressFlags flags(IFA_F_NODAD | 0x10000u);
  EXPECT_TRUE(flags.contains(AddressFlag::nodad));
  EXPECT_EQ(flags.bits(), IFA_F_NODAD | 0x10000u);
  EXPECT_EQ(flags.to_string(), "nodad 0x10000");
  EXPECT_EQ(AddressFlags().to_string(), "");
}

TEST(AddressFilter, matches_what_the_kernel_does_not_filter) {
  const Address address = point_to_point();
  EXPECT_TRUE(ObjectTraits<Address>::matches({}, address));
  EXPECT_TRUE(ObjectTraits<Address>::matches({.family = AF_INET, .ifindex = 7, .label = "eth0:p2p"}, address));
  EXPECT_FALSE(ObjectTraits<Address>::matches({.family = AF_INET6}, address));
  EXPECT_FALSE(ObjectTraits<Address>::matches({.ifindex = 8}, address));
  EXPECT_FALSE(ObjectTraits<Address>::matches({.scope = RT_SCOPE_LINK}, address));
  EXPECT_FALSE(ObjectTraits<Address>::matches({.label = "eth0"}, address));
  EXPECT_TRUE(ObjectTraits<Address>::matches({.flags = {AddressFlag::noprefixroute}}, address));
  EXPECT_FALSE(ObjectTraits<Address>::matches({.flags = {AddressFlag::noprefixroute, AddressFlag::nodad}}, address));
  // The kernel leaves IFA_PROTO out when it is IFAPROT_UNSPEC.
  EXPECT_TRUE(ObjectTraits<Address>::matches({.proto = IFAPROT_UNSPEC}, address));
  EXPECT_FALSE(ObjectTraits<Address>::matches({.proto = IFAPROT_KERNEL_LO}, address));
}

TEST(AddressParse, refuses_a_malformed_attribute_naming_the_object) {
  std::vector<std::byte> bytes = golden_bytes("address_ipv6");
  // IFA_FLAGS (the last attribute, 8 bytes) shortened to a u16.
  bytes.resize(bytes.size() - 2);
  const uint16_t short_flags = 6;
  std::memcpy(bytes.data() + bytes.size() - 6, &short_flags, sizeof short_flags);
  const uint32_t length = static_cast<uint32_t>(bytes.size());
  std::memcpy(bytes.data(), &length, sizeof length);
  Result<Address> address = ObjectTraits<Address>::parse(wire::Message(bytes));
  ASSERT_FALSE(address);
  EXPECT_EQ(address.error().code(), errc::malformed_attribute);
  // One wording for every table-driven object (route, rule, nexthop...).
  EXPECT_EQ(address.error().context(), "address: attribute type 8 with a payload of 2 bytes");
}

TEST(AddressParse, refuses_a_message_without_an_address) {
  wire::MessageBuilder builder;
  builder.begin_message(RTM_NEWADDR, 0)
      .append_header(
          ifaddrmsg{.ifa_family = AF_INET, .ifa_prefixlen = 24, .ifa_flags = 0, .ifa_scope = 0, .ifa_index = 2});
  Result<Address> address = ObjectTraits<Address>::parse(wire::Message(builder.bytes()));
  ASSERT_FALSE(address);
  EXPECT_EQ(address.error().context(), "address: neither IFA_LOCAL nor IFA_ADDRESS");
}

TEST(AddressParse, refuses_a_truncated_header) {
  wire::MessageBuilder builder;
  builder.begin_message(RTM_NEWADDR, 0).append_header(uint32_t{0});
  Result<Address> address = ObjectTraits<Address>::parse(wire::Message(builder.bytes()));
  ASSERT_FALSE(address);
  EXPECT_EQ(address.error().code(), errc::truncated_message);
  EXPECT_EQ(address.error().context().rfind("address: ", 0), 0u) << address.error().context();
}

TEST(AddressParse, keeps_unknown_attributes_and_emits_them_again) {
  wire::MessageBuilder builder;
  Address address{.ifindex = 2, .local = ip("192.0.2.1"), .prefix_length = 24};
  address.unknown.push_back({IFA_TARGET_NETNSID, {std::byte{1}, std::byte{0}, std::byte{0}, std::byte{0}}});
  ObjectTraits<Address>::emit(address, builder, RTM_NEWADDR, 0);
  EXPECT_EQ(ObjectTraits<Address>::parse(wire::Message(builder.bytes())).value(), address);
}

}  // namespace
}  // namespace nlpp::rtnl

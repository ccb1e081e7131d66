// IpAddress, IpPrefix and MacAddress: every form the parsers accept, every
// form they refuse (with an error naming the input), and the wire bytes.
#include <nlpp/codec/ip_address.hpp>

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <sys/socket.h>

#include <array>
#include <cstring>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace nlpp::rtnl {
namespace {

using namespace std::string_literals;

std::vector<std::byte> bytes(std::initializer_list<int> values) {
  std::vector<std::byte> out;
  for (int value : values) out.push_back(static_cast<std::byte>(value));
  return out;
}

// The text an accepted form prints back as.
struct Accepted {
  std::string_view text;
  std::string_view printed;
};

class IpAddressAccepts : public testing::TestWithParam<Accepted> {};

TEST_P(IpAddressAccepts, parses_and_prints_the_canonical_form) {
  Result<IpAddress> address = IpAddress::parse(GetParam().text);
  ASSERT_TRUE(address) << address.error().describe();
  EXPECT_EQ(address->to_string(), GetParam().printed);
}

INSTANTIATE_TEST_SUITE_P(Forms, IpAddressAccepts,
                         testing::Values(Accepted{"192.0.2.1", "192.0.2.1"}, Accepted{"0.0.0.0", "0.0.0.0"},
                                         Accepted{"255.255.255.255", "255.255.255.255"},
                                         Accepted{"2001:db8::1", "2001:db8::1"},
                                         Accepted{"2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"},
                                         Accepted{"2001:DB8::A", "2001:db8::a"}, Accepted{"::", "::"},
                                         Accepted{"::1", "::1"}, Accepted{"fe80::1", "fe80::1"},
                                         Accepted{"::ffff:192.0.2.1", "::ffff:192.0.2.1"}));

class IpAddressRefuses : public testing::TestWithParam<std::string> {};

TEST_P(IpAddressRefuses, with_an_error_naming_the_text) {
  Result<IpAddress> address = IpAddress::parse(GetParam());
  ASSERT_FALSE(address);
  EXPECT_EQ(address.error().code(), errc::invalid_argument);
  EXPECT_NE(address.error().context().find("address '" + GetParam() + "'"), std::string::npos)
      << address.error().context();
}

INSTANTIATE_TEST_SUITE_P(Forms, IpAddressRefuses,
                         testing::Values("", "192.0.2", "192.0.2.256", "192.0.2.1.1", "01.2.3.4", " 192.0.2.1",
                                         "192.0.2.1 ", "192.0.2.1/24", "2001:db8::1::2", "2001:db8::g", "fe80::1%eth0",
                                         "1111:2222:3333:4444:5555:6666:7777:8888:9999", "hello",
                                         "192.0.2.1\0garbage"s));

TEST(IpAddress, default_is_empty_and_unspec) {
  const IpAddress none;
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none.family(), AF_UNSPEC);
  EXPECT_EQ(none.size(), 0u);
  EXPECT_EQ(none.to_string(), "");
}

TEST(IpAddress, bytes_are_in_network_order) {
  const IpAddress v4 = IpAddress::parse("192.0.2.1").value();
  EXPECT_TRUE(v4.is_v4());
  EXPECT_EQ(std::vector<std::byte>(v4.bytes().begin(), v4.bytes().end()), bytes({192, 0, 2, 1}));
  const IpAddress v6 = IpAddress::parse("2001:db8::1").value();
  EXPECT_TRUE(v6.is_v6());
  EXPECT_EQ(v6.size(), 16u);
  EXPECT_EQ(std::to_integer<int>(v6.bytes()[0]), 0x20);
  EXPECT_EQ(std::to_integer<int>(v6.bytes()[15]), 1);
}

TEST(IpAddress, v4_takes_a_host_order_value) {
  EXPECT_EQ(IpAddress::v4(0xc0000201), IpAddress::parse("192.0.2.1").value());
}

TEST(IpAddress, from_bytes_checks_the_size_against_the_family) {
  EXPECT_EQ(IpAddress::from_bytes(AF_INET, bytes({198, 51, 100, 7})).value().to_string(), "198.51.100.7");
  const std::vector<std::byte> sixteen(16, std::byte{0});
  EXPECT_EQ(IpAddress::from_bytes(AF_INET6, sixteen).value().to_string(), "::");
  for (const auto& [family, size] :
       {std::pair{AF_INET, 16}, {AF_INET6, 4}, {AF_INET, 3}, {AF_UNSPEC, 0}, {AF_UNSPEC, 4}, {AF_PACKET, 4}}) {
    Result<IpAddress> address = IpAddress::from_bytes(family, std::vector<std::byte>(static_cast<size_t>(size)));
    ASSERT_FALSE(address) << family << "/" << size;
    EXPECT_EQ(address.error().code(), errc::malformed_attribute);
    EXPECT_EQ(address.error().context(),
              "address of family " + std::to_string(family) + " with " + std::to_string(size) + " bytes");
  }
}

TEST(IpAddress, orders_ipv4_before_ipv6_then_by_bytes) {
  const IpAddress a = IpAddress::parse("192.0.2.1").value();
  const IpAddress b = IpAddress::parse("192.0.2.2").value();
  const IpAddress c = IpAddress::parse("::1").value();
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  EXPECT_LT(IpAddress(), a);
  EXPECT_EQ(a, IpAddress::parse("192.0.2.1").value());
}

struct PrefixForm {
  std::string_view text;
  std::string_view printed;
};

class IpPrefixAccepts : public testing::TestWithParam<PrefixForm> {};

TEST_P(IpPrefixAccepts, parses_address_and_length) {
  Result<IpPrefix> prefix = IpPrefix::parse(GetParam().text);
  ASSERT_TRUE(prefix) << prefix.error().describe();
  EXPECT_EQ(prefix->to_string(), GetParam().printed);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, IpPrefixAccepts,
    testing::Values(PrefixForm{"10.0.0.0/24", "10.0.0.0/24"}, PrefixForm{"10.0.0.0/0", "10.0.0.0/0"},
                    PrefixForm{"10.0.0.1/32", "10.0.0.1/32"}, PrefixForm{"192.0.2.1", "192.0.2.1/32"},
                    PrefixForm{"2001:db8::/64", "2001:db8::/64"}, PrefixForm{"2001:db8::1/128", "2001:db8::1/128"},
                    PrefixForm{"::1", "::1/128"}));

class IpPrefixRefuses : public testing::TestWithParam<std::string_view> {};

TEST_P(IpPrefixRefuses, with_an_error_naming_the_text) {
  Result<IpPrefix> prefix = IpPrefix::parse(GetParam());
  ASSERT_FALSE(prefix);
  EXPECT_EQ(prefix.error().code(), errc::invalid_argument);
  EXPECT_NE(prefix.error().context().find("prefix '" + std::string(GetParam()) + "'"), std::string::npos)
      << prefix.error().context();
}

INSTANTIATE_TEST_SUITE_P(Forms, IpPrefixRefuses,
                         testing::Values("10.0.0.0/33", "2001:db8::/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/+24",
                                         "10.0.0.0/24x", "10.0.0.0/ 24", "/24", "10.0.0.0/24/1", "x/24", "",
                                         "10.0.0.0/99999999999"));

TEST(IpPrefix, errors_say_what_is_wrong) {
  EXPECT_EQ(IpPrefix::parse("10.0.0.0/33").error().context(),
            "prefix '10.0.0.0/33': the length must be a number from 0 to 32");
  EXPECT_EQ(IpPrefix::parse("2001:db8::/129").error().context(),
            "prefix '2001:db8::/129': the length must be a number from 0 to 128");
  EXPECT_EQ(IpPrefix::parse("x/24").error().context(), "prefix 'x/24': not an IPv4 or IPv6 address before the '/'");
}

TEST(IpPrefix, is_network_when_no_bit_past_the_length_is_set) {
  EXPECT_TRUE(IpPrefix::parse("10.0.0.0/24").value().is_network());
  EXPECT_FALSE(IpPrefix::parse("10.0.0.1/24").value().is_network());
  EXPECT_TRUE(IpPrefix::parse("10.0.0.128/25").value().is_network());
  EXPECT_FALSE(IpPrefix::parse("10.0.0.128/24").value().is_network());
  EXPECT_TRUE(IpPrefix::parse("0.0.0.0/0").value().is_network());
  EXPECT_FALSE(IpPrefix::parse("10.0.0.0/0").value().is_network());
  EXPECT_TRUE(IpPrefix::parse("2001:db8::/32").value().is_network());
  EXPECT_FALSE(IpPrefix::parse("2001:db8::1/64").value().is_network());
  EXPECT_TRUE(IpPrefix::parse("2001:db8::1/128").value().is_network());
}

class MacAddressAccepts : public testing::TestWithParam<Accepted> {};

TEST_P(MacAddressAccepts, parses_and_prints_lower_case_with_colons) {
  Result<MacAddress> mac = MacAddress::parse(GetParam().text);
  ASSERT_TRUE(mac) << mac.error().describe();
  EXPECT_EQ(mac->to_string(), GetParam().printed);
}

INSTANTIATE_TEST_SUITE_P(Forms, MacAddressAccepts,
                         testing::Values(Accepted{"02:00:00:00:00:01", "02:00:00:00:00:01"},
                                         Accepted{"02-00-00-00-00-01", "02:00:00:00:00:01"},
                                         Accepted{"AA:bb:CC:dd:EE:ff", "aa:bb:cc:dd:ee:ff"},
                                         Accepted{"00:00:00:00:00:00", "00:00:00:00:00:00"},
                                         Accepted{"ff:ff:ff:ff:ff:ff", "ff:ff:ff:ff:ff:ff"}));

class MacAddressRefuses : public testing::TestWithParam<std::string_view> {};

TEST_P(MacAddressRefuses, with_an_error_naming_the_text) {
  Result<MacAddress> mac = MacAddress::parse(GetParam());
  ASSERT_FALSE(mac);
  EXPECT_EQ(mac.error().code(), errc::invalid_argument);
  EXPECT_EQ(mac.error().context(),
            "MAC address '" + std::string(GetParam()) + "': expected six hex bytes such as 02:00:00:00:00:01");
}

INSTANTIATE_TEST_SUITE_P(Forms, MacAddressRefuses,
                         testing::Values("", "02:00:00:00:00", "02:00:00:00:00:01:02", "02:00:00:00:00:0g",
                                         "2:0:0:0:0:1", "020000000001", "02:00:00:00:00:01 ", " 02:00:00:00:00:01",
                                         "02.00.00.00.00.01", "-2:00:00:00:00:01", "0x:00:00:00:00:01"));

TEST(MacAddress, from_bytes_takes_exactly_six) {
  EXPECT_EQ(MacAddress::from_bytes(bytes({2, 0, 0, 0, 0, 0xaa})).value().to_string(), "02:00:00:00:00:aa");
  for (size_t size : {0u, 5u, 7u, 20u}) {
    Result<MacAddress> mac = MacAddress::from_bytes(std::vector<std::byte>(size));
    ASSERT_FALSE(mac);
    EXPECT_EQ(mac.error().code(), errc::malformed_attribute);
    EXPECT_EQ(mac.error().context(), "MAC address of " + std::to_string(size) + " bytes");
  }
}

TEST(MacAddress, bytes_round_trip) {
  const MacAddress mac = MacAddress::parse("02:00:00:00:00:b0").value();
  EXPECT_EQ(MacAddress::from_bytes(mac.bytes()).value(), mac);
  EXPECT_EQ(MacAddress(), MacAddress::parse("00:00:00:00:00:00").value());
}


// The constexpr reader against glibc's inet_pton, which it replaced: the
// same verdict and the same bytes for the tricky forms and for a million
// random strings over the characters addresses are made of.
TEST(IpAddress, reads_exactly_what_inet_pton_reads) {
  const auto expect_as_inet_pton = [](const std::string& text) {
    std::array<unsigned char, 16> expected{};
    int family = AF_UNSPEC;
    if (::inet_pton(AF_INET, text.c_str(), expected.data()) == 1) family = AF_INET;
    else if (::inet_pton(AF_INET6, text.c_str(), expected.data()) == 1) family = AF_INET6;
    const Result<IpAddress> parsed = IpAddress::parse(text);
    ASSERT_EQ(parsed.has_value(), family != AF_UNSPEC) << "'" << text << "'";
    if (!parsed) return;
    EXPECT_EQ(parsed->family(), family) << text;
    EXPECT_EQ(0, std::memcmp(parsed->bytes().data(), expected.data(), parsed->size())) << text;
  };
  for (const char* text : {"0.0.0.0", "255.255.255.255", "256.0.0.1", "01.2.3.4", "1.2.3", "1.2.3.4.", "1..2.3",
                           "::", ":::", "::1", "1::", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8::",
                           "1:2:3:4::5:6:7:8", "1::2::3", ":1::", "1:", "12345::", "::ffff:1.2.3.4",
                           "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3.04", "abcd:EF01::", ""}) {
    expect_as_inet_pton(text);
  }
  std::mt19937 random(42);
  constexpr std::string_view alphabet = "0123456789abcdefABCDEF:.:.:g";
  for (int i = 0; i < 1'000'000 && !HasFatalFailure(); ++i) {
    std::string text;
    for (size_t length = random() % 24; text.size() < length;) text += alphabet[random() % alphabet.size()];
    expect_as_inet_pton(text);
  }
}

TEST(IpAddress, text_converts_where_an_address_is_expected) {
  struct Next {
    std::optional<IpAddress> gateway;
    IpPrefix dst;
    std::optional<MacAddress> lladdr;
  };
  const std::string from_a_string = "2001:db8::1";
  const Next next{.gateway = "10.0.0.2", .dst = "198.51.100.0/24", .lladdr = "02:00:00:00:00:09"};
  EXPECT_EQ(next.gateway, IpAddress::parse("10.0.0.2").value());
  EXPECT_EQ(next.dst, IpPrefix::parse("198.51.100.0/24").value());
  EXPECT_EQ(next.lladdr, MacAddress::parse("02:00:00:00:00:09").value());
  EXPECT_EQ(IpAddress(from_a_string), IpAddress::parse(from_a_string).value());
  EXPECT_EQ(IpPrefix("10.0.0.1"), IpPrefix::parse("10.0.0.1/32").value());
}

TEST(IpAddress, text_that_is_not_an_address_throws_the_parse_error) {
  const auto thrown = [](auto convert) -> std::string {
    try {
      convert();
    } catch (const Exception& error) {
      EXPECT_EQ(error.code(), make_error_code(errc::invalid_argument));
      return error.error().context();
    }
    return "nothing thrown";
  };
  EXPECT_EQ(thrown([] { (void)IpAddress("10.0.0.300"); }), IpAddress::parse("10.0.0.300").error().context());
  EXPECT_EQ(thrown([] { (void)IpPrefix("10.0.0.0/33"); }), IpPrefix::parse("10.0.0.0/33").error().context());
  EXPECT_EQ(thrown([] { (void)MacAddress("02:00:00:00:00"); }), MacAddress::parse("02:00:00:00:00").error().context());
}

// Literals are read by the compiler: a bad one does not compile.
TEST(IpAddress, literals_are_read_at_compile_time) {
  using namespace nlpp::literals;
  constexpr IpAddress literal = "192.0.2.1"_ip;
  static_assert(literal.is_v4());
  EXPECT_EQ(literal, IpAddress::v4(0xc0000201));
  static_assert("2001:db8::/32"_prefix.length == 32 && "2001:db8::/32"_prefix.address.is_v6());
  static_assert("02:00:00:00:00:09"_mac == MacAddress(std::array<uint8_t, 6>{2, 0, 0, 0, 0, 9}));
  constexpr IpAddress gateway = "10.0.0.2";  // constexpr: checked by the compiler too
  EXPECT_EQ(gateway.to_string(), "10.0.0.2");
}

TEST(IpAddress, streams_as_its_text) {
  std::ostringstream out;
  out << IpAddress("2001:db8::1") << ' ' << IpPrefix("10.0.0.0/8") << ' ' << MacAddress("02:00:00:00:00:0A");
  EXPECT_EQ(out.str(), "2001:db8::1 10.0.0.0/8 02:00:00:00:00:0a");
}

}  // namespace
}  // namespace nlpp::rtnl

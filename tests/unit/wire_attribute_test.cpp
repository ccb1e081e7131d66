#include <nlpp/wire/attribute.hpp>

#include <gtest/gtest.h>

#include <linux/netlink.h>

#include <array>
#include <cstring>
#include <string>
#include <vector>

namespace nlpp::wire {
namespace {

// Attributes encoded by hand, independently of MessageBuilder, in host order
// as netlink wants them.
class RawAttributes {
 public:
  /// A well-formed attribute; padded to 4 bytes unless padded is false.
  RawAttributes& attribute(uint16_t type, std::vector<uint8_t> payload, bool padded = true) {
    header(static_cast<uint16_t>(Attribute::header_size + payload.size()), type);
    for (uint8_t byte : payload) buffer_.push_back(std::byte{byte});
    if (padded) buffer_.resize(align4(buffer_.size()));
    return *this;
  }
  template <class T>
  RawAttributes& attribute_of(uint16_t type, const T& value) {
    std::vector<uint8_t> payload(sizeof(T));
    std::memcpy(payload.data(), &value, sizeof(T));
    return attribute(type, payload);
  }
  /// A nested attribute holding children.
  RawAttributes& nest(uint16_t type, const RawAttributes& children) {
    header(static_cast<uint16_t>(Attribute::header_size + children.buffer_.size()), NLA_F_NESTED | type);
    buffer_.insert(buffer_.end(), children.buffer_.begin(), children.buffer_.end());
    return *this;
  }
  /// A bare header with any nla_len, for malformed input.
  RawAttributes& header(uint16_t nla_len, uint16_t type) {
    const nlattr header{.nla_len = nla_len, .nla_type = type};
    const Bytes bytes = bytes_of(header);
    buffer_.insert(buffer_.end(), bytes.begin(), bytes.end());
    return *this;
  }
  RawAttributes& zeros(size_t count) {
    buffer_.resize(buffer_.size() + count);
    return *this;
  }
  Bytes bytes() const noexcept { return buffer_; }
  AttributeRange range() const noexcept { return AttributeRange(buffer_); }
  /// The first attribute, viewed without its padding.
  Attribute first() const noexcept { return Attribute(bytes().first(load<uint16_t>(bytes()))); }

 private:
  std::vector<std::byte> buffer_;
};

RawAttributes attribute_with_payload_size(size_t size) {
  return RawAttributes().attribute(1, std::vector<uint8_t>(size, 0x5a), false);
}

std::vector<uint16_t> types_of(const AttributeRange& range) {
  std::vector<uint16_t> types;
  for (const Attribute& attribute : range) types.push_back(attribute.type());
  return types;
}

template <auto getter>
std::error_code error_of(const Attribute& attribute) {
  const auto result = (attribute.*getter)();
  return result ? std::error_code() : result.error().code();
}

struct TypedGetter {
  const char* name;
  size_t size;
  std::error_code (*read)(const Attribute&);
};

constexpr std::array typed_getters{
    TypedGetter{"u8", 1, &error_of<&Attribute::u8>},     TypedGetter{"u16", 2, &error_of<&Attribute::u16>},
    TypedGetter{"u32", 4, &error_of<&Attribute::u32>},   TypedGetter{"u64", 8, &error_of<&Attribute::u64>},
    TypedGetter{"s8", 1, &error_of<&Attribute::s8>},     TypedGetter{"s16", 2, &error_of<&Attribute::s16>},
    TypedGetter{"s32", 4, &error_of<&Attribute::s32>},   TypedGetter{"s64", 8, &error_of<&Attribute::s64>},
    TypedGetter{"be16", 2, &error_of<&Attribute::be16>}, TypedGetter{"be32", 4, &error_of<&Attribute::be32>},
    TypedGetter{"be64", 8, &error_of<&Attribute::be64>},
};

TEST(Attribute, typed_getters_accept_exactly_their_size_and_reject_every_other_as_malformed) {
  for (const TypedGetter& getter : typed_getters) {
    for (size_t size = 0; size <= 16; ++size) {
      SCOPED_TRACE(std::string(getter.name) + " on a payload of " + std::to_string(size) + " bytes");
      const std::error_code error = getter.read(attribute_with_payload_size(size).first());
      if (size == getter.size) {
        EXPECT_FALSE(error);
      } else {
        EXPECT_EQ(error, errc::malformed_attribute);
      }
    }
  }
}

TEST(Attribute, integer_getters_return_the_host_order_value_with_its_sign) {
  const RawAttributes raw = RawAttributes()
                                .attribute_of<uint8_t>(1, 0xfe)
                                .attribute_of<uint16_t>(2, 0xfedc)
                                .attribute_of<uint32_t>(3, 0xfedcba98)
                                .attribute_of<uint64_t>(4, 0xfedcba9876543210)
                                .attribute_of<int8_t>(5, -2)
                                .attribute_of<int16_t>(6, -300)
                                .attribute_of<int32_t>(7, -70000)
                                .attribute_of<int64_t>(8, -5'000'000'000);
  const AttributeRange range = raw.range();
  EXPECT_EQ(range.find(1)->u8().value(), 0xfe);
  EXPECT_EQ(range.find(2)->u16().value(), 0xfedc);
  EXPECT_EQ(range.find(3)->u32().value(), 0xfedcba98u);
  EXPECT_EQ(range.find(4)->u64().value(), 0xfedcba9876543210u);
  EXPECT_EQ(range.find(5)->s8().value(), -2);
  EXPECT_EQ(range.find(6)->s16().value(), -300);
  EXPECT_EQ(range.find(7)->s32().value(), -70000);
  EXPECT_EQ(range.find(8)->s64().value(), -5'000'000'000);
}

TEST(Attribute, big_endian_getters_read_network_order_into_host_order) {
  const RawAttributes raw = RawAttributes()
                                .attribute(1, {0x12, 0x34})
                                .attribute(2, {0x12, 0x34, 0x56, 0x78})
                                .attribute(3, {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08});
  const AttributeRange range = raw.range();
  EXPECT_EQ(range.find(1)->be16().value(), 0x1234);
  EXPECT_EQ(range.find(2)->be32().value(), 0x12345678u);
  EXPECT_EQ(range.find(3)->be64().value(), 0x0102030405060708u);
}

TEST(Attribute, uint_accepts_four_and_eight_byte_payloads_and_nothing_else) {
  const RawAttributes raw = RawAttributes().attribute_of<uint32_t>(1, 0xfedcba98).attribute_of<uint64_t>(2, 1ull << 40);
  EXPECT_EQ(raw.range().find(1)->uint().value(), 0xfedcba98u);
  EXPECT_EQ(raw.range().find(2)->uint().value(), 1ull << 40);
  for (size_t size : {0, 1, 2, 3, 5, 6, 7, 9, 16}) {
    SCOPED_TRACE(size);
    const Result<uint64_t> value = attribute_with_payload_size(size).first().uint();
    ASSERT_FALSE(value);
    EXPECT_EQ(value.error().code(), errc::malformed_attribute);
  }
}

TEST(Attribute, malformed_error_names_the_type_and_both_sizes) {
  const RawAttributes raw = RawAttributes().attribute(7, {1, 2, 3}, false);
  const Result<uint32_t> value = raw.first().u32();
  ASSERT_FALSE(value);
  EXPECT_EQ(value.error().context(), "attribute type 7: payload of 3 bytes, expected 4");
}

TEST(Attribute, string_stops_at_the_first_nul) {
  const RawAttributes raw = RawAttributes().attribute(1, {'e', 't', 'h', '0', 0, 'x', 'y', 0});
  EXPECT_EQ(raw.range().find(1)->string(), "eth0");
}

TEST(Attribute, string_without_a_nul_is_the_whole_payload) {
  const RawAttributes raw = RawAttributes().attribute(1, {'e', 't', 'h', '0', '1'}, false);
  EXPECT_EQ(raw.first().string(), "eth01");
}

TEST(Attribute, string_of_an_empty_payload_is_empty) { EXPECT_EQ(attribute_with_payload_size(0).first().string(), ""); }

struct Pair {
  uint32_t first;
  uint32_t second;
};

TEST(Attribute, as_accepts_payloads_at_least_as_long_as_the_struct) {
  const Pair pair{.first = 11, .second = 22};
  const RawAttributes exact = RawAttributes().attribute_of(1, pair);
  EXPECT_EQ(exact.first().as<Pair>()->second, 22u);

  // Kernel structs grow at the end; an older reader sees the prefix it knows.
  const RawAttributes longer = RawAttributes().attribute_of(1, std::array<uint32_t, 3>{11, 22, 33});
  const Result<Pair> prefix = longer.first().as<Pair>();
  ASSERT_TRUE(prefix);
  EXPECT_EQ(prefix->first, 11u);
  EXPECT_EQ(prefix->second, 22u);

  const Result<Pair> short_payload = attribute_with_payload_size(sizeof(Pair) - 1).first().as<Pair>();
  ASSERT_FALSE(short_payload);
  EXPECT_EQ(short_payload.error().code(), errc::malformed_attribute);
}

TEST(Attribute, type_masks_the_nested_and_byteorder_flags_that_raw_type_keeps) {
  const RawAttributes raw = RawAttributes().attribute(NLA_F_NESTED | 5, {}).attribute(NLA_F_NET_BYTEORDER | 6, {});
  std::vector<Attribute> attributes(raw.range().begin(), raw.range().end());
  ASSERT_EQ(attributes.size(), 2u);
  EXPECT_EQ(attributes[0].type(), 5);
  EXPECT_EQ(attributes[0].raw_type(), NLA_F_NESTED | 5);
  EXPECT_TRUE(attributes[0].has_nested_flag());
  EXPECT_FALSE(attributes[0].has_net_byteorder_flag());
  EXPECT_EQ(attributes[1].type(), 6);
  EXPECT_FALSE(attributes[1].has_nested_flag());
  EXPECT_TRUE(attributes[1].has_net_byteorder_flag());
}

TEST(Attribute, payload_and_bytes_exclude_the_padding) {
  const RawAttributes raw = RawAttributes().attribute(1, {9, 8, 7});
  ASSERT_EQ(raw.bytes().size(), 8u);
  const Attribute attribute = *raw.range().begin();
  EXPECT_EQ(attribute.bytes().size(), 7u);
  EXPECT_EQ(attribute.payload().size(), 3u);
  EXPECT_EQ(attribute.payload()[2], std::byte{7});
}

TEST(Attribute, nested_views_the_payload_as_attributes) {
  const RawAttributes outer =
      RawAttributes().nest(18, RawAttributes().attribute(1, {'a', 0}).attribute_of<uint32_t>(2, 1400));

  const AttributeRange nested = outer.first().nested();
  EXPECT_EQ(types_of(nested), (std::vector<uint16_t>{1, 2}));
  EXPECT_EQ(nested.find(2)->u32().value(), 1400u);
  EXPECT_TRUE(nested.validate());
}

TEST(AttributeRange, find_returns_the_first_attribute_of_a_type_whatever_its_flags) {
  const RawAttributes raw =
      RawAttributes().attribute(1, {10}).attribute(NLA_F_NESTED | 2, {}).attribute(2, {20}).attribute(1, {30});
  const std::optional<Attribute> first_of_1 = raw.range().find(1);
  ASSERT_TRUE(first_of_1);
  EXPECT_EQ(first_of_1->u8().value(), 10);
  const std::optional<Attribute> first_of_2 = raw.range().find(2);
  ASSERT_TRUE(first_of_2);
  EXPECT_TRUE(first_of_2->has_nested_flag());
  EXPECT_FALSE(raw.range().find(3));
}

TEST(AttributeRange, find_does_not_look_past_a_malformed_attribute) {
  const RawAttributes raw = RawAttributes().attribute(1, {}).header(2, 9).zeros(2).attribute(5, {});
  EXPECT_TRUE(raw.range().find(1));
  EXPECT_FALSE(raw.range().find(5));
}

TEST(AttributeRange, iteration_visits_every_attribute_in_order_skipping_padding) {
  const RawAttributes raw = RawAttributes().attribute(1, {1}).attribute(2, {1, 2, 3, 4}).attribute(3, {1, 2});
  EXPECT_EQ(types_of(raw.range()), (std::vector<uint16_t>{1, 2, 3}));
  EXPECT_EQ(raw.range().find(3)->payload().size(), 2u);
}

TEST(AttributeRange, iteration_visits_a_last_attribute_that_lacks_its_padding) {
  const RawAttributes raw = RawAttributes().attribute(1, {1}).attribute(2, {1, 2, 3}, false);
  ASSERT_EQ(raw.bytes().size(), 15u);
  EXPECT_EQ(types_of(raw.range()), (std::vector<uint16_t>{1, 2}));
  EXPECT_EQ(raw.range().find(2)->payload().size(), 3u);
}

TEST(AttributeRange, an_empty_span_has_no_attributes) {
  EXPECT_TRUE(AttributeRange().empty());
  EXPECT_TRUE(AttributeRange().validate());
  EXPECT_TRUE(RawAttributes().range().empty());
}

// Each case ends with a defect (or none) after one good attribute, so
// iteration must yield exactly that one and validate() must name the offset.
struct TilingCase {
  const char* name;
  RawAttributes raw;
  std::optional<size_t> bad_offset;
};

std::vector<TilingCase> tiling_cases() {
  const auto good = [] { return RawAttributes().attribute(1, {1, 2, 3, 4}); };
  return {
      {"exact tiling", good(), std::nullopt},
      {"last attribute's padding cut short", good().attribute(2, {1}, false).zeros(1), std::nullopt},
      {"zero nla_len", good().header(0, 2).zeros(4), 8},
      {"nla_len below the header size", good().header(3, 2).zeros(4), 8},
      {"nla_len past the end", good().header(12, 2).zeros(4), 8},
      {"1 trailing byte", good().zeros(1), 8},
      {"2 trailing bytes", good().zeros(2), 8},
      {"3 trailing bytes", good().zeros(3), 8},
  };
}

TEST(AttributeRange, validate_accepts_exact_tiling_and_names_the_offset_of_the_first_defect) {
  for (const TilingCase& tiling : tiling_cases()) {
    SCOPED_TRACE(tiling.name);
    const Result<void> valid = tiling.raw.range().validate();
    if (!tiling.bad_offset) {
      EXPECT_TRUE(valid);
      continue;
    }
    ASSERT_FALSE(valid);
    EXPECT_EQ(valid.error().code(), errc::malformed_attribute);
    EXPECT_EQ(valid.error().context(), "bad attribute header at offset " + std::to_string(*tiling.bad_offset));
    EXPECT_EQ(types_of(tiling.raw.range()), std::vector<uint16_t>{1});
  }
}

}  // namespace
}  // namespace nlpp::wire

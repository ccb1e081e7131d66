#include <nlpp/wire/message_builder.hpp>

#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message.hpp>

#include <gtest/gtest.h>

#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <sys/socket.h>

#include <algorithm>
#include <bit>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace nlpp::wire {
namespace {

std::vector<uint8_t> octets(Bytes bytes) {
  std::vector<uint8_t> values;
  for (std::byte byte : bytes) values.push_back(std::to_integer<uint8_t>(byte));
  return values;
}

std::vector<Attribute> attributes_of(const AttributeRange& range) { return {range.begin(), range.end()}; }

std::vector<Message> messages_of(const MessageBuilder& builder) {
  const MessageRange range(builder.bytes());
  return {range.begin(), range.end()};
}

// The attributes of the builder's only message, after a fixed header of fixed_header_size.
std::vector<Attribute> attributes_of_only_message(const MessageBuilder& builder, size_t fixed_header_size = 0) {
  const std::vector<Message> messages = messages_of(builder);
  EXPECT_EQ(messages.size(), 1u);
  if (messages.size() != 1) return {};
  return attributes_of(messages[0].attributes(fixed_header_size).value());
}

void expect_tiled(const AttributeRange& range) {
  ASSERT_TRUE(range.validate());
  for (const Attribute& attribute : range)
    if (attribute.has_nested_flag()) expect_tiled(attribute.nested());
}

// What the builder holds parses: messages tile the buffer, one per
// begin_message(), and attributes (nests included) tile each message.
void expect_bytes_parse(const MessageBuilder& builder) {
  ASSERT_TRUE(MessageRange(builder.bytes()).validate());
  const std::vector<Message> messages = messages_of(builder);
  EXPECT_EQ(messages.size(), builder.message_count());
  for (const Message& message : messages) expect_tiled(message.attributes(0).value());
}

MessageBuilder started(uint16_t type = RTM_NEWLINK, uint16_t flags = NLM_F_REQUEST) {
  MessageBuilder builder;
  builder.begin_message(type, flags);
  return builder;
}

TEST(MessageBuilder, begin_message_writes_a_bare_header_with_seq_and_port_id_left_zero) {
  const MessageBuilder builder = started(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK);
  const std::vector<Message> messages = messages_of(builder);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].length(), sizeof(nlmsghdr));
  EXPECT_EQ(messages[0].type(), RTM_NEWLINK);
  EXPECT_EQ(messages[0].flags(), NLM_F_REQUEST | NLM_F_ACK);
  EXPECT_EQ(messages[0].seq(), 0u);
  EXPECT_EQ(messages[0].port_id(), 0u);
  EXPECT_EQ(builder.message_count(), 1u);
  EXPECT_TRUE(builder.status());
}

TEST(MessageBuilder, nlmsg_len_covers_everything_after_every_append) {
  MessageBuilder builder = started();
  const auto nlmsg_len = [&builder] { return load<uint32_t>(builder.bytes()); };
  EXPECT_EQ(nlmsg_len(), 16u);
  builder.append_header(ifinfomsg{});
  EXPECT_EQ(nlmsg_len(), 32u);
  builder.add_u8(IFLA_OPERSTATE, 6);
  EXPECT_EQ(nlmsg_len(), 40u);
  builder.add_string(IFLA_IFNAME, "eth0");
  EXPECT_EQ(nlmsg_len(), 52u);
  builder.add_flag(IFLA_PROTO_DOWN);
  EXPECT_EQ(nlmsg_len(), 56u);
  const MessageBuilder::Nest nest = builder.begin_nested(IFLA_LINKINFO);
  EXPECT_EQ(nlmsg_len(), 60u);
  builder.add_u32(IFLA_INFO_KIND, 1);
  EXPECT_EQ(nlmsg_len(), 68u);
  builder.end_nested(nest);
  EXPECT_EQ(nlmsg_len(), 68u);
  EXPECT_EQ(builder.bytes().size(), 68u);
}

struct OneByteHeader {
  uint8_t family;
};
struct SixteenByteHeader {
  uint8_t bytes[16];
};

TEST(MessageBuilder, a_one_byte_fixed_header_is_padded_with_zeros_to_four) {
  MessageBuilder builder = started();
  builder.append_header(OneByteHeader{.family = 0xab}).add_u32(1, 7);
  EXPECT_EQ(octets(builder.bytes().subspan(16, 4)), (std::vector<uint8_t>{0xab, 0, 0, 0}));
  const std::vector<Attribute> attributes = attributes_of_only_message(builder, sizeof(OneByteHeader));
  ASSERT_EQ(attributes.size(), 1u);
  EXPECT_EQ(attributes[0].bytes().data(), builder.bytes().data() + 20);
  EXPECT_EQ(load<uint32_t>(builder.bytes()), 28u);
}

TEST(MessageBuilder, a_sixteen_byte_fixed_header_needs_no_padding) {
  MessageBuilder builder = started();
  SixteenByteHeader header{};
  std::fill(std::begin(header.bytes), std::end(header.bytes), uint8_t{0xcd});
  builder.append_header(header).add_u32(1, 7);
  EXPECT_EQ(octets(builder.bytes().subspan(16, 16)), std::vector<uint8_t>(16, 0xcd));
  const std::vector<Attribute> attributes = attributes_of_only_message(builder, sizeof(SixteenByteHeader));
  ASSERT_EQ(attributes.size(), 1u);
  EXPECT_EQ(attributes[0].bytes().data(), builder.bytes().data() + 32);
}

TEST(MessageBuilder, integer_attributes_carry_exactly_their_size_in_host_order) {
  MessageBuilder builder = started();
  builder.add_u8(1, 0xfe).add_u16(2, 0xfedc).add_u32(3, 0xfedcba98).add_u64(4, 0xfedcba9876543210);
  builder.add_s8(5, -2).add_s16(6, -300).add_s32(7, -70000).add_s64(8, -5'000'000'000);
  const std::vector<Attribute> attributes = attributes_of_only_message(builder);
  ASSERT_EQ(attributes.size(), 8u);

  const size_t sizes[] = {1, 2, 4, 8, 1, 2, 4, 8};
  for (size_t i = 0; i < attributes.size(); ++i) {
    SCOPED_TRACE("attribute type " + std::to_string(i + 1));
    EXPECT_EQ(attributes[i].raw_type(), i + 1);
    EXPECT_EQ(attributes[i].payload().size(), sizes[i]);
    const Bytes padding(attributes[i].payload().data() + sizes[i], align4(sizes[i]) - sizes[i]);
    EXPECT_EQ(octets(padding), std::vector<uint8_t>(padding.size(), 0));
  }
  EXPECT_EQ(attributes[0].u8().value(), 0xfe);
  EXPECT_EQ(attributes[1].u16().value(), 0xfedc);
  EXPECT_EQ(attributes[2].u32().value(), 0xfedcba98u);
  EXPECT_EQ(attributes[3].u64().value(), 0xfedcba9876543210u);
  EXPECT_EQ(attributes[4].s8().value(), -2);
  EXPECT_EQ(attributes[5].s16().value(), -300);
  EXPECT_EQ(attributes[6].s32().value(), -70000);
  EXPECT_EQ(attributes[7].s64().value(), -5'000'000'000);
}

TEST(MessageBuilder, big_endian_attributes_are_big_endian_on_the_wire) {
  MessageBuilder builder = started();
  builder.add_be16(1, 0x1234).add_be32(2, 0x12345678).add_be64(3, 0x0102030405060708);
  const std::vector<Attribute> attributes = attributes_of_only_message(builder);
  ASSERT_EQ(attributes.size(), 3u);
  EXPECT_EQ(octets(attributes[0].payload()), (std::vector<uint8_t>{0x12, 0x34}));
  EXPECT_EQ(octets(attributes[1].payload()), (std::vector<uint8_t>{0x12, 0x34, 0x56, 0x78}));
  EXPECT_EQ(octets(attributes[2].payload()), (std::vector<uint8_t>{1, 2, 3, 4, 5, 6, 7, 8}));
  EXPECT_EQ(attributes[0].be16().value(), 0x1234);
  EXPECT_EQ(attributes[2].be64().value(), 0x0102030405060708u);
}

TEST(MessageBuilder, string_attribute_ends_with_a_nul_and_zero_padding) {
  MessageBuilder builder = started();
  builder.add_string(IFLA_IFNAME, "dummy0").add_string(IFLA_IFALIAS, "");
  EXPECT_EQ(octets(builder.bytes().subspan(16)),
            (std::vector<uint8_t>{11, 0, IFLA_IFNAME,  0, 'd', 'u', 'm', 'm', 'y', '0', 0, 0,  //
                                  5,  0, IFLA_IFALIAS, 0, 0,   0,   0,   0}));
  const std::vector<Attribute> attributes = attributes_of_only_message(builder);
  ASSERT_EQ(attributes.size(), 2u);
  EXPECT_EQ(attributes[0].string(), "dummy0");
  EXPECT_EQ(attributes[1].string(), "");
}

TEST(MessageBuilder, flag_attribute_is_a_bare_header) {
  MessageBuilder builder = started();
  builder.add_flag(IFLA_PROTO_DOWN);
  EXPECT_EQ(octets(builder.bytes().subspan(16)), (std::vector<uint8_t>{4, 0, IFLA_PROTO_DOWN, 0}));
}

TEST(MessageBuilder, struct_and_raw_attributes_copy_their_bytes_and_keep_type_flags) {
  const ifla_vf_mac mac{.vf = 3, .mac = {0x02, 0, 0, 0, 0, 0x01}};
  const std::byte raw[] = {std::byte{1}, std::byte{2}, std::byte{3}};
  MessageBuilder builder = started();
  builder.add_struct(IFLA_VF_MAC, mac).add(NLA_F_NET_BYTEORDER | 9, raw);
  const std::vector<Attribute> attributes = attributes_of_only_message(builder);
  ASSERT_EQ(attributes.size(), 2u);
  EXPECT_EQ(attributes[0].payload().size(), sizeof mac);
  EXPECT_EQ(attributes[0].as<ifla_vf_mac>()->vf, 3u);
  EXPECT_EQ(attributes[0].as<ifla_vf_mac>()->mac[5], 0x01);
  EXPECT_EQ(attributes[1].raw_type(), NLA_F_NET_BYTEORDER | 9);
  EXPECT_EQ(octets(attributes[1].payload()), (std::vector<uint8_t>{1, 2, 3}));
  EXPECT_EQ(builder.bytes().size(), 16 + 4 + sizeof mac + 8);
}

TEST(MessageBuilder, nested_attribute_has_the_nested_flag_and_covers_its_children) {
  MessageBuilder builder = started();
  const MessageBuilder::Nest linkinfo = builder.begin_nested(IFLA_LINKINFO);
  builder.add_string(IFLA_INFO_KIND, "dummy");
  builder.end_nested(linkinfo).add_u32(IFLA_MTU, 1400);

  const std::vector<Attribute> attributes = attributes_of_only_message(builder);
  ASSERT_EQ(attributes.size(), 2u);
  EXPECT_EQ(attributes[0].raw_type(), NLA_F_NESTED | IFLA_LINKINFO);
  EXPECT_EQ(attributes[0].bytes().size(), 4u + 12u);
  const std::vector<Attribute> children = attributes_of(attributes[0].nested());
  ASSERT_EQ(children.size(), 1u);
  EXPECT_EQ(children[0].string(), "dummy");
  EXPECT_EQ(attributes[1].u32().value(), 1400u);
}

TEST(MessageBuilder, nested_attribute_without_flag_keeps_the_bare_type) {
  MessageBuilder builder = started();
  builder.end_nested(builder.begin_nested_without_flag(TCA_OPTIONS));
  const std::vector<Attribute> attributes = attributes_of_only_message(builder);
  ASSERT_EQ(attributes.size(), 1u);
  EXPECT_EQ(attributes[0].raw_type(), TCA_OPTIONS);
  EXPECT_TRUE(builder.status());
}

TEST(MessageBuilder, nests_in_nests_each_cover_exactly_their_own_children) {
  MessageBuilder builder = started();
  const MessageBuilder::Nest outer = builder.begin_nested(IFLA_LINKINFO);
  const MessageBuilder::Nest inner = builder.begin_nested(IFLA_INFO_DATA);
  builder.add_u16(1, 100);
  builder.end_nested(inner).add_u8(2, 1);
  builder.end_nested(outer).add_flag(3);
  ASSERT_TRUE(builder.status());

  const std::vector<Attribute> top = attributes_of_only_message(builder);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0].bytes().size(), 4u + 12u + 8u);
  const std::vector<Attribute> middle = attributes_of(top[0].nested());
  ASSERT_EQ(middle.size(), 2u);
  EXPECT_EQ(middle[0].raw_type(), NLA_F_NESTED | IFLA_INFO_DATA);
  EXPECT_EQ(middle[0].bytes().size(), 4u + 8u);
  EXPECT_EQ(middle[0].nested().find(1)->u16().value(), 100);
  EXPECT_EQ(middle[1].u8().value(), 1);
  EXPECT_EQ(top[1].type(), 3);
}

TEST(MessageBuilder, an_open_nest_already_covers_what_was_appended_to_it) {
  MessageBuilder builder = started();
  (void)builder.begin_nested(IFLA_LINKINFO);
  builder.add_string(IFLA_INFO_KIND, "dummy");
  const std::vector<Attribute> attributes = attributes_of_only_message(builder);
  ASSERT_EQ(attributes.size(), 1u);
  EXPECT_EQ(attributes[0].nested().find(IFLA_INFO_KIND)->string(), "dummy");
}

TEST(MessageBuilder, messages_are_built_back_to_back_each_with_its_own_length) {
  MessageBuilder builder;
  builder.begin_message(RTM_NEWLINK, NLM_F_REQUEST).append_header(ifinfomsg{}).add_u32(IFLA_MTU, 1400);
  ifinfomsg link_7{};
  link_7.ifi_index = 7;
  builder.begin_message(RTM_DELLINK, NLM_F_REQUEST).append_header(link_7);
  builder.begin_message(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP);
  ASSERT_TRUE(builder.status());
  EXPECT_EQ(builder.message_count(), 3u);

  const std::vector<Message> messages = messages_of(builder);
  ASSERT_EQ(messages.size(), 3u);
  EXPECT_EQ(messages[0].type(), RTM_NEWLINK);
  EXPECT_EQ(messages[0].length(), 16u + 16u + 8u);
  EXPECT_EQ(messages[0].attributes(sizeof(ifinfomsg))->find(IFLA_MTU)->u32().value(), 1400u);
  EXPECT_EQ(messages[1].type(), RTM_DELLINK);
  EXPECT_EQ(messages[1].length(), 16u + 16u);
  EXPECT_EQ(messages[1].fixed_header<ifinfomsg>()->ifi_index, 7);
  EXPECT_EQ(messages[2].type(), RTM_GETLINK);
  EXPECT_EQ(messages[2].length(), 16u);
  EXPECT_EQ(builder.bytes().size(), 40u + 32u + 16u);
}

TEST(MessageBuilder, attribute_of_exactly_the_largest_nla_len_is_accepted) {
  MessageBuilder builder = started();
  builder.add(1, std::vector<std::byte>(0xffff - Attribute::header_size));
  builder.add_string(2, std::string(0xffff - Attribute::header_size - 1, 'x'));
  ASSERT_TRUE(builder.status());
  const std::vector<Attribute> attributes = attributes_of_only_message(builder);
  ASSERT_EQ(attributes.size(), 2u);
  EXPECT_EQ(attributes[0].bytes().size(), 0xffffu);
  EXPECT_EQ(attributes[1].string().size(), 0xffffu - 5);
}

// A misuse of the builder: what status() must say afterwards, and the
// attributes the one message must still hold (misuses do not write).
struct Misuse {
  const char* name;
  void (*build)(MessageBuilder&);
  const char* status;
  std::vector<uint16_t> top_level_types;
};

const Misuse misuses[] = {
    {"attribute longer than nla_len allows",
     [](MessageBuilder& builder) {
       builder.add_u8(1, 1).add(2, std::vector<std::byte>(0xffff - Attribute::header_size + 1)).add_u8(3, 1);
     },
     "an attribute is larger than the 16-bit nla_len allows",
     {1, 3}},
    {"string longer than nla_len allows",
     [](MessageBuilder& builder) { builder.add_string(2, std::string(0xffff - Attribute::header_size, 'x')); },
     "an attribute is larger than the 16-bit nla_len allows",
     {}},
    {"nest grown longer than nla_len allows",
     [](MessageBuilder& builder) {
       const MessageBuilder::Nest nest = builder.begin_nested(1);
       builder.add(2, std::vector<std::byte>(40000)).add(3, std::vector<std::byte>(40000));
       builder.end_nested(nest);
     },
     "a nested attribute would grow larger than the 16-bit nla_len allows",
     {1}},
    {"nest never closed",
     [](MessageBuilder& builder) { (void)builder.begin_nested(1); },
     "a nested attribute was never closed",
     {1}},
    {"end_nested without begin_nested",
     [](MessageBuilder& builder) { builder.add_u8(1, 1).end_nested(MessageBuilder::Nest{16}); },
     "end_nested() without a matching begin_nested()",
     {1}},
    {"nest closed twice",
     [](MessageBuilder& builder) {
       const MessageBuilder::Nest nest = builder.begin_nested(1);
       builder.end_nested(nest).end_nested(nest);
     },
     "end_nested() without a matching begin_nested()",
     {1}},
    {"nests closed out of order",
     [](MessageBuilder& builder) {
       const MessageBuilder::Nest outer = builder.begin_nested(1);
       const MessageBuilder::Nest inner = builder.begin_nested(2);
       builder.end_nested(outer).end_nested(inner);
     },
     "end_nested() closed a nest that is not the innermost open one",
     {1}},
    {"two misuses report the first",
     [](MessageBuilder& builder) {
       builder.add(1, std::vector<std::byte>(0x10000)).end_nested(MessageBuilder::Nest{16});
     },
     "an attribute is larger than the 16-bit nla_len allows",
     {}},
};

TEST(MessageBuilder, misuse_fails_status_and_leaves_bytes_that_parse) {
  for (const Misuse& misuse : misuses) {
    SCOPED_TRACE(misuse.name);
    MessageBuilder builder = started();
    misuse.build(builder);
    const Result<void> status = builder.status();
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code(), errc::invalid_argument);
    EXPECT_EQ(status.error().context(), misuse.status);
    expect_bytes_parse(builder);
    std::vector<uint16_t> types;
    for (const Attribute& attribute : attributes_of_only_message(builder)) types.push_back(attribute.type());
    EXPECT_EQ(types, misuse.top_level_types);
  }
}

TEST(MessageBuilder, append_before_begin_message_fails_and_writes_nothing) {
  const std::pair<const char*, void (*)(MessageBuilder&)> appends[] = {
      {"add_u32", [](MessageBuilder& builder) { builder.add_u32(1, 7); }},
      {"add_string", [](MessageBuilder& builder) { builder.add_string(1, "x"); }},
      {"append_header", [](MessageBuilder& builder) { builder.append_header(OneByteHeader{}); }},
      {"empty append_header_bytes", [](MessageBuilder& builder) { builder.append_header_bytes({}); }},
      {"begin_nested", [](MessageBuilder& builder) { (void)builder.begin_nested(1); }},
  };
  for (const auto& [name, append] : appends) {
    SCOPED_TRACE(name);
    MessageBuilder builder;
    append(builder);
    const Result<void> status = builder.status();
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().context(), "an append came before begin_message()");
    EXPECT_TRUE(builder.empty());
    EXPECT_EQ(builder.message_count(), 0u);
  }
}

TEST(MessageBuilder, begin_message_inside_an_open_nest_fails_and_both_messages_parse) {
  MessageBuilder builder = started();
  (void)builder.begin_nested(IFLA_LINKINFO);
  builder.add_u32(1, 7);
  builder.begin_message(RTM_GETLINK, NLM_F_REQUEST).add_u32(2, 9);
  const Result<void> status = builder.status();
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().context(), "a message was started while a nested attribute was still open");
  expect_bytes_parse(builder);
  const std::vector<Message> messages = messages_of(builder);
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0].length(), 16u + 4u + 8u);
  EXPECT_EQ(messages[1].length(), 16u + 8u);
}

TEST(MessageBuilder, clear_forgets_messages_open_nests_and_failures) {
  MessageBuilder builder = started();
  builder.add(1, std::vector<std::byte>(0x10000));
  (void)builder.begin_nested(2);
  builder.clear();
  EXPECT_TRUE(builder.empty());
  EXPECT_EQ(builder.message_count(), 0u);
  EXPECT_TRUE(builder.bytes().empty());
  EXPECT_TRUE(builder.status());

  builder.begin_message(RTM_GETLINK, NLM_F_REQUEST).add_u32(3, 1);
  ASSERT_TRUE(builder.status());
  EXPECT_EQ(builder.message_count(), 1u);
  EXPECT_EQ(builder.bytes().size(), 24u);
  EXPECT_EQ(load<uint32_t>(builder.bytes()), 24u);
}

constexpr uint8_t low_byte(unsigned value) { return value & 0xff; }
constexpr uint8_t high_byte(unsigned value) { return (value >> 8) & 0xff; }

// The expected bytes are written from the netlink format, in host order.
static_assert(std::endian::native == std::endian::little, "the expected bytes below are little-endian");

TEST(MessageBuilder, rtm_newlink_of_a_dummy_link_matches_the_netlink_format_byte_for_byte) {
  constexpr uint16_t flags = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL;
  const std::vector<uint8_t> expected{
      // nlmsghdr: nlmsg_len 68, type, flags, seq 0, pid 0
      68, 0, 0, 0, low_byte(RTM_NEWLINK), high_byte(RTM_NEWLINK), low_byte(flags), high_byte(flags),  //
      0, 0, 0, 0, 0, 0, 0, 0,
      // ifinfomsg: family, pad, ifi_type, ifi_index, ifi_flags, ifi_change
      AF_UNSPEC, 0, 0, 0, 0, 0, 0, 0, IFF_UP, 0, 0, 0, IFF_UP, 0, 0, 0,
      // IFLA_IFNAME "dummy0\0": nla_len 11, one byte of padding
      11, 0, low_byte(IFLA_IFNAME), high_byte(IFLA_IFNAME), 'd', 'u', 'm', 'm', 'y', '0', 0, 0,
      // IFLA_MTU 1400
      8, 0, low_byte(IFLA_MTU), high_byte(IFLA_MTU), low_byte(1400), high_byte(1400), 0, 0,
      // IFLA_LINKINFO with NLA_F_NESTED: nla_len 16
      16, 0, low_byte(IFLA_LINKINFO), high_byte(IFLA_LINKINFO | NLA_F_NESTED),
      // IFLA_INFO_KIND "dummy\0": nla_len 10, two bytes of padding
      10, 0, low_byte(IFLA_INFO_KIND), high_byte(IFLA_INFO_KIND), 'd', 'u', 'm', 'm', 'y', 0, 0, 0};

  ifinfomsg link{};
  link.ifi_family = AF_UNSPEC;
  link.ifi_flags = IFF_UP;
  link.ifi_change = IFF_UP;
  MessageBuilder builder;
  builder.begin_message(RTM_NEWLINK, flags)
      .append_header(link)
      .add_string(IFLA_IFNAME, "dummy0")
      .add_u32(IFLA_MTU, 1400);
  const MessageBuilder::Nest linkinfo = builder.begin_nested(IFLA_LINKINFO);
  builder.add_string(IFLA_INFO_KIND, "dummy").end_nested(linkinfo);

  ASSERT_TRUE(builder.status());
  EXPECT_EQ(octets(builder.bytes()), expected);
}

}  // namespace
}  // namespace nlpp::wire

#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <gtest/gtest.h>

#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace nlpp::wire {
namespace {

struct RawHeader {
  uint16_t type = RTM_NEWLINK;
  uint16_t flags = 0;
  uint32_t seq = 0;
  uint32_t port_id = 0;
  std::optional<uint32_t> nlmsg_len = std::nullopt;  ///< the true length when unset
};

// A message encoded by hand, independently of MessageBuilder; padding, if
// any, is part of the payload given.
std::vector<std::byte> raw_message(const RawHeader& fields, size_t payload_size) {
  const nlmsghdr header{.nlmsg_len = fields.nlmsg_len.value_or(sizeof(nlmsghdr) + payload_size),
                        .nlmsg_type = fields.type,
                        .nlmsg_flags = fields.flags,
                        .nlmsg_seq = fields.seq,
                        .nlmsg_pid = fields.port_id};
  std::vector<std::byte> bytes(sizeof(nlmsghdr) + payload_size);
  std::memcpy(bytes.data(), &header, sizeof header);
  return bytes;
}

std::vector<std::byte> concat(std::initializer_list<std::vector<std::byte>> parts) {
  std::vector<std::byte> all;
  for (const std::vector<std::byte>& part : parts) all.insert(all.end(), part.begin(), part.end());
  return all;
}

// Throws rather than hand back a view of nothing: gtest reports the throw.
Message only_message(const std::vector<std::byte>& bytes) {
  const MessageRange range{Bytes(bytes)};
  if (std::distance(range.begin(), range.end()) != 1) throw std::logic_error("expected exactly one message");
  return *range.begin();
}

std::vector<uint32_t> lengths_of(const MessageRange& range) {
  std::vector<uint32_t> lengths;
  for (const Message& message : range) lengths.push_back(message.length());
  return lengths;
}

TEST(Message, header_getters_read_every_nlmsghdr_field) {
  const std::vector<std::byte> bytes =
      raw_message({.type = RTM_NEWADDR, .flags = NLM_F_MULTI | NLM_F_DUMP_INTR, .seq = 0x01020304, .port_id = 4242}, 8);
  const Message message = only_message(bytes);
  EXPECT_EQ(message.length(), 24u);
  EXPECT_EQ(message.type(), RTM_NEWADDR);
  EXPECT_EQ(message.flags(), NLM_F_MULTI | NLM_F_DUMP_INTR);
  EXPECT_EQ(message.seq(), 0x01020304u);
  EXPECT_EQ(message.port_id(), 4242u);
  EXPECT_EQ(message.bytes().size(), 24u);
  EXPECT_EQ(message.payload().size(), 8u);
  EXPECT_EQ(message.payload().data(), bytes.data() + sizeof(nlmsghdr));
}

TEST(Message, fixed_header_copies_the_family_header_at_the_start_of_the_payload) {
  const ifaddrmsg sent{.ifa_family = AF_INET6, .ifa_prefixlen = 64, .ifa_flags = 0, .ifa_scope = 0, .ifa_index = 7};
  std::vector<std::byte> bytes = raw_message({}, sizeof sent);
  std::memcpy(bytes.data() + sizeof(nlmsghdr), &sent, sizeof sent);

  const Result<ifaddrmsg> received = only_message(bytes).fixed_header<ifaddrmsg>();
  ASSERT_TRUE(received);
  EXPECT_EQ(received->ifa_family, AF_INET6);
  EXPECT_EQ(received->ifa_prefixlen, 64);
  EXPECT_EQ(received->ifa_index, 7u);
}

TEST(Message, fixed_header_longer_than_the_payload_is_a_truncated_message) {
  const std::vector<std::byte> bytes = raw_message({.type = RTM_NEWLINK}, sizeof(ifinfomsg) - 1);
  const Result<ifinfomsg> header = only_message(bytes).fixed_header<ifinfomsg>();
  ASSERT_FALSE(header);
  EXPECT_EQ(header.error().code(), errc::truncated_message);
  EXPECT_EQ(header.error().context(), "message type 16: payload of 15 bytes, fixed header needs 16");
}

TEST(Message, attributes_start_after_the_fixed_header_and_its_padding) {
  MessageBuilder builder;
  builder.begin_message(RTM_GETLINK, NLM_F_REQUEST).append_header(rtgenmsg{.rtgen_family = AF_PACKET});
  builder.add_u32(IFLA_EXT_MASK, RTEXT_FILTER_VF);
  const Message message = *MessageRange(builder.bytes()).begin();

  const Result<AttributeRange> attributes = message.attributes(sizeof(rtgenmsg));
  ASSERT_TRUE(attributes);
  EXPECT_EQ(attributes->bytes().data(), message.payload().data() + 4);
  ASSERT_TRUE(attributes->find(IFLA_EXT_MASK));
  EXPECT_EQ(attributes->find(IFLA_EXT_MASK)->u32().value(), uint32_t{RTEXT_FILTER_VF});
}

TEST(Message, attributes_after_a_fixed_header_longer_than_the_payload_are_a_truncated_message) {
  const std::vector<std::byte> bytes = raw_message({}, sizeof(ifinfomsg) - 4);
  const Result<AttributeRange> attributes = only_message(bytes).attributes(sizeof(ifinfomsg));
  ASSERT_FALSE(attributes);
  EXPECT_EQ(attributes.error().code(), errc::truncated_message);
}

// Requests built with NLMSG_LENGTH(sizeof(struct rtgenmsg)) are 17 bytes
// long; the kernel's nlmsg_parse() accepts them and finds no attributes.
TEST(Message, attributes_after_an_unpadded_fixed_header_that_ends_the_message_are_empty) {
  const std::vector<std::byte> bytes = concat(
      {raw_message({.type = RTM_GETLINK, .nlmsg_len = NLMSG_LENGTH(sizeof(rtgenmsg))}, 1), std::vector<std::byte>(3)});
  const Message message = only_message(bytes);
  ASSERT_EQ(message.length(), 17u);
  const Result<AttributeRange> attributes = message.attributes(sizeof(rtgenmsg));
  ASSERT_TRUE(attributes);
  EXPECT_TRUE(attributes->empty());
  EXPECT_TRUE(attributes->validate());
}

TEST(MessageRange, iteration_visits_messages_back_to_back_including_unaligned_lengths) {
  const std::vector<std::byte> bytes =
      concat({raw_message({.type = RTM_NEWLINK, .seq = 1}, 16), raw_message({.type = RTM_NEWLINK, .nlmsg_len = 17}, 4),
              raw_message({.type = NLMSG_DONE, .seq = 3}, 4)});
  const MessageRange range{Bytes(bytes)};
  EXPECT_EQ(lengths_of(range), (std::vector<uint32_t>{32, 17, 20}));
  std::vector<uint16_t> types;
  for (const Message& message : range) types.push_back(message.type());
  EXPECT_EQ(types, (std::vector<uint16_t>{RTM_NEWLINK, RTM_NEWLINK, NLMSG_DONE}));
  EXPECT_TRUE(range.validate());
}

TEST(MessageRange, an_empty_span_has_no_messages_and_is_valid) {
  EXPECT_EQ(MessageRange().begin(), MessageRange().end());
  EXPECT_TRUE(MessageRange().validate());
}

struct LengthCase {
  const char* name;
  std::vector<std::byte> second;  ///< follows one good 20-byte message
  std::optional<size_t> bad_offset;
};

TEST(MessageRange, validate_accepts_exact_tiling_and_names_the_offset_of_the_first_bad_length) {
  const std::vector<LengthCase> cases{
      {"exact tiling", raw_message({}, 8), std::nullopt},
      {"zero nlmsg_len", raw_message({.nlmsg_len = 0}, 8), 20},
      {"nlmsg_len below the header size", raw_message({.nlmsg_len = 15}, 8), 20},
      {"nlmsg_len past the end", raw_message({.nlmsg_len = 25}, 8), 20},
      {"nlmsg_len far past the end", raw_message({.nlmsg_len = 0xffffffff}, 8), 20},
      {"a partial header", std::vector<std::byte>(15), 20},
      {"3 trailing bytes", std::vector<std::byte>(3), 20},
  };
  for (const LengthCase& test : cases) {
    SCOPED_TRACE(test.name);
    const std::vector<std::byte> bytes = concat({raw_message({}, 4), test.second});
    const MessageRange range{Bytes(bytes)};
    const Result<void> valid = range.validate();
    if (!test.bad_offset) {
      EXPECT_TRUE(valid);
      EXPECT_EQ(lengths_of(range), (std::vector<uint32_t>{20, 24}));
      continue;
    }
    ASSERT_FALSE(valid);
    EXPECT_EQ(valid.error().code(), errc::truncated_message);
    EXPECT_EQ(valid.error().context(), "bad message header at offset " + std::to_string(*test.bad_offset));
    EXPECT_EQ(lengths_of(range), std::vector<uint32_t>{20});
  }
}

// Robustness: whatever the bytes, walking them reads only inside the buffer
// and every loop ends. The sanitizer tier runs this under ASan+UBSan, so each
// input lives in its own allocation of exactly its size.

// A loop over records at least four bytes long can take no more steps than this.
size_t step_bound(Bytes bytes) { return bytes.size() / Attribute::header_size + 1; }

bool inside(Bytes part, Bytes whole) {
  return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

// How far into whole a record and its padding reach (padding may be cut off).
size_t reach(Bytes record, Bytes whole) {
  return std::min(static_cast<size_t>(record.data() - whole.data()) + align4(record.size()), whole.size());
}

// Calls every getter of every attribute, then walks each payload as nested
// attributes whatever the flags say, as a careless reader might. validate()
// must agree with iteration: valid exactly when the records reach the end.
void walk_attributes(const AttributeRange& range) {
  size_t steps = 0;
  size_t covered = 0;
  for (const Attribute& attribute : range) {
    ASSERT_LE(++steps, step_bound(range.bytes())) << "attribute iteration does not end";
    ASSERT_TRUE(inside(attribute.bytes(), range.bytes()));
    covered = reach(attribute.bytes(), range.bytes());
    ASSERT_GE(attribute.bytes().size(), Attribute::header_size);
    (void)attribute.raw_type();
    (void)attribute.u8(), (void)attribute.u16(), (void)attribute.u32(), (void)attribute.u64();
    (void)attribute.s8(), (void)attribute.s16(), (void)attribute.s32(), (void)attribute.s64();
    (void)attribute.be16(), (void)attribute.be32(), (void)attribute.be64(), (void)attribute.uint();
    (void)attribute.as<ifinfomsg>();
    EXPECT_LE(attribute.string().size(), attribute.payload().size());
    (void)range.find(attribute.type());
    walk_attributes(attribute.nested());
  }
  EXPECT_EQ(static_cast<bool>(range.validate()), covered == range.bytes().size());
}

void walk_messages(Bytes bytes) {
  size_t steps = 0;
  size_t covered = 0;
  for (const Message& message : MessageRange(bytes)) {
    ASSERT_LE(++steps, step_bound(bytes)) << "message iteration does not end";
    ASSERT_TRUE(inside(message.bytes(), bytes));
    covered = reach(message.bytes(), bytes);
    ASSERT_EQ(message.bytes().size(), message.length());
    (void)message.type(), (void)message.flags(), (void)message.seq(), (void)message.port_id();
    (void)message.fixed_header<ifinfomsg>();
    for (size_t fixed_header_size : {size_t{0}, sizeof(rtgenmsg), sizeof(ifinfomsg)}) {
      if (const Result<AttributeRange> attributes = message.attributes(fixed_header_size)) {
        ASSERT_TRUE(inside(attributes->bytes(), message.payload()));
        walk_attributes(*attributes);
      }
    }
  }
  EXPECT_EQ(static_cast<bool>(MessageRange(bytes).validate()), covered == bytes.size());
}

// A dump-like batch: links with nests in nests, a request with a 1-byte
// header, a bare message, and the NLMSG_DONE that ends a dump.
MessageBuilder sample_batch() {
  MessageBuilder builder;
  for (int ifindex = 1; ifindex <= 2; ++ifindex) {
    ifinfomsg link{};
    link.ifi_index = ifindex;
    builder.begin_message(RTM_NEWLINK, NLM_F_MULTI).append_header(link);
    builder.add_string(IFLA_IFNAME, "veth" + std::to_string(ifindex)).add_u32(IFLA_MTU, 1500).add_u8(IFLA_OPERSTATE, 6);
    const MessageBuilder::Nest linkinfo = builder.begin_nested(IFLA_LINKINFO);
    builder.add_string(IFLA_INFO_KIND, "veth");
    const MessageBuilder::Nest data = builder.begin_nested(IFLA_INFO_DATA);
    builder.add_u64(1, 0x0102030405060708).add_be16(2, 0x0800).add_flag(3);
    builder.end_nested(data).end_nested(linkinfo);
  }
  builder.begin_message(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP).append_header(rtgenmsg{.rtgen_family = AF_UNSPEC});
  builder.add_u32(IFLA_EXT_MASK, RTEXT_FILTER_VF);
  builder.begin_message(NLMSG_NOOP, 0);
  builder.begin_message(NLMSG_DONE, NLM_F_MULTI).add_s32(0, 0);
  EXPECT_TRUE(builder.status());
  return builder;
}

TEST(WireParsing, every_truncation_of_a_batch_yields_exactly_its_whole_messages) {
  const MessageBuilder batch = sample_batch();
  std::vector<size_t> message_ends;
  for (const Message& message : MessageRange(batch.bytes()))
    message_ends.push_back(static_cast<size_t>(message.bytes().data() - batch.bytes().data()) + message.length());
  ASSERT_EQ(message_ends.size(), batch.message_count());
  ASSERT_EQ(message_ends.back(), batch.bytes().size());

  for (size_t size = 0; size <= batch.bytes().size(); ++size) {
    SCOPED_TRACE("prefix of " + std::to_string(size) + " bytes");
    const std::vector<std::byte> prefix(batch.bytes().begin(), batch.bytes().begin() + static_cast<ptrdiff_t>(size));
    const auto whole_messages = std::upper_bound(message_ends.begin(), message_ends.end(), size) - message_ends.begin();
    const MessageRange range{Bytes(prefix)};
    EXPECT_EQ(std::distance(range.begin(), range.end()), whole_messages);
    const bool at_a_boundary = size == 0 || std::binary_search(message_ends.begin(), message_ends.end(), size);
    EXPECT_EQ(static_cast<bool>(range.validate()), at_a_boundary);
    walk_messages(prefix);
    if (testing::Test::HasFatalFailure()) return;
  }
}

TEST(WireParsing, random_mutations_of_a_batch_are_read_in_bounds_and_iteration_ends) {
  const MessageBuilder batch = sample_batch();
  std::mt19937 random(20240607);  // fixed, so a failure reproduces
  std::uniform_int_distribution<size_t> position(0, batch.bytes().size() - 1);
  std::uniform_int_distribution<int> byte_value(0, 255);
  std::uniform_int_distribution<int> edit_count(1, 4);
  // Lengths near the interesting boundaries find more than uniform bytes do.
  constexpr uint8_t edge_values[] = {0, 1, 3, 4, 5, 15, 16, 17, 0x7f, 0x80, 0xfe, 0xff};
  std::uniform_int_distribution<size_t> edge_index(0, std::size(edge_values) - 1);

  for (int round = 0; round < 4000; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    std::vector<std::byte> mutated(batch.bytes().begin(), batch.bytes().end());
    for (int edit = edit_count(random); edit > 0; --edit) {
      const bool edge = byte_value(random) % 2 == 0;
      mutated[position(random)] =
          std::byte{edge ? edge_values[edge_index(random)] : static_cast<uint8_t>(byte_value(random))};
    }
    const size_t size = round % 4 == 0 ? position(random) : mutated.size();
    walk_messages(std::vector<std::byte>(mutated.begin(), mutated.begin() + static_cast<ptrdiff_t>(size)));
    if (testing::Test::HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace nlpp::wire

#include <nlpp/schema/decoder.hpp>

#include <nlpp/schema/netlink_protocol.hpp>

#include "unit/schema_test_support.hpp"

#include <gtest/gtest.h>

#include <linux/genetlink.h>
#include <linux/netlink.h>

#include <array>
#include <cstring>
#include <vector>

namespace nlpp::schema {
namespace {

using test::bytes;
using test::value_of;
namespace tables = test::tables;
using tables::link_message;
using tables::only_message;

std::vector<std::byte> to_vector(wire::Bytes bytes) { return {bytes.begin(), bytes.end()}; }

DecodedMessage decode_link(const wire::MessageBuilder& builder) {
  return decode(tables::link_family, only_message(builder), Direction::reply).value();
}

// The builder's message must decode and encode back to the same bytes.
DecodedMessage decode_round_trip(const wire::MessageBuilder& builder) {
  DecodedMessage decoded = decode_link(builder);
  EXPECT_EQ(encode(decoded).value(), to_vector(builder.bytes()));
  return decoded;
}

TEST(Decoder, keeps_the_netlink_header_and_decodes_the_fixed_header_by_member) {
  wire::MessageBuilder builder = link_message({.family = 10, .pad = {}, .index = -3, .flags = 9});
  builder.mutable_bytes()[8] = std::byte{42};  // nlmsg_seq
  const DecodedMessage message = decode_round_trip(builder);

  EXPECT_EQ(message.nlmsg_type, tables::newlink);
  EXPECT_EQ(message.nlmsg_flags, NLM_F_MULTI);
  EXPECT_EQ(message.nlmsg_seq, 42u);
  EXPECT_EQ(message.message_type, &tables::link_messages[0]);
  ASSERT_TRUE(message.fixed_header);
  EXPECT_EQ(message.fixed_header->descriptor, &tables::header);
  EXPECT_EQ(message.fixed_header->bytes.size(), sizeof(tables::TestHeader));
  EXPECT_EQ(std::get<Unsigned>(*message.fixed_header->member("family")).value, 10u);
  EXPECT_EQ(std::get<Signed>(*message.fixed_header->member("index")).value, -3);
  EXPECT_EQ(std::get<Unsigned>(*message.fixed_header->member("flags")).value, 9u);
  EXPECT_FALSE(message.fixed_header->member("pad"));
  EXPECT_FALSE(message.fixed_header->member("nonexistent"));
}

TEST(Decoder, decodes_scalars_by_their_descriptor_type_and_byte_order) {
  wire::MessageBuilder builder = link_message();
  builder.add_string(tables::ifname, "eth0")
      .add_u32(tables::mtu, 1500)
      .add_u8(tables::operstate, 6)
      .add_flag(tables::carrier)
      .add_be32(tables::gateway, 0xc0000201)
      .add_s16(tables::weight, -2)
      .add_u64(tables::id, 0x1234);
  const DecodedMessage message = decode_round_trip(builder);

  EXPECT_EQ(value_of<String>(message, "ifname"), (String{"eth0", true}));
  EXPECT_EQ(value_of<Unsigned>(message, "mtu"), (Unsigned{1500, 4, ByteOrder::host}));
  EXPECT_EQ(value_of<Unsigned>(message, "operstate"), (Unsigned{6, 1, ByteOrder::host}));
  EXPECT_EQ(value_of<Flag>(message, "carrier"), Flag{});
  EXPECT_EQ(value_of<Unsigned>(message, "gateway"), (Unsigned{0xc0000201, 4, ByteOrder::big_endian}));
  EXPECT_EQ(value_of<Signed>(message, "weight"), (Signed{-2, 2, ByteOrder::host}));
  EXPECT_EQ(value_of<Unsigned>(message, "id").value, 0x1234u);
  EXPECT_EQ(message.find("mtu")->descriptor->name, "mtu");
}

TEST(Decoder, keeps_the_width_of_uint_and_sint) {
  wire::MessageBuilder builder = link_message();
  builder.add_u32(tables::big, 7).add_s64(tables::offset, -9);
  const DecodedMessage narrow = decode_round_trip(builder);
  EXPECT_EQ(value_of<Unsigned>(narrow, "big"), (Unsigned{7, 4, ByteOrder::host}));
  EXPECT_EQ(value_of<Signed>(narrow, "offset"), (Signed{-9, 8, ByteOrder::host}));

  wire::MessageBuilder wide = link_message();
  wide.add_u64(tables::big, 7);
  EXPECT_EQ(value_of<Unsigned>(decode_round_trip(wide), "big"), (Unsigned{7, 8, ByteOrder::host}));
}

TEST(Decoder, keeps_whether_a_string_had_its_nul) {
  wire::MessageBuilder builder = link_message();
  builder.add(tables::ifname, wire::bytes_of(std::string_view("eth1")));
  EXPECT_EQ(value_of<String>(decode_round_trip(builder), "ifname"), (String{"eth1", false}));
}

TEST(Decoder, keeps_a_string_with_bytes_after_its_nul_as_raw) {
  wire::MessageBuilder builder = link_message();
  builder.add(tables::ifname, wire::bytes_of(std::string_view("lo\0\0x", 5)));
  const DecodedMessage message = decode_round_trip(builder);
  EXPECT_EQ(value_of<Raw>(message, "ifname").bytes, bytes({'l', 'o', 0, 0, 'x'}));
  EXPECT_EQ(message.find("ifname")->descriptor, &tables::link_attributes[1]);
}

TEST(Decoder, keeps_a_payload_of_the_wrong_size_as_raw) {
  wire::MessageBuilder builder = link_message();
  builder.add_u16(tables::mtu, 1500).add_u32(tables::carrier, 1).add_u32(tables::change, 3);
  const DecodedMessage message = decode_round_trip(builder);
  EXPECT_EQ(value_of<Raw>(message, "mtu").bytes, bytes({0xdc, 0x05}));
  EXPECT_EQ(value_of<Raw>(message, "carrier").bytes.size(), 4u);
  EXPECT_EQ(value_of<Raw>(message, "change").bytes.size(), 4u);
}

TEST(Decoder, keeps_unknown_attributes_raw_with_their_flags) {
  wire::MessageBuilder builder = link_message();
  builder.add(NLA_F_NET_BYTEORDER | 999, bytes({1, 2, 3}));
  const DecodedMessage message = decode_round_trip(builder);
  ASSERT_EQ(message.attributes.size(), 1u);
  const DecodedAttribute& unknown = message.attributes[0];
  EXPECT_EQ(unknown.raw_type, NLA_F_NET_BYTEORDER | 999);
  EXPECT_EQ(unknown.type(), 999);
  EXPECT_EQ(unknown.descriptor, nullptr);
  EXPECT_EQ(unknown.name(), "999");
  EXPECT_EQ(unknown.get<Raw>()->bytes, bytes({1, 2, 3}));
  EXPECT_EQ(message.find("999"), &unknown);
}

TEST(Decoder, decodes_binary_structs_and_bitfields) {
  wire::MessageBuilder builder = link_message();
  const std::array<uint64_t, 3> counters{11, 22, 33};  // one more than the struct: kernel structs grow
  const std::array<uint32_t, 2> bitfield{1, 9};
  builder.add(tables::address, bytes({2, 0, 0, 0, 0, 1}))
      .add(tables::stats, wire::bytes_of(counters))
      .add(tables::change, wire::bytes_of(bitfield));
  const DecodedMessage message = decode_round_trip(builder);

  EXPECT_EQ(value_of<Binary>(message, "address").bytes, bytes({2, 0, 0, 0, 0, 1}));
  const auto& stats = value_of<DecodedStruct>(message, "stats");
  EXPECT_EQ(stats.descriptor, &tables::stats_struct);
  EXPECT_EQ(stats.bytes.size(), 24u);
  EXPECT_EQ(std::get<Unsigned>(*stats.member("tx")).value, 22u);
  EXPECT_EQ(value_of<Bitfield32>(message, "change"), (Bitfield32{1, 9}));
}

TEST(Decoder, keeps_a_struct_payload_shorter_than_its_struct_raw) {
  wire::MessageBuilder builder = link_message();
  builder.add_u64(tables::stats, 1);
  EXPECT_EQ(value_of<Raw>(decode_round_trip(builder), "stats").bytes.size(), 8u);
}

TEST(Decoder, picks_a_sub_message_by_its_sibling_selector) {
  wire::MessageBuilder builder = link_message();
  tables::add_linkinfo(builder, "vlan", [](wire::MessageBuilder& data) {
    data.add_u16(tables::vlan_id, 100).add_be16(tables::vlan_protocol, 0x8100);
  });
  const DecodedMessage message = decode_round_trip(builder);

  EXPECT_EQ(message.find("linkinfo")->raw_type, NLA_F_NESTED | tables::linkinfo);
  EXPECT_EQ(value_of<String>(message, "linkinfo.kind").text, "vlan");
  const auto& sub_message = value_of<SubMessageValue>(message, "linkinfo.data");
  EXPECT_EQ(sub_message.format, &tables::data_formats[0]);
  EXPECT_FALSE(sub_message.fixed_header);
  EXPECT_EQ(value_of<Unsigned>(message, "linkinfo.data.id").value, 100u);
  EXPECT_EQ(value_of<Unsigned>(message, "linkinfo.data.protocol").value, 0x8100u);
}

TEST(Decoder, finds_the_selector_even_after_the_sub_message) {
  wire::MessageBuilder builder = link_message();
  auto info = builder.begin_nested(tables::linkinfo);
  auto data = builder.begin_nested(tables::info_data);
  builder.add_u16(tables::vlan_id, 5);
  builder.end_nested(data);
  builder.add_string(tables::info_kind, "vlan");
  builder.end_nested(info);
  EXPECT_EQ(value_of<Unsigned>(decode_round_trip(builder), "linkinfo.data.id").value, 5u);
}

TEST(Decoder, decodes_a_sub_message_fixed_header_before_its_attributes) {
  wire::MessageBuilder builder = link_message();
  tables::add_linkinfo(builder, "netem", [](wire::MessageBuilder& data) {
    data.append_header(std::array<uint32_t, 2>{100, 1000});  // the qopt struct, inside the open nest
    data.add_u32(tables::netem_loss, 3);
  });
  const DecodedMessage message = decode_round_trip(builder);

  const auto& netem = value_of<SubMessageValue>(message, "linkinfo.data");
  ASSERT_TRUE(netem.fixed_header);
  EXPECT_EQ(std::get<Unsigned>(*netem.fixed_header->member("limit")).value, 1000u);
  EXPECT_EQ(value_of<Unsigned>(message, "linkinfo.data.loss").value, 3u);
}

TEST(Decoder, finds_a_selector_two_levels_up) {
  wire::MessageBuilder builder = link_message();
  builder.add_string(tables::kind, "vlan");
  auto xstats = builder.begin_nested(tables::xstats);
  auto app = builder.begin_nested(tables::xstats_app);
  builder.add_u32(tables::app_count, 12);
  builder.end_nested(app).end_nested(xstats);
  EXPECT_EQ(value_of<Unsigned>(decode_round_trip(builder), "xstats.app.count").value, 12u);
}

TEST(Decoder, keeps_a_sub_message_of_unknown_or_missing_kind_raw) {
  for (std::string_view kind : {"nosuchkind", ""}) {
    wire::MessageBuilder builder = link_message();
    tables::add_linkinfo(builder, kind, [](wire::MessageBuilder& data) { data.add_u16(tables::vlan_id, 5); });
    EXPECT_EQ(value_of<Raw>(decode_round_trip(builder), "linkinfo.data").bytes.size(), 8u) << kind;
  }
}

TEST(Decoder, decodes_a_format_without_attributes_as_unknown_children) {
  wire::MessageBuilder builder = link_message();
  tables::add_linkinfo(builder, "dummy", [](wire::MessageBuilder& data) { data.add_u8(1, 1); });
  const DecodedMessage message = decode_round_trip(builder);
  EXPECT_EQ(value_of<Raw>(message, "linkinfo.data.1").bytes, bytes({1}));
}

TEST(Decoder, decodes_indexed_arrays_of_scalars_and_of_nests) {
  wire::MessageBuilder builder = link_message();
  tables::add_targets(builder);
  auto groups = builder.begin_nested(tables::groups);
  auto first = builder.begin_nested(1);
  builder.add_string(tables::group_name, "a").add_u32(tables::group_level, 3);
  builder.end_nested(first).end_nested(groups);
  const DecodedMessage message = decode_round_trip(builder);

  const auto& addresses = value_of<Nested>(message, "targets").attributes;
  ASSERT_EQ(addresses.size(), 2u);
  EXPECT_EQ(addresses[1].type(), 1);
  EXPECT_EQ(addresses[1].descriptor, nullptr);
  EXPECT_EQ(*addresses[1].get<Unsigned>(), (Unsigned{0x0a000002, 4, ByteOrder::big_endian}));
  EXPECT_EQ(value_of<Unsigned>(message, "groups.1.level").value, 3u);
  EXPECT_EQ(message.find("groups.1.level")->descriptor, &tables::group_attributes[1]);
}

TEST(Decoder, decodes_nest_type_value_children_as_nests) {
  wire::MessageBuilder builder = link_message();
  auto typed = builder.begin_nested(tables::typed);
  auto entry = builder.begin_nested(42);
  builder.add_string(tables::group_name, "x");
  builder.end_nested(entry).end_nested(typed);
  EXPECT_EQ(value_of<String>(decode_round_trip(builder), "typed.42.name").text, "x");
}

TEST(Decoder, keeps_a_nest_whose_attributes_do_not_tile_it_raw) {
  wire::MessageBuilder builder = link_message();
  // A nest holding an attribute header that claims 8 bytes of a 6-byte payload.
  builder.add(NLA_F_NESTED | tables::linkinfo, bytes({8, 0, 1, 0, 'a', 0}));
  const DecodedMessage message = decode_round_trip(builder);
  EXPECT_EQ(value_of<Raw>(message, "linkinfo").bytes.size(), 6u);
}

TEST(Decoder, stops_nesting_at_the_maximum_depth) {
  wire::MessageBuilder builder = link_message();
  std::vector<wire::MessageBuilder::Nest> nests{builder.begin_nested(tables::recursive)};
  for (int level = 0; level < 100; ++level) nests.push_back(builder.begin_nested(tables::recursive_inner));
  for (auto it = nests.rbegin(); it != nests.rend(); ++it) builder.end_nested(*it);
  const DecodedMessage message = decode_round_trip(builder);

  const DecodedAttribute* attribute = message.find("recursive");
  int depth = 0;
  while (attribute->get<Nested>() != nullptr) {
    attribute = &attribute->children().front();
    ++depth;
  }
  EXPECT_EQ(depth, 32);
  EXPECT_NE(attribute->get<Raw>(), nullptr);
}

TEST(Decoder, keeps_bytes_after_the_last_whole_attribute_unparsed) {
  wire::MessageBuilder builder = link_message();
  builder.add_u32(tables::mtu, 1500);
  std::vector<std::byte> bytes = to_vector(builder.bytes());
  const std::array<uint8_t, 6> tail{200, 0, 1, 0, 0xaa, 0xbb};  // an attribute longer than what is left
  for (uint8_t byte : tail) bytes.push_back(std::byte{byte});
  const auto length = static_cast<uint32_t>(bytes.size());
  std::memcpy(bytes.data(), &length, sizeof length);

  const DecodedMessage message = decode(tables::link_family, wire::Message(bytes), Direction::reply).value();
  EXPECT_EQ(message.attributes.size(), 1u);
  EXPECT_EQ(message.unparsed.size(), tail.size());
  EXPECT_EQ(encode(message).value(), bytes);
}

TEST(Decoder, keeps_a_payload_shorter_than_the_fixed_header_unparsed) {
  wire::MessageBuilder builder;
  builder.begin_message(tables::newlink, 0);
  builder.append_header_bytes(bytes({1, 2, 3, 4}));
  const DecodedMessage message = decode_round_trip(builder);
  EXPECT_FALSE(message.fixed_header);
  EXPECT_EQ(message.unparsed, bytes({1, 2, 3, 4}));
}

TEST(Decoder, keeps_the_payload_of_an_undescribed_message_unparsed) {
  wire::MessageBuilder builder;
  builder.begin_message(99, 0).add_u32(1, 1);
  const DecodedMessage message = decode(tables::link_family, only_message(builder), Direction::reply).value();
  EXPECT_EQ(message.message_type, nullptr);
  EXPECT_TRUE(message.attributes.empty());
  EXPECT_EQ(message.unparsed.size(), 8u);
  EXPECT_EQ(encode(message).value(), to_vector(builder.bytes()));
}

TEST(Decoder, rejects_a_view_that_is_not_a_whole_message) {
  EXPECT_EQ(decode(tables::link_family, wire::Message(), Direction::reply).error().code(), errc::truncated_message);
  wire::MessageBuilder builder = link_message();
  const wire::Bytes cut = builder.bytes().first(builder.bytes().size() - 4);
  EXPECT_EQ(decode(tables::link_family, wire::Message(cut), Direction::reply).error().code(), errc::truncated_message);
}

TEST(Decoder, decodes_a_capped_error_with_its_extended_ack) {
  wire::MessageBuilder builder;
  builder.begin_message(NLMSG_ERROR, NLM_F_CAPPED | NLM_F_ACK_TLVS);
  const nlmsgerr error{.error = -22,
                       .msg = {.nlmsg_len = 40, .nlmsg_type = 16, .nlmsg_flags = 5, .nlmsg_seq = 7, .nlmsg_pid = 0}};
  builder.append_header(error);
  builder.add_string(NLMSGERR_ATTR_MSG, "bad thing").add_u32(NLMSGERR_ATTR_OFFS, 36);
  auto policy = builder.begin_nested(NLMSGERR_ATTR_POLICY);
  builder.add_u32(NL_POLICY_TYPE_ATTR_TYPE, NL_ATTR_TYPE_U32);
  builder.end_nested(policy);
  builder.add_u32(NLMSGERR_ATTR_MISS_TYPE, 3).add_u32(NLMSGERR_ATTR_MISS_NEST, 32);
  const DecodedMessage message = decode(tables::link_family, only_message(builder), Direction::reply).value();

  EXPECT_EQ(encode(message).value(), to_vector(builder.bytes()));
  EXPECT_EQ(message.message_type->name, "error");
  EXPECT_EQ(std::get<Signed>(*message.fixed_header->member("error")).value, -22);
  EXPECT_EQ(std::get<Unsigned>(*message.fixed_header->member("msg-seq")).value, 7u);
  EXPECT_EQ(value_of<String>(message, "msg").text, "bad thing");
  EXPECT_EQ(value_of<Unsigned>(message, "offs").value, 36u);
  EXPECT_EQ(value_of<Unsigned>(message, "policy.type").value, unsigned{NL_ATTR_TYPE_U32});
  EXPECT_EQ(value_of<Unsigned>(message, "miss-type").value, 3u);
  EXPECT_EQ(value_of<Unsigned>(message, "miss-nest").value, 32u);
}

TEST(Decoder, keeps_the_echoed_request_of_an_uncapped_error_in_its_header) {
  wire::MessageBuilder request = link_message();
  request.add_u32(tables::mtu, 1);
  wire::MessageBuilder builder;
  builder.begin_message(NLMSG_ERROR, NLM_F_ACK_TLVS);
  const int32_t error = -95;
  std::vector<std::byte> header = to_vector(wire::bytes_of(error));
  header.insert(header.end(), request.bytes().begin(), request.bytes().end());
  builder.append_header_bytes(header);
  builder.add_string(NLMSGERR_ATTR_MSG, "Unknown device type");
  const DecodedMessage message = decode(NETLINK_ROUTE, only_message(builder), Direction::reply).value();

  EXPECT_EQ(encode(message).value(), to_vector(builder.bytes()));
  EXPECT_EQ(message.fixed_header->bytes.size(), header.size());
  EXPECT_EQ(std::get<Unsigned>(*message.fixed_header->member("msg-len")).value, request.bytes().size());
  EXPECT_EQ(value_of<String>(message, "msg").text, "Unknown device type");
}

TEST(Decoder, decodes_done_with_its_error) {
  wire::MessageBuilder builder;
  builder.begin_message(NLMSG_DONE, NLM_F_MULTI).append_header(int32_t{0});
  const DecodedMessage message = decode(NETLINK_ROUTE, only_message(builder), Direction::reply).value();
  EXPECT_EQ(encode(message).value(), to_vector(builder.bytes()));
  EXPECT_EQ(message.message_type, netlink_control.find_reply(NLMSG_DONE));
  EXPECT_EQ(std::get<Signed>(*message.fixed_header->member("error")).value, 0);
  EXPECT_TRUE(message.attributes.empty());
}

TEST(Decoder, decodes_a_generic_netlink_message_after_its_genlmsghdr) {
  wire::MessageBuilder builder;
  builder.begin_message(0x1234, 0);
  builder.append_header(genlmsghdr{.cmd = tables::genl_get, .version = 2, .reserved = 0});
  builder.append_header(uint32_t{5});
  builder.add_string(1, "dp0");
  const DecodedMessage message = decode(tables::genl_family, only_message(builder), Direction::reply).value();

  EXPECT_EQ(encode(message).value(), to_vector(builder.bytes()));
  EXPECT_EQ(message.message_type, &tables::genl_messages[0]);
  EXPECT_EQ(message.genl_header->descriptor, &genl_header);
  EXPECT_EQ(std::get<Unsigned>(*message.genl_header->member("version")).value, 2u);
  EXPECT_EQ(std::get<Unsigned>(*message.fixed_header->member("ifindex")).value, 5u);
  EXPECT_EQ(value_of<String>(message, "name").text, "dp0");
}

TEST(Decoder, decodes_only_the_genlmsghdr_of_a_generic_netlink_message_by_protocol) {
  wire::MessageBuilder builder;
  builder.begin_message(0x1234, 0).append_header(genlmsghdr{.cmd = 1, .version = 1, .reserved = 0}).add_u32(1, 1);
  const DecodedMessage message = decode(NETLINK_GENERIC, only_message(builder), Direction::reply).value();
  EXPECT_EQ(std::get<Unsigned>(*message.genl_header->member("cmd")).value, 1u);
  EXPECT_EQ(message.unparsed.size(), 8u);
  EXPECT_EQ(encode(message).value(), to_vector(builder.bytes()));
}

TEST(Encoder, writes_an_edited_tree) {
  wire::MessageBuilder builder = link_message();
  builder.add_u32(tables::mtu, 1500).add_string(tables::ifname, "a");
  DecodedMessage message = decode_link(builder);
  std::get<Unsigned>(message.attributes[0].value).value = 9000;
  std::get<String>(message.attributes[1].value).text = "longer";

  wire::MessageBuilder expected = link_message();
  expected.add_u32(tables::mtu, 9000).add_string(tables::ifname, "longer");
  EXPECT_EQ(encode(message).value(), to_vector(expected.bytes()));
}

TEST(Encoder, rejects_an_integer_of_an_impossible_size) {
  DecodedMessage message;
  message.attributes.push_back({.raw_type = 1, .descriptor = nullptr, .value = Unsigned{1, 3, ByteOrder::host}});
  const auto encoded = encode(message);
  ASSERT_FALSE(encoded);
  EXPECT_EQ(encoded.error().code(), errc::invalid_argument);
  EXPECT_EQ(encoded.error().context(), "attribute 1: an integer of 3 bytes");
}

TEST(Encoder, rejects_an_attribute_longer_than_nla_len_allows) {
  DecodedMessage message;
  message.attributes.push_back({.raw_type = 1, .descriptor = nullptr, .value = Raw{std::vector<std::byte>(70000)}});
  EXPECT_EQ(encode(message).error().code(), errc::invalid_argument);
}

}  // namespace
}  // namespace nlpp::schema

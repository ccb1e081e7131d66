#include <nlpp/schema/json.hpp>

#include <nlpp/schema/decoder.hpp>

#include "unit/schema_test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <linux/netlink.h>

#include <array>

namespace nlpp::schema {
namespace {

using test::bytes;
namespace tables = test::tables;
using nlohmann::json;
using tables::link_message;
using tables::only_message;

// The message's JSON, which must parse.
json json_of(const wire::MessageBuilder& builder) {
  const std::string text = to_json(decode(tables::link_family, only_message(builder), Direction::reply).value());
  return json::parse(text);
}

json attributes_of(const wire::MessageBuilder& builder) { return json_of(builder)["attributes"]; }

TEST(Json, prints_the_netlink_header_the_message_name_and_the_fixed_header) {
  wire::MessageBuilder builder = link_message({.family = 2, .pad = {}, .index = -1, .flags = 1 | 8});
  const json message = json_of(builder);
  EXPECT_EQ(message["nlmsg_type"], tables::newlink);
  EXPECT_EQ(message["nlmsg_flags"], NLM_F_MULTI);
  EXPECT_EQ(message["nlmsg_seq"], 0);
  EXPECT_EQ(message["message"], "newlink");
  EXPECT_EQ(message["header"], json::parse(R"({"family":2,"index":-1,"flags":["up","loopback"]})"));
  EXPECT_EQ(message["attributes"], json::object());
  EXPECT_FALSE(message.contains("unparsed"));
}

TEST(Json, prints_integers_as_numbers_or_by_their_enum_names) {
  wire::MessageBuilder builder = link_message();
  builder.add_u32(tables::mtu, 65536)
      .add_u8(tables::operstate, 2)
      .add_u32(tables::flags, 1 | 2 | 64)
      .add_s16(tables::weight, -7)
      .add_u64(tables::big, 18446744073709551615u);
  const json attributes = attributes_of(builder);
  EXPECT_EQ(attributes["mtu"], 65536);
  EXPECT_EQ(attributes["operstate"], "down");
  EXPECT_EQ(attributes["flags"], json::parse(R"(["up","broadcast",64])"));
  EXPECT_EQ(attributes["weight"], -7);
  EXPECT_EQ(attributes["big"].get<uint64_t>(), 18446744073709551615u);
}

TEST(Json, keeps_an_enum_value_without_a_name_a_number) {
  wire::MessageBuilder builder = link_message();
  builder.add_u8(tables::operstate, 5);
  EXPECT_EQ(attributes_of(builder)["operstate"], 5);
}

TEST(Json, applies_display_hints) {
  wire::MessageBuilder builder = link_message();
  const std::array<uint8_t, 16> ipv6{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  builder.add(tables::address, bytes({0x02, 0, 0x5e, 0x10, 0xab, 0xff}))
      .add_be32(tables::gateway, 0xc0000201)
      .add(tables::address6, wire::bytes_of(ipv6))
      .add_u64(tables::id, 0x1f)
      .add(tables::stats, bytes({1, 2}));
  const json attributes = attributes_of(builder);
  EXPECT_EQ(attributes["address"], "02:00:5e:10:ab:ff");
  EXPECT_EQ(attributes["gateway"], "192.0.2.1");
  EXPECT_EQ(attributes["address6"], "2001:db8::1");
  EXPECT_EQ(attributes["id"], "0x1f");
  EXPECT_EQ(attributes["stats"], "0102");  // too short for its struct: raw hex
}

TEST(Json, prints_unknown_attributes_as_hex_under_their_type) {
  wire::MessageBuilder builder = link_message();
  builder.add(777, bytes({0xde, 0xad}));
  EXPECT_EQ(attributes_of(builder)["attr-777"], "dead");
}

TEST(Json, gathers_repeated_attributes_into_an_array) {
  wire::MessageBuilder builder = link_message();
  builder.add_u32(tables::mtu, 1).add_string(tables::ifname, "x").add_u32(tables::mtu, 2);
  const json attributes = attributes_of(builder);
  EXPECT_EQ(attributes["mtu"], json::parse("[1,2]"));
  EXPECT_EQ(attributes["ifname"], "x");
}

TEST(Json, prints_nests_arrays_and_structs_as_json_structure) {
  wire::MessageBuilder builder = link_message();
  tables::add_targets(builder);
  auto typed = builder.begin_nested(tables::typed);
  auto entry = builder.begin_nested(42);
  builder.add_string(tables::group_name, "x");
  builder.end_nested(entry).end_nested(typed);
  const std::array<uint64_t, 2> counters{5, 6};
  const std::array<uint32_t, 2> change{1, 3};
  const std::array<uint16_t, 3> ports{80, 443, 8080};
  builder.add(tables::stats, wire::bytes_of(counters))
      .add(tables::change, wire::bytes_of(change))
      .add(tables::ports, wire::bytes_of(ports))
      .add_flag(tables::carrier);
  const json attributes = attributes_of(builder);
  EXPECT_EQ(attributes["targets"], json::parse(R"(["10.0.0.1","10.0.0.2"])"));
  EXPECT_EQ(attributes["typed"], json::parse(R"({"42":{"name":"x"}})"));
  EXPECT_EQ(attributes["stats"], json::parse(R"({"rx":5,"tx":6})"));
  EXPECT_EQ(attributes["change"], json::parse(R"({"value":["up"],"selector":["up","broadcast"]})"));
  EXPECT_EQ(attributes["ports"], json::parse("[80,443,8080]"));
  EXPECT_EQ(attributes["carrier"], true);
}

TEST(Json, prints_sub_messages_with_their_fixed_header) {
  wire::MessageBuilder builder = link_message();
  tables::add_linkinfo(builder, "netem", [](wire::MessageBuilder& data) {
    data.append_header(std::array<uint32_t, 2>{100, 1000});
    data.add_u32(tables::netem_loss, 3);
  });
  EXPECT_EQ(attributes_of(builder)["linkinfo"],
            json::parse(R"({"kind":"netem","data":{"header":{"latency":100,"limit":1000},"attributes":{"loss":3}}})"));
}

TEST(Json, escapes_quotes_control_characters_and_bytes_that_are_not_utf8) {
  wire::MessageBuilder builder = link_message();
  builder.add_string(tables::ifname,
                     std::string_view("q\"b\\s\n\t\x01\x7f \xc3\xa9 \xff \xe2\x82 \xed\xa0\x80 \xf0\x9f\x98\x80"));
  const std::string text = to_json(decode(tables::link_family, only_message(builder), Direction::reply).value());
  EXPECT_NE(text.find(R"("q\"b\\s\n\t\u0001)"), std::string::npos) << text;
  const json attributes = json::parse(text)["attributes"];
  EXPECT_EQ(attributes["ifname"],
            "q\"b\\s\n\t\x01\x7f \xc3\xa9 \xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd "
            "\xf0\x9f\x98\x80");
}

TEST(Json, prints_unparsed_bytes_as_hex) {
  wire::MessageBuilder builder;
  builder.begin_message(99, 0).append_header_bytes(bytes({0xab, 0xcd, 0, 0}));
  const json message = json_of(builder);
  EXPECT_FALSE(message.contains("message"));
  EXPECT_EQ(message["unparsed"], "abcd0000");
}

TEST(Json, prints_an_error_with_its_extended_ack_by_name) {
  wire::MessageBuilder builder;
  builder.begin_message(NLMSG_ERROR, NLM_F_CAPPED | NLM_F_ACK_TLVS);
  builder.append_header(nlmsgerr{
      .error = -22, .msg = {.nlmsg_len = 32, .nlmsg_type = 16, .nlmsg_flags = 5, .nlmsg_seq = 1, .nlmsg_pid = 0}});
  builder.add_string(NLMSGERR_ATTR_MSG, "oops").add_u32(NLMSGERR_ATTR_OFFS, 20);
  const json message = json_of(builder);
  EXPECT_EQ(message["message"], "error");
  EXPECT_EQ(message["header"]["error"], -22);
  EXPECT_EQ(message["header"]["msg-flags"], "0x5");
  EXPECT_EQ(message["attributes"], json::parse(R"({"msg":"oops","offs":20})"));
}

}  // namespace
}  // namespace nlpp::schema

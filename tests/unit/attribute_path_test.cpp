#include <nlpp/schema/attribute_path.hpp>

#include "unit/schema_test_support.hpp"

#include <gtest/gtest.h>

#include <linux/genetlink.h>
#include <linux/netlink.h>

namespace nlpp::schema {
namespace {

namespace tables = test::tables;
using tables::link_message;
using tables::only_message;

const MessageType& newlink = tables::link_messages[0];

// Offsets, from the start of the message, of what a request holds.
struct Request {
  wire::MessageBuilder builder = link_message();
  uint32_t ifname = 0;
  uint32_t linkinfo = 0;
  uint32_t kind = 0;
  uint32_t data = 0;
  uint32_t vlan_id = 0;
  uint32_t unknown = 0;
  uint32_t group = 0;
  uint32_t level = 0;
  uint32_t end = 0;

  uint32_t here() const { return static_cast<uint32_t>(builder.bytes().size()); }
  wire::Message message() const { return only_message(builder); }
};

// newlink { ifname "eth0", linkinfo { kind "vlan", data { id 5 }, 99: u32 },
//           groups { 1: { level 3 } } }
Request vlan_request() {
  Request request;
  wire::MessageBuilder& builder = request.builder;
  request.ifname = request.here();
  builder.add_string(tables::ifname, "eth0");
  request.linkinfo = request.here();
  auto info = builder.begin_nested(tables::linkinfo);
  request.kind = request.here();
  builder.add_string(tables::info_kind, "vlan");
  request.data = request.here();
  auto data = builder.begin_nested(tables::info_data);
  request.vlan_id = request.here();
  builder.add_u16(tables::vlan_id, 5);
  builder.end_nested(data);
  request.unknown = request.here();
  builder.add_u32(99, 0);
  builder.end_nested(info);
  auto groups = builder.begin_nested(tables::groups);
  request.group = request.here();
  auto group = builder.begin_nested(1);
  request.level = request.here();
  builder.add_u32(tables::group_level, 3);
  builder.end_nested(group).end_nested(groups);
  request.end = request.here();
  return request;
}

TEST(AttributePath, names_a_top_level_attribute_by_its_header_or_payload) {
  const Request request = vlan_request();
  EXPECT_EQ(attribute_path(newlink, request.message(), request.ifname), "ifname");
  EXPECT_EQ(attribute_path(newlink, request.message(), request.ifname + 5), "ifname");
}

TEST(AttributePath, descends_through_nests_and_sub_messages) {
  const Request request = vlan_request();
  EXPECT_EQ(attribute_path(newlink, request.message(), request.linkinfo), "linkinfo");
  EXPECT_EQ(attribute_path(newlink, request.message(), request.kind + 4), "linkinfo.kind");
  EXPECT_EQ(attribute_path(newlink, request.message(), request.data), "linkinfo.data");
  EXPECT_EQ(attribute_path(newlink, request.message(), request.vlan_id), "linkinfo.data.id");
  EXPECT_EQ(attribute_path(newlink, request.message(), request.vlan_id + 4), "linkinfo.data.id");
}

TEST(AttributePath, names_unknown_attributes_and_array_elements_by_number) {
  const Request request = vlan_request();
  EXPECT_EQ(attribute_path(newlink, request.message(), request.unknown), "linkinfo.99");
  EXPECT_EQ(attribute_path(newlink, request.message(), request.group), "groups.1");
  EXPECT_EQ(attribute_path(newlink, request.message(), request.level), "groups.1.level");
}

TEST(AttributePath, names_the_fixed_header_member_an_offset_falls_in) {
  const Request request = vlan_request();
  EXPECT_EQ(attribute_path(newlink, request.message(), NLMSG_HDRLEN + 4), "index");
  EXPECT_EQ(attribute_path(newlink, request.message(), NLMSG_HDRLEN + 11), "flags");
}

TEST(AttributePath, names_nothing_outside_the_headers_and_attributes) {
  const Request request = vlan_request();
  EXPECT_EQ(attribute_path(newlink, request.message(), 4), "");
  EXPECT_EQ(attribute_path(newlink, request.message(), NLMSG_HDRLEN + 1), "");  // padding member
  EXPECT_EQ(attribute_path(newlink, request.message(), request.end), "");
  EXPECT_EQ(attribute_path(newlink, request.message(), 0xffffffff), "");
  EXPECT_EQ(attribute_path(newlink, wire::Message(), 20), "");
}

TEST(AttributePath, names_a_sub_message_whose_format_is_unknown_without_descending) {
  Request request;
  uint32_t inner = 0;
  tables::add_linkinfo(request.builder, "nosuchkind", [&](wire::MessageBuilder& data) {
    inner = request.here();
    data.add_u16(tables::vlan_id, 5);
  });
  EXPECT_EQ(attribute_path(newlink, request.message(), inner), "linkinfo.data");
}

TEST(AttributePath, names_a_sub_message_fixed_header_by_its_attribute) {
  Request request;
  uint32_t header = 0;
  uint32_t loss = 0;
  tables::add_linkinfo(request.builder, "netem", [&](wire::MessageBuilder& data) {
    header = request.here();
    data.append_header(std::array<uint32_t, 2>{1, 2});
    loss = request.here();
    data.add_u32(tables::netem_loss, 1);
  });
  EXPECT_EQ(attribute_path(newlink, request.message(), header + 4), "linkinfo.data");
  EXPECT_EQ(attribute_path(newlink, request.message(), loss), "linkinfo.data.loss");
}

TEST(MissingAttributePath, names_a_missing_top_level_attribute) {
  const Request request = vlan_request();
  EXPECT_EQ(missing_attribute_path(newlink, request.message(), tables::mtu, std::nullopt), "mtu");
  EXPECT_EQ(missing_attribute_path(newlink, request.message(), 500, std::nullopt), "500");
}

TEST(MissingAttributePath, names_a_missing_attribute_inside_the_nest_at_the_offset) {
  const Request request = vlan_request();
  EXPECT_EQ(missing_attribute_path(newlink, request.message(), tables::info_kind, request.linkinfo), "linkinfo.kind");
  EXPECT_EQ(missing_attribute_path(newlink, request.message(), tables::vlan_protocol, request.data),
            "linkinfo.data.protocol");
  EXPECT_EQ(missing_attribute_path(newlink, request.message(), tables::group_name, request.group), "groups.1.name");
  EXPECT_EQ(missing_attribute_path(newlink, request.message(), 7, request.group), "groups.1.7");
}

TEST(MissingAttributePath, names_nothing_when_no_nest_starts_at_the_offset) {
  const Request request = vlan_request();
  EXPECT_EQ(missing_attribute_path(newlink, request.message(), 1, request.linkinfo + 2), "");
  EXPECT_EQ(missing_attribute_path(newlink, request.message(), 1, request.kind), "");  // a string, not a nest
  EXPECT_EQ(missing_attribute_path(newlink, request.message(), 1, 8), "");
  EXPECT_EQ(missing_attribute_path(newlink, request.message(), 1, request.end + 100), "");
}

TEST(AttributePath, skips_the_genlmsghdr_of_a_generic_netlink_request) {
  wire::MessageBuilder builder;
  builder.begin_message(0x1234, NLM_F_REQUEST);
  builder.append_header(genlmsghdr{.cmd = tables::genl_get, .version = 1, .reserved = 0});
  builder.append_header(uint32_t{5});
  builder.add_string(1, "dp0");
  const wire::Message request = only_message(builder);
  const MessageType& get = tables::genl_messages[0];
  const auto genetlink = FamilyKind::genetlink;

  EXPECT_EQ(attribute_path(get, request, NLMSG_HDRLEN, genetlink), "cmd");
  EXPECT_EQ(attribute_path(get, request, NLMSG_HDRLEN + GENL_HDRLEN, genetlink), "ifindex");
  EXPECT_EQ(attribute_path(get, request, NLMSG_HDRLEN + GENL_HDRLEN + 4, genetlink), "name");
  EXPECT_EQ(missing_attribute_path(get, request, 1, std::nullopt, genetlink), "name");
}

TEST(NameAckAttributes, fills_the_path_and_the_missing_attribute) {
  const Request request = vlan_request();
  ExtendedAck ack;
  ack.offset = request.vlan_id;
  ack.missing_type = tables::info_kind;
  ack.missing_nest = request.linkinfo;
  name_ack_attributes(ack, newlink, request.message());
  EXPECT_EQ(ack.attribute_path, "linkinfo.data.id");
  EXPECT_EQ(ack.missing_attribute, "linkinfo.kind");
}

TEST(NameAckAttributes, leaves_an_ack_without_offsets_alone) {
  const Request request = vlan_request();
  ExtendedAck ack;
  ack.message = "nope";
  name_ack_attributes(ack, newlink, request.message());
  EXPECT_EQ(ack.attribute_path, "");
  EXPECT_EQ(ack.missing_attribute, "");
}

}  // namespace
}  // namespace nlpp::schema

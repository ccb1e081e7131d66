// Messages captured from the kernel (tests/data/golden, see its README),
// checked in both directions: decoding gives the values capture.py set up,
// and encoding the decoded tree gives back the captured bytes.
#include <nlpp/schema/attribute_path.hpp>
#include <nlpp/schema/decoder.hpp>
#include <nlpp/schema/generated/families.hpp>
#include <nlpp/schema/json.hpp>

#include "unit/golden.hpp"
#include "unit/schema_test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include <algorithm>
#include <cerrno>
#include <string>
#include <vector>

namespace nlpp::schema {
namespace {

using nlohmann::json;
using test::golden_bytes;
using test::value_of;

// How a golden message is decoded: by a family, or by NETLINK_ROUTE through the registry.
struct Capture {
  std::string name;
  const Family* family = nullptr;
  Direction direction = Direction::reply;
};

DecodedMessage decode_capture(const Capture& capture, const std::vector<std::byte>& bytes) {
  const wire::Message message(bytes);
  return (capture.family ? decode(*capture.family, message, capture.direction)
                         : decode(NETLINK_ROUTE, message, capture.direction))
      .value();
}

DecodedMessage decode_route(const std::string& name) { return decode_capture({name}, golden_bytes(name)); }

json json_of(const DecodedMessage& message) { return json::parse(to_json(message)); }

// A fixed header member that is an integer, signed or not.
int64_t header_value(const DecodedMessage& message, std::string_view member) {
  return std::visit(
      [](const auto& value) -> int64_t {
        if constexpr (std::is_same_v<std::decay_t<decltype(value)>, Binary>)
          throw std::runtime_error("not an integer");
        else
          return static_cast<int64_t>(value.value);
      },
      message.fixed_header->member(member).value());
}

class GoldenRoundTrip : public testing::TestWithParam<Capture> {};

TEST_P(GoldenRoundTrip, encodes_back_to_the_captured_bytes_and_prints_json) {
  const std::vector<std::byte> bytes = golden_bytes(GetParam().name);
  const DecodedMessage message = decode_capture(GetParam(), bytes);
  ASSERT_NE(message.message_type, nullptr);
  EXPECT_TRUE(message.unparsed.empty());
  EXPECT_EQ(encode(message).value(), bytes);
  EXPECT_TRUE(json::accept(to_json(message))) << to_json(message);
}

INSTANTIATE_TEST_SUITE_P(
    Captures, GoldenRoundTrip,
    testing::Values(Capture{"newlink_lo"}, Capture{"newlink_veth0"}, Capture{"newlink_br0"}, Capture{"done"},
                    Capture{"newaddr_ipv4"}, Capture{"newaddr_ipv6"}, Capture{"newroute_table100"}, Capture{"newneigh"},
                    Capture{"error_bad_attribute"}, Capture{"error_bad_attribute.request", nullptr, Direction::request},
                    Capture{"error_missing_attribute", &family::netdev},
                    Capture{"error_missing_attribute.request", &family::netdev, Direction::request},
                    Capture{"nlctrl_getfamily_netdev", &family::nlctrl}),
    [](const testing::TestParamInfo<Capture>& capture) {
      std::string name = capture.param.name;
      std::replace(name.begin(), name.end(), '.', '_');
      return name;
    });

TEST(GoldenLink, loopback_is_lo_with_an_mtu_of_65536) {
  const DecodedMessage lo = decode_route("newlink_lo");
  EXPECT_EQ(lo.message_type->type, RTM_NEWLINK);
  EXPECT_EQ(header_value(lo, "ifi-index"), 1);
  EXPECT_EQ(header_value(lo, "ifi-type"), 772);  // ARPHRD_LOOPBACK
  EXPECT_EQ(value_of<String>(lo, "ifname"), (String{"lo", true}));
  EXPECT_EQ(value_of<Unsigned>(lo, "mtu").value, 65536u);
  const json header = json_of(lo)["header"];
  EXPECT_EQ(header["ifi-flags"], json::parse(R"(["up","loopback","running","lower-up"])"));
}

TEST(GoldenLink, veth_has_its_kind_address_and_peer) {
  const DecodedMessage veth = decode_route("newlink_veth0");
  EXPECT_EQ(value_of<String>(veth, "ifname").text, "veth0");
  EXPECT_EQ(value_of<String>(veth, "linkinfo.kind").text, "veth");
  EXPECT_EQ(value_of<Unsigned>(veth, "mtu").value, 1500u);
  EXPECT_EQ(value_of<Unsigned>(veth, "link").value, 2u);  // veth1, created first
  EXPECT_EQ(json_of(veth)["attributes"]["address"], "02:00:00:00:00:01");
}

TEST(GoldenLink, bridge_data_is_decoded_through_the_bridge_sub_message) {
  const DecodedMessage bridge = decode_route("newlink_br0");
  EXPECT_EQ(value_of<String>(bridge, "linkinfo.kind").text, "bridge");
  EXPECT_EQ(value_of<SubMessageValue>(bridge, "linkinfo.data").format->value, "bridge");
  EXPECT_EQ(value_of<Unsigned>(bridge, "linkinfo.data.forward-delay").value, 1500u);
  EXPECT_EQ(value_of<Unsigned>(bridge, "linkinfo.data.max-age").value, 2000u);
  const json data = json_of(bridge)["attributes"]["linkinfo"]["data"];
  EXPECT_EQ(data["bridge-id"]["addr"], "02:00:00:00:00:b0");
  EXPECT_EQ(data["group-addr"], "01:80:c2:00:00:00");
}

TEST(GoldenAddress, ipv4_address_with_its_prefix_and_label) {
  const DecodedMessage address = decode_route("newaddr_ipv4");
  EXPECT_EQ(header_value(address, "ifa-prefixlen"), 24);
  EXPECT_EQ(header_value(address, "ifa-index"), 3);
  EXPECT_EQ(value_of<String>(address, "label").text, "veth0");
  const json attributes = json_of(address)["attributes"];
  EXPECT_EQ(attributes["address"], "192.0.2.1");
  EXPECT_EQ(attributes["local"], "192.0.2.1");
}

TEST(GoldenAddress, ipv6_address_with_its_prefix) {
  const DecodedMessage address = decode_route("newaddr_ipv6");
  EXPECT_EQ(header_value(address, "ifa-family"), AF_INET6);
  EXPECT_EQ(header_value(address, "ifa-prefixlen"), 64);
  EXPECT_EQ(json_of(address)["attributes"]["address"], "2001:db8::1");
}

TEST(GoldenRoute, route_in_table_100_via_its_gateway) {
  const DecodedMessage route = decode_route("newroute_table100");
  EXPECT_EQ(header_value(route, "rtm-table"), 100);
  EXPECT_EQ(header_value(route, "rtm-dst-len"), 24);
  EXPECT_EQ(value_of<Unsigned>(route, "table").value, 100u);
  EXPECT_EQ(value_of<Unsigned>(route, "oif").value, 3u);
  const json message = json_of(route);
  EXPECT_EQ(message["header"]["rtm-type"], "unicast");
  EXPECT_EQ(message["attributes"]["dst"], "198.51.100.0");
  EXPECT_EQ(message["attributes"]["gateway"], "192.0.2.254");
}

TEST(GoldenNeighbour, permanent_neighbour_with_its_lladdr) {
  const json message = json_of(decode_route("newneigh"));
  EXPECT_EQ(message["header"]["ndm-ifindex"], 3);
  EXPECT_EQ(message["header"]["ndm-state"], json::parse(R"(["permanent"])"));
  EXPECT_EQ(message["attributes"]["dst"], "192.0.2.2");
  EXPECT_EQ(message["attributes"]["lladdr"], "02:00:00:00:00:aa");
}

TEST(GoldenControl, done_ends_the_dump_without_error) {
  const DecodedMessage done = decode_route("done");
  EXPECT_EQ(done.message_type->name, "done");
  EXPECT_EQ(std::get<Signed>(done.fixed_header->member("error").value()).value, 0);
}

TEST(GoldenControl, bad_attribute_error_points_at_linkinfo_data_forward_delay) {
  const DecodedMessage error = decode_route("error_bad_attribute");
  EXPECT_EQ(std::get<Signed>(error.fixed_header->member("error").value()).value, -ERANGE);
  EXPECT_EQ(value_of<String>(error, "msg").text, "Attribute failed policy validation");
  EXPECT_EQ(json_of(error)["attributes"]["policy"]["type"], "u32");
  const uint32_t offset = static_cast<uint32_t>(value_of<Unsigned>(error, "offs").value);

  const std::vector<std::byte> request = golden_bytes("error_bad_attribute.request");
  const MessageType* newlink = find_message(NETLINK_ROUTE, RTM_NEWLINK, Direction::request);
  ASSERT_NE(newlink, nullptr);
  EXPECT_EQ(attribute_path(*newlink, wire::Message(request), offset), "linkinfo.data.forward-delay");
}

TEST(GoldenControl, missing_attribute_error_names_the_ifindex_of_netdev_dev_get) {
  const std::vector<std::byte> request = golden_bytes("error_missing_attribute.request");
  const DecodedMessage error = decode_capture({"", &family::netdev}, golden_bytes("error_missing_attribute"));
  EXPECT_EQ(std::get<Signed>(error.fixed_header->member("error").value()).value, -EINVAL);
  // Without NETLINK_CAP_ACK the whole request comes back after the error code.
  EXPECT_EQ(std::vector(error.fixed_header->bytes.begin() + sizeof(int), error.fixed_header->bytes.end()), request);
  const auto missing = static_cast<uint16_t>(value_of<Unsigned>(error, "miss-type").value);
  EXPECT_EQ(error.find("miss-nest"), nullptr);

  const wire::Message get(request);
  const MessageType* dev_get = family::netdev.find_request(std::to_integer<uint8_t>(get.payload().front()));
  ASSERT_NE(dev_get, nullptr);
  EXPECT_EQ(dev_get->name, "dev-get");
  EXPECT_EQ(missing_attribute_path(*dev_get, get, missing, std::nullopt, FamilyKind::genetlink), "ifindex");
}

TEST(GoldenGenetlink, nlctrl_describes_the_netdev_family) {
  const DecodedMessage family = decode_capture({"", &family::nlctrl}, golden_bytes("nlctrl_getfamily_netdev"));
  EXPECT_EQ(std::get<Unsigned>(family.genl_header->member("cmd").value()).value, unsigned{CTRL_CMD_NEWFAMILY});
  EXPECT_EQ(value_of<String>(family, "family-name").text, "netdev");
  // The id the kernel gave netdev is the nlmsg_type of the netdev request.
  const std::vector<std::byte> request = golden_bytes("error_missing_attribute.request");
  EXPECT_EQ(value_of<Unsigned>(family, "family-id").value, wire::Message(request).type());
  EXPECT_FALSE(value_of<Nested>(family, "ops").attributes.empty());
  const json groups = json_of(family)["attributes"]["mcast-groups"];
  ASSERT_TRUE(groups.is_array());
  EXPECT_EQ(groups[0]["name"], "mgmt");
}

}  // namespace
}  // namespace nlpp::schema

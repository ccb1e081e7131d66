// Kind options set from text by their table names (rtnl/link/field_text.hpp):
// every value type, the kind's struct made on first use, and the errors.
#include <nlpp/rtnl/link/field_text.hpp>

#include <gtest/gtest.h>

namespace nlpp::rtnl::link {
namespace {

TEST(LinkFieldText, sets_integers_booleans_addresses_and_enums_by_name) {
  LinkInfo info{.kind = "vxlan"};
  ASSERT_TRUE(set_kind_option(info, "vni", "42"));
  ASSERT_TRUE(set_kind_option(info, "port", "4789"));
  ASSERT_TRUE(set_kind_option(info, "learning", "off"));
  ASSERT_TRUE(set_kind_option(info, "group", "2001:db8::1"));
  const Vxlan& vxlan = std::get<Vxlan>(info.data);
  EXPECT_EQ(vxlan.vni, 42u);
  EXPECT_EQ(vxlan.port, 4789u);
  EXPECT_EQ(vxlan.learning, false);
  EXPECT_EQ(vxlan.group, IpAddress::parse("2001:db8::1").value());

  LinkInfo bond{.kind = "bond"};
  ASSERT_TRUE(set_kind_option(bond, "mode", "802.3ad"));
  ASSERT_TRUE(set_kind_option(bond, "xmit_hash_policy", "layer3+4"));
  EXPECT_EQ(std::get<Bond>(bond.data).mode, BondMode::ieee802_3ad);
  EXPECT_EQ(std::get<Bond>(bond.data).xmit_hash_policy, BondXmitHashPolicy::layer3_4);

  LinkInfo vlan{.kind = "vlan"};
  ASSERT_TRUE(set_kind_option(vlan, "protocol", "802.1ad"));
  ASSERT_TRUE(set_kind_option(vlan, "id", "0x10"));
  EXPECT_EQ(std::get<Vlan>(vlan.data).protocol, VlanProtocol::ieee802_1ad);
  EXPECT_EQ(std::get<Vlan>(vlan.data).id, 16);
}

TEST(LinkFieldText, a_link_is_an_ifindex_when_a_number_and_a_name_otherwise) {
  LinkInfo by_index{.kind = "vxlan"};
  ASSERT_TRUE(set_kind_option(by_index, "link", "2"));
  EXPECT_FALSE(std::get<Vxlan>(by_index.data).link->is_name());
  EXPECT_EQ(*std::get<Vxlan>(by_index.data).link, 2u);
  LinkInfo by_name{.kind = "vxlan"};
  ASSERT_TRUE(set_kind_option(by_name, "link", "eth0"));
  EXPECT_EQ(std::get<Vxlan>(by_name.data).link->name(), "eth0");
}

TEST(LinkFieldText, sets_a_ports_options_by_its_masters_kind) {
  LinkInfo info{.slave_kind = "bridge"};
  ASSERT_TRUE(set_port_option(info, "cost", "5"));
  ASSERT_TRUE(set_port_option(info, "state", "forwarding"));
  EXPECT_EQ(std::get<BridgePort>(info.slave_data).cost, 5u);
  EXPECT_EQ(std::get<BridgePort>(info.slave_data).state, BridgePortState::forwarding);
}

TEST(LinkFieldText, errors_name_the_kind_the_option_and_the_value) {
  LinkInfo info{.kind = "vxlan"};
  const Result<void> out_of_range = set_kind_option(info, "port", "70000");
  ASSERT_FALSE(out_of_range);
  EXPECT_EQ(out_of_range.error().code(), make_error_code(errc::invalid_argument));
  EXPECT_NE(out_of_range.error().context().find("vxlan port '70000'"), std::string::npos)
      << out_of_range.error().context();
  const Result<void> unknown = set_kind_option(info, "frobnicate", "1");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().context().find("no such option"), std::string::npos);
  LinkInfo bond{.kind = "bond"};
  EXPECT_FALSE(set_kind_option(bond, "mode", "fastest"));
  EXPECT_FALSE(set_kind_option(info, "learning", "maybe"));
}

TEST(LinkFieldText, a_kind_without_a_struct_is_not_found_and_goes_to_the_spec) {
  LinkInfo info{.kind = "hsr"};
  const Result<void> set = set_kind_option(info, "version", "1");
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().code(), make_error_code(errc::not_found));
  EXPECT_FALSE(has_kind_struct("hsr"));
  EXPECT_TRUE(has_kind_struct("gretap"));
  EXPECT_TRUE(has_port_struct("bond"));
}

}  // namespace
}  // namespace nlpp::rtnl::link

// Kind data built and read by attribute names from the kernel's YNL spec
// (link/schema_data.hpp): for kinds nlpp has no struct for, and checked
// against nlpp's own structs where it has one.
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/link/schema_data.hpp>

#include <gtest/gtest.h>

#include <linux/if_link.h>

#include <string>
#include <vector>

namespace nlpp::rtnl::link {
namespace {

std::vector<std::byte> bytes(std::initializer_list<int> values) {
  std::vector<std::byte> out;
  for (int value : values) out.push_back(static_cast<std::byte>(value));
  return out;
}

TEST(LinkSchemaData, builds_and_reads_a_kind_nlpp_has_no_struct_for) {
  GenericData hsr;
  ASSERT_TRUE(add_attribute(hsr, "hsr", "slave1", uint64_t{3}));
  ASSERT_TRUE(add_attribute(hsr, "hsr", "version", uint64_t{1}));
  ASSERT_EQ(hsr.attributes.size(), 2u);
  EXPECT_EQ(hsr.attributes[0], (RawAttribute{IFLA_HSR_SLAVE1, bytes({3, 0, 0, 0})}));
  EXPECT_EQ(hsr.attributes[1], (RawAttribute{IFLA_HSR_VERSION, bytes({1})}));
  EXPECT_EQ(find_attribute(hsr, "hsr", "slave1").value(), SchemaValue(uint64_t{3}));
  EXPECT_EQ(find_attribute(hsr, "hsr", "slave2").error().code(), errc::not_found);
}

TEST(LinkSchemaData, integers_take_the_specs_width_and_byte_order) {
  GenericData gre;
  ASSERT_TRUE(add_attribute(gre, "gre", "ikey", uint64_t{0x01020304}));  // u32, big-endian
  ASSERT_TRUE(add_attribute(gre, "gre", "ttl", uint64_t{64}));           // u8
  EXPECT_EQ(gre.attributes[0].payload, bytes({1, 2, 3, 4}));
  EXPECT_EQ(gre.attributes[1].payload, bytes({64}));
  EXPECT_EQ(find_attribute(gre, "gre", "ikey").value(), SchemaValue(uint64_t{0x01020304}));
}

TEST(LinkSchemaData, names_build_what_the_typed_struct_reads) {
  GenericData data;
  ASSERT_TRUE(add_attribute(data, "bond", "mode", uint64_t{1}));
  ASSERT_TRUE(add_attribute(data, "bond", "miimon", uint64_t{100}));
  const Link built{.name = "bond0", .info = LinkInfo{.kind = "bond", .data = data}};
  wire::MessageBuilder message;
  ObjectTraits<Link>::emit(built, message, RTM_NEWLINK, 0);
  const Link parsed = ObjectTraits<Link>::parse(wire::Message(message.bytes())).value();
  const auto& bond = std::get<Bond>(parsed.info->data);
  EXPECT_EQ(bond.mode, BondMode::active_backup);
  EXPECT_EQ(bond.miimon, 100u);
}

TEST(LinkSchemaData, a_ports_data_is_found_by_its_masters_kind) {
  GenericData port;
  ASSERT_TRUE(add_attribute(port, "bridge", "cost", uint64_t{7}, DataNest::slave_data));
  EXPECT_EQ(port.attributes[0], (RawAttribute{IFLA_BRPORT_COST, bytes({7, 0, 0, 0})}));
}

TEST(LinkSchemaData, a_flag_is_present_or_absent) {
  GenericData data;
  ASSERT_TRUE(add_attribute(data, "gre", "collect-metadata", true));
  EXPECT_EQ(data.attributes[0], (RawAttribute{IFLA_GRE_COLLECT_METADATA, {}}));
  EXPECT_EQ(find_attribute(data, "gre", "collect-metadata").value(), SchemaValue(true));
}

TEST(LinkSchemaData, what_the_spec_does_not_allow_is_refused_naming_it) {
  GenericData data;
  EXPECT_EQ(add_attribute(data, "no-such-kind", "x", uint64_t{1}).error().context(),
            "no-such-kind x: the kernel's spec has no such kind");
  EXPECT_EQ(add_attribute(data, "hsr", "no-such-attribute", uint64_t{1}).error().context(),
            "hsr no-such-attribute: the kernel's spec has no such attribute for this kind");
  EXPECT_EQ(add_attribute(data, "hsr", "version", uint64_t{256}).error().context(),
            "hsr version: the value does not fit");
  EXPECT_EQ(add_attribute(data, "hsr", "version", std::string("1")).error().context(),
            "hsr version: the value is not of the attribute's type");
  EXPECT_EQ(add_attribute(data, "gre", "collect-metadata", false).error().context(),
            "gre collect-metadata: the value is not of the attribute's type");
  EXPECT_EQ(add_attribute(data, "bond", "ad-info", uint64_t{1}).error().context(),
            "bond ad-info: a nested attribute: build it with RawAttribute");
  EXPECT_TRUE(data.attributes.empty());
}

}  // namespace
}  // namespace nlpp::rtnl::link

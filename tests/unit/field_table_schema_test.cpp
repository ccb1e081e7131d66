// The typed codecs and the schema are one truth: each field table is
// checked against the YNL attribute set it claims. Every attribute type a
// line reads must be in the set, and a line that carries an integer must
// carry it as wide as the set says, in the set's byte order; a flag member
// must be a flag, text must be a string.
#include <nlpp/schema/registry.hpp>
#include <nlpp/schema/schema.hpp>

#include "codec/field_table.hpp"
#include "genl/family/family_table.hpp"
#include "rtnl/address/address_table.hpp"
#include "rtnl/bridge/bridge_vlan_table.hpp"
#include "rtnl/bridge/fdb_entry_table.hpp"
#include "rtnl/link/kind_tables.hpp"
#include "rtnl/link/link_table.hpp"
#include "rtnl/neighbour/neighbour_table.hpp"
#include "rtnl/nexthop/nexthop_table.hpp"
#include "rtnl/route/route_table.hpp"
#include "rtnl/rule/rule_table.hpp"
#include "rtnl/tc/kind_tables.hpp"
#include "rtnl/tc/tc_table.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>

namespace nlpp {
namespace {

// Every attribute set reachable from a family's messages, by name.
const schema::AttributeSet* find_set(const schema::AttributeSet* set, std::string_view name,
                                     std::set<const schema::AttributeSet*>& seen) {
  if (set == nullptr || !seen.insert(set).second) return nullptr;
  if (set->name == name) return set;
  for (const schema::Attribute& attribute : set->attributes) {
    if (const schema::AttributeSet* found = find_set(attribute.nested, name, seen)) return found;
    if (attribute.sub_message != nullptr)
      for (const schema::SubMessageFormat& format : attribute.sub_message->formats)
        if (const schema::AttributeSet* found = find_set(format.attributes, name, seen)) return found;
  }
  return nullptr;
}

const schema::AttributeSet* find_set(std::string_view family_name, std::string_view name) {
  const schema::Family* family = schema::find_family(family_name);
  if (family == nullptr) return nullptr;
  std::set<const schema::AttributeSet*> seen;
  for (const auto& messages : {family->requests, family->replies})
    for (const schema::MessageType& message : messages)
      if (const schema::AttributeSet* found = find_set(message.attributes, name, seen)) return found;
  return nullptr;
}

template <class T>
struct Unwrapped {
  using type = T;
};
template <class T>
struct Unwrapped<std::optional<T>> {
  using type = T;
};

// The schema types an integer of this width may be carried as.
bool integer_of_width(schema::Type type, size_t width) {
  using schema::Type;
  switch (type) {
    case Type::u8:
    case Type::s8:
      return width == 1;
    case Type::u16:
    case Type::s16:
      return width == 2;
    case Type::u32:
    case Type::s32:
      return width == 4;
    case Type::u64:
    case Type::s64:
      return width == 8;
    case Type::uint:
    case Type::sint:
      return width == 4 || width == 8;
    default:
      return false;
  }
}

// Where the kernel's YNL spec and the kernel disagree and nlpp follows the
// kernel (its source, and iproute2's bytes in the golden tests): the layout
// of these is not compared, their ids are.
struct Erratum {
  std::string_view set;
  std::string_view attribute;  ///< "" for every attribute of the set the reason covers
  std::string_view why;
};
constexpr Erratum spec_errata[] = {
    {"fib-rule-attrs", "tun-id", "the spec has no byte order; fib_nl2rule() reads it with nla_get_be64()"},
    {"linkinfo-bridge-attrs", "vlan-protocol", "the spec has no byte order; br_changelink() reads a __be16"},
    {"linkinfo-bridge-attrs", "fdb-flush", "the spec says binary; the kernel's policy is NLA_FLAG"},
    {"linkinfo-iptun-attrs", "flags",
     "the spec says big-endian; sit reads the bytes as they are and tests SIT_ISATAP in host order, as iproute2 "
     "sends it"},
    {"linkinfo-ip6tnl-attrs", "flags",
     "the spec inherits iptun's big-endian; ip6_tnl_fill_info() puts a host-order u32"},
    {"neighbour-attrs", "port", "the spec has no byte order; vxlan_fdb_info() puts a __be16"},
    {"linkinfo-brport-attrs", "",
     "the spec calls the port's on/off options flags; br_port_fill_attrs() puts them as u8 0 / 1 (policy NLA_U8)"},
};

bool is_erratum(std::string_view set, const schema::Attribute& attribute) {
  for (const Erratum& erratum : spec_errata)
    if (erratum.set == set && (erratum.attribute == attribute.name ||
                               (erratum.attribute.empty() && attribute.type == schema::Type::flag)))
      return true;
  return false;
}

// What one line claims about one attribute of the set, for the codecs whose
// layout follows from the member's type (the others: the type id alone).
template <class Line>
void expect_layout(const Line& line, std::string_view set, const schema::Attribute& attribute) {
  using Codec = std::remove_cvref_t<decltype(line.codec)>;
  using Member = typename Line::value_type;
  using Value = typename Unwrapped<Member>::type;
  constexpr bool big_endian = std::is_same_v<Codec, codec::BigEndian>;
  constexpr bool native = std::is_base_of_v<codec::Native, Codec> || std::is_same_v<Codec, codec::NonDefault> ||
                          std::is_same_v<Codec, codec::Always> ||
                          std::is_same_v<Codec, codec::AbsentAs> || big_endian;
  if constexpr (native) {
    if (is_erratum(set, attribute)) return;
    const std::string what = std::string(line.name) + " (" + std::string(attribute.name) + " of " + std::string(set) + ")";
    if constexpr (std::is_same_v<Member, bool> && !std::is_same_v<Codec, codec::NonDefault>) {
      EXPECT_EQ(attribute.type, schema::Type::flag) << what << ": a flag member";
    } else if constexpr (std::is_integral_v<Value> || std::is_enum_v<Value>) {
      EXPECT_TRUE(integer_of_width(attribute.type, sizeof(Value)))
          << what << ": carried in " << sizeof(Value) << " bytes, the schema says type "
          << static_cast<int>(attribute.type);
      if (integer_of_width(attribute.type, sizeof(Value)) && sizeof(Value) > 1) {
        EXPECT_EQ(attribute.byte_order == schema::ByteOrder::big_endian, big_endian) << what << ": byte order";
      }
    } else if constexpr (std::is_same_v<Value, std::string>) {
      EXPECT_TRUE(attribute.type == schema::Type::string || attribute.type == schema::Type::binary) << what;
    }
  }
}

// Checks every attribute line of table against the set family/set_name.
template <const auto& table>
void expect_table_matches(std::string_view family, std::string_view set_name) {
  const schema::AttributeSet* set = find_set(family, set_name);
  ASSERT_NE(set, nullptr) << family << " has no attribute set " << set_name;
  std::apply(
      [&](const auto&... line) {
        (
            [&] {
              if constexpr (codec::table_detail::is_attribute<std::remove_cvref_t<decltype(line)>>) {
                for (uint16_t type : line.codec.types()) {
                  const schema::Attribute* attribute = set->find(type);
                  ASSERT_NE(attribute, nullptr) << set_name << " has no attribute " << type << " (line " << line.name
                                                << ")";
                  expect_layout(line, set_name, *attribute);
                }
              }
            }(),
            ...);
      },
      table);
}

TEST(FieldTableSchema, route_table_matches_rt_route) { expect_table_matches<rtnl::route_fields>("rt-route", "route-attrs"); }

TEST(FieldTableSchema, rule_table_matches_rt_rule) {
  expect_table_matches<rtnl::rule_fields>("rt-rule", "fib-rule-attrs");
}

TEST(FieldTableSchema, nexthop_table_matches_rt_nexthop) {
  expect_table_matches<rtnl::nexthop_fields>("rt-nexthop", "nexthop-attrs");
}

TEST(FieldTableSchema, address_table_matches_rt_addr) {
  expect_table_matches<rtnl::address_fields>("rt-addr", "addr-attrs");
}

TEST(FieldTableSchema, neighbour_and_fdb_tables_match_rt_neigh) {
  expect_table_matches<rtnl::neighbour_fields>("rt-neigh", "neighbour-attrs");
  expect_table_matches<rtnl::fdb_entry_fields>("rt-neigh", "neighbour-attrs");
}

TEST(FieldTableSchema, bridge_vlan_table_matches_rt_link) {
  expect_table_matches<rtnl::bridge_vlan_fields>("rt-link", "link-attrs");
}

TEST(FieldTableSchema, link_table_matches_rt_link) {
  expect_table_matches<rtnl::link_fields>("rt-link", "link-attrs");
}

// The link kinds the kernel's rt-link spec describes.
TEST(FieldTableSchema, link_kind_tables_match_rt_link) {
  using namespace rtnl::link;
  expect_table_matches<KindTraits<Bond>::fields>("rt-link", "linkinfo-bond-attrs");
  expect_table_matches<KindTraits<BondPort>::fields>("rt-link", "bond-slave-attrs");
  expect_table_matches<KindTraits<Bridge>::fields>("rt-link", "linkinfo-bridge-attrs");
  expect_table_matches<KindTraits<BridgePort>::fields>("rt-link", "linkinfo-brport-attrs");
  expect_table_matches<KindTraits<Gre>::fields>("rt-link", "linkinfo-gre-attrs");
  expect_table_matches<KindTraits<Vti>::fields>("rt-link", "linkinfo-vti-attrs");
  expect_table_matches<KindTraits<Geneve>::fields>("rt-link", "linkinfo-geneve-attrs");
  expect_table_matches<KindTraits<IpTunnel>::fields>("rt-link", "linkinfo-iptun-attrs");
  expect_table_matches<KindTraits<Ip6Tunnel>::fields>("rt-link", "linkinfo-ip6tnl-attrs");
  expect_table_matches<KindTraits<Tun>::fields>("rt-link", "linkinfo-tun-attrs");
  expect_table_matches<KindTraits<Vlan>::fields>("rt-link", "linkinfo-vlan-attrs");
  expect_table_matches<KindTraits<Vrf>::fields>("rt-link", "linkinfo-vrf-attrs");
}

TEST(FieldTableSchema, tc_tables_match_tc) {
  expect_table_matches<rtnl::tc::qdisc_fields>("tc", "tc-attrs");
  expect_table_matches<rtnl::tc::class_fields>("tc", "tc-attrs");
  using rtnl::tc::KindTraits;
  expect_table_matches<KindTraits<rtnl::tc::Htb>::fields>("tc", "tc-htb-attrs");
  expect_table_matches<KindTraits<rtnl::tc::HtbClass>::fields>("tc", "tc-htb-attrs");
  expect_table_matches<KindTraits<rtnl::tc::Tbf>::fields>("tc", "tc-tbf-attrs");
  expect_table_matches<KindTraits<rtnl::tc::Route>::fields>("tc", "tc-route-attrs");
  expect_table_matches<KindTraits<rtnl::tc::Flow>::fields>("tc", "tc-flow-attrs");
  expect_table_matches<KindTraits<rtnl::tc::Cgroup>::fields>("tc", "tc-cgroup-attrs");
}

TEST(FieldTableSchema, family_tables_match_nlctrl) {
  expect_table_matches<genl::family_fields>("nlctrl", "ctrl-attrs");
  expect_table_matches<genl::operation_fields>("nlctrl", "op-attrs");
  expect_table_matches<genl::multicast_group_fields>("nlctrl", "mcast-group-attrs");
}

}  // namespace
}  // namespace nlpp

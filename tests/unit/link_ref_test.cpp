// LinkRef: an ifindex or a name in 4 bytes; objects take either where
// they refer to a link, and say which (visit_links); kind data converts to
// the LinkInfo of its kind.
#include <nlpp/rtnl.hpp>

#include <gtest/gtest.h>

#include <sstream>
#include <type_traits>

namespace nlpp::rtnl {
namespace {

static_assert(sizeof(LinkRef) == sizeof(uint32_t) && std::is_trivially_copyable_v<LinkRef>);

TEST(LinkRef, an_ifindex_reads_and_compares_as_its_number) {
  const LinkRef link = 7;
  EXPECT_FALSE(link.is_name());
  EXPECT_EQ(link, 7u);
  EXPECT_EQ(uint32_t{LinkRef()}, 0u);
  EXPECT_EQ(to_string(link), "7");
  EXPECT_EQ(link.name(), "");
}

TEST(LinkRef, a_name_is_kept_once_and_never_looks_like_an_ifindex) {
  const LinkRef br0 = "br0";
  const LinkRef again = std::string("br0");
  const LinkRef other = "br1";
  EXPECT_TRUE(br0.is_name());
  EXPECT_EQ(br0.name(), "br0");
  EXPECT_EQ(br0, again);  // one interned name, one number
  EXPECT_NE(br0, other);
  EXPECT_GE(uint32_t{br0}, 0x80000000u);  // no kernel ifindex is that large
  std::ostringstream out;
  out << br0 << ' ' << LinkRef(3);
  EXPECT_EQ(out.str(), "br0 3");
}

TEST(LinkRef, objects_say_which_links_they_name) {
  EXPECT_FALSE(names_a_link(Route{.dst = "10.0.0.0/8", .oif = 2}));
  EXPECT_TRUE(names_a_link(Route{.dst = "10.0.0.0/8", .oif = "eth0"}));
  EXPECT_TRUE(names_a_link(Route{.extras = {{.multipath = {{.ifindex = 2}, {.ifindex = "eth1"}}}}}));
  EXPECT_TRUE(names_a_link(Link{.name = "v0", .master = "br0"}));
  EXPECT_FALSE(names_a_link(Link{.name = "v0"}));  // its own name is not a reference
  EXPECT_TRUE(names_a_link(NeighbourFilter{.master = "br0"}));
  EXPECT_FALSE(names_a_link(Rule{}));  // refers to no link by index
  // Visiting a route without extras allocates none.
  const Route plain{.oif = "eth0"};
  EXPECT_TRUE(names_a_link(plain));
  EXPECT_FALSE(plain.extras.allocated());
}

TEST(LinkRef, kind_data_is_the_link_info_of_its_kind) {
  const Link bridge{.name = "br0", .info = link::Bridge{.stp_state = 1}};
  ASSERT_TRUE(bridge.info);
  EXPECT_EQ(bridge.info->kind, "bridge");
  EXPECT_EQ(std::get<link::Bridge>(bridge.info->data).stp_state, 1u);
  const Link veth{.name = "v0", .info = link::Veth{.peer = Link{.name = "v0p"}}};
  EXPECT_EQ(veth.info->kind, "veth");
  EXPECT_EQ(Link{.info = link::Vxlan{.vni = 5}}.info->kind, "vxlan");
}

TEST(LinkRef, objects_stream_as_their_json) {
  std::ostringstream out;
  out << Route{.family = AF_INET, .dst = "10.0.0.0/8", .gateway = "192.0.2.1"};
  EXPECT_NE(out.str().find("\"dst\":\"10.0.0.0/8\""), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("\"gateway\":\"192.0.2.1\""), std::string::npos) << out.str();
  EXPECT_EQ(format::to_json(Route{.dst = "10.0.0.0/8", .oif = "eth0"}).find("\"dev\":\"eth0\"") != std::string::npos,
            true);
}

}  // namespace
}  // namespace nlpp::rtnl

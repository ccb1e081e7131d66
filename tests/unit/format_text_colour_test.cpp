// Colour in the text tables, as `ip -c` colours: escapes only when a colour
// style asks for them, around the cells iproute2 colours, and columns that
// still line up once the escapes are stripped.
#include <nlpp/format/table.hpp>
#include <nlpp/format/text_colour.hpp>

#include <gtest/gtest.h>

#include <regex>

namespace nlpp::format {
namespace {

constexpr TextStyle light = TextStyle::colour_light_background;

std::string without_escapes(const std::string& text) {
  static const std::regex escape("\033\\[[0-9;]*m");
  return std::regex_replace(text, escape, "");
}

rtnl::Link veth(uint32_t ifindex, std::string name, rtnl::OperState state, std::string_view mac) {
  return {.ifindex = ifindex,
          .name = std::move(name),
          .address = nlpp::MacAddress::parse(mac).value(),
          .mtu = 1500,
          .operstate = state};
}

TEST(TextColour, wraps_text_in_iproute2s_escapes_and_leaves_plain_and_empty_text_alone) {
  EXPECT_EQ(coloured("eth0", ColourClass::ifname, light), "\033[36meth0\033[0m");
  EXPECT_EQ(coloured("eth0", ColourClass::ifname, TextStyle::colour_dark_background), "\033[1;36meth0\033[0m");
  EXPECT_EQ(coloured("UP", ColourClass::operstate_up, light), "\033[32mUP\033[0m");
  EXPECT_EQ(coloured("DOWN", ColourClass::operstate_down, light), "\033[31mDOWN\033[0m");
  EXPECT_EQ(coloured("eth0", ColourClass::ifname, TextStyle::plain), "eth0");
  EXPECT_EQ(coloured("eth0", ColourClass::none, light), "eth0");
  EXPECT_EQ(coloured("", ColourClass::mac, light), "");
  EXPECT_EQ(address_colour(AF_INET), ColourClass::inet);
  EXPECT_EQ(address_colour(AF_INET6), ColourClass::inet6);
  EXPECT_EQ(address_colour(AF_MPLS), ColourClass::none);
  EXPECT_EQ(operstate_colour(rtnl::OperState::unknown), ColourClass::none);
}

TEST(TextColour, aligns_coloured_columns_by_their_text_and_ends_lines_at_the_last_cell) {
  TextTable table({"NAME", "STATE", "NOTE"});
  table.add_row({{"br0", ColourClass::ifname}, {"UP", ColourClass::operstate_up}, "x"});
  table.add_row({{"vxlan100", ColourClass::ifname}, {"DOWN", ColourClass::operstate_down}});
  const std::string plain =
      "NAME      STATE  NOTE\n"
      "br0       UP     x\n"
      "vxlan100  DOWN\n";
  EXPECT_EQ(table.to_string(), plain);
  const std::string colour = table.to_string(light);
  EXPECT_EQ(colour,
            "NAME      STATE  NOTE\n"
            "\033[36mbr0\033[0m       \033[32mUP\033[0m     x\n"
            "\033[36mvxlan100\033[0m  \033[31mDOWN\033[0m\n");
  EXPECT_EQ(without_escapes(colour), plain);
}

TEST(TextColour, links_table_colours_names_states_and_macs_and_not_the_dashes) {
  std::vector<rtnl::Link> links{veth(2, "v0", rtnl::OperState::up, "02:00:00:00:00:01"),
                                veth(3, "v1", rtnl::OperState::down, "02:00:00:00:00:02")};
  links[1].master = 2;
  const std::string colour = links_table(links, light);
  EXPECT_EQ(without_escapes(colour), links_table(links));
  EXPECT_EQ(links_table(links).find('\033'), std::string::npos);
  EXPECT_NE(colour.find("\033[36mv0\033[0m"), std::string::npos);
  EXPECT_NE(colour.find("\033[32mUP\033[0m"), std::string::npos);
  EXPECT_NE(colour.find("\033[31mDOWN\033[0m"), std::string::npos);
  EXPECT_NE(colour.find("\033[33m02:00:00:00:00:02\033[0m"), std::string::npos);
  // v1's master column names v0; v0's has none ("-"), uncoloured.
  EXPECT_NE(colour.find("1500  \033[36mv0\033[0m"), std::string::npos);
  EXPECT_NE(colour.find("1500  -"), std::string::npos);
}

TEST(TextColour, address_and_route_tables_colour_each_family_and_the_devices) {
  const std::vector<rtnl::Link> links{veth(2, "v0", rtnl::OperState::up, "02:00:00:00:00:01")};
  const std::vector<rtnl::Address> addresses{
      {.ifindex = 2, .local = nlpp::IpAddress::parse("192.0.2.1").value(), .prefix_length = 24},
      {.ifindex = 2, .local = nlpp::IpAddress::parse("2001:db8::1").value(), .prefix_length = 64}};
  const std::string address_text = addresses_table(links, addresses, light);
  EXPECT_EQ(without_escapes(address_text), addresses_table(links, addresses));
  EXPECT_NE(address_text.find("\033[35m192.0.2.1/24\033[0m"), std::string::npos);
  EXPECT_NE(address_text.find("\033[34m2001:db8::1/64\033[0m"), std::string::npos);

  const std::vector<rtnl::Route> routes{{.family = AF_INET,
                                         .dst = nlpp::IpPrefix::parse("198.51.100.0/24").value(),
                                         .gateway = nlpp::IpAddress::parse("192.0.2.2").value(),
                                         .oif = 2}};
  const std::string route_text = routes_table(routes, LinkNames(links), light);
  EXPECT_EQ(without_escapes(route_text), routes_table(routes, LinkNames(links)));
  EXPECT_NE(route_text.find("\033[35m198.51.100.0/24\033[0m"), std::string::npos);
  EXPECT_NE(route_text.find("\033[35m192.0.2.2\033[0m"), std::string::npos);
  EXPECT_NE(route_text.find("\033[36mv0\033[0m"), std::string::npos);
}

}  // namespace
}  // namespace nlpp::format

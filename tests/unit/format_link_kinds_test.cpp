// The kinds' "info_data" on hand-built objects, for what the kernel tests
// (cli_iproute2_test.cpp, against `ip -j -d`) cannot set up: a FOU
// encapsulation (needs the fou module), inherited IPv6 tunnel fields, a
// 6rd relay, values past iproute2's word tables, raw port data; and the
// MPLS parts of a route.
#include <nlpp/format/json.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <linux/if_link.h>
#include <linux/ip6_tunnel.h>

namespace nlpp::format {
namespace {

using nlohmann::json;

nlpp::IpAddress ip(std::string_view text) { return nlpp::IpAddress::parse(text).value(); }

// The "linkinfo" member of a link of that kind and data.
json linkinfo(rtnl::LinkInfo info) {
  JsonWriter writer;
  write_link(writer, rtnl::Link{.name = "t0", .info = std::move(info)}, LinkNames{});
  return json::parse(std::move(writer).take())["linkinfo"];
}

json info_data(std::string kind, rtnl::LinkData data) {
  return linkinfo(rtnl::LinkInfo{.kind = std::move(kind), .data = std::move(data)})["info_data"];
}

TEST(FormatLinkKinds, a_gre_tunnel_prints_its_fou_encapsulation_keys_as_dotted_quads_and_any_endpoint) {
  const rtnl::link::Gre gre{.iflags = rtnl::link::Gre::key | rtnl::link::Gre::seq,
                            .oflags = 0,
                            .ikey = 0x01020304,
                            .okey = 9,  // without GRE_KEY in oflags: not printed
                            .local = ip("192.0.2.1"),
                            .encap = rtnl::link::TunnelEncap{.type = 1, .flags = 1, .sport = 0, .dport = 5555}};
  EXPECT_EQ(info_data("gre", gre), json::parse(R"({"remote":"any","local":"192.0.2.1","ttl":0,"ikey":"1.2.3.4",
      "iseq":true,"encap":{"type":"fou","sport":0,"dport":5555,"csum":true,"csum6":false,"remcsum":false}})"));
}

TEST(FormatLinkKinds, ipv6_tunnels_print_inherited_fields_as_flag_members_instead_of_values) {
  const rtnl::link::Ip6Tunnel tunnel{
      .ttl = 64,
      .encap_limit = 4,
      .flowinfo = 0x02001234,
      .flags = IP6_TNL_F_USE_ORIG_TCLASS | IP6_TNL_F_MIP6_DEV | IP6_TNL_F_USE_ORIG_FWMARK,
      .proto = IPPROTO_IPIP,
      .fwmark = 7};
  EXPECT_EQ(info_data("ip6tnl", tunnel), json::parse(R"({"proto":"ipip6","remote":"any","local":"any","ttl":64,
      "encap_limit":4,"ip6_tnl_f_use_orig_tclass":true,"flowlabel":"0x01234","ip6_tnl_f_mip6_dev":true,
      "ip6_tnl_f_use_orig_fwmark":true})"));
}

TEST(FormatLinkKinds, a_sit_tunnel_prints_its_6rd_relay_only_when_set) {
  rtnl::link::IpTunnel sit{.proto = IPPROTO_IPV6,
                           .ip6rd_prefix = ip("2001:db8::"),
                           .ip6rd_relay_prefix = ip("0.0.0.0"),
                           .ip6rd_prefixlen = 32,
                           .ip6rd_relay_prefixlen = 8};
  json data = info_data("sit", sit);
  EXPECT_EQ(data["proto"], "ip6ip");
  EXPECT_EQ(data["pmtudisc"], false) << "printed when absent";
  EXPECT_EQ(data["prefix"], "2001:db8::");
  EXPECT_FALSE(data.contains("relay_prefix"));
  sit.ip6rd_relay_prefix = ip("198.51.100.0");
  data = info_data("sit", sit);
  EXPECT_EQ(data["relay_prefix"], "198.51.100.0");
  EXPECT_EQ(data["relay_prefixlen"], 8);
}

TEST(FormatLinkKinds, values_past_iproute2s_tables_print_as_it_prints_them) {
  const json bond = info_data(
      "bond", rtnl::link::Bond{.mode = static_cast<rtnl::link::BondMode>(9), .arp_validate = 3, .ad_select = 7});
  EXPECT_EQ(bond["mode"], "UNKNOWN");
  EXPECT_EQ(bond["arp_validate"], "all");
  EXPECT_EQ(bond["ad_select"], "UNKNOWN");
  const json ipvlan =
      info_data("ipvlan", rtnl::link::Ipvlan{.mode = static_cast<rtnl::link::IpvlanMode>(5), .flags = 2});
  EXPECT_EQ(ipvlan, json::parse(R"({"mode":"unknown","vepa":true})"));
  const json tun = info_data("tun", rtnl::link::Tun{.type = static_cast<rtnl::link::TunType>(7)});
  EXPECT_EQ(tun, json::parse(R"({"type":"UNKNOWN:7","multi_queue":false})"));
  const json port = linkinfo(rtnl::LinkInfo{
      .kind = "dummy", .slave_kind = "bond", .slave_data = rtnl::link::BondPort{.state = 4, .mii_status = 9}});
  EXPECT_EQ(port["info_slave_data"], json::parse(R"({"state_index":4,"mii_status_index":9})"));
}

TEST(FormatLinkKinds, an_external_xfrm_link_prints_nothing_else_and_a_vrf_port_its_raw_table) {
  EXPECT_EQ(info_data("xfrm", rtnl::link::Xfrm{.if_id = 5, .collect_metadata = true}),
            json::parse(R"({"external":true})"));
  const nlpp::RawAttribute table{.type = IFLA_VRF_PORT_TABLE, .payload = {std::byte{0xe8}, std::byte{3}, {}, {}}};
  const json port = linkinfo(rtnl::LinkInfo{
      .kind = "dummy", .slave_kind = "vrf", .slave_data = rtnl::link::GenericData{.attributes = {table}}});
  EXPECT_EQ(port["info_slave_data"], json::parse(R"({"table":1000})"));
  EXPECT_EQ(linkinfo(rtnl::LinkInfo{.kind = "bond"})["info_data"], json::object())
      << "a kind iproute2 prints data of, without IFLA_INFO_DATA, has an empty object";
}

TEST(FormatLinkKinds, an_mpls_route_prints_its_labels_and_one_table_listings_leave_the_table_out) {
  rtnl::Route route{.family = AF_INET, .dst = nlpp::IpPrefix::parse("198.51.100.0/24").value(), .table = 254};
  route.extras.edit().encap = rtnl::MplsEncap{.labels = {500, 600}, .ttl = 9};
  JsonWriter writer;
  write_route(writer, route, LinkNames{}, RouteView::one_table);
  const std::string text = std::move(writer).take();
  EXPECT_NE(text.find(R"("dst":"198.51.100.0/24","encap":"mpls","dst":"500/600","ttl":9)"), std::string::npos)
      << "iproute2 prints the labels under a second \"dst\": " << text;
  EXPECT_EQ(text.find("\"table\""), std::string::npos) << text;
}

}  // namespace
}  // namespace nlpp::format

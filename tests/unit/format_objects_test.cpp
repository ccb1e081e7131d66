// The format layer on hand-built objects: the value formats iproute2 6.1
// uses (names, "%#llx" hex, timers, absent-versus-zero rules) and the text
// tables' alignment. The kernel tests compare whole dumps with `ip -j -d`.
#include <nlpp/format/json.hpp>
#include <nlpp/format/names.hpp>
#include <nlpp/format/table.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <linux/if_addr.h>

namespace nlpp::format {
namespace {

using nlohmann::json;

nlpp::IpAddress ip(std::string_view text) { return nlpp::IpAddress::parse(text).value(); }
nlpp::IpPrefix prefix(std::string_view text) { return nlpp::IpPrefix::parse(text).value(); }

template <class Object, class Write>
json written(const Object& object, Write write) {
  JsonWriter writer;
  write(writer, object);
  return json::parse(std::move(writer).take());
}

json route_json(const rtnl::Route& route, const LinkNames& names = {}) {
  return written(route, [&](JsonWriter& w, const rtnl::Route& r) { write_route(w, r, names); });
}
json rule_json(const rtnl::Rule& rule) {
  return written(rule, [](JsonWriter& w, const rtnl::Rule& r) { write_rule(w, r); });
}
json link_json(const rtnl::Link& link) {
  return written(link, [](JsonWriter& w, const rtnl::Link& l) { write_link(w, l, LinkNames{}); });
}

TEST(FormatRoute, names_the_default_route_and_prints_a_host_route_without_its_length) {
  const json route = route_json(rtnl::Route{.family = AF_INET,
                                            .type = rtnl::RouteType::unicast,
                                            .protocol = RTPROT_BOOT,
                                            .scope = RT_SCOPE_UNIVERSE,
                                            .gateway = ip("192.0.2.1"),
                                            .table = RT_TABLE_MAIN});
  EXPECT_EQ(route["dst"], "default");
  EXPECT_EQ(route["gateway"], "192.0.2.1");
  EXPECT_EQ(route["table"], "main");
  EXPECT_EQ(route["protocol"], "boot");
  EXPECT_EQ(route["scope"], "global");
  EXPECT_FALSE(route.contains("metric")) << "IPv4 routes carry no RTA_PRIORITY 0";
  EXPECT_EQ(route["flags"], json::array());
  const json host = route_json(rtnl::Route{.family = AF_INET, .dst = prefix("198.51.100.7/32"), .table = 1000});
  EXPECT_EQ(host["dst"], "198.51.100.7");
  EXPECT_EQ(host["table"], "1000");
}

TEST(FormatRoute, prints_an_ipv6_metric_of_zero_and_the_router_preference) {
  const json route =
      route_json(rtnl::Route{.family = AF_INET6, .pref = 0, .dst = prefix("2001:db8::/64"), .table = RT_TABLE_LOCAL});
  EXPECT_EQ(route["metric"], 0);
  EXPECT_EQ(route["pref"], "medium");
  EXPECT_EQ(route["table"], "local");
}

TEST(FormatRoute, writes_metrics_in_the_kernels_units_divided_as_iproute2_does_and_paths_with_names) {
  rtnl::Route route{.family = AF_INET, .dst = prefix("198.51.100.0/24"), .table = RT_TABLE_MAIN, .priority = 100};
  rtnl::RouteExtras& extras = route.extras.edit();
  extras.metrics.mtu = 1400;
  extras.metrics.rtt = 800;  // 1/8 ms units: 100 ms
  extras.metrics.features = RTAX_FEATURE_ECN;
  extras.metrics.cc_algo = "cubic";
  extras.metrics.locked = rtnl::RouteMetrics::lock_bit(RTAX_WINDOW);
  extras.multipath = {{.gateway = ip("192.0.2.1"), .ifindex = 2, .weight = 1},
                      {.gateway = ip("2001:db8::1"), .ifindex = 9, .flags = RTNH_F_ONLINK, .weight = 3}};
  const std::vector<rtnl::Link> links{{.ifindex = 2, .name = "br0"}};
  const json out = route_json(route, LinkNames(links));
  EXPECT_EQ(out["metric"], 100);
  EXPECT_EQ(out["metrics"], json::parse(R"([{"mtu":1400,"window":0,"rtt":100,"ecn":null,"congestion":"cubic"}])"));
  ASSERT_EQ(out["nexthops"].size(), 2u);
  EXPECT_EQ(out["nexthops"][0], json::parse(R"({"gateway":"192.0.2.1","dev":"br0","weight":1,"flags":[]})"));
  EXPECT_EQ(
      out["nexthops"][1],
      json::parse(R"({"via":{"family":"inet6","host":"2001:db8::1"},"dev":"if9","weight":3,"flags":["onlink"]})"));
}

TEST(FormatRule, prints_all_for_no_source_and_the_length_of_a_prefix) {
  const json any = rule_json(rtnl::Rule{.family = AF_INET,
                                        .action = rtnl::RuleAction::to_tbl,
                                        .table = RT_TABLE_MAIN,
                                        .priority = 32766,
                                        .protocol = RTPROT_KERNEL});
  EXPECT_EQ(any, json::parse(R"({"priority":32766,"src":"all","table":"main","protocol":"kernel"})"));
  const json from = rule_json(rtnl::Rule{.family = AF_INET,
                                         .action = rtnl::RuleAction::to_tbl,
                                         .table = 100,
                                         .priority = 1000,
                                         .src = prefix("10.0.0.0/8"),
                                         .dst = prefix("192.0.2.1/32")});
  EXPECT_EQ(from["src"], "10.0.0.0");
  EXPECT_EQ(from["srclen"], 8);
  EXPECT_EQ(from["dst"], "192.0.2.1");
  EXPECT_FALSE(from.contains("dstlen"));
  EXPECT_EQ(from["table"], "100");
  EXPECT_EQ(from["protocol"], "unspec");
}

TEST(FormatRule, writes_marks_as_c_hex_where_zero_has_no_prefix_and_names_drop_actions) {
  const json marked = rule_json(
      rtnl::Rule{.family = AF_INET, .action = rtnl::RuleAction::blackhole, .priority = 5, .fwmark = 0, .fwmask = 0xff});
  EXPECT_EQ(marked["fwmark"], "0");
  EXPECT_EQ(marked["fwmask"], "0xff");
  EXPECT_EQ(marked["action"], "blackhole");
  EXPECT_FALSE(marked.contains("table"));
  const json jump = rule_json(rtnl::Rule{.family = AF_INET6,
                                         .action = rtnl::RuleAction::goto_,
                                         .priority = 7,
                                         .flags = FIB_RULE_INVERT,
                                         .fwmark = 0x10,
                                         .goto_target = 9});
  EXPECT_EQ(jump["goto"], 9);
  EXPECT_EQ(jump["fwmark"], "0x10");
  EXPECT_FALSE(jump.contains("fwmask"));
  EXPECT_TRUE(jump.contains("not") && jump["not"].is_null());
}

TEST(FormatLink, says_no_carrier_for_an_up_link_without_running_and_names_group_zero_default) {
  rtnl::Link link{.type = 1,
                  .ifindex = 3,
                  .flags = IFF_UP | IFF_BROADCAST | IFF_MULTICAST | 0x80000000u,
                  .name = "v0",
                  .mtu = 1500,
                  .link = 4,
                  .group = 0,
                  .operstate = rtnl::OperState::lowerlayerdown};
  const json out = link_json(link);
  EXPECT_EQ(out["flags"], json::parse(R"(["NO-CARRIER","BROADCAST","MULTICAST","UP","80000000"])"));
  EXPECT_EQ(out["link"], "if4");
  EXPECT_EQ(out["group"], "default");
  EXPECT_EQ(out["operstate"], "LOWERLAYERDOWN");
  EXPECT_EQ(out["link_type"], "ether");
  EXPECT_FALSE(out.contains("linkinfo"));
}

TEST(FormatLink, writes_bridge_timers_in_seconds_with_two_decimals_masks_as_c_hex_and_ids_as_ether_ntoa) {
  const rtnl::link::BridgeId id{.priority = 0x8000, .address = nlpp::MacAddress::parse("02:18:77:00:0a:81").value()};
  rtnl::link::Bridge bridge{.group_fwd_mask = 0, .bridge_id = id, .hello_timer = 4, .gc_timer = 28848};
  const json zero_mask = link_json(rtnl::Link{.name = "br0", .info = rtnl::LinkInfo{.kind = "bridge", .data = bridge}});
  const json& data = zero_mask["linkinfo"]["info_data"];
  EXPECT_EQ(data["group_fwd_mask"], "0");
  EXPECT_EQ(data["bridge_id"], "8000.2:18:77:0:a:81") << "ether_ntoa() writes no leading zeros";
  EXPECT_DOUBLE_EQ(data["gc_timer"].get<double>(), 288.48);
  EXPECT_DOUBLE_EQ(data["hello_timer"].get<double>(), 0.04);
  const json veth = link_json(rtnl::Link{.name = "v0", .info = rtnl::LinkInfo{.kind = "veth"}});
  EXPECT_EQ(veth["linkinfo"], json::parse(R"({"info_kind":"veth"})")) << "iproute2 prints no veth data";
}

TEST(FormatAddress, marks_addresses_without_permanent_dynamic_and_ipv6_secondary_temporary) {
  rtnl::Address address{.ifindex = 2,
                        .local = ip("2001:db8::5"),
                        .prefix_length = 64,
                        .scope = RT_SCOPE_UNIVERSE,
                        .flags = rtnl::AddressFlags(IFA_F_SECONDARY | IFA_F_NODAD),
                        .lifetimes = rtnl::AddressLifetimes{.preferred = 100, .valid = 200}};
  const json out = written(address, [](JsonWriter& w, const rtnl::Address& a) { write_address(w, a); });
  EXPECT_EQ(out, json::parse(R"({"family":"inet6","local":"2001:db8::5","prefixlen":64,"scope":"global",
                               "temporary":true,"nodad":true,"dynamic":true,
                               "valid_life_time":200,"preferred_life_time":100})"));
}

TEST(FormatNeighbour, lists_states_upper_case_and_flags_as_null_members) {
  const rtnl::Neighbour neighbour{.ifindex = 2,
                                  .dst = ip("fe80::1"),
                                  .state = {rtnl::NeighbourState::stale},
                                  .flags = {rtnl::NeighbourFlag::router}};
  const json out = written(neighbour, [](JsonWriter& w, const rtnl::Neighbour& n) { write_neighbour(w, n, {}); });
  EXPECT_EQ(out, json::parse(R"({"dst":"fe80::1","dev":"if2","router":null,"state":["STALE"]})"));
}

TEST(TextTable, aligns_columns_to_the_widest_cell_and_trims_line_ends) {
  TextTable table({"NAME", "MTU", "KIND"});
  table.add_row({"br0", "1500", "bridge"});
  table.add_row({"vxlan100", "1450"});
  EXPECT_EQ(table.to_string(),
            "NAME      MTU   KIND\n"
            "br0       1500  bridge\n"
            "vxlan100  1450\n");
}

TEST(TextTable, shows_a_multipath_route_with_one_row_per_path) {
  rtnl::Route route{.family = AF_INET,
                    .type = rtnl::RouteType::unicast,
                    .protocol = RTPROT_BOOT,
                    .scope = RT_SCOPE_UNIVERSE,
                    .dst = prefix("198.51.100.0/24"),
                    .table = RT_TABLE_MAIN,
                    .priority = 100};
  route.extras.edit().metrics.mtu = 1400;
  route.extras.edit().multipath = {{.gateway = ip("10.0.0.2"), .ifindex = 2, .weight = 1},
                                   {.gateway = ip("10.1.0.2"), .ifindex = 3, .weight = 3}};
  const std::vector<rtnl::Link> links{{.ifindex = 2, .name = "br0"}, {.ifindex = 3, .name = "v1"}};
  const std::vector<rtnl::Route> routes{route};
  EXPECT_EQ(routes_table(routes, LinkNames(links)),
            "TABLE  TYPE     DESTINATION      GATEWAY   DEV  PROTO  SCOPE   METRIC  DETAILS\n"
            "main   unicast  198.51.100.0/24  -         -    boot   global  100     mtu 1400\n"
            "                  nexthop        10.0.0.2  br0                         weight 1\n"
            "                  nexthop        10.1.0.2  v1                          weight 3\n");
}

TEST(FormatJson, indents_like_ip_p_and_leaves_strings_and_empty_containers_alone) {
  const std::string compact = R"([{"ifname":"a,{b}:[c]\"","flags":[],"info":{},"mtu":1500}])";
  const std::string indented = indented_json(compact);
  EXPECT_EQ(indented,
            "[\n    {\n        \"ifname\": \"a,{b}:[c]\\\"\",\n        \"flags\": [],\n        \"info\": {},\n"
            "        \"mtu\": 1500\n    }\n]");
  EXPECT_EQ(nlohmann::json::parse(indented), nlohmann::json::parse(compact));
}

TEST(FormatNames, reads_back_the_names_it_prints) {
  EXPECT_EQ(protocol_named("static"), RTPROT_STATIC);
  EXPECT_EQ(scope_named("link"), RT_SCOPE_LINK);
  EXPECT_EQ(table_named("main"), RT_TABLE_MAIN);
  EXPECT_EQ(family_named("inet6"), AF_INET6);
  EXPECT_EQ(protocol_named("frobnicate"), std::nullopt);
  EXPECT_EQ(table_named("100"), std::nullopt);  // numbers are the caller's to parse
}

}  // namespace
}  // namespace nlpp::format

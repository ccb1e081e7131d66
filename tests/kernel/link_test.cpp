// Links and their generic attributes against the real kernel, each test in
// a fresh namespace: created and changed through nlpp (rtnl::IpRoute), read
// back through nlpp and through `ip -j -d link show`; and the errors the
// kernel (or nlpp, before sending) gives.
#include "kernel/link_fixture.hpp"

#include <nlpp/rtnl/link_altnames.hpp>

#include "support/scoped_netns.hpp"
#include "support/subprocess.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace nlpp::rtnl {
namespace {

using test::ip_json;

using test::mac;

// A veth pair: the links most tests need, on every kernel.
Link veth_pair(std::string name, std::string peer) {
  return Link{.name = std::move(name),
              .info = LinkInfo{.kind = "veth", .data = link::Veth{.peer = Link{.name = std::move(peer)}}}};
}

bool has_flag(const nlohmann::json& link, std::string_view flag) {
  return std::ranges::find(link["flags"], flag) != link["flags"].end();
}

class LinkBasics : public test::LinkTest {};

TEST_F(LinkBasics, adds_a_veth_pair_whose_peer_has_its_own_name_address_and_mtu) {
  add(Link{.name = "left",
           .address = mac("02:00:00:00:00:01"),
           .info = LinkInfo{
               .kind = "veth",
               .data = link::Veth{.peer = Link{.name = "right", .address = mac("02:00:00:00:00:02"), .mtu = 1400}}}});
  if (stopped()) return;
  const Link left = get("left");
  const Link right = get("right");
  EXPECT_EQ(left.address, mac("02:00:00:00:00:01"));
  EXPECT_EQ(left.info->kind, "veth");
  EXPECT_EQ(left.link, right.ifindex);
  EXPECT_EQ(right.address, mac("02:00:00:00:00:02"));
  EXPECT_EQ(right.mtu, 1400u);
  const nlohmann::json shown = show("right");
  EXPECT_EQ(shown["address"], "02:00:00:00:00:02");
  EXPECT_EQ(shown["mtu"], 1400);
  EXPECT_EQ(shown["link"], "left");
  EXPECT_EQ(shown["linkinfo"]["info_kind"], "veth");
}

TEST_F(LinkBasics, get_finds_a_link_by_ifindex_name_or_altname) {
  add(veth_pair("left", "right"));
  if (stopped()) return;
  ASSERT_TRUE(ipr().run(AltnamesAdd{.ifindex = ifindex_of("left"), .altnames = {"a-rather-long-alternative-name"}}));
  const Link by_name = get("left");
  EXPECT_EQ(ipr().get(Link{.ifindex = by_name.ifindex})->name, "left");
  EXPECT_EQ(ipr().get(Link{.altnames = {"a-rather-long-alternative-name"}})->ifindex, by_name.ifindex);
  EXPECT_EQ(by_name.altnames, std::vector<std::string>{"a-rather-long-alternative-name"});
}

TEST_F(LinkBasics, set_changes_generic_attributes_and_brings_the_link_up) {
  add(veth_pair("left", "right"));
  if (stopped()) return;
  Link change{.ifindex = ifindex_of("left"),
              .address = mac("02:00:00:00:00:0a"),
              .mtu = 9000,
              .txqlen = 77,
              .alias = "uplink",
              .group = 5};
  change.set_up(true);
  const Result<io::Ack> changed = ipr().set(change);
  ASSERT_TRUE(changed) << changed.error().describe();
  const Link left = get("left");
  EXPECT_EQ(left.mtu, 9000u);
  EXPECT_EQ(left.txqlen, 77u);
  EXPECT_EQ(left.address, mac("02:00:00:00:00:0a"));
  EXPECT_EQ(left.alias, "uplink");
  EXPECT_EQ(left.group, 5u);
  EXPECT_TRUE(left.is_up());
  const nlohmann::json shown = show("left");
  EXPECT_EQ(shown["mtu"], 9000);
  EXPECT_EQ(shown["txqlen"], 77);
  EXPECT_EQ(shown["address"], "02:00:00:00:00:0a");
  EXPECT_EQ(shown["ifalias"], "uplink");
  EXPECT_EQ(shown["group"], "5");
  EXPECT_TRUE(has_flag(shown, "UP"));

  Link down{.ifindex = left.ifindex, .alias = ""};
  down.set_up(false);
  ASSERT_TRUE(ipr().set(down));
  EXPECT_FALSE(get("left").is_up());
  EXPECT_FALSE(get("left").alias.has_value());
  EXPECT_FALSE(show("left").contains("ifalias"));
}

TEST_F(LinkBasics, promiscuous_mode_is_a_flag_and_promiscuity_counts_it) {
  add(veth_pair("left", "right"));
  if (stopped()) return;
  Link promisc{.ifindex = ifindex_of("left")};
  promisc.set_flag(IFF_PROMISC, true);
  ASSERT_TRUE(ipr().set(promisc));
  EXPECT_EQ(get("left").promiscuity, 1u);
  EXPECT_EQ(show("left")["promiscuity"], 1);
}

TEST_F(LinkBasics, rename_keeps_the_ifindex) {
  add(veth_pair("left", "right"));
  if (stopped()) return;
  const uint32_t ifindex = ifindex_of("left");
  ASSERT_TRUE(ipr().set(Link{.ifindex = ifindex, .name = "renamed"}));
  EXPECT_EQ(ipr().get(Link{.ifindex = ifindex})->name, "renamed");
  EXPECT_EQ(show("renamed")["ifindex"], ifindex);
}

TEST_F(LinkBasics, master_puts_a_link_into_a_bridge_and_zero_takes_it_out) {
  add(veth_pair("left", "right"));
  add(Link{.name = "br0", .info = LinkInfo{.kind = "bridge"}});
  if (stopped()) return;
  const uint32_t bridge = ifindex_of("br0");
  ASSERT_TRUE(ipr().set(Link{.ifindex = ifindex_of("left"), .master = bridge}));
  EXPECT_EQ(get("left").master, bridge);
  EXPECT_EQ(get("left").info->slave_kind, "bridge");
  EXPECT_EQ(show("left")["master"], "br0");
  ASSERT_TRUE(ipr().set(Link{.ifindex = ifindex_of("left"), .master = 0}));
  EXPECT_FALSE(get("left").master.has_value());
  EXPECT_FALSE(show("left").contains("master"));
}

TEST_F(LinkBasics, altnames_are_added_with_the_link_and_removed_on_their_own) {
  Link left = veth_pair("left", "right");
  left.altnames = {"first-alternative-name", "second-alternative-name"};
  add(left);
  if (stopped()) return;
  const std::vector<std::string> both{"first-alternative-name", "second-alternative-name"};
  EXPECT_EQ(get("left").altnames, both);
  EXPECT_EQ(show("left")["altnames"], nlohmann::json(both));
  ASSERT_TRUE(ipr().run(AltnamesDel{.ifindex = ifindex_of("left"), .altnames = {"first-alternative-name"}}));
  EXPECT_EQ(get("left").altnames, std::vector<std::string>{"second-alternative-name"});
  EXPECT_EQ(show("left")["altnames"], nlohmann::json({"second-alternative-name"}));
}

TEST_F(LinkBasics, an_altname_taken_already_fails_with_eexist_and_the_new_link_is_removed) {
  add(veth_pair("left", "right"));
  if (stopped()) return;
  ASSERT_TRUE(ipr().run(AltnamesAdd{.ifindex = ifindex_of("left"), .altnames = {"taken-alternative"}}));
  Link other = veth_pair("other", "other-peer");
  other.altnames = {"taken-alternative"};
  const Result<io::Ack> added = ipr().add(other);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code(), std::error_code(EEXIST, std::system_category()));
  EXPECT_FALSE(ipr().get(Link{.name = "other"}));
}

TEST_F(LinkBasics, del_removes_the_link_and_a_second_del_fails_with_enodev) {
  add(veth_pair("left", "right"));
  if (stopped()) return;
  const uint32_t ifindex = ifindex_of("left");
  ASSERT_TRUE(ipr().del(Link{.ifindex = ifindex}));
  const Result<io::Ack> again = ipr().del(Link{.ifindex = ifindex});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), std::error_code(ENODEV, std::system_category()));
  EXPECT_EQ(ip_json(ns_name(), "link show").size(), 1u);  // lo
}

TEST_F(LinkBasics, adding_an_existing_name_fails_with_eexist) {
  add(veth_pair("left", "right"));
  if (stopped()) return;
  const Result<io::Ack> again = ipr().add(veth_pair("left", "other"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), std::error_code(EEXIST, std::system_category()));
}

TEST_F(LinkBasics, replace_creates_a_missing_link_but_the_kernel_replaces_none) {
  ASSERT_TRUE(ipr().replace(veth_pair("left", "right")));
  EXPECT_EQ(show("left")["linkinfo"]["info_kind"], "veth");
  const Result<io::Ack> again = ipr().replace(Link{.name = "left", .mtu = 1400});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), std::error_code(EOPNOTSUPP, std::system_category()));
}

TEST_F(LinkBasics, changing_a_missing_link_fails_with_enodev) {
  const Result<io::Ack> changed = ipr().set(Link{.ifindex = 999, .mtu = 1400});
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().code(), std::error_code(ENODEV, std::system_category()));
  const Result<Link> got = ipr().get(Link{.name = "missing"});
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().code(), std::error_code(ENODEV, std::system_category()));
}

TEST_F(LinkBasics, an_mtu_below_the_minimum_is_refused_with_the_kernels_text) {
  add(veth_pair("left", "right"));
  if (stopped()) return;
  const Result<io::Ack> changed = ipr().set(Link{.ifindex = ifindex_of("left"), .mtu = 20});
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().code(), std::error_code(EINVAL, std::system_category()));
  EXPECT_EQ(changed.error().ext_ack().message, "mtu less than device minimum");
}

TEST_F(LinkBasics, a_malformed_kind_attribute_is_refused_with_its_path) {
  // Sent raw (GenericData): nlpp's typed Bridge cannot make this mistake.
  const std::vector<std::byte> u16_delay{std::byte{0xdc}, std::byte{0x05}};
  const Result<io::Ack> added =
      ipr().add(Link{.name = "br0",
                     .info = LinkInfo{.kind = "bridge",
                                      .data = link::GenericData{.attributes = {{IFLA_BR_FORWARD_DELAY, u16_delay}}}}});
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code(), std::error_code(ERANGE, std::system_category()));
  EXPECT_EQ(added.error().ext_ack().attribute_path, "linkinfo.data.forward-delay");
}

TEST_F(LinkBasics, a_bad_name_is_refused_before_anything_is_sent) {
  for (const char* name : {"has space", "sixteen-bytes-xx", "a/b", ".."}) {
    const Result<io::Ack> added = ipr().add(veth_pair(name, "peer"));
    ASSERT_FALSE(added) << name;
    EXPECT_EQ(added.error().code(), errc::invalid_argument) << name;
  }
  const Result<io::Ack> bad_peer = ipr().add(veth_pair("good", "bad peer"));
  ASSERT_FALSE(bad_peer);
  EXPECT_EQ(bad_peer.error().context(), "veth peer: link name 'bad peer': contains '/', ':', whitespace or NUL");
  EXPECT_EQ(ip_json(ns_name(), "link show").size(), 1u);  // lo alone: nothing reached the kernel
}

TEST_F(LinkBasics, dumps_select_by_kind_master_name_and_group) {
  add(veth_pair("left", "right"));
  add(Link{.name = "br0", .group = 3, .info = LinkInfo{.kind = "bridge"}});
  if (stopped()) return;
  const uint32_t bridge = ifindex_of("br0");
  ASSERT_TRUE(ipr().set(Link{.ifindex = ifindex_of("left"), .master = bridge}));
  ASSERT_TRUE(ipr().run(AltnamesAdd{.ifindex = ifindex_of("right"), .altnames = {"right-alternative"}}));

  const auto names = [&](const LinkFilter& filter) {
    std::vector<std::string> found;
    for (const Link& link : ipr().dump<Link>(filter).value()) found.push_back(link.name.value_or(""));
    std::ranges::sort(found);
    return found;
  };
  EXPECT_EQ(names({}), (std::vector<std::string>{"br0", "left", "lo", "right"}));
  EXPECT_EQ(names({.kind = "veth"}), (std::vector<std::string>{"left", "right"}));
  EXPECT_EQ(names({.master = bridge}), std::vector<std::string>{"left"});
  EXPECT_EQ(names({.master = 0}), (std::vector<std::string>{"br0", "lo", "right"}));
  EXPECT_EQ(names({.name = "right-alternative"}), std::vector<std::string>{"right"});
  EXPECT_EQ(names({.group = 3}), std::vector<std::string>{"br0"});
  EXPECT_TRUE(names({.kind = "no-such-kind"}).empty());
}

TEST_F(LinkBasics, statistics_count_what_the_link_sent) {
  add(veth_pair("left", "right"));
  if (stopped()) return;
  for (const char* name : {"left", "right"}) {
    Link up{.ifindex = ifindex_of(name)};
    up.set_up(true);
    ASSERT_TRUE(ipr().set(up));
  }
  // An up veth sends IPv6 router solicitations and MLD reports on its own;
  // wait for the first.
  for (int tries = 0; tries < 100 && get("left").stats->tx_packets == 0; ++tries)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  const Link left = get("left");
  ASSERT_TRUE(left.stats.has_value());
  EXPECT_GT(left.stats->tx_packets, 0u);
  EXPECT_GT(left.stats->tx_bytes, left.stats->tx_packets);
  EXPECT_GE(get("right").stats->rx_packets, left.stats->tx_packets);
}

class LinkNamespaces : public test::LinkTest {
 protected:
  void SetUp() override {
    LinkTest::SetUp();
    if (HasFatalFailure()) return;
    Result<test::ScopedNetns> created = test::ScopedNetns::create();
    ASSERT_TRUE(created) << created.error().describe();
    other_.emplace(std::move(*created));
  }

  const std::string& other() const { return other_->name(); }

  // Moves "left" to the other namespace through target, and checks it is there and gone from here.
  void move_and_check(const LinkNetns& target) {
    add(veth_pair("left", "right"));
    if (stopped()) return;
    ASSERT_TRUE(ipr().set(Link{.ifindex = ifindex_of("left"), .net_ns = target}));
    EXPECT_FALSE(ipr().get(Link{.name = "left"}));
    EXPECT_EQ(show("left", other())["ifname"], "left");
    Result<IpRoute> there = IpRoute::open({.netns = other_->ref()});
    ASSERT_TRUE(there);
    EXPECT_EQ(there->get(Link{.name = "left"})->info->kind, "veth");
    // Its peer is here, in a namespace the other one knows by an id.
    EXPECT_TRUE(there->get(Link{.name = "left"})->link_netnsid.has_value());
  }

 private:
  std::optional<test::ScopedNetns> other_;
};

TEST_F(LinkNamespaces, moves_a_link_to_a_namespace_by_name) {
  Result<LinkNetns> target = LinkNetns::open(netns::Ref::name(other()));
  ASSERT_TRUE(target) << target.error().describe();
  move_and_check(*target);
}

TEST_F(LinkNamespaces, moves_a_link_to_a_namespace_named_in_the_field) {
  add(veth_pair("left", "right"));
  if (stopped()) return;
  ASSERT_TRUE(ipr().set(Link{.ifindex = ifindex_of("left"), .net_ns = other()}));
  EXPECT_FALSE(ipr().get(Link{.name = "left"}));
  EXPECT_EQ(show("left", other())["ifname"], "left");
}

TEST_F(LinkNamespaces, a_namespace_named_in_the_field_that_does_not_exist_throws_naming_it) {
  try {
    const Link moved{.name = "left", .net_ns = "nlpp-no-such-namespace"};
    ADD_FAILURE() << "no exception; net_ns is " << moved.net_ns->to_string();
  } catch (const Exception& error) {
    EXPECT_EQ(error.code(), std::error_code(ENOENT, std::system_category()));
    EXPECT_NE(std::string(error.what()).find("nlpp-no-such-namespace"), std::string::npos) << error.what();
  }
}

TEST_F(LinkNamespaces, moves_a_link_to_a_namespace_by_fd) {
  const UniqueFd fd(::open(("/run/netns/" + other()).c_str(), O_RDONLY | O_CLOEXEC));
  ASSERT_TRUE(fd);
  move_and_check(LinkNetns::fd(fd.get()));
}

TEST_F(LinkNamespaces, moves_a_link_to_the_namespace_of_a_process) {
  Result<test::Subprocess> sleeper = test::Subprocess::spawn({"ip", "netns", "exec", other(), "sleep", "60"});
  ASSERT_TRUE(sleeper) << sleeper.error().describe();
  // `ip netns exec` joins the namespace, then execs sleep: wait for the join.
  struct stat target {};
  ASSERT_EQ(::stat(("/run/netns/" + other()).c_str(), &target), 0);
  const std::string proc_ns = "/proc/" + std::to_string(sleeper->pid()) + "/ns/net";
  struct stat joined {};
  for (int tries = 0; tries < 200; ++tries) {
    if (::stat(proc_ns.c_str(), &joined) == 0 && joined.st_ino == target.st_ino) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_EQ(joined.st_ino, target.st_ino) << "the process never joined " << other();
  move_and_check(LinkNetns::pid(sleeper->pid()));
}

TEST_F(LinkNamespaces, creates_a_veth_whose_peer_is_in_another_namespace) {
  Result<LinkNetns> target = LinkNetns::open(netns::Ref::name(other()));
  ASSERT_TRUE(target);
  add(Link{.name = "here",
           .info = LinkInfo{.kind = "veth", .data = link::Veth{.peer = Link{.name = "there", .net_ns = *target}}}});
  if (stopped()) return;
  EXPECT_TRUE(get("here").link_netnsid.has_value());
  EXPECT_FALSE(ipr().get(Link{.name = "there"}));
  const nlohmann::json there = show("there", other());
  EXPECT_EQ(there["linkinfo"]["info_kind"], "veth");
  EXPECT_TRUE(there.contains("link_netnsid"));
}

}  // namespace
}  // namespace nlpp::rtnl

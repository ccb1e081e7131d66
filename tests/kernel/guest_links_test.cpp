// Link kinds the build machines' kernel lacks (dummy, bond, vlan, vrf, gre),
// created with RTM_NEWLINK requests built by nlpp's wire layer and sent by
// its request engine, then read back through `ip -j -d link show`. They run
// for real in the QEMU guest (tests/vm), where each is on must_run.txt; on a
// kernel without the link kind they skip, and only then.
#include <nlpp/io/request_engine.hpp>

#include "support/iproute2.hpp"
#include "support/rtnl_fixture.hpp"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_link.h>
#include <linux/if_tunnel.h>
#include <linux/rtnetlink.h>
#include <netinet/in.h>

#include <cerrno>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace nlpp::io {
namespace {

// The kernel's answer to an RTM_NEWLINK of a kind it has no driver (module)
// for: the one reason these tests may skip.
bool is_unknown_link_kind(const Error& error) {
  return error.code() == std::error_code(EOPNOTSUPP, std::system_category()) &&
         error.ext_ack().message == "Unknown device type";
}

in_addr ipv4(const char* text) {
  in_addr address{};
  EXPECT_EQ(inet_pton(AF_INET, text, &address), 1) << text;
  return address;
}

class GuestLinks : public test::RtnlTest {
 protected:
  // RTM_NEWLINK for a new link of the kind; add_data fills IFLA_INFO_DATA,
  // parent is IFLA_LINK (0: none).
  static wire::MessageBuilder new_link(std::string_view name, std::string_view kind,
                                       const std::function<void(wire::MessageBuilder&)>& add_data = {},
                                       uint32_t parent = 0) {
    wire::MessageBuilder request;
    request.begin_message(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL).append_header(ifinfomsg{});
    request.add_string(IFLA_IFNAME, name);
    if (parent != 0) request.add_u32(IFLA_LINK, parent);
    const auto linkinfo = request.begin_nested(IFLA_LINKINFO);
    request.add_string(IFLA_INFO_KIND, kind);
    if (add_data) {
      const auto data = request.begin_nested(IFLA_INFO_DATA);
      add_data(request);
      request.end_nested(data);
    }
    request.end_nested(linkinfo);
    return request;
  }

  // Sends the request; skips the test when the kernel lacks the link kind.
  void create(wire::MessageBuilder request) {
    Result<Ack> created = rtnl().request(request);
    if (!created && is_unknown_link_kind(created.error())) {
      GTEST_SKIP() << "this kernel lacks the link kind: " << created.error().describe();
    }
    ASSERT_TRUE(created) << created.error().describe();
  }

  // After create(): the test cannot go on.
  bool stopped() const { return IsSkipped() || HasFatalFailure(); }

  // `ip -j -d link show dev NAME`: the one link's object.
  nlohmann::json show(std::string_view name) {
    const nlohmann::json links = test::ip_json(ns_name(), "link show dev " + std::string(name));
    EXPECT_EQ(links.size(), 1u) << links;
    return links.empty() ? nlohmann::json() : links[0];
  }
};

TEST_F(GuestLinks, creates_a_dummy_link) {
  create(new_link("nlpp-dummy", "dummy"));
  if (stopped()) return;
  const nlohmann::json link = show("nlpp-dummy");
  EXPECT_EQ(link["ifname"], "nlpp-dummy");
  EXPECT_EQ(link["linkinfo"]["info_kind"], "dummy");
}

TEST_F(GuestLinks, creates_an_active_backup_bond) {
  create(new_link("nlpp-bond", "bond", [](wire::MessageBuilder& data) {
    data.add_u8(IFLA_BOND_MODE, 1);  // BOND_MODE_ACTIVEBACKUP
  }));
  if (stopped()) return;
  const nlohmann::json link = show("nlpp-bond");
  EXPECT_EQ(link["linkinfo"]["info_kind"], "bond");
  EXPECT_EQ(link["linkinfo"]["info_data"]["mode"], "active-backup");
}

TEST_F(GuestLinks, creates_an_802_1ad_vlan_on_a_dummy) {
  create(new_link("nlpp-dummy", "dummy"));
  if (stopped()) return;
  const uint32_t dummy = show("nlpp-dummy")["ifindex"];
  create(new_link(
      "nlpp-vlan", "vlan",
      [](wire::MessageBuilder& data) { data.add_be16(IFLA_VLAN_PROTOCOL, ETH_P_8021AD).add_u16(IFLA_VLAN_ID, 100); },
      dummy));
  if (stopped()) return;
  const nlohmann::json link = show("nlpp-vlan");
  EXPECT_EQ(link["link"], "nlpp-dummy");
  EXPECT_EQ(link["linkinfo"]["info_kind"], "vlan");
  EXPECT_EQ(link["linkinfo"]["info_data"]["protocol"], "802.1ad");
  EXPECT_EQ(link["linkinfo"]["info_data"]["id"], 100);
}

TEST_F(GuestLinks, creates_a_vrf_bound_to_table_100) {
  create(new_link("nlpp-vrf", "vrf", [](wire::MessageBuilder& data) { data.add_u32(IFLA_VRF_TABLE, 100); }));
  if (stopped()) return;
  const nlohmann::json link = show("nlpp-vrf");
  EXPECT_EQ(link["linkinfo"]["info_kind"], "vrf");
  EXPECT_EQ(link["linkinfo"]["info_data"]["table"], 100);
}

TEST_F(GuestLinks, creates_a_gre_tunnel_with_its_local_and_remote_address) {
  create(new_link("nlpp-gre", "gre", [](wire::MessageBuilder& data) {
    data.add_struct(IFLA_GRE_LOCAL, ipv4("192.0.2.1")).add_struct(IFLA_GRE_REMOTE, ipv4("198.51.100.1"));
  }));
  if (stopped()) return;
  const nlohmann::json link = show("nlpp-gre");
  EXPECT_EQ(link["linkinfo"]["info_kind"], "gre");
  EXPECT_EQ(link["linkinfo"]["info_data"]["local"], "192.0.2.1");
  EXPECT_EQ(link["linkinfo"]["info_data"]["remote"], "198.51.100.1");
}

}  // namespace
}  // namespace nlpp::io

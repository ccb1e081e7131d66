// The request engine and subscriptions against the real kernel, each test in
// a fresh network namespace, results read back through nlpp and through
// iproute2 (`ip -j -d`).
#include <nlpp/io/request_engine.hpp>
#include <nlpp/io/subscription.hpp>

#include "support/iproute2.hpp"
#include "support/rtnl_fixture.hpp"

#include <gtest/gtest.h>

#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>
#include <net/if.h>

#include <cerrno>
#include <limits>
#include <memory>
#include <optional>
#include <map>
#include <set>
#include <string>

namespace nlpp::io {
namespace {

class RequestEngineKernelTest : public test::RtnlTest {
 protected:
  // RTM_NEWLINK for a veth pair name <-> peer, with an MTU.
  static wire::MessageBuilder new_veth(std::string_view name, std::string_view peer, uint32_t mtu) {
    wire::MessageBuilder builder;
    builder.begin_message(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL).append_header(ifinfomsg{});
    builder.add_string(IFLA_IFNAME, name).add_u32(IFLA_MTU, mtu);
    const auto linkinfo = builder.begin_nested(IFLA_LINKINFO);
    builder.add_string(IFLA_INFO_KIND, "veth");
    const auto data = builder.begin_nested(IFLA_INFO_DATA);
    const auto peer_info = builder.begin_nested(VETH_INFO_PEER);
    builder.append_header_bytes(wire::bytes_of(ifinfomsg{}));
    builder.add_string(IFLA_IFNAME, peer);
    builder.end_nested(peer_info).end_nested(data).end_nested(linkinfo);
    return builder;
  }

  // Every link's name and MTU, through a dump.
  std::map<std::string, uint32_t> dump_links() {
    std::map<std::string, uint32_t> links;
    wire::MessageBuilder request;
    request.begin_message(RTM_GETLINK, 0).append_header(ifinfomsg{});
    const Result<void> dumped = rtnl().dump(request, [&](const wire::Message& message) {
      std::string name;
      uint32_t mtu = 0;
      for (const wire::Attribute& attribute : *message.attributes(sizeof(ifinfomsg))) {
        if (attribute.type() == IFLA_IFNAME) name = attribute.string();
        if (attribute.type() == IFLA_MTU) mtu = attribute.u32().value_or(0);
      }
      links[name] = mtu;
    });
    EXPECT_TRUE(dumped) << dumped.error().describe();
    return links;
  }

};

TEST_F(RequestEngineKernelTest, creates_a_veth_pair_seen_by_nlpp_and_by_iproute2) {
  wire::MessageBuilder request = new_veth("nlpp0", "nlpp1", 1400);
  Result<Ack> created = rtnl().request(request);
  ASSERT_TRUE(created) << created.error().describe();

  const std::map<std::string, uint32_t> links = dump_links();
  EXPECT_EQ(links.at("nlpp0"), 1400u);
  EXPECT_EQ(links.at("nlpp1"), 1500u);
  EXPECT_EQ(links.at("lo"), 65536u);

  const nlohmann::json shown = test::ip_json(ns_name(), "link show dev nlpp0");
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_EQ(shown[0]["ifname"], "nlpp0");
  EXPECT_EQ(shown[0]["mtu"], 1400);
  EXPECT_EQ(shown[0]["linkinfo"]["info_kind"], "veth");
  EXPECT_EQ(shown[0]["link"], "nlpp1");
}

TEST_F(RequestEngineKernelTest, creating_an_existing_link_fails_with_eexist) {
  wire::MessageBuilder first = new_veth("nlpp0", "nlpp1", 1500);
  ASSERT_TRUE(rtnl().request(first));
  wire::MessageBuilder again = new_veth("nlpp0", "nlpp1", 1500);
  Result<Ack> created = rtnl().request(again);
  ASSERT_FALSE(created);
  EXPECT_EQ(created.error().code(), std::error_code(EEXIST, std::system_category()));
  EXPECT_EQ(created.error().context(), "newlink");
}

TEST_F(RequestEngineKernelTest, a_bad_attribute_comes_back_with_extended_ack_text_offset_and_path) {
  wire::MessageBuilder request;
  request.begin_message(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL).append_header(ifinfomsg{});
  request.add_string(IFLA_IFNAME, "nlpp0").add_u16(IFLA_MTU, 1400);  // IFLA_MTU is a u32
  const auto linkinfo = request.begin_nested(IFLA_LINKINFO);
  request.add_string(IFLA_INFO_KIND, "veth").end_nested(linkinfo);
  Result<Ack> created = rtnl().request(request);
  ASSERT_FALSE(created);
  // The kernel's policy check reports a wrong-sized attribute as ERANGE.
  EXPECT_EQ(created.error().code(), std::error_code(ERANGE, std::system_category()));
  const ExtendedAck& ack = created.error().ext_ack();
  EXPECT_EQ(ack.message, "Attribute failed policy validation");
  // IFLA_MTU is the second attribute: nlmsghdr 16 + ifinfomsg 16 + IFLA_IFNAME 12.
  EXPECT_EQ(ack.offset, 44u);
  EXPECT_EQ(ack.attribute_path, "mtu");
  EXPECT_EQ(created.error().describe(),
            "newlink: Numerical result out of range (ERANGE): Attribute failed policy validation [attribute mtu]");
}

TEST_F(RequestEngineKernelTest, strict_dump_filter_by_kind_is_done_by_the_kernel) {
  wire::MessageBuilder veth = new_veth("nlpp0", "nlpp1", 1500);
  ASSERT_TRUE(rtnl().request(veth));
  wire::MessageBuilder request;
  request.begin_message(RTM_GETLINK, 0).append_header(ifinfomsg{});
  const auto linkinfo = request.begin_nested(IFLA_LINKINFO);
  request.add_string(IFLA_INFO_KIND, "veth").end_nested(linkinfo);
  std::vector<int> indexes;
  ASSERT_TRUE(rtnl().dump(request, [&](const wire::Message& m) { indexes.push_back(m.fixed_header<ifinfomsg>()->ifi_index); }));
  EXPECT_EQ(indexes.size(), 2u) << "lo is filtered out by the kernel";
}

TEST_F(RequestEngineKernelTest, a_dump_the_kernel_rejects_fails_with_its_errno_and_extended_ack) {
  // Strict checking: a link dump request must leave ifi_change zero.
  wire::MessageBuilder request;
  request.begin_message(RTM_GETLINK, 0).append_header(ifinfomsg{.ifi_family = AF_UNSPEC, .__ifi_pad = 0, .ifi_type = 0,
                                                                .ifi_index = 0, .ifi_flags = 0, .ifi_change = 1});
  bool got_messages = false;
  Result<void> dumped = rtnl().dump(request, [&](const wire::Message&) { got_messages = true; });
  ASSERT_FALSE(dumped);
  EXPECT_FALSE(got_messages);
  EXPECT_EQ(dumped.error().code(), std::error_code(EINVAL, std::system_category()));
  EXPECT_EQ(dumped.error().ext_ack().message, "Invalid values in header for link dump request");
  // The socket is still in step: the next request works.
  EXPECT_EQ(dump_links().count("lo"), 1u);
}

TEST_F(RequestEngineKernelTest, subscription_receives_the_new_link_notification) {
  const uint32_t groups[] = {RTNLGRP_LINK};
  Result<Subscription> events = Subscription::open(NETLINK_ROUTE, groups, {.netns = ns_ref()});
  ASSERT_TRUE(events) << events.error().describe();
  wire::MessageBuilder veth = new_veth("nlpp0", "nlpp1", 1500);
  ASSERT_TRUE(rtnl().request(veth));

  std::vector<std::string> created;
  while (created.size() < 2) {
    Result<Received> received = events->next(std::chrono::seconds(5));
    ASSERT_TRUE(received) << received.error().describe();
    const auto* message = std::get_if<wire::Message>(&*received);
    ASSERT_NE(message, nullptr) << "no notification within 5 s";
    if (message->type() != RTM_NEWLINK) continue;
    if (auto name = (*message->attributes(sizeof(ifinfomsg))).find(IFLA_IFNAME)) created.emplace_back(name->string());
  }
  EXPECT_EQ((std::set<std::string>(created.begin(), created.end())), (std::set<std::string>{"nlpp0", "nlpp1"}));
}

TEST_F(RequestEngineKernelTest, a_subscriber_that_falls_behind_sees_an_overrun) {
  Result<Socket> socket = Socket::open(NETLINK_ROUTE, {.netns = ns_ref(), .receive_buffer = 4096});
  ASSERT_TRUE(socket);
  ASSERT_TRUE(socket->join_group(RTNLGRP_LINK));
  Subscription events(std::make_unique<Socket>(std::move(*socket)));
  wire::MessageBuilder veth = new_veth("nlpp0", "nlpp1", 1500);
  ASSERT_TRUE(rtnl().request(veth));
  // Each MTU change is one RTM_NEWLINK notification of ~1 KiB or more.
  for (uint32_t mtu = 1000; mtu < 1200; ++mtu) {
    wire::MessageBuilder set;
    set.begin_message(RTM_NEWLINK, 0).append_header(ifinfomsg{}).add_string(IFLA_IFNAME, "nlpp0").add_u32(IFLA_MTU, mtu);
    ASSERT_TRUE(rtnl().request(set));
  }
  std::optional<Error> lost;
  for (int i = 0; i < 1000 && !lost; ++i) {
    Result<Received> received = events.next(std::chrono::milliseconds(0));
    ASSERT_TRUE(received) << received.error().describe();
    if (std::holds_alternative<std::monostate>(*received)) break;
    if (const auto* dropped = std::get_if<NotificationsLost>(&*received)) lost = dropped->cause;
  }
  ASSERT_TRUE(lost);
  EXPECT_TRUE(lost->is_overrun()) << lost->describe();
}

// RTM_NEWROUTE for 10.N.N.0/24 on the link, for each N of numbers.
wire::MessageBuilder route_adds(int ifindex, const std::vector<size_t>& numbers) {
  wire::MessageBuilder batch;
  for (const size_t n : numbers) {
    const uint32_t dst = wire::host_to_network<uint32_t>(0x0a000000u | static_cast<uint32_t>(n << 8));
    batch.begin_message(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL)
        .append_header(rtmsg{.rtm_family = AF_INET, .rtm_dst_len = 24, .rtm_src_len = 0, .rtm_tos = 0,
                             .rtm_table = RT_TABLE_MAIN, .rtm_protocol = RTPROT_STATIC,
                             .rtm_scope = RT_SCOPE_LINK, .rtm_type = RTN_UNICAST, .rtm_flags = 0})
        .add_u32(RTA_DST, dst)
        .add_u32(RTA_OIF, static_cast<uint32_t>(ifindex));
  }
  return batch;
}

std::vector<size_t> numbers_up_to(size_t count) {
  std::vector<size_t> numbers(count);
  for (size_t i = 0; i < count; ++i) numbers[i] = i;
  return numbers;
}

int veth_up(const std::string& ns) {
  test::ip_run(ns, "link add nlpp0 type veth peer name nlpp1");
  test::ip_run(ns, "link set nlpp0 up");
  test::ip_run(ns, "link set nlpp1 up");
  return test::ip_json(ns, "link show dev nlpp0")[0]["ifindex"];
}

TEST_F(RequestEngineKernelTest, a_batch_of_routes_reports_the_one_duplicate_and_adds_the_rest) {
  const int ifindex = veth_up(ns_name());
  constexpr size_t count = 3000;
  constexpr size_t duplicate = 1234;
  std::vector<size_t> numbers = numbers_up_to(count);
  numbers[duplicate] = duplicate - 1;
  wire::MessageBuilder batch = route_adds(ifindex, numbers);
  Result<BatchResult> result = rtnl().send_batch(batch, {.chunk_size = 512});
  ASSERT_TRUE(result) << result.error().describe();
  ASSERT_EQ(result->failed(), 1u);
  EXPECT_EQ(result->refusals()[0].first, duplicate);
  EXPECT_EQ(result->refusals()[0].second.code().value(), EEXIST);
  EXPECT_EQ(test::ip_json(ns_name(), "route show proto static").size(), count - 1);
}

// The socket's receive buffer (208 KiB by default) holds about 256 errors:
// a batch of 3,000 refusals in chunks of 1,024 still reports each one.
TEST_F(RequestEngineKernelTest, a_batch_of_3000_refusals_reports_every_one_by_index) {
  const int ifindex = veth_up(ns_name());
  wire::MessageBuilder first = route_adds(ifindex, numbers_up_to(3000));
  ASSERT_TRUE(rtnl().send_batch(first)->all_succeeded());
  wire::MessageBuilder again = route_adds(ifindex, numbers_up_to(3000));
  Result<BatchResult> result = rtnl().send_batch(again);
  ASSERT_TRUE(result) << result.error().describe();
  ASSERT_EQ(result->refusals().size(), 3000u);
  for (size_t index = 0; index < 3000; ++index) {
    ASSERT_EQ(result->refusals()[index].first, index);
    ASSERT_EQ(result->refusals()[index].second.code().value(), EEXIST);
  }
  EXPECT_TRUE(result->unknown().empty());
}

// A transport that claims room it does not have, so that the kernel drops
// answers for real: what was lost must be reported unknown, nothing else.
class RoomlessSocket final : public Transport {
 public:
  explicit RoomlessSocket(Socket socket) : socket_(std::move(socket)) {}
  Result<void> send(wire::Bytes bytes) override { return socket_.send(bytes); }
  Result<Datagram> receive(std::span<std::byte> buffer) override { return socket_.receive(buffer); }
  Result<std::optional<Datagram>> receive_queued(std::span<std::byte> buffer) override {
    return socket_.receive_queued(buffer);
  }
  size_t reserve_receive_buffer(size_t) override { return std::numeric_limits<size_t>::max(); }
  bool errors_echo_requests() const noexcept override { return false; }
  uint32_t port_id() const noexcept override { return socket_.port_id(); }
  int protocol() const noexcept override { return socket_.protocol(); }
  int fileno() const noexcept override { return socket_.fileno(); }

 private:
  Socket socket_;
};

TEST_F(RequestEngineKernelTest, answers_the_kernel_drops_are_reported_unknown_and_the_batch_goes_on) {
  const int ifindex = veth_up(ns_name());
  wire::MessageBuilder first = route_adds(ifindex, numbers_up_to(1024));
  ASSERT_TRUE(rtnl().send_batch(first)->all_succeeded());
  Result<Socket> socket = Socket::open(NETLINK_ROUTE, {.netns = netns::Ref::name(ns_name())});
  ASSERT_TRUE(socket);
  RequestEngine engine(std::make_unique<RoomlessSocket>(std::move(*socket)));
  // 1,024 duplicates, then one new route in a chunk of its own.
  std::vector<size_t> numbers = numbers_up_to(1024);
  numbers.push_back(5000);
  wire::MessageBuilder again = route_adds(ifindex, numbers);
  Result<BatchResult> result = engine.send_batch(again);
  ASSERT_TRUE(result) << result.error().describe();
  ASSERT_EQ(result->unknown().size(), 1u) << "the default buffer cannot hold 1,024 errors";
  const auto [lost, reason] = result->unknown()[0];
  EXPECT_EQ(reason.code(), errc::outcome_unknown);
  EXPECT_EQ(lost.last, 1023u);
  EXPECT_EQ(result->refusals().size(), lost.first) << "every answer before the drop was read, each a refusal";
  EXPECT_GT(lost.first, 100u);
  EXPECT_EQ(result->outcome(1024), Outcome::applied) << "the chunk after the overrun was sent";
  EXPECT_EQ(test::ip_json(ns_name(), "route show proto static").size(), 1025u);
}

}  // namespace
}  // namespace nlpp::io

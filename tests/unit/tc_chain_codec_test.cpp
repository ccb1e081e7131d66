// Chains without a kernel, against what tc 6.1 sent and Linux 6.18 answered
// (tests/data/golden/tc_chain_*.hex, event_*chain*.hex, captured with
// strace from tc in a scratch namespace: v1 is ifindex 2, v0 ifindex 3, a
// clsact on v0): tc's requests byte for byte (a flower template's too), the
// kernel's chains read with their qdisc's handle for a parent, a get's
// RTM_GETCHAIN reply and a dump's RTM_NEWCHAIN both taken by the session
// over a scripted kernel, the notifications as events, tc's JSON and the
// text table, diffs and the checks before sending; and what a dump of a
// link's shared block keeps.
#include <nlpp/format/json.hpp>
#include <nlpp/format/table.hpp>
#include <nlpp/nltest/fake_kernel.hpp>
#include <nlpp/rtnl/events.hpp>
#include <nlpp/rtnl/ip_route.hpp>
#include <nlpp/rtnl/tc_chain.hpp>
#include <nlpp/rtnl/tc_filter.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>
#include <linux/pkt_cls.h>
#include <linux/rtnetlink.h>

#include <cstddef>
#include <cstring>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace nlpp::rtnl {
namespace {

using nltest::FakeDatagram;
using nltest::FakeKernel;
using test::golden_bytes;

const nltest::KernelReplies kernel(FakeKernel::default_port_id);

// The chain tc's requests name: v0's clsact ingress hook, chain 5.
const TcChain ingress_chain_5{.ifindex = 3, .parent = TcHandle::clsact_ingress(), .chain = 5};
// The same chain as the kernel reports it: its qdisc's handle for a parent.
const TcChain reported_chain_5{.ifindex = 3, .parent = TcHandle(0xffff, 0), .chain = 5};

// `flower dst_mac 00:11:22:33:44:55` as tc sends it for a chain: the key,
// its mask, TCA_FLOWER_FLAGS 0, and TCA_FLOWER_KEY_ETH_TYPE 0 (the chain's
// protocol, none given).
const tc::Flower dst_mac_template{.eth_type = 0, .dst_mac = "00:11:22:33:44:55", .flags = 0};

TEST(TcChainCodec, add_get_and_delete_send_tcs_bytes) {
  // tc chain add|get|del dev v0 ingress chain 5: the tcmsg and TCA_CHAIN.
  test::expect_request("tc_chain_add", ingress_chain_5, ingress_chain_5);
  test::expect_request("tc_chain_get", ingress_chain_5, ingress_chain_5);
  test::expect_request("tc_chain_del", ingress_chain_5, ingress_chain_5);

  // tc chain add dev v0 ingress chain 3 flower dst_mac 00:11:22:33:44:55:
  // the template's kind and options.
  const TcChain templated{
      .ifindex = 3, .parent = TcHandle::clsact_ingress(), .chain = 3, .kind = "flower", .options = dst_mac_template};
  test::expect_request("tc_chain_add_flower_template", templated, templated);
}

TEST(TcChainCodec, a_delete_and_a_get_name_the_chain_by_place_and_index_alone) {
  TcChain templated = ingress_chain_5;
  templated.kind = "flower";
  templated.options = dst_mac_template;
  const std::vector<std::byte> by_tc = golden_bytes("tc_chain_del.request");
  EXPECT_EQ(test::emitted(templated, wire::Message(by_tc)), by_tc);
  EXPECT_EQ(test::reparsed(templated, RTM_GETCHAIN), ingress_chain_5);
}

TEST(TcChainCodec, reads_the_kernels_chains_with_their_qdiscs_handle_for_a_parent) {
  EXPECT_EQ(test::parsed_golden<TcChain>("tc_chain_dump"), reported_chain_5);
  EXPECT_EQ(test::parsed_golden<TcChain>("tc_chain_get_reply"), reported_chain_5);
  // What the kernel sent comes back as the same bytes.
  const std::vector<std::byte> dumped = golden_bytes("tc_chain_dump");
  EXPECT_EQ(test::parse_and_emit<TcChain>(dumped), dumped);
}

TEST(TcChainCodec, a_template_and_a_shared_blocks_chain_round_trip) {
  const std::vector<TcChain> chains{
      {.ifindex = 2, .parent = TcHandle(1, 0)},
      {.block = 21, .chain = 0x0fffffff},
      {.ifindex = 2, .parent = TcHandle(0xffff, 0), .chain = 3, .kind = "flower", .options = dst_mac_template},
  };
  for (const TcChain& chain : chains) {
    const TcChain back = test::reparsed(chain);
    EXPECT_EQ(back, chain) << ::testing::PrintToString(test::differing_fields(chain, back));
  }
  // A shared block's chain: tcm_ifindex TCM_IFINDEX_MAGIC_BLOCK, the block
  // in tcm_parent's place.
  wire::MessageBuilder builder;
  ObjectTraits<TcChain>::emit(chains[1], builder, RTM_NEWCHAIN, 0);
  tcmsg header{};
  std::memcpy(&header, wire::Message(builder.bytes()).payload().data(), sizeof header);
  EXPECT_EQ(static_cast<uint32_t>(header.tcm_ifindex), TCM_IFINDEX_MAGIC_BLOCK);
  EXPECT_EQ(header.tcm_block_index, 21u);
}

// A session whose kernel answers a dump with the golden RTM_NEWCHAIN, a get
// with the golden RTM_GETCHAIN, anything else with an ACK.
struct ScriptedKernel {
  ScriptedKernel() {
    auto fake = std::make_unique<FakeKernel>([](const wire::MessageRange& sent) {
      const wire::Message request = *sent.begin();
      std::vector<FakeDatagram> replies;
      const auto answer = [&](const std::string& golden) {
        std::vector<std::byte> bytes = golden_bytes(golden);
        const uint32_t seq = request.seq();
        const uint32_t port_id = FakeKernel::default_port_id;
        std::memcpy(bytes.data() + offsetof(nlmsghdr, nlmsg_seq), &seq, sizeof seq);
        std::memcpy(bytes.data() + offsetof(nlmsghdr, nlmsg_pid), &port_id, sizeof port_id);
        replies.emplace_back(std::move(bytes));
      };
      if (request.type() == RTM_GETCHAIN && (request.flags() & NLM_F_DUMP) == NLM_F_DUMP) {
        answer("tc_chain_dump");
        replies.emplace_back(kernel.done(request.seq()));
      } else if (request.type() == RTM_GETCHAIN) {
        answer("tc_chain_get_reply");
        replies.emplace_back(kernel.error(request.seq(), 0));
      } else {
        replies.emplace_back(kernel.error(request.seq(), 0));
      }
      return replies;
    });
    observed = fake.get();
    ipr.emplace(io::RequestEngine(std::move(fake)));
  }

  std::optional<IpRoute> ipr;
  const FakeKernel* observed = nullptr;
};

TEST(TcChainCodec, the_session_takes_a_dumps_new_chains_and_a_gets_reply) {
  ScriptedKernel scripted;
  Result<std::vector<TcChain>> listed =
      scripted.ipr->dump<TcChain>({.ifindex = 3, .parent = TcHandle::clsact_ingress(), .chain = 5});
  ASSERT_TRUE(listed) << listed.error().describe();
  EXPECT_EQ(*listed, std::vector{reported_chain_5});  // the parent the kernel reports is not compared again
  Result<TcChain> got = scripted.ipr->get(ingress_chain_5);
  ASSERT_TRUE(got) << got.error().describe();
  EXPECT_EQ(*got, reported_chain_5);

  // tc chain show dev v0 ingress chain 5: the hook and TCA_CHAIN, NLM_F_DUMP.
  const std::vector<std::vector<std::byte>>& sent = scripted.observed->sent();
  ASSERT_EQ(sent.size(), 2u);
  std::vector<std::byte> tc_dump = golden_bytes("tc_chain_dump.request");
  std::memcpy(tc_dump.data() + offsetof(nlmsghdr, nlmsg_seq), sent[0].data() + offsetof(nlmsghdr, nlmsg_seq),
              sizeof(uint32_t) * 2);
  EXPECT_EQ(sent[0], tc_dump);

  // A kind selects chains by their template (nlpp's selection).
  Result<std::vector<TcChain>> flower = scripted.ipr->dump<TcChain>({.ifindex = 3, .kind = "flower"});
  ASSERT_TRUE(flower);
  EXPECT_TRUE(flower->empty());
}

TEST(TcChainCodec, notifications_of_a_chain_a_filter_made_and_of_its_deletion_are_events) {
  const Event made = decode_event(wire::Message(golden_bytes("event_newchain_by_filter")));
  const auto* added = std::get_if<NewTcChain>(&made);
  ASSERT_TRUE(added);
  EXPECT_EQ(added->object, (TcChain{.ifindex = 3, .parent = TcHandle(0xffff, 0), .chain = 7}));
  EXPECT_EQ(added->nlmsg_flags, NLM_F_CREATE | NLM_F_EXCL);  // as for a chain a request made

  const Event deleted = decode_event(wire::Message(golden_bytes("event_delchain")));
  const auto* gone = std::get_if<DelTcChain>(&deleted);
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->object.chain, 7u);
  EXPECT_TRUE(is_deletion(deleted));
}

// A dump names a link's block by the link and the parent; the kernel lists
// what a shared block holds by the block's index instead, which the
// selection keeps (a chain's or a filter's).
TEST(TcSharedBlock, a_links_shared_block_lists_its_chains_and_filters_by_the_block) {
  const TcChainSelector chains_of_link{.ifindex = 3, .parent = TcHandle::clsact_ingress()};
  EXPECT_TRUE(ObjectTraits<TcChain>::matches(chains_of_link, TcChain{.block = 21, .chain = 3}));
  const TcFilterSelector filters_of_link{.ifindex = 3, .parent = TcHandle::clsact_ingress()};
  EXPECT_TRUE(ObjectTraits<TcFilter>::matches(filters_of_link, TcFilter{.block = 21, .priority = 1}));
  EXPECT_TRUE(ObjectTraits<TcFilter>::matches({.block = 21}, TcFilter{.block = 21}));
  EXPECT_FALSE(ObjectTraits<TcFilter>::matches({.block = 22}, TcFilter{.block = 21}));
  EXPECT_FALSE(ObjectTraits<TcFilter>::matches({.block = 21}, TcFilter{.ifindex = 3}));
  EXPECT_FALSE(
      ObjectTraits<TcFilter>::matches(filters_of_link, TcFilter{.ifindex = 4, .parent = TcHandle::clsact_ingress()}));
}

const std::vector<Link> links{{.ifindex = 2, .name = "v1"}, {.ifindex = 3, .name = "v0"}};

TEST(FormatTcChain, prints_tc_s_json_leaving_out_what_the_listing_named) {
  const format::LinkNames names(links);
  const std::vector chains{reported_chain_5, TcChain{.ifindex = 3, .parent = TcHandle(0xffff, 0), .chain = 7}};
  // tc -j chain show dev v0 ingress: the parent reported is not the hook named.
  EXPECT_EQ(format::chains_json(chains, names, {.one_device = true, .parent = TcHandle::clsact_ingress()}),
            R"([{"parent":"ffff:","chain":5},{"parent":"ffff:","chain":7}])");
  // tc -j chain show dev v0 parent 1: chain 4: both named, neither printed.
  const TcChain under_htb{.ifindex = 3, .parent = TcHandle(1, 0), .chain = 4};
  EXPECT_EQ(
      format::chains_json(std::span(&under_htb, 1), names, {.one_device = true, .parent = TcHandle(1, 0), .chain = 4}),
      "[{}]");
  // A shared block's chains: the block unless the listing named it (tc -j
  // chain show dev v0 ingress lists a shared ingress block's by its index).
  const TcChain shared{.block = 21, .chain = 3};
  EXPECT_EQ(format::chains_json(std::span(&shared, 1), names, {.one_device = true}), R"([{"block":21,"chain":3}])");
  EXPECT_EQ(format::chains_json(std::span(&shared, 1), names, {.one_device = true, .block = 21}), R"([{"chain":3}])");
  // A notification (nlpp monitor) names the link; a template its kind and
  // keys, as tc prints them (the chain's protocol, none, is eth_type 0).
  TcChain templated = reported_chain_5;
  templated.kind = "flower";
  templated.options = dst_mac_template;
  EXPECT_EQ(format::to_json(templated, names),
            R"({"dev":"v0","parent":"ffff:","kind":"flower","chain":5,)"
            R"("options":{"keys":{"dst_mac":"00:11:22:33:44:55","eth_type":"0000"}}})");
}

TEST(FormatTcChain, tabulates_each_chain_with_its_place_and_template) {
  const format::LinkNames names(links);
  TcChain templated = reported_chain_5;
  templated.kind = "flower";
  templated.options = dst_mac_template;
  const std::vector chains{templated, TcChain{.block = 21, .chain = 3}};
  EXPECT_EQ(format::chains_table(chains, names),
            "DEV       PARENT  CHAIN  TEMPLATE  OPTIONS\n"
            "v0        ffff:   5      flower    dst_mac 00:11:22:33:44:55 eth_type 0000\n"
            "block 21  -       3      -         -\n");
}

std::string refusal(const TcChain& chain) {
  const Result<void> valid = ObjectTraits<TcChain>::validate(chain);
  return valid ? "" : valid.error().context();
}

TEST(TcChainValidate, names_what_is_missing_or_wrong) {
  EXPECT_EQ(refusal(TcChain{.chain = 1}), "chain ifindex: required (the link), or a shared block");
  EXPECT_EQ(refusal(TcChain{.ifindex = 2, .block = 1}), "chain: a link or a shared block, not both");
  EXPECT_EQ(refusal(TcChain{.block = 0}), "chain block: 0 is no block");
  EXPECT_EQ(refusal(TcChain{.ifindex = 2, .chain = TC_ACT_EXT_VAL_MASK}), "");
  EXPECT_EQ(refusal(TcChain{.ifindex = 2, .chain = TC_ACT_EXT_VAL_MASK + 1}),
            "chain index: 268435456 is above the kernel's largest, 268435455");
  // A template's options are checked as a filter's.
  EXPECT_EQ(refusal(TcChain{.ifindex = 2, .kind = "fw", .options = tc::U32{}}),
            "filter kind 'fw': the data is for u32");
  EXPECT_EQ(refusal(TcChain{.ifindex = 2, .options = tc::U32{.divisor = 3}}),
            "u32 divisor 3: not a power of 2 up to 256");
}

TEST(TcChainDiff, names_what_changed) {
  const TcChain before = reported_chain_5;
  TcChain after = before;
  after.chain = 6;
  after.kind = "flower";
  after.options = dst_mac_template;
  EXPECT_EQ(test::differing_fields(before, after), (std::vector<std::string>{"chain", "kind", "options"}));
}

}  // namespace
}  // namespace nlpp::rtnl

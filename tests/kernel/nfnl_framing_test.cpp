// nfnetlink's batch framing against the kernel, in a fresh namespace: an
// nf_tables change sent through an engine with nfnl::batch_framing() goes
// inside BATCH_BEGIN / BATCH_END and is applied (read back by `nft -j list
// tables`); the kernel's refusal of a framed change is the request's error;
// gets go unframed; a table `nft` made is read through the same engine.
#include <nlpp/io/request_engine.hpp>
#include <nlpp/nfnl/batch_framing.hpp>

#include "support/netns_fixture.hpp"
#include "support/subprocess.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>

#include <cerrno>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace nlpp::nfnl {
namespace {

constexpr uint16_t nft_type(uint8_t message) { return static_cast<uint16_t>(NFNL_SUBSYS_NFTABLES << 8 | message); }

// An nf_tables table message (NEWTABLE, DELTABLE, GETTABLE) for an inet table.
wire::MessageBuilder table_message(uint8_t message, uint16_t flags, std::string_view name) {
  wire::MessageBuilder builder;
  builder.begin_message(nft_type(message), flags)
      .append_header(nfgenmsg{.nfgen_family = NFPROTO_INET, .version = NFNETLINK_V0, .res_id = 0});
  if (!name.empty()) builder.add_string(NFTA_TABLE_NAME, name);
  return builder;
}

class NfnlFraming : public test::NetnsTest {
 protected:
  void SetUp() override {
    NetnsTest::SetUp();
    Result<io::RequestEngine> opened = io::RequestEngine::open(NETLINK_NETFILTER, {.netns = ns_ref()});
    ASSERT_TRUE(opened) << opened.error().describe();
    engine_.emplace(std::move(*opened));
    engine_->set_batch_framing(batch_framing());
  }
  io::RequestEngine& engine() { return *engine_; }

  // The inet tables `nft -j list tables` shows in the namespace.
  std::set<std::string> nft_tables() {
    Result<test::CommandOutput> output =
        test::run_command({"ip", "netns", "exec", ns_name(), "nft", "-j", "list", "tables"});
    EXPECT_TRUE(output && output->exit_code == 0) << (output ? output->err : output.error().describe());
    std::set<std::string> names;
    if (!output || output->exit_code != 0) return names;
    const nlohmann::json listed = nlohmann::json::parse(output->out);
    for (const nlohmann::json& entry : listed["nftables"])
      if (entry.contains("table") && entry["table"]["family"] == "inet") names.insert(entry["table"]["name"]);
    return names;
  }

  // The inet tables a GETTABLE dump through the engine returns.
  std::set<std::string> dumped_tables() {
    std::set<std::string> names;
    wire::MessageBuilder dump = table_message(NFT_MSG_GETTABLE, 0, "");
    Result<void> dumped = engine().dump(dump, [&](const wire::Message& message) {
      if (message.type() != nft_type(NFT_MSG_NEWTABLE)) return;
      Result<wire::AttributeRange> attributes = message.attributes(sizeof(nfgenmsg));
      if (!attributes) return;
      if (std::optional<wire::Attribute> name = attributes->find(NFTA_TABLE_NAME)) names.insert(std::string(name->string()));
    });
    EXPECT_TRUE(dumped) << dumped.error().describe();
    return names;
  }

 private:
  std::optional<io::RequestEngine> engine_;
};

TEST_F(NfnlFraming, a_framed_new_table_is_applied_and_nft_lists_it) {
  wire::MessageBuilder add = table_message(NFT_MSG_NEWTABLE, NLM_F_CREATE, "nlpp_filter");
  Result<io::Ack> added = engine().request(add);
  ASSERT_TRUE(added) << added.error().describe();
  EXPECT_EQ(nft_tables(), std::set<std::string>{"nlpp_filter"});
  EXPECT_EQ(dumped_tables(), std::set<std::string>{"nlpp_filter"});

  wire::MessageBuilder del = table_message(NFT_MSG_DELTABLE, 0, "nlpp_filter");
  Result<io::Ack> deleted = engine().request(del);
  ASSERT_TRUE(deleted) << deleted.error().describe();
  EXPECT_TRUE(nft_tables().empty());
}

TEST_F(NfnlFraming, the_kernels_refusal_of_a_framed_change_is_the_requests_error) {
  wire::MessageBuilder add = table_message(NFT_MSG_NEWTABLE, NLM_F_CREATE, "taken");
  ASSERT_TRUE(engine().request(add));
  wire::MessageBuilder again = table_message(NFT_MSG_NEWTABLE, NLM_F_CREATE | NLM_F_EXCL, "taken");
  Result<io::Ack> refused = engine().request(again);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), std::error_code(EEXIST, std::system_category()));
  // The engine is still in step with the kernel: the next request works.
  wire::MessageBuilder del = table_message(NFT_MSG_DELTABLE, 0, "taken");
  EXPECT_TRUE(engine().request(del));
  EXPECT_TRUE(nft_tables().empty());
}

TEST_F(NfnlFraming, a_change_sent_unframed_is_refused_by_the_kernel) {
  // What the framing is for: without it the kernel takes no nf_tables change.
  Result<io::RequestEngine> bare = io::RequestEngine::open(NETLINK_NETFILTER, {.netns = ns_ref()});
  ASSERT_TRUE(bare);
  wire::MessageBuilder add = table_message(NFT_MSG_NEWTABLE, NLM_F_CREATE, "unframed");
  Result<io::Ack> added = bare->request(add);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code(), std::error_code(EINVAL, std::system_category()));
  EXPECT_TRUE(nft_tables().empty());
}

TEST_F(NfnlFraming, gets_go_unframed_and_read_a_table_nft_made) {
  Result<test::CommandOutput> made =
      test::run_command({"ip", "netns", "exec", ns_name(), "nft", "add", "table", "inet", "made_by_nft"});
  ASSERT_TRUE(made && made->exit_code == 0) << (made ? made->err : made.error().describe());
  wire::MessageBuilder get = table_message(NFT_MSG_GETTABLE, 0, "made_by_nft");
  std::optional<std::string> name;
  Result<io::Ack> got = engine().request(get, [&](const wire::Message& message) {
    if (auto found = (*message.attributes(sizeof(nfgenmsg))).find(NFTA_TABLE_NAME)) name = found->string();
  });
  ASSERT_TRUE(got) << got.error().describe();
  EXPECT_EQ(name, "made_by_nft");
  EXPECT_EQ(dumped_tables(), std::set<std::string>{"made_by_nft"});
}

TEST_F(NfnlFraming, a_pipelined_batch_of_framed_changes_is_refused_before_anything_is_sent) {
  wire::MessageBuilder batch = table_message(NFT_MSG_NEWTABLE, NLM_F_CREATE, "one");
  Result<io::BatchResult> sent = engine().send_batch(batch);
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code(), errc::invalid_argument);
  EXPECT_TRUE(nft_tables().empty());
}

}  // namespace
}  // namespace nlpp::nfnl

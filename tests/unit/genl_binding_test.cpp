// Generic netlink's binding over a scripted kernel: a family's id is asked
// of nlctrl once per session and then known; nlctrl's own needs no asking;
// what the request looks like on the wire.
#include <nlpp/genl/generic_netlink.hpp>
#include <nlpp/nltest/fake_kernel.hpp>

#include <gtest/gtest.h>

#include <linux/genetlink.h>

#include <cerrno>
#include <cstring>

namespace nlpp::genl {
namespace {

using nltest::FakeDatagram;
using nltest::FakeKernel;

const nltest::KernelReplies kernel(FakeKernel::default_port_id);
constexpr uint16_t taskstats_id = 0x1a;

// Answers CTRL_CMD_GETFAMILY for "TASKSTATS" as the kernel does (the
// family, then the ACK), and any other name with ENOENT.
std::vector<FakeDatagram> nlctrl(const wire::MessageRange& sent) {
  const wire::Message request = *sent.begin();
  const Result<wire::AttributeRange> attributes = request.attributes(GENL_HDRLEN);
  const std::optional<wire::Attribute> name = attributes ? attributes->find(CTRL_ATTR_FAMILY_NAME) : std::nullopt;
  if (!name || name->string() != "TASKSTATS") return {kernel.error(request.seq(), -ENOENT)};
  wire::MessageBuilder family;
  family.begin_message(GENL_ID_CTRL, 0)
      .append_header(genlmsghdr{.cmd = CTRL_CMD_NEWFAMILY, .version = 2, .reserved = 0})
      .add_string(CTRL_ATTR_FAMILY_NAME, "TASKSTATS")
      .add_u16(CTRL_ATTR_FAMILY_ID, taskstats_id)
      .add_u32(CTRL_ATTR_VERSION, 1);
  return {nltest::datagram({kernel.messages(family, request.seq()), kernel.error(request.seq(), 0)})};
}

struct ScriptedGenl {
  ScriptedGenl() {
    auto fake = std::make_unique<FakeKernel>(nlctrl);
    observed = fake.get();
    genl.emplace(io::RequestEngine(std::move(fake)));
  }
  const FakeKernel* observed = nullptr;
  std::optional<GenericNetlink> genl;
};

TEST(GenlBinding, a_family_id_is_asked_of_nlctrl_once_and_then_known) {
  ScriptedGenl scripted;
  GenericNetlink& genl = *scripted.genl;
  EXPECT_EQ(genl.binding().family_id(genl.engine(), "TASKSTATS").value(), taskstats_id);
  EXPECT_EQ(genl.binding().family_id(genl.engine(), "TASKSTATS").value(), taskstats_id);
  ASSERT_EQ(scripted.observed->sent().size(), 1u);

  // The one request: CTRL_CMD_GETFAMILY (version 2) to nlctrl, by name.
  const wire::Message request = *wire::MessageRange(scripted.observed->sent()[0]).begin();
  EXPECT_EQ(request.type(), GENL_ID_CTRL);
  EXPECT_EQ(request.flags(), NLM_F_REQUEST | NLM_F_ACK);
  const genlmsghdr header = request.fixed_header<genlmsghdr>().value();
  EXPECT_EQ(header.cmd, CTRL_CMD_GETFAMILY);
  EXPECT_EQ(header.version, 2);
  const wire::AttributeRange attributes = request.attributes(GENL_HDRLEN).value();
  ASSERT_TRUE(attributes.find(CTRL_ATTR_FAMILY_NAME));
  EXPECT_EQ(attributes.find(CTRL_ATTR_FAMILY_NAME)->string(), "TASKSTATS");
}

TEST(GenlBinding, nlctrl_has_its_fixed_id_without_asking) {
  ScriptedGenl scripted;
  EXPECT_EQ(scripted.genl->binding().family_id(scripted.genl->engine(), "nlctrl").value(), GENL_ID_CTRL);
  EXPECT_TRUE(scripted.observed->sent().empty());
}

TEST(GenlBinding, a_family_the_kernel_lacks_is_not_remembered_and_its_error_names_it) {
  ScriptedGenl scripted;
  GenericNetlink& genl = *scripted.genl;
  for (int attempt = 0; attempt < 2; ++attempt) {
    Result<uint16_t> id = genl.binding().family_id(genl.engine(), "wireguard");
    ASSERT_FALSE(id);
    EXPECT_EQ(id.error().code(), std::error_code(ENOENT, std::system_category()));
    EXPECT_NE(id.error().describe().find("generic netlink family 'wireguard'"), std::string::npos)
        << id.error().describe();
  }
  // Asked each time: a module loaded since may have registered it.
  EXPECT_EQ(scripted.observed->sent().size(), 2u);
}

TEST(GenlBinding, a_get_reads_the_family_nlctrl_answers) {
  ScriptedGenl scripted;
  Result<Family> family = scripted.genl->get(Family{.name = "TASKSTATS"});
  ASSERT_TRUE(family) << family.error().describe();
  EXPECT_EQ(family->id, taskstats_id);
  EXPECT_EQ(family->name, "TASKSTATS");
  EXPECT_EQ(family->version, 1u);
  EXPECT_TRUE(family->unknown.empty());
}

}  // namespace
}  // namespace nlpp::genl

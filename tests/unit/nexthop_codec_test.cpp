// Nexthop objects beyond the captures: checks before sending, group
// weights above 256, what get and del send, dump filters.
#include <nlpp/rtnl/nexthop.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>

#include <optional>

namespace nlpp::rtnl {
namespace {

using test::ip;
using test::reparsed;

std::string refusal(const Nexthop& nexthop) {
  const Result<void> valid = ObjectTraits<Nexthop>::validate(nexthop);
  return valid ? "" : valid.error().context();
}

TEST(NexthopValidate, accepts_a_nexthop_given_by_id_alone_for_get_and_del) { EXPECT_EQ(refusal(Nexthop{.id = 1}), ""); }

TEST(NexthopValidate, refuses_a_group_with_a_gateway_of_its_own) {
  EXPECT_EQ(refusal(Nexthop{.id = 10, .group = {{.id = 1}}, .gateway = ip("192.0.2.1")}).rfind("nexthop group:", 0),
            0u);
}

TEST(NexthopValidate, refuses_group_weights_outside_1_to_65536_and_member_id_0) {
  EXPECT_EQ(refusal(Nexthop{.id = 10, .group = {{.id = 1, .weight = 65537}}}),
            "nexthop group[0] weight: 65537 is not from 1 to 65536");
  EXPECT_EQ(refusal(Nexthop{.id = 10, .group = {{.id = 1}, {.id = 0}}}).rfind("nexthop group[1] id:", 0), 0u);
}

TEST(NexthopValidate, refuses_a_blackhole_with_a_link_and_a_gateway_of_the_other_family) {
  EXPECT_EQ(refusal(Nexthop{.id = 1, .blackhole = true, .oif = 2}).rfind("nexthop blackhole:", 0), 0u);
  EXPECT_EQ(
      refusal(Nexthop{.id = 1, .family = AF_INET6, .oif = 2, .gateway = ip("192.0.2.1")}).rfind("nexthop gateway:", 0),
      0u);
}

// The group as emitted with flags, then NHA_OP_FLAGS added when given.
Nexthop group_read_back(const Nexthop& group, uint16_t flags, std::optional<uint32_t> op_flags) {
  wire::MessageBuilder builder;
  ObjectTraits<Nexthop>::emit(group, builder, RTM_NEWNEXTHOP, flags);
  if (op_flags) builder.add_u32(14, *op_flags);  // NHA_OP_FLAGS
  return ObjectTraits<Nexthop>::parse(wire::Message(builder.bytes())).value();
}

TEST(NexthopCodec, group_weights_above_256_use_the_high_byte) {
  const Nexthop group{.id = 10, .group = {{.id = 1, .weight = 1000}, {.id = 2, .weight = 65536}}};
  // A reply without NHA_OP_FLAGS, as from a kernel older than 6.12 whose
  // reserved bytes may be garbage: the low byte only.
  EXPECT_EQ(group_read_back(group, 0, std::nullopt).group[1].weight, 256u);
  // NHA_OP_FLAG_RESP_GRP_RESVD_0, as a 6.12 dump has it.
  EXPECT_EQ(group_read_back(group, 0, 1u << 31).group, group.group);
  // A request: the kernel reads the high byte, and so does nlpp.
  EXPECT_EQ(group_read_back(group, NLM_F_REQUEST, std::nullopt).group, group.group);
}

TEST(NexthopCodec, get_and_del_send_the_id_alone) {
  const Nexthop nexthop{.id = 7, .oif = 3, .gateway = ip("192.0.2.1")};
  for (const uint16_t type : {uint16_t{RTM_GETNEXTHOP}, uint16_t{RTM_DELNEXTHOP}}) {
    wire::MessageBuilder builder;
    ObjectTraits<Nexthop>::emit(nexthop, builder, type, 0);
    const wire::Message message(builder.bytes());
    EXPECT_EQ(message.length(), sizeof(nlmsghdr) + sizeof(nhmsg) + 8);
    EXPECT_EQ(message.attributes(sizeof(nhmsg)).value().find(NHA_ID)->u32().value(), 7u);
  }
}

TEST(NexthopCodec, encap_and_fdb_flags_round_trip) {
  const Nexthop with_encap{.id = 4, .family = AF_INET, .oif = 3, .encap = MplsEncap{.labels = {100}}};
  EXPECT_EQ(reparsed(with_encap), with_encap);
  const Nexthop fdb{.id = 5, .family = AF_INET, .gateway = ip("192.0.2.9"), .fdb = true};
  EXPECT_EQ(reparsed(fdb), fdb);
}

TEST(NexthopFilter, family_and_link_filters_leave_groups_out_as_the_kernel_does) {
  const Nexthop group{.id = 10, .group = {{.id = 1}}};
  const Nexthop single{.id = 1, .family = AF_INET, .oif = 3, .gateway = ip("192.0.2.1")};
  EXPECT_FALSE(ObjectTraits<Nexthop>::matches({.family = AF_INET}, group));
  EXPECT_TRUE(ObjectTraits<Nexthop>::matches({.family = AF_INET}, single));
  EXPECT_TRUE(ObjectTraits<Nexthop>::matches({.oif = 3}, single));
  EXPECT_TRUE(ObjectTraits<Nexthop>::matches({.groups = true}, group));
  EXPECT_FALSE(ObjectTraits<Nexthop>::matches({.groups = true}, single));
}

TEST(NexthopDiff, names_group_changes) {
  const Nexthop before{.id = 10, .group = {{.id = 1}, {.id = 2}}};
  Nexthop after = before;
  after.group[1].weight = 5;
  const std::vector<FieldChange> changes = ObjectTraits<Nexthop>::diff(before, after);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0], (FieldChange{"group", "1,1/2,1", "1,1/2,5"}));
}

}  // namespace
}  // namespace nlpp::rtnl

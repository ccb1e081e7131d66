// Neighbour: parsing messages captured from the kernel (and emitting them
// back to the same bytes), requests, input checks, keys, diffs, filters.
#include <nlpp/rtnl/neighbour.hpp>

#include "unit/golden.hpp"

#include <gtest/gtest.h>

namespace nlpp::rtnl {
namespace {

using namespace test;  // golden files, ip(), mac(), attributes_of()

constexpr uint32_t veth0 = 3;  // in the captures' namespace

TEST(NeighbourGolden, permanent_ipv4_neighbour) {
  const std::vector<std::byte> bytes = golden_bytes("newneigh");
  const Neighbour neighbour = parse_golden<Neighbour>(bytes);
  EXPECT_EQ(neighbour.family(), AF_INET);
  EXPECT_EQ(neighbour.dst, ip("192.0.2.2"));
  EXPECT_EQ(neighbour.lladdr, mac("02:00:00:00:00:aa"));
  EXPECT_EQ(neighbour.state, NeighbourStates{NeighbourState::permanent});
  EXPECT_TRUE(neighbour.flags.empty());
  EXPECT_EQ(neighbour.type, RTN_UNICAST);
  EXPECT_EQ(neighbour.probes, 0u);
  EXPECT_TRUE(neighbour.cacheinfo);
  EXPECT_FALSE(neighbour.is_proxy());
  EXPECT_EQ(parse_and_emit<Neighbour>(bytes), bytes);
}

TEST(NeighbourGolden, ipv6_router) {
  const std::vector<std::byte> bytes = golden_bytes("neighbour_ipv6_router");
  const Neighbour neighbour = parse_golden<Neighbour>(bytes);
  EXPECT_EQ(neighbour.family(), AF_INET6);
  EXPECT_EQ(neighbour.ifindex, veth0);
  EXPECT_EQ(neighbour.dst, ip("2001:db8:1::2"));
  EXPECT_EQ(neighbour.lladdr, mac("02:00:00:00:00:cc"));
  EXPECT_EQ(neighbour.flags, NeighbourFlags{NeighbourFlag::router});
  EXPECT_EQ(neighbour.state.to_string(), "permanent");
  EXPECT_EQ(parse_and_emit<Neighbour>(bytes), bytes);
}

TEST(NeighbourGolden, stale_extern_learned_with_a_protocol) {
  const std::vector<std::byte> bytes = golden_bytes("neighbour_ipv4_extern_learn");
  const Neighbour neighbour = parse_golden<Neighbour>(bytes);
  EXPECT_EQ(neighbour.dst, ip("192.0.2.3"));
  EXPECT_EQ(neighbour.state, NeighbourStates{NeighbourState::stale});
  EXPECT_EQ(neighbour.flags.to_string(), "extern_learn");
  EXPECT_EQ(neighbour.protocol, RTPROT_STATIC);
  EXPECT_EQ(parse_and_emit<Neighbour>(bytes), bytes);
}

TEST(NeighbourGolden, proxy_entry) {
  const std::vector<std::byte> bytes = golden_bytes("neighbour_proxy");
  const Neighbour neighbour = parse_golden<Neighbour>(bytes);
  EXPECT_TRUE(neighbour.is_proxy());
  EXPECT_EQ(neighbour.dst, ip("192.0.2.50"));
  EXPECT_EQ(neighbour.ifindex, veth0);
  EXPECT_EQ(neighbour.lladdr, std::nullopt);
  EXPECT_TRUE(neighbour.state.empty());
  EXPECT_EQ(parse_and_emit<Neighbour>(bytes), bytes);
}

// RTM_NEWNEIGH of a family on link 4, with the attributes add_attributes adds.
Result<Neighbour> parse_built(int family, uint16_t state, void (*add_attributes)(wire::MessageBuilder&)) {
  ndmsg header{};
  header.ndm_family = static_cast<uint8_t>(family);
  header.ndm_ifindex = 4;
  header.ndm_state = state;
  wire::MessageBuilder builder;
  builder.begin_message(RTM_NEWNEIGH, 0).append_header(header);
  add_attributes(builder);
  return ObjectTraits<Neighbour>::parse(wire::Message(builder.bytes()));
}

TEST(NeighbourParse, keeps_a_link_layer_address_that_is_not_a_mac_raw) {
  // A GRE tunnel's neighbour: its link-layer address is an IPv4 address.
  const Neighbour neighbour =
      parse_built(AF_INET, NUD_PERMANENT, [](wire::MessageBuilder& builder) {
        builder.add(NDA_DST, ip("10.0.0.2").bytes()).add(NDA_LLADDR, ip("198.51.100.2").bytes());
      }).value();
  EXPECT_EQ(neighbour.lladdr, std::nullopt);
  ASSERT_EQ(neighbour.unknown.size(), 1u);
  EXPECT_EQ(neighbour.unknown[0].type, NDA_LLADDR);
  EXPECT_EQ(neighbour.unknown[0].payload.size(), 4u);
}

TEST(NeighbourParse, needs_a_destination) {
  Result<Neighbour> neighbour = parse_built(AF_INET, 0, [](wire::MessageBuilder&) {});
  ASSERT_FALSE(neighbour);
  EXPECT_EQ(neighbour.error().context(), "neighbour: no NDA_DST");
}

TEST(NeighbourParse, names_the_object_in_a_bad_attribute_error) {
  Result<Neighbour> neighbour =
      parse_built(AF_INET6, 0, [](wire::MessageBuilder& builder) { builder.add(NDA_DST, ip("10.0.0.2").bytes()); });
  ASSERT_FALSE(neighbour);
  EXPECT_EQ(neighbour.error().code(), errc::malformed_attribute);
  EXPECT_EQ(neighbour.error().context(), "neighbour: address of family 10 with 4 bytes");
}

Neighbour proxy() { return Neighbour{.ifindex = 3, .dst = ip("192.0.2.50"), .flags = {NeighbourFlag::proxy}}; }

Neighbour permanent() {
  return Neighbour{.ifindex = 3,
                   .dst = ip("2001:db8::2"),
                   .lladdr = mac("02:00:00:00:00:cc"),
                   .state = {NeighbourState::permanent},
                   .flags = {NeighbourFlag::router},
                   .protocol = RTPROT_STATIC};
}

TEST(NeighbourRequest, add_round_trips_through_parse) {
  wire::MessageBuilder builder;
  ObjectTraits<Neighbour>::emit(permanent(), builder, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL);
  const wire::Message message(builder.bytes());
  const ndmsg header = message.fixed_header<ndmsg>().value();
  EXPECT_EQ(header.ndm_family, AF_INET6);
  EXPECT_EQ(header.ndm_state, NUD_PERMANENT);
  EXPECT_EQ(header.ndm_flags, NTF_ROUTER);
  EXPECT_EQ(ObjectTraits<Neighbour>::parse(message).value(), permanent());
}

TEST(NeighbourRequest, get_carries_only_the_key) {
  wire::MessageBuilder builder;
  Neighbour entry = proxy();
  entry.flags.insert(NeighbourFlag::router);
  entry.state = {NeighbourState::reachable};
  ObjectTraits<Neighbour>::emit(entry, builder, RTM_GETNEIGH, 0);
  const ndmsg header = wire::Message(builder.bytes()).fixed_header<ndmsg>().value();
  EXPECT_EQ(header.ndm_flags, NTF_PROXY);
  EXPECT_EQ(header.ndm_state, 0);
  EXPECT_EQ(header.ndm_ifindex, 3);
  const auto attributes = attributes_of(builder, sizeof(ndmsg));
  ASSERT_EQ(attributes.size(), 1u);
  EXPECT_EQ(attributes.count(NDA_DST), 1u);
}

TEST(NeighbourRequest, dump_of_proxies_on_a_link_under_a_master) {
  wire::MessageBuilder builder;
  ObjectTraits<Neighbour>::emit_dump_request(
      {.family = AF_INET, .ifindex = 3, .master = 9, .proxies = true, .states = {NeighbourState::reachable}}, builder);
  const ndmsg header = wire::Message(builder.bytes()).fixed_header<ndmsg>().value();
  EXPECT_EQ(header.ndm_family, AF_INET);
  EXPECT_EQ(header.ndm_flags, NTF_PROXY);
  EXPECT_EQ(header.ndm_ifindex, 0) << "strict checking wants the link as NDA_IFINDEX";
  EXPECT_EQ(header.ndm_state, 0);
  const auto attributes = attributes_of(builder, sizeof(ndmsg));
  EXPECT_EQ(wire::load<uint32_t>(attributes.at(NDA_IFINDEX)), 3u);
  EXPECT_EQ(wire::load<uint32_t>(attributes.at(NDA_MASTER)), 9u);
}

TEST(NeighbourValidation, refuses_what_the_kernel_would_and_names_the_field) {
  const auto error_of = [](const Neighbour& neighbour) {
    Result<void> valid = ObjectTraits<Neighbour>::validate(neighbour);
    return valid ? std::string() : valid.error().context();
  };
  EXPECT_EQ(error_of(permanent()), "");
  EXPECT_EQ(error_of(proxy()), "");
  Neighbour anywhere = proxy();
  anywhere.ifindex = 0;
  EXPECT_EQ(error_of(anywhere), "") << "a proxy entry may be for every link";

  Neighbour no_dst = permanent();
  no_dst.dst = {};
  EXPECT_EQ(error_of(no_dst), "neighbour dst: no address set");
  Neighbour no_link = permanent();
  no_link.ifindex = 0;
  EXPECT_EQ(error_of(no_link), "neighbour ifindex: 0 names no link (only a proxy entry may have none)");
  Neighbour proxy_with_lladdr = proxy();
  proxy_with_lladdr.lladdr = mac("02:00:00:00:00:01");
  EXPECT_EQ(error_of(proxy_with_lladdr), "neighbour lladdr: a proxy entry answers with the link's own address");
  Neighbour managed = permanent();
  managed.ext_flags = NeighbourExtFlags{NeighbourExtFlag::managed};
  EXPECT_EQ(error_of(managed), "neighbour ext_flags: a managed entry cannot be permanent");
}

TEST(NeighbourKey, tells_a_proxy_entry_from_a_neighbour_of_the_same_address) {
  Neighbour neighbour = proxy();
  neighbour.flags = {};
  EXPECT_EQ(ObjectTraits<Neighbour>::key(proxy()), (NeighbourKey{AF_INET, 3, ip("192.0.2.50"), true}));
  EXPECT_NE(ObjectTraits<Neighbour>::key(neighbour), ObjectTraits<Neighbour>::key(proxy()));
  Neighbour changed = permanent();
  changed.lladdr = mac("02:00:00:00:00:dd");
  EXPECT_EQ(ObjectTraits<Neighbour>::key(changed), ObjectTraits<Neighbour>::key(permanent()));
}

TEST(NeighbourDiff, compares_what_the_entry_is_not_what_the_kernel_counts) {
  Neighbour after = permanent();
  after.lladdr = mac("02:00:00:00:00:dd");
  after.state = {NeighbourState::stale};
  after.cacheinfo = NeighbourCacheInfo{.confirmed = 1, .used = 2, .updated = 3, .refcnt = 4};
  after.probes = 3;
  EXPECT_EQ(ObjectTraits<Neighbour>::diff(permanent(), after),
            (std::vector<FieldChange>{{"lladdr", "02:00:00:00:00:cc", "02:00:00:00:00:dd"},
                                      {"state", "permanent", "stale"}}));
}

TEST(NeighbourFilter, matches_states_flags_and_proxies) {
  const Neighbour neighbour = permanent();
  EXPECT_TRUE(ObjectTraits<Neighbour>::matches({}, neighbour));
  EXPECT_TRUE(ObjectTraits<Neighbour>::matches(
      {.states = {NeighbourState::reachable, NeighbourState::permanent}, .flags = {NeighbourFlag::router}}, neighbour));
  EXPECT_FALSE(ObjectTraits<Neighbour>::matches({.states = {NeighbourState::stale}}, neighbour));
  EXPECT_FALSE(ObjectTraits<Neighbour>::matches({.flags = {NeighbourFlag::extern_learn}}, neighbour));
  EXPECT_FALSE(ObjectTraits<Neighbour>::matches({.family = AF_INET}, neighbour));
  EXPECT_FALSE(ObjectTraits<Neighbour>::matches({.ifindex = 4}, neighbour));
  EXPECT_FALSE(ObjectTraits<Neighbour>::matches({.proxies = true}, neighbour));
  EXPECT_TRUE(ObjectTraits<Neighbour>::matches({.proxies = true}, proxy()));
}

TEST(NeighbourFields, print_iproute2_names) {
  EXPECT_EQ((NeighbourStates{NeighbourState::noarp, NeighbourState::permanent}).to_string(), "noarp permanent");
  EXPECT_EQ((NeighbourFlags{NeighbourFlag::self, NeighbourFlag::offloaded}).to_string(), "self offload");
  EXPECT_EQ(NeighbourExtFlags(0x3).to_string(), "managed locked");
}

}  // namespace
}  // namespace nlpp::rtnl

// The C++ examples of the documentation, each line for line as it is
// written in a public header's doc comment, in README.md or in docs/*.md
// (tools/check_doc_examples.py, ctest unit.doc_examples, fails when one of
// them is neither here nor in examples/). Their purpose is that they
// compile against the current API, with -Werror, so that no example drifts
// from it.
//
// Each example sits in a function that first declares what the example
// uses but leaves to the reader (ipr, ns, port, resync()...), then holds
// the example, unchanged. An example's #include lines stay in it: the
// headers are included at the top of this file, so inside the function
// they expand to nothing (#pragma once).
//
// Examples that need no kernel run, and what their comment says they give
// is checked. Those that talk to the kernel (they would add links, routes,
// namespaces... wherever the test runs, and need root) are compiled and
// linked but never called: kernel_examples lists them (one left out would
// be an unused function, an error under -Werror) and the last test only
// takes their addresses. The kernel tier tests the calls they make.
#include <nlpp/bpf.hpp>
#include <nlpp/core/json_writer.hpp>
#include <nlpp/format/table.hpp>
#include <nlpp/format/text_colour.hpp>
#include <nlpp/genl.hpp>
#include <nlpp/ipdb/cache.hpp>
#include <nlpp/ipdb/follower.hpp>
#include <nlpp/ipdb/transaction.hpp>
#include <nlpp/netns/netns.hpp>
#include <nlpp/nfnl.hpp>
#include <nlpp/nltest/fake_kernel.hpp>
#include <nlpp/rtnl.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/link/schema_data.hpp>
#include <nlpp/rtnl/tc/flower.hpp>

#include "codec/field.hpp"
#include "codec/field_table.hpp"
#include "codec/header_codecs.hpp"
#include "rtnl/shared/table_id.hpp"
#include "support/bpf_counter.hpp"

#include <gtest/gtest.h>
#include <linux/bpf.h>
#include <linux/fib_rules.h>
#include <linux/if_ether.h>
#include <linux/netlink.h>
#include <linux/pkt_cls.h>
#include <linux/rtnetlink.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

// The examples keep their docs' layout, which tools/check_doc_examples.py
// compares line for line.
// clang-format off
namespace nlpp::test {
namespace {

// What std::cout receives while it lives, instead of the terminal.
class CapturedCout {
 public:
  CapturedCout() : previous_(std::cout.rdbuf(captured_.rdbuf())) {}
  ~CapturedCout() { std::cout.rdbuf(previous_); }
  CapturedCout(const CapturedCout&) = delete;
  CapturedCout& operator=(const CapturedCout&) = delete;
  std::string text() const { return captured_.str(); }

 private:
  std::ostringstream captured_;
  std::streambuf* previous_;
};

// ---------------------------------------------------------------------------
// Examples that run: no kernel.

// include/nlpp/codec/ip_address.hpp
TEST(DocExamples, ip_address_hpp_writes_an_address_three_ways) {
  rtnl::Route route;
  const std::string_view text = "10.0.0.3";

  route.gateway = "10.0.0.2";              // converts; bad text throws nlpp::Exception
  using namespace nlpp::literals;
  route.gateway = "10.0.0.2"_ip;           // checked by the compiler
  Result<IpAddress> gateway = IpAddress::parse(text);  // the error as a value

  EXPECT_EQ(route.gateway.to_string(), "10.0.0.2");
  EXPECT_EQ(gateway.value().to_string(), "10.0.0.3");
}

// include/nlpp/core/json_writer.hpp
TEST(DocExamples, json_writer_hpp_writes_the_object_its_comment_shows) {
  JsonWriter json;
  json.begin_object();
  json.key("ifname");
  json.string("br0");
  json.end_object();
  std::string text = std::move(json).take();  // {"ifname":"br0"}

  EXPECT_EQ(text, R"({"ifname":"br0"})");
}

// include/nlpp/format/text_colour.hpp
TEST(DocExamples, text_colour_hpp_colours_as_its_comment_shows) {
  using namespace nlpp::format;

  std::string text = coloured("eth0", ColourClass::ifname, TextStyle::colour_light_background);
  // text == "\e[36meth0\e[0m"

  EXPECT_EQ(text, "\x1b[36meth0\x1b[0m");
}

// include/nlpp/rtnl/enum_text.hpp
TEST(DocExamples, enum_text_hpp_prints_what_its_comment_shows) {
  const CapturedCout out;

  std::cout << rtnl::OperState::up << ' ' << rtnl::NeighbourState::stale;  // "UP stale"

  EXPECT_EQ(out.text(), "UP stale");
}

// include/nlpp/rtnl/tc_handle.hpp
TEST(DocExamples, tc_handle_hpp_reads_and_prints_as_its_comment_shows) {
  rtnl::TcHandle parent = rtnl::TcHandle::parse("1:a").value();  // class 0xa of qdisc 1
  parent.major_id();  // 1
  parent.to_string();  // "1:a"
  rtnl::TcHandle::ingress().to_string();  // "ffff:fff1", as `tc -j qdisc show` prints its parent

  EXPECT_EQ(parent.major_id(), 1);
  EXPECT_EQ(parent.to_string(), "1:a");
  EXPECT_EQ(rtnl::TcHandle::ingress().to_string(), "ffff:fff1");
}

// include/nlpp/rtnl/tc/flower.hpp
TEST(DocExamples, flower_hpp_matches_tcp_to_a_subnet_and_drops_it) {
  rtnl::tc::Flower web{.eth_type = ETH_P_IP, .ip_proto = IPPROTO_TCP,
                       .dst_ip = "10.0.0.0/24", .dst_port = 80,
                       .actions = {{.control = rtnl::tc::Control::drop(), .options = rtnl::tc::Gact{}}}};
  // tc ... protocol ip flower ip_proto tcp dst_ip 10.0.0.0/24 dst_port 80 action drop

  const rtnl::TcFilter filter{.ifindex = 2, .parent = rtnl::TcHandle::clsact_ingress(), .options = web};
  EXPECT_TRUE(rtnl::ObjectTraits<rtnl::TcFilter>::validate(filter));
  EXPECT_EQ(web.dst_ip->mask, IpAddress("255.255.255.0"));
  EXPECT_TRUE(web.dst_port->exact());
}

// include/nlpp/rtnl/tc/masked.hpp
TEST(DocExamples, masked_hpp_gives_keys_exact_and_masked) {
  rtnl::tc::Flower flower{.eth_type = ETH_P_IP, .ip_proto = IPPROTO_TCP};
  flower.dst_port = 80;                        // exact
  flower.tcp_flags = {0x02, 0x12};             // SYN set, ACK clear
  flower.dst_ip = "10.0.0.0/24";               // an address: a prefix, or
  flower.src_ip = {"10.0.0.1", "255.0.0.255"}; // any mask

  EXPECT_EQ(flower.dst_port->to_string(), "0x50");
  EXPECT_EQ(flower.tcp_flags->to_string(), "0x2/0x12");
  EXPECT_EQ(flower.dst_ip->to_string(), "10.0.0.0/255.255.255.0");
  EXPECT_EQ(flower.src_ip->to_string(), "10.0.0.1/255.0.0.255");
}

// include/nlpp/rtnl/objects.hpp
TEST(DocExamples, objects_hpp_walks_every_object_in_order) {
  using namespace nlpp::rtnl;
  std::vector<std::string_view> names;

  for_each_object(Objects{}, [&]<class T>(std::type_identity<T>) { names.push_back(ObjectTraits<T>::name); });

  EXPECT_EQ(names.size(), 13U);
  EXPECT_EQ(names.front(), ObjectTraits<Link>::name);
}

// include/nlpp/rtnl/event.hpp
TEST(DocExamples, event_hpp_prints_a_link_event_and_resyncs_after_an_overrun) {
  int resyncs = 0;
  const auto resync = [&] { ++resyncs; };
  const CapturedCout out;
  for (const rtnl::Event& event :
       {rtnl::Event(rtnl::DelLink{.object = rtnl::Link{.name = "v0"}}), rtnl::Event(rtnl::Overrun{})}) {
    if (const rtnl::Link* link = rtnl::object_if<rtnl::Link>(event))
      std::cout << (rtnl::is_deletion(event) ? "deleted " : "new ") << link->name.value_or("") << '\n';
    else if (std::holds_alternative<rtnl::Overrun>(event))
      resync();  // events were lost: dump again
  }
  EXPECT_EQ(out.text(), "deleted v0\n");
  EXPECT_EQ(resyncs, 1);
}

// include/nlpp/nltest/fake_kernel.hpp
TEST(DocExamples, fake_kernel_hpp_acknowledges_a_route_and_refuses_the_rest) {
  using namespace nlpp;
  const nltest::KernelReplies kernel(nltest::FakeKernel::default_port_id);
  auto fake = std::make_unique<nltest::FakeKernel>([&](const wire::MessageRange& sent) {
    const wire::Message request = *sent.begin();
    const int error = request.type() == RTM_NEWROUTE ? 0 : -EOPNOTSUPP;  // 0: the ACK
    return std::vector<nltest::FakeDatagram>{kernel.error(request.seq(), error)};
  });
  const nltest::FakeKernel& observed = *fake;  // sent() holds every request
  rtnl::IpRoute ipr(io::RequestEngine(std::move(fake)));

  EXPECT_TRUE(ipr.add(rtnl::Route{.dst = "198.51.100.0/24", .gateway = "192.0.2.254"}).has_value());
  const Result<io::Ack> refused = ipr.add(rtnl::Rule{.table = 1000});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code(), std::errc::operation_not_supported);
  EXPECT_EQ(observed.sent().size(), 2U);
}

// include/nlpp/bpf/instructions.hpp
TEST(DocExamples, bpf_instructions_hpp_writes_the_counter_in_twelve_slots) {
  const int map_fd = 3;

#include <nlpp/bpf/instructions.hpp>
  using namespace nlpp::bpf;

  // Adds 1 to the u64 at key 0 of the array map map_fd, and lets the packet pass.
  const auto counter = instructions(
      mov64_imm(Reg::r1, 0),                            // u32 key = 0, on the stack
      stx_mem(Size::word, Reg::r10, Reg::r1, -4),
      mov64_reg(Reg::r2, Reg::r10),                     // r2 = &key
      alu64_imm(AluOp::add, Reg::r2, -4),
      ld_map_fd(Reg::r1, map_fd),                       // r1 = the map (two slots)
      call_helper(BPF_FUNC_map_lookup_elem),            // r0 = &value, or null
      jmp_imm(JmpOp::equal, Reg::r0, 0, 2),             // null: skip the add
      mov64_imm(Reg::r1, 1),
      atomic_add(Size::double_word, Reg::r0, Reg::r1, 0),
      mov64_imm(Reg::r0, TC_ACT_OK),
      exit_insn());  // 12 slots, as clang -O2 -target bpf compiles the same in C

  EXPECT_EQ(counter.size(), 12U);
  EXPECT_EQ(counter[4].src_reg, BPF_PSEUDO_MAP_FD);
  EXPECT_EQ(counter[4].imm, map_fd);
}

// Declarations, compiled beside the library's own and checked against them.

// include/nlpp/io/session.hpp: a specialisation of OperationTraits, here
// of a template of this test's so as not to redefine the library's.
namespace operation_traits_example {
template <class Operation>
struct OperationTraits;

template <> struct OperationTraits<rtnl::RouteQuery> {
  using Reply = rtnl::Route;
  static Result<Reply> run(rtnl::IpRoute&, const rtnl::RouteQuery&);
};

static_assert(std::is_same_v<OperationTraits<rtnl::RouteQuery>::Reply, io::OperationTraits<rtnl::RouteQuery>::Reply>);
static_assert(std::is_same_v<decltype(&OperationTraits<rtnl::RouteQuery>::run),
                             decltype(&io::OperationTraits<rtnl::RouteQuery>::run)>);
}  // namespace operation_traits_example

// include/nlpp/rtnl/object_traits.hpp: what HasAddPlan asks of ObjectTraits.
template <class T>
struct PlanAddExample {
  static Result<io::Plan> plan_add(const T&);   // validated, or the error
};
static_assert(std::is_same_v<decltype(&PlanAddExample<rtnl::Link>::plan_add),
                             decltype(&rtnl::ObjectTraits<rtnl::Link>::plan_add)>);

// docs/ARCHITECTURE.md, "Objects are field tables": a part of the rule's
// table (src/rtnl/rule/rule_table.hpp), and what the engine makes of it.
namespace architecture_md_field_table {
using namespace nlpp::rtnl;

// src/rtnl/rule/rule_table.hpp (abridged: the real table has a line for every member)
inline constexpr auto rule_fields = std::tuple{
    codec::field("family", &Rule::family, codec::in_header(&fib_rule_hdr::family)),
    codec::field("src", &Rule::src, codec::prefix_in(&fib_rule_hdr::src_len, FRA_SRC)),
    codec::field("priority", &Rule::priority, FRA_PRIORITY),        // std::optional<uint32_t>, native
    codec::field("table", &Rule::table, table_id(&fib_rule_hdr::table, FRA_TABLE)),
    codec::field("iifname", &Rule::iifname, codec::NonDefault{FRA_IIFNAME}),
    codec::field("tun_id", &Rule::tun_id, codec::BigEndian{FRA_TUN_ID}),
    codec::padding<Rule>(FRA_PAD)};

TEST(DocExamples, architecture_md_field_table_parses_emits_and_diffs_a_rule) {
  const Rule before{.table = 1000, .priority = 100};
  const Rule after{.table = 1000, .priority = 200, .iifname = "eth0"};
  wire::MessageBuilder request;
  ObjectTraits<Rule>::emit(after, request, RTM_NEWRULE, NLM_F_REQUEST);
  const wire::Message message = *wire::MessageRange(request.bytes()).begin();
  Rule rule;
  wire::MessageBuilder builder;
  builder.begin_message(RTM_NEWRULE, NLM_F_REQUEST).append_header(fib_rule_hdr{});
  FieldDiff diff;

  // src/rtnl/rule/rule_codec.cpp
  Result<fib_rule_hdr> header = codec::parse_message<rule_fields, fib_rule_hdr>(message, rule, "rule");  // header + attributes
  codec::emit_attributes<rule_fields>(rule, builder);                                   // in the table's order
  codec::diff_fields<rule_fields>(before, after, diff);                                 // one FieldChange per line

  ASSERT_TRUE(header.has_value());
  EXPECT_EQ(rule.priority, 200U);
  EXPECT_EQ(rule.table, 1000U);
  EXPECT_EQ(rule.iifname, "eth0");
  const Result<Rule> emitted = ObjectTraits<Rule>::parse(*wire::MessageRange(builder.bytes()).begin());
  ASSERT_TRUE(emitted.has_value());
  EXPECT_EQ(emitted->priority, 200U);
  EXPECT_EQ(std::move(diff).take(), (std::vector<FieldChange>{{"priority", "100", "200"}, {"iifname", "", "eth0"}}));
}
}  // namespace architecture_md_field_table

// docs/ARCHITECTURE.md, "Adding an object"
namespace architecture_md_objects {
using namespace nlpp::rtnl;
using Objects = ObjectList<Link, Address, Route, Neighbour, FdbEntry, Rule, Nexthop, BridgeVlan, Qdisc, TcClass, TcFilter,
                           TcAction, TcChain>;
static_assert(std::is_same_v<Objects, rtnl::Objects>);
}  // namespace architecture_md_objects

// ---------------------------------------------------------------------------
// Examples that talk to the kernel: compiled, never called.

// What the examples call and leave to the reader.
void resync() {}
void use(const rtnl::Link&) {}
void use(const rtnl::Link&, bool) {}

// include/nlpp/format/json.hpp
void format_json_hpp() {
  auto ipr = rtnl::IpRoute::open().value();

  std::vector<rtnl::Link> links = ipr.dump<rtnl::Link>().value();
  std::vector<rtnl::Address> addresses = ipr.dump<rtnl::Address>().value();
  std::puts(format::addresses_json(links, addresses).c_str());  // ip -j -d addr show
}

// include/nlpp/format/table.hpp
void format_table_hpp() {
  std::vector<rtnl::Link> links = rtnl::IpRoute::open().value().dump<rtnl::Link>().value();

  std::puts(format::links_table(links).c_str());
}

// include/nlpp/genl.hpp
void genl_hpp() {
#include <nlpp/genl.hpp>

  nlpp::genl::GenericNetlink genl = nlpp::genl::GenericNetlink::open().value();
  for (const nlpp::genl::Family& family : genl.dump<nlpp::genl::Family>().value())
    std::cout << family.name << '\n';
}

// include/nlpp/genl/family.hpp
void genl_family_hpp() {
  auto genl = genl::GenericNetlink::open().value();
  for (const genl::Family& family : genl.dump<genl::Family>().value()) std::cout << family.name << '\n';
  genl::Family taskstats = genl.get(genl::Family{.name = "TASKSTATS"}).value();
}

// include/nlpp/genl/generic_netlink.hpp
void genl_generic_netlink_hpp() {
  auto genl = genl::GenericNetlink::open().value();
  uint16_t id = genl.binding().family_id(genl.engine(), "TASKSTATS").value();

  static_cast<void>(id);
}

// include/nlpp/io/throwing.hpp
void io_throwing_hpp() {
  auto ipr = rtnl::ThrowingIpRoute::open();
  ipr.add(rtnl::Link{.name = "br0", .info = rtnl::LinkInfo{.kind = "bridge"}}.set_up());
  for (const rtnl::Route& route : ipr.dump<rtnl::Route>()) std::cout << route << '\n';
  if (!ipr.session().del(rtnl::Link{.name = "old0"})) { /* not there: fine */ }
}

// include/nlpp/nfnl/batch_framing.hpp
void nfnl_batch_framing_hpp() {
  wire::MessageBuilder new_table;  // an NFT_MSG_NEWTABLE request; what it holds does not matter here

  io::RequestEngine engine = io::RequestEngine::open(NETLINK_NETFILTER).value();
  engine.set_batch_framing(nfnl::batch_framing());
  engine.request(new_table).value();  // BEGIN, NFT_MSG_NEWTABLE, END: one datagram
}

// include/nlpp/rtnl.hpp
void rtnl_hpp() {
#include <nlpp/rtnl.hpp>

  nlpp::rtnl::IpRoute ipr = nlpp::rtnl::IpRoute::open().value();
  for (const nlpp::rtnl::Route& route : ipr.dump<nlpp::rtnl::Route>().value()) std::cout << route << '\n';
}

// include/nlpp/rtnl/address.hpp
void rtnl_address_hpp() {
  auto ip = rtnl::IpRoute::open().value();

  rtnl::Address address{.ifindex = 2, .local = "192.0.2.1", .prefix_length = 24};
  address.broadcast = rtnl::default_broadcast(address.local, address.prefix_length);
  ip.add(address).value();
  for (const rtnl::Address& a : ip.dump<rtnl::Address>({.ifindex = 2}).value()) std::cout << a << '\n';
}

// include/nlpp/rtnl/bridge_vlan.hpp
void rtnl_bridge_vlan_hpp() {
  auto ip = rtnl::ThrowingIpRoute::open();
  const int port = 3;

  rtnl::BridgeVlan vlans{.ifindex = port,
                         .vlans = {{.vid = 10, .flags = {rtnl::BridgeVlanFlag::pvid,
                         rtnl::BridgeVlanFlag::untagged}},
                                   {.vid = 20, .vid_end = 30}}};
  ip.add(vlans);  // vid 10 (pvid, untagged) and vids 20 to 30
  ip.del(rtnl::BridgeVlan{.ifindex = port, .vlans = {{.vid = 20, .vid_end = 30}}});
}

// include/nlpp/rtnl/change_batch.hpp
void rtnl_change_batch_hpp() {
  using namespace nlpp::rtnl;
  auto ipr = IpRoute::open().value();
  const std::vector<Route> routes = {Route{.dst = "198.51.100.0/24", .gateway = "192.0.2.254"}};

  ChangeBatch batch;
  for (const Route& route : routes) batch.add(route).value();
  io::BatchResult result = ipr.send(batch).value();
  for (const auto& [index, error] : result.refusals()) std::cerr << index << ' ' << error.describe() << '\n';
}

// include/nlpp/rtnl/event_stream.hpp, EventStream
void rtnl_event_stream_hpp() {
  const netns::Ref ns = "blue";

  auto events = rtnl::EventStream::open({rtnl::EventGroup::links}, {.netns = ns}).value();
  for (;;) {
    rtnl::Event event = events.next().value();
    if (std::holds_alternative<rtnl::Overrun>(event)) resync();
  }
}

// include/nlpp/rtnl/event_stream.hpp, ThrowingEventStream
void rtnl_event_stream_hpp_throwing() {
  auto events = rtnl::ThrowingEventStream::open({rtnl::EventGroup::links});
  for (const rtnl::Event& event : events)
    if (const rtnl::Link* link = rtnl::object_if<rtnl::Link>(event)) use(*link, rtnl::is_deletion(event));
}

// include/nlpp/rtnl/fdb_entry.hpp
void rtnl_fdb_entry_hpp() {
  auto ip = rtnl::ThrowingIpRoute::open();
  const int port = 3;
  const rtnl::FdbEntry vxlan_remote{.ifindex = 4, .dst = "198.51.100.8"};

  rtnl::FdbEntry entry{.ifindex = port, .lladdr = "02:00:00:00:00:dd",
                       .state = rtnl::fdb_static, .flags = {rtnl::NeighbourFlag::master}};
  ip.add(entry);
  ip.change(rtnl::Verb::append, vxlan_remote);  // one more remote for the same address
}

// include/nlpp/rtnl/qdisc.hpp
void rtnl_qdisc_hpp() {
  auto ip = rtnl::ThrowingIpRoute::open();

  rtnl::Qdisc htb{.ifindex = "eth0", .handle = rtnl::TcHandle(1, 0), .kind = "htb",
                  .options = rtnl::tc::Htb{.default_class = 0x10}};
  ip.add(htb);                                   // tc qdisc add dev eth0 root handle 1: htb default 10
  ip.dump<rtnl::Qdisc>({.ifindex = "eth0"});    // tc qdisc show dev eth0
}

// include/nlpp/rtnl/tc_class.hpp
void rtnl_tc_class_hpp() {
  auto ip = rtnl::ThrowingIpRoute::open();

  rtnl::TcClass web{.ifindex = "eth0", .handle = rtnl::TcHandle(1, 0x10), .parent = rtnl::TcHandle(1, 0),
                    .kind = "htb", .options = rtnl::tc::HtbClass{.rate = {.bytes_per_second = 125000}}};
  ip.add(web);                                  // tc class add dev eth0 parent 1: classid 1:10 htb rate 1mbit
  ip.dump<rtnl::TcClass>({.ifindex = "eth0"});  // tc class show dev eth0
}

// include/nlpp/rtnl/tc_filter.hpp
void rtnl_tc_filter_hpp() {
  auto ip = rtnl::ThrowingIpRoute::open();

  rtnl::TcFilter web{.ifindex = "eth0", .parent = rtnl::TcHandle(1, 0), .priority = 1,
                     .protocol = ETH_P_IP, .kind = "u32",
                     .options = rtnl::tc::U32{.classid = rtnl::TcHandle(1, 0x10),
                                              .selector = rtnl::tc::U32Selector{
                                                  .keys = {{.value = 80, .mask = 0xffff, .offset = 20}}}}};
  ip.add(web);  // tc filter add dev eth0 parent 1: prio 1 protocol ip u32 match ip dport 80 0xffff flowid 1:10
  ip.dump<rtnl::TcFilter>({.ifindex = "eth0", .parent = web.parent});  // tc filter show dev eth0 parent 1:
}

// include/nlpp/rtnl/tc_chain.hpp, docs/TC.md
void rtnl_tc_chain_hpp() {
  auto ip = rtnl::ThrowingIpRoute::open();

  rtnl::TcChain chain{.ifindex = "eth0", .parent = rtnl::TcHandle::clsact_ingress(), .chain = 5};
  ip.add(chain);                                                       // tc chain add dev eth0 ingress chain 5
  ip.dump<rtnl::TcChain>({.ifindex = "eth0", .parent = chain.parent});  // tc chain show dev eth0 ingress
  ip.del(chain);                                                       // tc chain del dev eth0 ingress chain 5
}

// include/nlpp/rtnl/tc_action.hpp
void rtnl_tc_standalone_action_hpp() {
  auto ip = rtnl::ThrowingIpRoute::open();

  rtnl::TcAction mirror{.action = {.kind = "mirred",
                                   .index = 7,
                                   .options = rtnl::tc::Mirred{
                                       .direction = rtnl::tc::Mirred::Direction::egress_mirror,
                                       .ifindex = "ifb0"}}};
  ip.add(mirror);                               // tc actions add action mirred egress mirror dev ifb0 index 7
  ip.dump<rtnl::TcAction>({.kind = "mirred"});  // tc actions list action mirred
  ip.del(rtnl::TcAction{.action = {.kind = "mirred", .index = 7}});  // tc actions delete action mirred index 7
}

// include/nlpp/rtnl/tc/action.hpp, include/nlpp/rtnl/tc/u32.hpp, include/nlpp/rtnl/tc/police.hpp
void rtnl_tc_action_hpp() {
  rtnl::tc::Action to_ifb{.kind = "mirred",
                          .options = rtnl::tc::Mirred{.direction = rtnl::tc::Mirred::Direction::egress_redirect,
                                                      .ifindex = "ifb0"}};
  // tc ... action mirred egress redirect dev ifb0
  rtnl::tc::U32 to_web{.classid = rtnl::TcHandle(1, 0x10),
                       .selector = rtnl::tc::U32Selector{.keys = {{.value = 0x0a000001, .mask = 0xffffffff,
                                                                  .offset = 16}}}};
  // tc ... u32 match ip dst 10.0.0.1/32 flowid 1:10
  rtnl::tc::Action limit{.control = rtnl::tc::Control::drop(),
                         .options = rtnl::tc::Police{.rate = {.bytes_per_second = 125000}, .burst = 10240}};
  // tc ... action police rate 1mbit burst 10k conform-exceed drop/pass
  (void)to_ifb;
  (void)to_web;
  (void)limit;
}

// include/nlpp/rtnl/ip_route.hpp, IpRoute
void rtnl_ip_route_hpp() {
  const netns::Ref ns = "blue";

  auto ipr = rtnl::IpRoute::open({.netns = ns}).value();
  for (const rtnl::Route& route : ipr.dump<rtnl::Route>({.table = 254}).value()) std::cout << route << '\n';
}

// include/nlpp/rtnl/ip_route.hpp, ThrowingIpRoute
void rtnl_ip_route_hpp_throwing() {
  auto ipr = rtnl::ThrowingIpRoute::open();
  ipr.add(rtnl::Route{.dst = "198.51.100.0/24", .gateway = "10.0.0.2"});
}

// include/nlpp/rtnl/link.hpp
void rtnl_link_hpp() {
  rtnl::IpRoute ipr = rtnl::IpRoute::open().value();
  ipr.add(rtnl::Link{.name = "br0", .info = rtnl::LinkInfo{.kind = "bridge",
                                                          .data = rtnl::link::Bridge{.stp_state = 1}}}).value();
  rtnl::Link br0 = ipr.get(rtnl::Link{.name = "br0"}).value();
}

// include/nlpp/rtnl/link_altnames.hpp
void rtnl_link_altnames_hpp() {
  auto ipr = rtnl::IpRoute::open().value();

  ipr.run(rtnl::AltnamesAdd{.ifindex = 3, .altnames = {"uplink"}}).value();
}

// include/nlpp/rtnl/link_ref.hpp
void rtnl_link_ref_hpp() {
  using namespace nlpp::rtnl;
  auto ipr = ThrowingIpRoute::open();

  ipr.add(Route{.dst = "198.51.100.0/24", .oif = "veth0"});
  ipr.add(Link{.name = "v0", .master = "br0", .info = link::Veth{.peer = Link{.name = "v0p"}}});
}

// include/nlpp/rtnl/neighbour.hpp
void rtnl_neighbour_hpp() {
  auto ip = rtnl::ThrowingIpRoute::open();

  rtnl::Neighbour neighbour{.ifindex = 2, .dst = "192.0.2.2",
                            .lladdr = "02:00:00:00:00:aa",
                            .state = {rtnl::NeighbourState::permanent}};
  ip.add(neighbour);
}

// include/nlpp/rtnl/nexthop.hpp
void rtnl_nexthop_hpp() {
  using namespace nlpp::rtnl;
  auto ipr = ThrowingIpRoute::open();
  const int veth = 5;

  ipr.add(Nexthop{.id = 1, .oif = veth, .gateway = "192.0.2.2"});
  ipr.add(Nexthop{.id = 10, .group = {{.id = 1}, {.id = 2, .weight = 3}}});
  ipr.add(Route{.dst = "198.51.100.0/24", .nh_id = 10});
}

// include/nlpp/rtnl/route.hpp
void rtnl_route_hpp() {
  using namespace nlpp::rtnl;
  auto ipr = IpRoute::open().value();

  Route route{.dst = "198.51.100.0/24",
              .gateway = "192.0.2.254", .table = 1000};
  route.extras.edit().metrics.mtu = 1400;
  ipr.add(route).value();
  for (const Route& r : ipr.dump<Route>({.family = AF_INET, .table = 1000}).value()) std::cout << r << '\n';
}

// include/nlpp/rtnl/route_query.hpp
void rtnl_route_query_hpp() {
  auto ipr = rtnl::IpRoute::open().value();

  rtnl::Route used = ipr.run(rtnl::RouteQuery{.dst = "198.51.100.7"}).value();
}

// include/nlpp/rtnl/rule.hpp
void rtnl_rule_hpp() {
  using namespace nlpp::rtnl;
  auto ipr = ThrowingIpRoute::open();

  ipr.add(Rule{.table = 1000, .priority = 100, .src = "10.0.0.0/8"});
}

// README.md
void readme_md() {
#include <nlpp/format/table.hpp>
#include <nlpp/genl.hpp>  // umbrella headers: nlpp/rtnl.hpp, genl.hpp, nfnl.hpp, nlpp.hpp (all)
#include <nlpp/rtnl.hpp>

  using namespace nlpp;
  using namespace nlpp::rtnl;

  // One RTNL socket, here inside the namespace "blue" (made with `ip netns
  // add blue` or netns::create("blue")), without fork. ThrowingIpRoute returns
  // values and throws errors; its session() returns a Result from each call.
  auto ipr = ThrowingIpRoute::open({.netns = "blue"});

  // Typed objects: what is not set is left to the kernel's defaults. Links
  // are named or numbered wherever an object refers to one.
  ipr.add(Link{.name = "br0", .info = link::Bridge{.stp_state = 1}}.set_up());
  ipr.add(Link{.name = "vx0", .master = "br0", .info = link::Vxlan{.vni = 100, .local = "10.0.0.1", .port = 4789}});

  // Addresses, prefixes and MACs are written as text ("..."_ip literals are
  // checked by the compiler); the parts most routes lack, inline.
  Route route{.dst = "198.51.100.0/24", .table = 1000,
              .extras = {{.metrics = {.mtu = 1400},
                          .multipath = {{.gateway = "10.1.0.2", .weight = 1}, {.gateway = "10.2.0.2", .weight = 2}}}}};
  if (Result<io::Ack> added = ipr.session().add(route); !added)
    std::cerr << added.error().describe() << '\n';  // errno, the kernel's extended ACK, the attribute's path

  // Dumps the kernel filters where it can (strict checking); typed all the way.
  std::vector<Route> routes = ipr.dump<Route>({.family = AF_INET, .table = 1000});
  std::cout << format::routes_table(routes, format::LinkNames(ipr.dump<Link>()));

  // What is not the change of one object runs on the session too: `ip route get`.
  Route used = ipr.run(RouteQuery{.dst = "198.51.100.7"});
  std::cout << used << '\n';  // one object as `ip -j -d` prints it

  // Typed change events, received as the loop asks; an overrun (ENOBUFS) is
  // an event too: time to resync with a dump.
  for (const Event& event : ThrowingEventStream::open({EventGroup::links, EventGroup::ipv4_routes}, {.netns = "blue"}))
    if (const Route* changed = object_if<Route>(event)) std::cout << (is_deletion(event) ? "gone " : "new ") << changed->dst;
    else if (std::holds_alternative<Overrun>(event)) break;

  // Generic netlink on the same session template: family ids resolved at run time.
  auto genl = genl::GenericNetlink::open({.netns = "blue"}).value();
  for (const genl::Family& family : genl.dump<genl::Family>().value()) std::cout << family.name << '\n';
}

// include/nlpp/ipdb/cache.hpp
void ipdb_cache_hpp() {
  auto cache = ipdb::Cache::open({.socket = {.netns = "blue"}}).value();
  cache.update(std::chrono::milliseconds(100)).value();  // apply what changed
  if (std::optional<rtnl::Route> used = cache.longest_match("198.51.100.7"))
    std::cout << *used << '\n';
}

// docs/IPDB.md
void ipdb_md() {
#include <nlpp/ipdb/cache.hpp>

  auto cache = nlpp::ipdb::Cache::open({.socket = {.netns = "blue"}}).value();
  for (;;) {
    cache.update(std::chrono::milliseconds(100)).value();  // what changed since
    if (std::optional<nlpp::rtnl::Route> used = cache.longest_match("198.51.100.7")) std::cout << *used << '\n';
  }
}

// include/nlpp/ipdb/change.hpp
void ipdb_change_hpp() {
  auto cache = ipdb::Cache::open().value();
  ipdb::Subscription watch = cache.on_change<rtnl::Route>([](const ipdb::Change<rtnl::Route>& change) {
    if (change.removed()) std::cout << "gone: " << *change.before << '\n';
  });
}

// include/nlpp/ipdb/follower.hpp
void ipdb_follower_hpp() {
  auto cache = ipdb::Cache::open().value();
  ipdb::Follower follower(cache, [](const Error& error) { std::cerr << error.describe() << '\n'; });
  std::cout << cache.count<rtnl::Route>() << '\n';  // from any thread: the changes arrive by themselves
  follower.stop().value();
}

// include/nlpp/ipdb/transaction.hpp
void ipdb_transaction_hpp() {
  auto cache = ipdb::Cache::open().value();
  ipdb::Transaction tx(cache);
  tx.add(rtnl::Link{.name = "br0", .info = rtnl::LinkInfo{.kind = "bridge"}}.set_up()).value();
  tx.set(rtnl::Link{.name = "v0", .master = "br0"}).value();
  tx.add(rtnl::Address{.ifindex = "br0", .local = "10.0.0.1", .prefix_length = 24}).value();
  for (const ipdb::PlannedChange& change : tx.review()) std::cout << change << '\n';
  tx.commit().value();  // all of it, verified; or none of it, and why
}

// docs/IPDB.md, change notifications
void ipdb_md_changes() {
  auto cache = ipdb::Cache::open().value();
  const uint32_t ifindex = 2;
  ipdb::Subscription routes = cache.on_change<rtnl::Route>([](const ipdb::Change<rtnl::Route>& change) {
    if (change.removed()) std::cout << "gone" << (change.silent ? " (silently)" : "") << '\n';
  });
  ipdb::Subscription one = cache.on_change<rtnl::Link>(ifindex, [](const ipdb::Change<rtnl::Link>& change) {
    if (change.after) std::cout << "mtu " << change.after->mtu.value_or(0) << '\n';
  });
  ipdb::Subscription all = cache.on_any_change([](const ipdb::ObjectChange& change) { std::cout << change.index() << '\n'; });
}

// docs/IPDB.md, transactions
void ipdb_md_transactions() {
  auto cache = ipdb::Cache::open().value();
  ipdb::Transaction tx(cache);
  tx.add(rtnl::Link{.name = "br0", .info = rtnl::LinkInfo{.kind = "bridge"}}.set_up()).value();
  tx.add(rtnl::Link{.name = "v0", .master = "br0", .info = rtnl::link::Veth{.peer = rtnl::Link{.name = "v0p"}}}).value();
  tx.add(rtnl::Address{.ifindex = "br0", .local = "10.0.0.1", .prefix_length = 24}).value();
  tx.add(rtnl::Route{.dst = "10.1.0.0/16", .gateway = "10.0.0.2"}).value();
  for (const ipdb::PlannedChange& change : tx.review()) std::cout << change << '\n';
  nlpp::Result<ipdb::CommitReport> done = tx.commit();
  if (!done) std::cerr << done.error().describe() << '\n';  // the failed step, and whether the undo restored all
}

// docs/GENL.md
void genl_md() {
#include <nlpp/genl/generic_netlink.hpp>

  auto genl = genl::GenericNetlink::open({.netns = netns::Ref::name("blue")}).value();
  for (const genl::Family& family : genl.dump<genl::Family>().value())
    std::cout << family.name << ' ' << family.id << '\n';          // what `genl ctrl list` prints
  genl::Family taskstats = genl.get(genl::Family{.name = "TASKSTATS"}).value();
  uint16_t id = genl.binding().family_id(genl.engine(), "TASKSTATS").value();

  static_cast<void>(id);
}

// docs/NETNS.md
void netns_md() {
#include <nlpp/netns/netns.hpp>

  nlpp::netns::create("blue").value();                     // as `ip netns add blue`
  auto socket = nlpp::netns::open_socket(nlpp::netns::Ref::name("blue"),
                                         AF_NETLINK, SOCK_RAW, NETLINK_ROUTE).value();
  // socket.get() is a NETLINK_ROUTE socket in "blue", usable from any thread.
  nlpp::netns::remove("blue").value();                     // as `ip netns del blue`
}

// docs/RTNL_ADDRESSES.md
void rtnl_addresses_md() {
  const int vxlan = 4;
  const int port = 3;

  rtnl::IpRoute ip = rtnl::IpRoute::open({.netns = netns::Ref::name("blue")}).value();

  rtnl::Address address{.ifindex = 2, .local = "192.0.2.1", .prefix_length = 24,
                        .label = "eth0:web", .lifetimes = rtnl::AddressLifetimes{.preferred = 1800, .valid = 3600}};
  address.broadcast = rtnl::default_broadcast(address.local, address.prefix_length);  // brd +
  ip.add(address).value();

  for (const rtnl::Neighbour& n : ip.dump<rtnl::Neighbour>({.family = AF_INET, .ifindex = 2}).value())
    std::cout << n.dst.to_string() << ' ' << n.state.to_string() << '\n';

  ip.add(rtnl::Neighbour{.ifindex = 2, .dst = "192.0.2.9", .lladdr = "02:00:00:00:00:09"}).value();  // permanent
  ip.change(rtnl::Verb::append, rtnl::FdbEntry{.ifindex = vxlan, .dst = "198.51.100.8"}).value();  // self permanent
  ip.add(rtnl::BridgeVlan{.ifindex = port, .vlans = {{.vid = 20, .vid_end = 30}}}).value();
}

// docs/RTNL_EVENTS.md
void rtnl_events_md() {
#include <nlpp/rtnl/events.hpp>

  auto events = rtnl::EventStream::open({rtnl::EventGroup::links, rtnl::EventGroup::ipv4_routes},
                                        {.netns = netns::Ref::name("blue")}).value();
  for (;;) {
    rtnl::Event event = events.next().value();
    if (auto* link = std::get_if<rtnl::NewLink>(&event)) use(link->object);
    else if (std::holds_alternative<rtnl::Overrun>(event)) resync();  // dump again, see below
  }
}

// docs/RTNL_LINKS.md, a bridge and a veth pair
void rtnl_links_md() {
#include <nlpp/rtnl/link.hpp>
  using namespace nlpp::rtnl;

  IpRoute ipr = IpRoute::open({.netns = nlpp::netns::Ref::name("blue")}).value();

  // A bridge, and a veth pair whose peer has its own name and namespace.
  ipr.add(Link{.name = "br0", .info = LinkInfo{.kind = "bridge", .data = link::Bridge{.stp_state = 1}}}).value();
  ipr.add(Link{.name = "veth0",
               .info = LinkInfo{.kind = "veth",
                                .data = link::Veth{.peer = Link{.name = "veth1",
                                                                .net_ns = LinkNetns::open(nlpp::netns::Ref::name("red")).value()}}}})
      .value();

  // Into the bridge, up, with a port cost.
  Link port{.ifindex = ipr.get(Link{.name = "veth0"})->ifindex,
            .master = ipr.get(Link{.name = "br0"})->ifindex};
  port.set_up(true);
  ipr.set(port).value();
  ipr.set(Link{.ifindex = port.ifindex,
               .info = LinkInfo{.slave_kind = "bridge", .slave_data = link::BridgePort{.cost = 10}}}).value();

  for (const Link& link : ipr.dump<Link>({.kind = "veth"}).value()) std::cout << link << '\n';
}

// docs/RTNL_LINKS.md, a kind nlpp has no type for
void rtnl_links_md_generic_data() {
  using namespace nlpp::rtnl;
  auto ipr = ThrowingIpRoute::open();

  link::GenericData hsr;
  link::add_attribute(hsr, "hsr", "slave1", uint64_t{3}).value();
  link::add_attribute(hsr, "hsr", "slave2", uint64_t{4}).value();
  ipr.add(Link{.name = "hsr0", .info = LinkInfo{.kind = "hsr", .data = hsr}});
}

// docs/RTNL_ROUTES.md
void rtnl_routes_md() {
  using namespace nlpp::rtnl;
  const int veth0 = 5;

  IpRoute ipr = IpRoute::open({.netns = netns::Ref::name("blue")}).value();

  // Addresses and prefixes convert from text (bad text throws nlpp::Exception;
  // "..."_ip / "..."_prefix literals are checked by the compiler instead).
  ipr.add(Route{.dst = "198.51.100.0/24", .gateway = "192.0.2.254", .table = 1000,
                .extras = {{.metrics = {.mtu = 1400, .locked = RouteMetrics::lock_bit(RTAX_MTU)}}}}).value();
  ipr.add(Route{.dst = "203.0.113.0/24",
                .extras = {{.multipath = {{.gateway = "192.0.2.2"}, {.gateway = "192.0.2.3", .weight = 3}}}}}).value();

  for (const Route& r : ipr.dump<Route>({.family = AF_INET, .table = 1000}).value())
    std::cout << r << '\n';  // the route as `ip -j -d route show` prints it (format/json.hpp)

  Route used = ipr.run(RouteQuery{.dst = "198.51.100.7"}).value();

  ipr.add(Nexthop{.id = 1, .oif = veth0, .gateway = "192.0.2.2"}).value();
  ipr.add(Nexthop{.id = 10, .group = {{.id = 1}, {.id = 2, .weight = 3}}}).value();
  ipr.add(Route{.dst = "192.0.2.128/25", .nh_id = 10}).value();

  ipr.add(Rule{.table = 1000, .priority = 100, .src = "10.0.0.0/8"}).value();
}

// include/nlpp/bpf/map.hpp
void bpf_map_hpp() {
#include <nlpp/bpf/map.hpp>

  bpf::Map counters = bpf::Map::create({.type = BPF_MAP_TYPE_ARRAY, .key_size = 4, .value_size = 8,
                                        .max_entries = 1, .name = "counters"}).value();
  counters.update<uint32_t, uint64_t>(0, 41).value();
  if (std::optional<uint64_t> count = counters.lookup<uint32_t, uint64_t>(0).value()) std::cout << *count;  // 41
  counters.pin("/sys/fs/bpf/counters").value();  // outlives the process, until unlinked
}

// include/nlpp/bpf/program.hpp
void bpf_program_hpp() {
  const auto counter = counting_program(3);

#include <nlpp/bpf/program.hpp>

  bpf::Program program = bpf::Program::load({.type = BPF_PROG_TYPE_SCHED_CLS,
                                             .instructions = counter,
                                             .name = "counter"}).value();
  bpf::ProgramInfo info = program.info().value();  // info.id, info.tag: what tc and bpftool show
  // Attached with rtnl::TcFilter{..., .options = rtnl::tc::BpfFilter{.fd = program.fd(), ...}}.
}

// docs/BPF.md, attaching through tc (counting_program(): tests/support/bpf_counter.hpp)
void bpf_md() {
#include <nlpp/bpf.hpp>
#include <nlpp/rtnl.hpp>

  using namespace nlpp;

  bpf::Map counter = bpf::Map::create({.type = BPF_MAP_TYPE_ARRAY, .key_size = 4, .value_size = 8,
                                       .max_entries = 1, .name = "counter"}).value();
  const auto counting = counting_program(counter.fd());  // instructions.hpp's example
  bpf::Program program = bpf::Program::load({.type = BPF_PROG_TYPE_SCHED_CLS, .instructions = counting,
                                             .name = "count_packets"}).value();

  // tc qdisc add dev eth0 clsact; tc filter add dev eth0 ingress bpf direct-action ...
  auto ipr = rtnl::IpRoute::open().value();
  ipr.add(rtnl::Qdisc{.ifindex = "eth0", .kind = "clsact"}).value();
  ipr.add(rtnl::TcFilter{.ifindex = "eth0", .parent = rtnl::TcHandle::clsact_ingress(), .priority = 1,
                         .protocol = ETH_P_ALL,
                         .options = rtnl::tc::BpfFilter{.fd = program.fd(), .name = "counter",
                                                        .direct_action = true}}).value();
  // The filter holds the program now: it lives on when `program` is closed.

  std::cout << counter.lookup<uint32_t, uint64_t>(0).value().value_or(0) << " packets\n";
}

// Every function above: referenced here, so that each is compiled and
// linked, and called nowhere.
constexpr void (*kernel_examples[])() = {
    ipdb_cache_hpp,
    ipdb_md,
    ipdb_change_hpp,
    ipdb_follower_hpp,
    ipdb_transaction_hpp,
    ipdb_md_changes,
    ipdb_md_transactions,
    format_json_hpp,
    format_table_hpp,
    genl_hpp,
    genl_family_hpp,
    genl_generic_netlink_hpp,
    io_throwing_hpp,
    nfnl_batch_framing_hpp,
    rtnl_hpp,
    rtnl_address_hpp,
    rtnl_bridge_vlan_hpp,
    rtnl_change_batch_hpp,
    rtnl_event_stream_hpp,
    rtnl_event_stream_hpp_throwing,
    rtnl_fdb_entry_hpp,
    rtnl_ip_route_hpp,
    rtnl_ip_route_hpp_throwing,
    rtnl_qdisc_hpp,
    rtnl_tc_class_hpp,
    rtnl_tc_filter_hpp,
    rtnl_tc_chain_hpp,
    rtnl_tc_action_hpp,
    rtnl_tc_standalone_action_hpp,
    rtnl_link_hpp,
    rtnl_link_altnames_hpp,
    rtnl_link_ref_hpp,
    rtnl_neighbour_hpp,
    rtnl_nexthop_hpp,
    rtnl_route_hpp,
    rtnl_route_query_hpp,
    rtnl_rule_hpp,
    readme_md,
    genl_md,
    netns_md,
    rtnl_addresses_md,
    rtnl_events_md,
    rtnl_links_md,
    rtnl_links_md_generic_data,
    rtnl_routes_md,
    bpf_map_hpp,
    bpf_program_hpp,
    bpf_md,
};

TEST(DocExamples, every_example_that_talks_to_the_kernel_is_compiled) {
  for (const auto example : kernel_examples) EXPECT_NE(example, nullptr);
}

}  // namespace
}  // namespace nlpp::test
// clang-format on

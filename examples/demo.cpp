// The demo: in a throwaway network namespace, build a bridge with a veth
// port through raw RTM_NEWLINK requests, dump the links as a table and as
// JSON through the generic decoder, show what a kernel error looks like,
// and remove the namespace. Safe on any machine: the host's own namespace
// is never touched.
#include <nlpp/io/request_engine.hpp>
#include <nlpp/netns/netns.hpp>
#include <nlpp/schema/decoder.hpp>
#include <nlpp/schema/json.hpp>

#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>
#include <net/if.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <string>

using namespace nlpp;

namespace {

// Removes the demo's namespace however main() ends.
class ScopedNamespace {
 public:
  explicit ScopedNamespace(std::string name) : name_(std::move(name)) {}
  ScopedNamespace(const ScopedNamespace&) = delete;
  ScopedNamespace& operator=(const ScopedNamespace&) = delete;
  ~ScopedNamespace() { (void)netns::remove(name_); }
  const std::string& name() const { return name_; }

 private:
  std::string name_;
};

constexpr ifinfomsg up{.ifi_family = AF_UNSPEC, .__ifi_pad = 0, .ifi_type = 0, .ifi_index = 0, .ifi_flags = IFF_UP,
                       .ifi_change = IFF_UP};

// RTM_NEWLINK for a link of a kind, created up.
wire::MessageBuilder new_link(std::string_view name, std::string_view kind) {
  wire::MessageBuilder request;
  request.begin_message(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL).append_header(up).add_string(IFLA_IFNAME, name);
  const auto linkinfo = request.begin_nested(IFLA_LINKINFO);
  request.add_string(IFLA_INFO_KIND, kind).end_nested(linkinfo);
  return request;
}

// RTM_NEWLINK for a veth pair whose first end is a port of master. The peer
// is created down: the kernel refuses to create it up (ENOTCONN).
wire::MessageBuilder new_veth_port(std::string_view name, std::string_view peer, uint32_t master) {
  wire::MessageBuilder request;
  request.begin_message(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL).append_header(up);
  request.add_string(IFLA_IFNAME, name).add_u32(IFLA_MASTER, master);
  const auto linkinfo = request.begin_nested(IFLA_LINKINFO);
  request.add_string(IFLA_INFO_KIND, "veth");
  const auto data = request.begin_nested(IFLA_INFO_DATA);
  const auto peer_info = request.begin_nested(VETH_INFO_PEER);
  request.append_header(ifinfomsg{}).add_string(IFLA_IFNAME, peer);
  request.end_nested(peer_info).end_nested(data).end_nested(linkinfo);
  return request;
}

// RTM_NEWLINK that sets an existing link up.
wire::MessageBuilder set_up(std::string_view name) {
  wire::MessageBuilder request;
  request.begin_message(RTM_NEWLINK, 0).append_header(up).add_string(IFLA_IFNAME, name);
  return request;
}

bool check(const char* what, const Result<io::Ack>& result) {
  if (result) return true;
  std::fprintf(stderr, "%s: %s\n", what, result.error().describe().c_str());
  return false;
}

}  // namespace

int main() {
  ScopedNamespace ns("nlpp-demo-" + std::to_string(::getpid()));
  if (auto created = netns::create(ns.name()); !created) {
    std::fprintf(stderr, "cannot create a namespace (run as root): %s\n", created.error().describe().c_str());
    return 1;
  }
  Result<io::RequestEngine> rtnl = io::RequestEngine::open(NETLINK_ROUTE, {.netns = netns::Ref::name(ns.name())});
  if (!rtnl) {
    std::fprintf(stderr, "%s\n", rtnl.error().describe().c_str());
    return 1;
  }
  std::printf("namespace %s\n\n", ns.name().c_str());

  wire::MessageBuilder bridge = new_link("br0", "bridge");
  if (!check("bridge br0", rtnl->request(bridge))) return 1;
  // The bridge's ifindex, asked of our namespace (if_nametoindex() would ask the host's).
  uint32_t bridge_index = 0;
  wire::MessageBuilder get;
  get.begin_message(RTM_GETLINK, 0).append_header(ifinfomsg{}).add_string(IFLA_IFNAME, "br0");
  const auto remember_index = [&](const wire::Message& m) { bridge_index = m.fixed_header<ifinfomsg>()->ifi_index; };
  if (!check("get br0", rtnl->request(get, remember_index))) return 1;
  wire::MessageBuilder veth = new_veth_port("v0", "v1", bridge_index);
  if (!check("veth v0/v1", rtnl->request(veth))) return 1;
  wire::MessageBuilder peer_up = set_up("v1");
  if (!check("set v1 up", rtnl->request(peer_up))) return 1;

  std::printf("%-8s %-8s %-8s %6s  %s\n", "ifindex", "name", "kind", "mtu", "master");
  std::string port_json;
  wire::MessageBuilder dump;
  dump.begin_message(RTM_GETLINK, 0).append_header(ifinfomsg{});
  const Result<void> dumped = rtnl->dump(dump, [&](const wire::Message& message) {
    Result<schema::DecodedMessage> link = schema::decode(NETLINK_ROUTE, message, schema::Direction::reply);
    if (!link) return;
    const auto text = [&](std::string_view path) {
      const schema::DecodedAttribute* a = link->find(path);
      return a && a->get<schema::String>() ? a->get<schema::String>()->text : std::string("-");
    };
    const auto number = [&](std::string_view path) {
      const schema::DecodedAttribute* a = link->find(path);
      return a && a->get<schema::Unsigned>() ? std::to_string(a->get<schema::Unsigned>()->value) : std::string("-");
    };
    std::printf("%-8d %-8s %-8s %6s  %s\n", message.fixed_header<ifinfomsg>()->ifi_index, text("ifname").c_str(),
                text("linkinfo.kind").c_str(), number("mtu").c_str(), number("master").c_str());
    if (text("ifname") == "v0") port_json = schema::to_json(*link);
  });
  if (!dumped) {
    std::fprintf(stderr, "dump: %s\n", dumped.error().describe().c_str());
    return 1;
  }
  std::printf("\nThe bridge port v0 as JSON, decoded through the tables generated from the kernel's YNL specs:\n%s\n",
              port_json.c_str());

  std::printf("\nA kernel error, with its extended ACK named through the schema:\n");
  wire::MessageBuilder bad;
  bad.begin_message(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL).append_header(ifinfomsg{});
  bad.add_string(IFLA_IFNAME, "br1").add_u16(IFLA_MTU, 1500);  // IFLA_MTU must be a u32
  const Result<io::Ack> refused = rtnl->request(bad);
  std::printf("  %s\n", refused ? "(accepted?)" : refused.error().describe().c_str());
  std::printf("\nnamespace %s removed\n", ns.name().c_str());
  return 0;
}

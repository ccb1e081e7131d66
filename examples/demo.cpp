// The demo: in a throwaway network namespace, build a bridge with two veth
// ports (with vlan filtering where the kernel has it), a vxlan, addresses,
// a multipath route with metrics and a neighbour, all through nlpp's typed
// objects; print the state as readable tables and as the JSON `ip -j -d`
// prints; then remove the namespace. Safe on any machine: the host's own
// namespace is never touched.
#include <nlpp/format/json.hpp>
#include <nlpp/format/table.hpp>
#include <nlpp/netns/netns.hpp>
#include <nlpp/rtnl/address.hpp>
#include <nlpp/rtnl/ip_route.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/neighbour.hpp>
#include <nlpp/rtnl/route.hpp>

#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

using namespace nlpp;
using nlpp::IpAddress;
using nlpp::IpPrefix;
using rtnl::Link;
using rtnl::LinkInfo;

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

// Says what was done, or why it failed.
template <class T>
bool step(const std::string& what, const Result<T>& result) {
  if (!result) {
    std::fprintf(stderr, "  %s: %s\n", what.c_str(), result.error().describe().c_str());
    return false;
  }
  std::printf("  %s\n", what.c_str());
  return true;
}

// Example values; a real program would report bad text instead of .value().
IpAddress ip(const char* text) { return IpAddress::parse(text).value(); }
IpPrefix prefix(const char* text) { return IpPrefix::parse(text).value(); }

class Demo {
 public:
  explicit Demo(rtnl::IpRoute& ipr) : ipr_(ipr) {}

  bool build() {
    return add_bridge() && add_port("v0", "v0p") && add_port("v1", "v1p") && add_vxlan() && add_addresses() &&
           add_route() && add_neighbour();
  }

  void print() {
    const std::vector<Link> links = ipr_.dump<Link>().value();
    const std::vector<rtnl::Address> addresses = ipr_.dump<rtnl::Address>().value();
    const std::vector<rtnl::Route> routes = ipr_.dump<rtnl::Route>({.table = RT_TABLE_MAIN}).value();
    const std::vector<rtnl::Neighbour> neighbours =
        ipr_.dump<rtnl::Neighbour>({.states = {rtnl::NeighbourState::permanent}}).value();
    const format::LinkNames names(links);

    std::printf("\nLinks\n%s", format::links_table(links).c_str());
    std::printf("\nAddresses\n%s", format::addresses_table(links, addresses).c_str());
    std::printf("\nRoutes (table main)\n%s", format::routes_table(routes, names).c_str());
    std::printf("\nNeighbours\n%s", format::neighbours_table(neighbours, names).c_str());

    // The same state as `ip -j -d` prints it, for scripts.
    std::printf("\nThe bridge and its addresses, as `ip -j -d addr show dev br0`:\n");
    for (const Link& link : links) {
      if (link.name != "br0") continue;
      const std::vector<rtnl::Address> own = addresses_of(addresses, link.ifindex);
      std::printf("%s\n", format::addresses_json({&link, 1}, own).c_str());
    }
    std::printf("\nThe multipath route, as `ip -j -d route show 198.51.100.0/24`:\n");
    for (const rtnl::Route& route : routes)
      if (!route.extras->multipath.empty()) std::printf("%s\n", format::routes_json({&route, 1}, names).c_str());
    std::printf("\nThe neighbours, as `ip -j -d neigh show nud permanent`:\n%s\n",
                format::neighbours_json(neighbours, names).c_str());
  }

 private:
  bool add_bridge() {
    if (!step("bridge br0", ipr_.add(Link{.name = "br0", .info = LinkInfo{.kind = "bridge"}}))) return false;
    // Vlan filtering needs a kernel built with it (CONFIG_BRIDGE_VLAN_FILTERING);
    // without it the kernel refuses the option, and the bridge works as before.
    const Result<io::Ack> filtering =
        ipr_.set(Link{.ifindex = ifindex("br0"),
                      .info = LinkInfo{.kind = "bridge", .data = rtnl::link::Bridge{.vlan_filtering = true}}});
    if (filtering)
      std::printf("  vlan filtering on br0\n");
    else
      std::printf("  vlan filtering: this kernel has none (%s); going on without it\n",
                  filtering.error().describe().c_str());
    return set_up("br0");
  }

  // A veth pair whose first end is a port of br0. Both ends are created
  // down: this kernel refuses a peer that is up at creation (ENOTCONN).
  bool add_port(const char* name, const char* peer) {
    const Link pair{.name = name,
                    .master = ifindex("br0"),
                    .info = LinkInfo{.kind = "veth", .data = rtnl::link::Veth{.peer = Link{.name = peer}}}};
    return step(std::string("veth ") + name + " (port of br0) with its peer " + peer, ipr_.add(pair)) && set_up(name) &&
           set_up(peer);
  }

  bool add_vxlan() {
    const rtnl::link::Vxlan vxlan{.vni = 100, .local = ip("10.0.0.1"), .ttl = 64, .port = 4789};
    return step("vxlan vx0, vni 100, a port of br0",
                ipr_.add(
                    Link{.name = "vx0", .master = ifindex("br0"), .info = LinkInfo{.kind = "vxlan", .data = vxlan}})) &&
           set_up("vx0");
  }

  bool add_addresses() {
    const uint32_t br0 = ifindex("br0");
    rtnl::Address v4{.ifindex = br0, .local = ip("10.0.0.1"), .prefix_length = 24};
    v4.broadcast = rtnl::default_broadcast(v4.local, v4.prefix_length);
    const rtnl::Address v6{
        .ifindex = br0, .local = ip("2001:db8::1"), .prefix_length = 64, .flags = {rtnl::AddressFlag::nodad}};
    const rtnl::Address left{.ifindex = ifindex("v0p"), .local = ip("10.1.0.1"), .prefix_length = 24};
    const rtnl::Address right{.ifindex = ifindex("v1p"), .local = ip("10.2.0.1"), .prefix_length = 24};
    return step("10.0.0.1/24 on br0", ipr_.add(v4)) && step("2001:db8::1/64 on br0", ipr_.add(v6)) &&
           step("10.1.0.1/24 on v0p", ipr_.add(left)) && step("10.2.0.1/24 on v1p", ipr_.add(right));
  }

  // 198.51.100.0/24 over two paths, one taking twice the traffic of the other.
  bool add_route() {
    rtnl::Route route{.dst = prefix("198.51.100.0/24"), .priority = 100};
    rtnl::RouteExtras& extras = route.extras.edit();
    extras.metrics.mtu = 1400;
    extras.metrics.advmss = 1360;
    extras.multipath = {{.gateway = ip("10.1.0.2"), .ifindex = ifindex("v0p"), .weight = 1},
                        {.gateway = ip("10.2.0.2"), .ifindex = ifindex("v1p"), .weight = 2}};
    return step("multipath route 198.51.100.0/24 metric 100 mtu 1400 advmss 1360", ipr_.add(route));
  }

  bool add_neighbour() {
    const rtnl::Neighbour neighbour{.ifindex = ifindex("v0p"),
                                    .dst = ip("10.1.0.2"),
                                    .lladdr = nlpp::MacAddress::parse("02:00:00:00:00:02").value(),
                                    .state = {rtnl::NeighbourState::permanent}};
    return step("neighbour 10.1.0.2 lladdr 02:00:00:00:00:02 on v0p", ipr_.add(neighbour));
  }

  // The ifindex of a link of the demo's namespace (if_nametoindex() would ask the host's).
  uint32_t ifindex(const char* name) {
    const Result<Link> link = ipr_.get(Link{.name = name});
    return link ? link->ifindex : 0;
  }

  bool set_up(const char* name) {
    Link up{.ifindex = ifindex(name)};
    up.set_up(true);
    const Result<io::Ack> done = ipr_.set(up);
    if (!done) std::fprintf(stderr, "  set %s up: %s\n", name, done.error().describe().c_str());
    return static_cast<bool>(done);
  }

  static std::vector<rtnl::Address> addresses_of(const std::vector<rtnl::Address>& all, uint32_t ifindex) {
    std::vector<rtnl::Address> own;
    for (const rtnl::Address& address : all)
      if (address.ifindex == ifindex) own.push_back(address);
    return own;
  }

  rtnl::IpRoute& ipr_;
};

}  // namespace

int main() {
  ScopedNamespace ns("nlpp-demo-" + std::to_string(::getpid()));
  if (const Result<void> created = netns::create(ns.name()); !created) {
    std::fprintf(stderr, "cannot create a namespace (run as root): %s\n", created.error().describe().c_str());
    return 1;
  }
  Result<rtnl::IpRoute> ipr = rtnl::IpRoute::open({.netns = netns::Ref::name(ns.name())});
  if (!ipr) {
    std::fprintf(stderr, "%s\n", ipr.error().describe().c_str());
    return 1;
  }
  std::printf("In the throwaway namespace %s:\n", ns.name().c_str());
  Demo demo(*ipr);
  if (!demo.build()) return 1;
  demo.print();
  std::printf("\nnamespace %s removed\n", ns.name().c_str());
  return 0;
}

// Everyday job: a permanent neighbour on a bridge and a static entry in its
// forwarding database. (docs/PYROUTE2.md has the pyroute2 program beside it.)
#include <nlpp/rtnl.hpp>
using namespace nlpp::rtnl;
int main() {
  auto ipr = ThrowingIpRoute::open();
  ipr.add(Link{.name = "br0", .info = link::Bridge{}}.set_up());
  ipr.add(Link{.name = "v0", .master = "br0", .info = link::Veth{.peer = Link{.name = "v0p"}}});
  ipr.add(Neighbour{.ifindex = "br0", .dst = "10.0.0.9", .lladdr = "02:00:00:00:00:09"});
  ipr.add(
      FdbEntry{.ifindex = "v0", .lladdr = "02:00:00:00:00:0a", .state = fdb_static, .flags = {NeighbourFlag::master}});
}

// Everyday job: a link with an address, a route with metrics and a weighted
// multipath route. (docs/PYROUTE2.md has the pyroute2 program beside it.)
#include <nlpp/rtnl.hpp>
using namespace nlpp::rtnl;
int main() {
  auto ipr = ThrowingIpRoute::open();
  ipr.add(Link{.name = "v0", .info = link::Veth{.peer = Link{.name = "v0p"}}}.set_up());
  ipr.add(Address{.ifindex = "v0", .local = "10.0.0.1", .prefix_length = 24});
  ipr.add(Route{.dst = "10.1.0.0/16", .gateway = "10.0.0.2", .extras = {{.metrics = {.mtu = 1400, .advmss = 1360}}}});
  ipr.add(Route{.dst = "10.2.0.0/16",
                .extras = {{.multipath = {{.gateway = "10.0.0.2"}, {.gateway = "10.0.0.3", .weight = 3}}}}});
}

// pyroute2's own first example of IPRoute (its documentation's "create an
// interface"): a bridge renamed, with a new MAC address, a primary and a
// secondary address, then up. (docs/PYROUTE2.md has the pyroute2 program
// beside it.)
#include <nlpp/rtnl.hpp>
using namespace nlpp::rtnl;
int main() {
  auto ipr = ThrowingIpRoute::open();
  ipr.add(Link{.name = "brx", .info = link::Bridge{}});
  const uint32_t dev = ipr.get(Link{.name = "brx"}).ifindex;
  ipr.set(Link{.ifindex = dev, .name = "br-ctrl", .address = "00:11:22:33:44:55"}.set_up(false));
  ipr.add(Address{.ifindex = dev, .local = "10.0.0.1", .prefix_length = 24, .broadcast = "10.0.0.255"});
  ipr.add(Address{.ifindex = dev, .local = "10.0.0.2", .prefix_length = 24, .broadcast = "10.0.0.255"});
  ipr.set(Link{.ifindex = dev}.set_up());
}

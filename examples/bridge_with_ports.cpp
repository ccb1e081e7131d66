// Everyday job: a bridge with two veth ports, all up, the bridge's mtu 9000.
// (docs/PYROUTE2.md has the pyroute2 program beside it.)
#include <nlpp/rtnl.hpp>
using namespace nlpp::rtnl;
int main() {
  auto ipr = ThrowingIpRoute::open();
  ipr.add(Link{.name = "br0", .info = link::Bridge{}});
  for (auto [port, peer] : {std::pair{"v0", "v0p"}, {"v1", "v1p"}})
    ipr.add(Link{.name = port, .master = "br0", .info = link::Veth{.peer = Link{.name = peer}.set_up()}}.set_up());
  ipr.set(Link{.name = "br0", .mtu = 9000}.set_up());
}

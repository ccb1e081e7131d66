// Everyday job: a namespace with one end of a veth pair in it, up and
// addressed. NAME (default "blue") is the namespace to create. (docs/PYROUTE2.md
// has the pyroute2 program beside it.)
#include <nlpp/nlpp.hpp>
using namespace nlpp::rtnl;
int main(int argc, char** argv) {
  const char* name = argc > 1 ? argv[1] : "blue";
  nlpp::netns::create(name).value();
  ThrowingIpRoute::open().add(Link{.name = "v0", .info = link::Veth{.peer = Link{.name = "v0p", .net_ns = name}}});
  auto ns = ThrowingIpRoute::open({.netns = name});
  ns.set(Link{.name = "v0p"}.set_up());
  ns.add(Address{.ifindex = "v0p", .local = "10.0.0.2", .prefix_length = 24});
}

// Everyday job: requests the kernel refuses, and what it says: the errno,
// its text, and the kernel's own explanation (extended ACK) with the
// request it refused. (docs/PYROUTE2.md has the pyroute2 program beside it.)
#include <iostream>
#include <nlpp/rtnl.hpp>
using namespace nlpp::rtnl;
int main() {
  auto ipr = IpRoute::open().value();
  for (int attempt : {1, 2})
    if (auto added = ipr.add(Link{.name = "v0", .info = link::Veth{.peer = Link{.name = "v0p"}}}); !added)
      std::cout << attempt << ' ' << added.error().code().value() << ' ' << added.error().describe() << '\n';
  if (auto added = ipr.add(Route{.dst = "10.1.0.0/16", .gateway = "10.9.9.9"}); !added)
    std::cout << added.error().code().value() << ' ' << added.error().describe() << '\n';
}

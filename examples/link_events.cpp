// Everyday job: watch the links come and go, here a veth pair added and
// deleted, until v0 is gone. (docs/PYROUTE2.md has the pyroute2 program
// beside it.)
#include <iostream>
#include <nlpp/rtnl.hpp>
using namespace nlpp::rtnl;
int main() {
  auto events = ThrowingEventStream::open({EventGroup::links});
  auto ipr = ThrowingIpRoute::open();
  ipr.add(Link{.name = "v0", .info = link::Veth{.peer = Link{.name = "v0p"}}});
  ipr.del(Link{.name = "v0"});
  for (const Event& event : events)
    if (const Link* link = object_if<Link>(event)) {
      std::cout << (is_deletion(event) ? "deleted " : "new ") << link->name.value_or("") << '\n';
      if (is_deletion(event) && link->name == "v0") return 0;
    }
}

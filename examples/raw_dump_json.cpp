// Everyday job: a dump asked for by hand (here RTM_GETLINK) and every reply
// printed as JSON through the kernel's own message descriptions, one line
// each. (docs/PYROUTE2.md has the pyroute2 program beside it.)
#include <iostream>
#include <nlpp/nlpp.hpp>
using namespace nlpp;
int main() {
  auto engine = io::RequestEngine::open(NETLINK_ROUTE).value();
  wire::MessageBuilder request;
  request.begin_message(RTM_GETLINK, NLM_F_DUMP).append_header(ifinfomsg{});
  engine.dump(request, [](auto& reply) { std::cout << schema::to_json(NETLINK_ROUTE, reply).value() << '\n'; }).value();
}

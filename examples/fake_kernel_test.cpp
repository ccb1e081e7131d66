// Testing code that talks netlink without a kernel, root or a namespace:
// add_route() below, the code under test, runs against
// nlpp::nltest::FakeKernel, which checks the request it got and answers as
// the kernel would: first with an ACK, then with an error carrying an
// extended ACK message. No test framework: a failed check exits with 1.
#include <nlpp/rtnl/ip_route.hpp>
#include <nlpp/rtnl/route.hpp>
#include <nlpp/nltest/fake_kernel.hpp>

#include <linux/rtnetlink.h>

#include <cerrno>
#include <cstdio>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

using namespace nlpp;

namespace {

// The code under test, as an application would have it.
Result<io::Ack> add_route(rtnl::IpRoute& ipr, const IpPrefix& dst, const IpAddress& gateway) {
  return ipr.add(rtnl::Route{.dst = dst, .gateway = gateway});
}

// A kernel that expects the request adding the route to dst through
// gateway and answers it with error (0: the ACK) and text. It answers any
// other request with EINVAL, which fails the checks in main().
std::unique_ptr<nltest::FakeKernel> kernel_expecting(IpPrefix dst, IpAddress gateway, int error, std::string text) {
  return std::make_unique<nltest::FakeKernel>([=](const wire::MessageRange& sent) {
    const nltest::KernelReplies replies(nltest::FakeKernel::default_port_id);
    const wire::Message request = *sent.begin();
    const Result<rtnl::Route> route = rtnl::ObjectTraits<rtnl::Route>::parse(request);
    const bool expected = request.type() == RTM_NEWROUTE && (request.flags() & NLM_F_EXCL) && route &&
                          route->dst == dst && route->gateway == gateway;
    if (!expected) return std::vector<nltest::FakeDatagram>{replies.error(request.seq(), -EINVAL, "unexpected")};
    return std::vector<nltest::FakeDatagram>{replies.error(request.seq(), error, text)};
  });
}

bool check(bool ok, const char* what) {
  std::printf("%s: %s\n", ok ? "ok" : "FAILED", what);
  return ok;
}

}  // namespace

int main() {
  const IpPrefix dst = IpPrefix::parse("198.51.100.0/24").value();
  const IpAddress gateway = IpAddress::parse("192.0.2.254").value();

  rtnl::IpRoute accepting{io::RequestEngine(kernel_expecting(dst, gateway, 0, ""))};
  const Result<io::Ack> added = add_route(accepting, dst, gateway);
  const bool added_ok = check(added.has_value(), "the kernel acknowledges the route");

  // As the kernel refuses a gateway that no link reaches.
  rtnl::IpRoute refusing{
      io::RequestEngine(kernel_expecting(dst, gateway, -ENETUNREACH, "Nexthop has invalid gateway"))};
  const Result<io::Ack> refused = add_route(refusing, dst, gateway);
  const bool refused_ok = check(!refused && refused.error().code() == std::errc::network_unreachable &&
                                    refused.error().ext_ack().message == "Nexthop has invalid gateway",
                                "the kernel's refusal comes back with its errno and message");
  if (!refused) std::printf("  %s\n", refused.error().describe().c_str());

  return added_ok && refused_ok ? 0 : 1;
}

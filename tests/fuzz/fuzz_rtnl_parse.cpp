// libFuzzer target for the typed RTNL parsers: every message of the input
// goes through ObjectTraits<T>::parse of every object (whatever its type: a
// parser must refuse a foreign message, never misread it), and what parses
// goes through validate, key, diff and emit too. Besides crashes and
// sanitizer reports it checks, for each object that parses:
//   - emit(parse(m)) parses again (what nlpp writes, nlpp reads),
//   - emitting that second object gives the same bytes (emit after parse is
//     a fixed point: nothing is lost or invented on the second trip),
//   - diff() of the second object and the third (parsed from the second's
//     bytes) is empty. The first may differ from the second: what the
//     kernel reports but a request does not carry (route state flags,
//     read-only link counters...) is not emitted, by design.
#include <nlpp/rtnl/address.hpp>
#include <nlpp/rtnl/bridge_vlan.hpp>
#include <nlpp/rtnl/fdb_entry.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/neighbour.hpp>
#include <nlpp/rtnl/nexthop.hpp>
#include <nlpp/rtnl/route.hpp>
#include <nlpp/rtnl/rule.hpp>
#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace {

using namespace nlpp;
using namespace nlpp::rtnl;

[[noreturn]] void fail(std::string_view object, const char* what) {
  std::fprintf(stderr, "fuzz_rtnl_parse: %.*s: %s\n", static_cast<int>(object.size()), object.data(), what);
  std::abort();
}

template <RtnlObject T>
std::vector<std::byte> emitted(const T& object) {
  wire::MessageBuilder builder;
  // A request, as IpRoute sends it: what the kernel reads in it (a nexthop
  // group's high weight bytes) nlpp reads too.
  ObjectTraits<T>::emit(object, builder, ObjectTraits<T>::new_type, NLM_F_REQUEST);
  if (!builder.status()) return {};  // too big to emit (an attribute over 64 KiB): refused, not misread
  const wire::Bytes bytes = builder.bytes();
  return {bytes.begin(), bytes.end()};
}

template <RtnlObject T>
void parse_as(const wire::Message& message) {
  constexpr std::string_view name = ObjectTraits<T>::name;
  const Result<T> parsed = ObjectTraits<T>::parse(message);
  if (!parsed) return;
  (void)ObjectTraits<T>::validate(*parsed);
  (void)ObjectTraits<T>::key(*parsed);
  (void)ObjectTraits<T>::matches({}, *parsed);

  const std::vector<std::byte> first = emitted(*parsed);
  if (first.empty()) return;
  const Result<T> again = ObjectTraits<T>::parse(wire::Message(first));
  if (!again) fail(name, "emit(parse(m)) does not parse");
  if (!std::ranges::equal(emitted(*again), first))
    fail(name, "emit(parse(emit(parse(m)))) differs from emit(parse(m))");
  const Result<T> third = ObjectTraits<T>::parse(wire::Message(emitted(*again)));
  if (!third) fail(name, "emit(parse(emit(parse(m)))) does not parse");
  if (!ObjectTraits<T>::diff(*again, *third).empty()) fail(name, "the objects after one trip through emit differ");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const wire::MessageRange messages(wire::Bytes(reinterpret_cast<const std::byte*>(data), size));
  for (const wire::Message& message : messages) {
    parse_as<Link>(message);
    parse_as<Address>(message);
    parse_as<Route>(message);
    parse_as<Neighbour>(message);
    parse_as<Rule>(message);
    parse_as<Nexthop>(message);
    parse_as<FdbEntry>(message);
    parse_as<BridgeVlan>(message);
  }
  return 0;
}

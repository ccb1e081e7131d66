// The workload of the perf regression guard: decodes a captured route dump
// (tests/data/perf/route_dump.bin, about a thousand messages) once, with
// the generic decoder (schema::decode) or with the typed route parser
// (ObjectTraits<Route>::parse). check_instruction_count.sh runs it under
// callgrind and counts only the instructions spent inside the two
// extern "C" functions below, which is why they exist, are not inlined and
// have plain names: reading the file and starting up are not counted.
//
//   nlpp_perf_decode generic|route DUMP_FILE
#include <nlpp/rtnl/route.hpp>
#include <nlpp/schema/decoder.hpp>
#include <nlpp/wire/message.hpp>

#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include <cstddef>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string_view>
#include <vector>

using namespace nlpp;

/// Decodes every message through the schema tables; returns how many decoded.
extern "C" [[gnu::noinline]] size_t nlpp_perf_generic_decode(const std::byte* data, size_t size) {
  size_t decoded = 0;
  for (const wire::Message& message : wire::MessageRange(wire::Bytes(data, size))) {
    Result<schema::DecodedMessage> tree = schema::decode(NETLINK_ROUTE, message, schema::Direction::reply);
    decoded += tree && (tree->nlmsg_type != RTM_NEWROUTE || !tree->attributes.empty());
  }
  return decoded;
}

/// Parses every RTM_NEWROUTE into an rtnl::Route; returns how many parsed.
extern "C" [[gnu::noinline]] size_t nlpp_perf_route_parse(const std::byte* data, size_t size) {
  size_t parsed = 0;
  for (const wire::Message& message : wire::MessageRange(wire::Bytes(data, size)))
    if (message.type() == RTM_NEWROUTE) parsed += rtnl::ObjectTraits<rtnl::Route>::parse(message).has_value();
  return parsed;
}

int main(int argc, char** argv) {
  const std::string_view decoder = argc == 3 ? argv[1] : "";
  if (decoder != "generic" && decoder != "route") {
    std::fprintf(stderr, "usage: nlpp_perf_decode generic|route DUMP_FILE\n");
    return 2;
  }
  std::ifstream file(argv[2], std::ios::binary);
  const std::vector<char> text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  const wire::MessageRange dump(wire::Bytes(reinterpret_cast<const std::byte*>(text.data()), text.size()));
  if (text.empty() || !dump.validate()) {
    std::fprintf(stderr, "nlpp_perf_decode: %s is not a netlink dump\n", argv[2]);
    return 1;
  }

  // Every message must decode: a parser that fails early is not faster.
  size_t expected = 0;
  for (const wire::Message& message : dump) expected += decoder == "generic" || message.type() == RTM_NEWROUTE;
  const auto decode = decoder == "generic" ? nlpp_perf_generic_decode : nlpp_perf_route_parse;
  const size_t decoded = decode(dump.bytes().data(), dump.bytes().size());
  std::printf("%s: decoded %zu of %zu messages\n", argv[1], decoded, expected);
  return decoded == expected ? 0 : 1;
}

// libFuzzer target for everything that reads bytes from the kernel: the wire
// views (MessageRange, AttributeRange and the typed getters), the generic
// decoder through every family's tables, the JSON printer, the encoder and
// the extended-ACK attribute paths, and the capture readers (the input read
// as a pcap or a hex dump, decoded and printed as `nlpp decode` does).
// Besides crashes and sanitizer reports it
// checks three properties on every message:
//   - to_json() prints valid JSON,
//   - encode(decode(m)) has m's size (only padding may differ from m),
//   - decoding that encoding gives the same tree (decode is stable).
#include <nlpp/schema/attribute_path.hpp>
#include <nlpp/schema/capture.hpp>
#include <nlpp/schema/decoded_capture.hpp>
#include <nlpp/schema/decoder.hpp>
#include <nlpp/schema/json.hpp>
#include <nlpp/schema/registry.hpp>
#include <nlpp/wire/message.hpp>

#include <nlohmann/json.hpp>

#include <linux/netlink.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <utility>

namespace {

using namespace nlpp;

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "fuzz_decode: %s\n", what);
  std::abort();
}

// Reads every attribute with every typed getter, nested ones too; only the
// absence of crashes and sanitizer reports is checked.
void walk(const wire::AttributeRange& attributes, unsigned depth) {
  (void)attributes.validate();
  for (const wire::Attribute& attribute : attributes) {
    (void)attribute.u8(), (void)attribute.u16(), (void)attribute.u32(), (void)attribute.u64();
    (void)attribute.s8(), (void)attribute.s16(), (void)attribute.s32(), (void)attribute.s64();
    (void)attribute.be16(), (void)attribute.be32(), (void)attribute.be64(), (void)attribute.uint();
    (void)attribute.string(), (void)attribute.as<nlmsghdr>();
    (void)attribute.nested().find(attribute.type());
    if (depth < 8) walk(attribute.nested(), depth + 1);
  }
}

void check(const Result<schema::DecodedMessage>& decoded, const wire::Message& message, const schema::Family* family,
           schema::Direction direction) {
  if (!decoded) fail("a whole message did not decode");
  if (!nlohmann::json::accept(schema::to_json(*decoded))) fail("to_json printed invalid JSON");
  const Result<std::vector<std::byte>> encoded = schema::encode(*decoded);
  if (!encoded) fail("a decoded message did not encode");
  if (encoded->size() != message.bytes().size()) fail("encode(decode(m)) changed the size of m");
  const wire::Message again(*encoded);
  const Result<schema::DecodedMessage> redecoded =
      family ? schema::decode(*family, again, direction) : schema::decode(NETLINK_ROUTE, again, direction);
  if (!redecoded || *redecoded != *decoded) fail("decoding the encoding gave another tree");
}

// Names what offsets in the message point at, as if it were a request the
// kernel rejected: up to 64 offsets spread over the message (and one past
// it), each also as the nest of a missing attribute whose type is taken from
// the message itself.
void name_offsets(const schema::MessageType& type, const wire::Message& message, schema::FamilyKind kind) {
  const auto size = static_cast<uint32_t>(message.bytes().size());
  const auto missing_type = static_cast<uint16_t>(message.seq());
  const uint32_t stride = std::max<uint32_t>(1, size / 64);
  for (uint32_t offset = 0; offset <= size; offset += stride) {
    (void)schema::attribute_path(type, message, offset, kind);
    (void)schema::missing_attribute_path(type, message, missing_type, offset, kind);
  }
  (void)schema::missing_attribute_path(type, message, missing_type, std::nullopt, kind);
}

// Through the registry and through every family; a family that describes
// the message the way an earlier one did (most describe it not at all)
// would only repeat the checks.
void decode_every_way(const wire::Message& message) {
  for (const auto direction : {schema::Direction::request, schema::Direction::reply}) {
    check(schema::decode(NETLINK_ROUTE, message, direction), message, nullptr, direction);
    std::set<std::pair<const schema::MessageType*, schema::FamilyKind>> seen;
    for (const schema::Family* family : schema::families()) {
      const Result<schema::DecodedMessage> decoded = schema::decode(*family, message, direction);
      if (decoded && !seen.emplace(decoded->message_type, family->kind).second) continue;
      check(decoded, message, family, direction);
      if (direction == schema::Direction::request && decoded->message_type != nullptr)
        name_offsets(*decoded->message_type, message, family->kind);
    }
  }
}

// The input as a capture: a pcap when it starts with a pcap magic, a hex
// dump otherwise (most inputs then fail at their first byte, cheaply).
void read_as_capture(wire::Bytes input) {
  const Result<std::vector<schema::CapturedPacket>> packets =
      schema::read_capture(input, schema::detect_capture_format(input), NETLINK_ROUTE);
  if (!packets) return;
  const Result<std::vector<schema::CapturedMessage>> messages = schema::decode_capture(*packets);
  if (messages && !nlohmann::json::accept(schema::to_json(*messages))) fail("a capture's to_json printed invalid JSON");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  read_as_capture(wire::Bytes(reinterpret_cast<const std::byte*>(data), size));
  const wire::MessageRange messages(wire::Bytes(reinterpret_cast<const std::byte*>(data), size));
  (void)messages.validate();
  for (const wire::Message& message : messages) {
    walk(wire::AttributeRange(message.payload()), 0);
    if (const schema::MessageType* type = schema::find_message(NETLINK_ROUTE, message.type(), schema::Direction::reply);
        type != nullptr && type->fixed_header != nullptr)
      if (auto attributes = message.attributes(type->fixed_header->size)) walk(*attributes, 0);
    decode_every_way(message);
  }
  return 0;
}

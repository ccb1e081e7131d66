// JSON for people and scripts: any decoded message, printed through its
// descriptors.
#pragma once

#include <nlpp/core/json_writer.hpp>
#include <nlpp/core/result.hpp>
#include <nlpp/schema/decoded_message.hpp>
#include <nlpp/schema/registry.hpp>
#include <nlpp/wire/message.hpp>

#include <string>

namespace nlpp::schema {

/// The message as one compact JSON object (not compiled):
///
///     {"nlmsg_type":16,"nlmsg_flags":2,"nlmsg_seq":1,"nlmsg_pid":0,
///      "message":"newlink","header":{"ifi-family":0,...},
///      "attributes":{"ifname":"lo","mtu":65536,"linkinfo":{"kind":"veth"},...}}
///
/// Attributes are keyed by descriptor name (unknown ones as "attr-<type>"
/// with their payload in hex) and repeated ones gathered into an array.
/// Integers are numbers unless the descriptor gives them a name (an enum
/// value; a flags value becomes an array of names, with a number for each
/// bit that has none) or a display hint (ipv4, ipv6, mac, uuid as text, hex
/// as "0x..."). Binary payloads are hex strings; indexed arrays are arrays.
/// "message" appears when a table describes the message, "unparsed" (hex)
/// when bytes were left after the attributes.
std::string to_json(const DecodedMessage& message);

/// A message of a protocol (NETLINK_ROUTE...) decoded (decoder.hpp) and
/// printed as above: the one call for a raw reply a program wants to see.
/// Fails only when `message` is not a whole netlink message.
Result<std::string> to_json(int protocol, const wire::Message& message, Direction direction = Direction::reply);

/// The same object as the next value of `json` (a member's value, an
/// array element), for documents that carry messages (capture_json.hpp).
void write_json(JsonWriter& json, const DecodedMessage& message);

}  // namespace nlpp::schema

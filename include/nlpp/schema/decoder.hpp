// The generic decoder: any netlink message, through a family's descriptor
// tables, into a DecodedMessage; and encode(), its exact inverse.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/schema/decoded_message.hpp>
#include <nlpp/schema/registry.hpp>
#include <nlpp/wire/message.hpp>

#include <cstddef>
#include <vector>

namespace nlpp::schema {

/// Decodes a message of `family` travelling in `direction` (from the kernel,
/// unless told otherwise: what dumps and notifications bring). NLMSG_ERROR and
/// NLMSG_DONE are decoded through netlink_control whatever the family. A
/// message the family does not describe decodes with its payload unparsed;
/// attributes that are unknown or do not fit their descriptor become Raw.
/// Fails only when `message` is not a whole netlink message.
Result<DecodedMessage> decode(const Family& family, const wire::Message& message,
                              Direction direction = Direction::reply);

/// Decodes a message of a protocol (NETLINK_ROUTE...), described through
/// the registry (find_message); as above otherwise.
Result<DecodedMessage> decode(int protocol, const wire::Message& message, Direction direction = Direction::reply);

/// The bytes of a decoded message: encode(decode(m)) == m for every message
/// whose padding is zero, as the kernel sends it. Fails when an attribute
/// of an edited tree no longer fits the 16-bit nla_len or holds an integer
/// of a size other than 1, 2, 4 or 8.
Result<std::vector<std::byte>> encode(const DecodedMessage& message);

}  // namespace nlpp::schema

// Naming what an extended ACK points at: the kernel reports a bad attribute
// as a byte offset into the request (NLMSGERR_ATTR_OFFS) and a missing one
// as a type inside a nest at an offset (NLMSGERR_ATTR_MISS_TYPE/_MISS_NEST).
// Walking the request through its descriptor tables turns both into dotted
// names people can act on: "linkinfo.data.id".
#pragma once

#include <nlpp/core/error.hpp>
#include <nlpp/schema/schema.hpp>
#include <nlpp/wire/message.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace nlpp::schema {

// Each function takes the request's description and the kind of its family:
// a generic netlink request has a genlmsghdr before its fixed header.

/// Names the attribute of `request` that byte `offset` (counted from the
/// start of the nlmsghdr) falls in, header or payload, descending through
/// nests, arrays and sub-messages: a path of descriptor names, with the type
/// number for an attribute the tables do not know. An offset in a fixed
/// header names the member ("ifi-index"); any other offset outside the
/// attributes names nothing ("").
std::string attribute_path(const MessageType& request_type, const wire::Message& request, uint32_t offset,
                           FamilyKind kind = FamilyKind::netlink_raw);

/// Names an attribute the kernel found missing: `missing_type` inside the
/// nest whose header starts at byte `missing_nest` of `request`, or at the
/// top level when there is no nest ("linkinfo.kind"); "" when no nest of
/// the request starts at `missing_nest`.
std::string missing_attribute_path(const MessageType& request_type, const wire::Message& request, uint16_t missing_type,
                                   std::optional<uint32_t> missing_nest, FamilyKind kind = FamilyKind::netlink_raw);

/// Fills ack.attribute_path and ack.missing_attribute from the offset and
/// missing type the kernel sent.
void name_ack_attributes(ExtendedAck& ack, const MessageType& request_type, const wire::Message& request,
                         FamilyKind kind = FamilyKind::netlink_raw);

}  // namespace nlpp::schema

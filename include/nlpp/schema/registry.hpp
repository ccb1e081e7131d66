// The families nlpp has descriptor tables for, and lookups across them.
#pragma once

#include <nlpp/schema/schema.hpp>

#include <span>
#include <string_view>

namespace nlpp::schema {

/// Every family with tables, generated and hand-written.
std::span<const Family* const> families() noexcept;

/// The family with this YNL name ("rt-link", "nlctrl"...); nullptr if unknown.
const Family* find_family(std::string_view name) noexcept;

/// Which way a message travels: what the kernel was sent, or what it sent.
enum class Direction : uint8_t { request, reply };

/// The description of a netlink-raw message (rtnetlink is split over several
/// YNL families sharing one protocol); nullptr if no family describes it.
const MessageType* find_message(int protocol, uint16_t nlmsg_type, Direction direction) noexcept;

}  // namespace nlpp::schema

// A routing table id as routes and rules carry it: the header's u8 field
// (rtm_table, fib_rule_hdr.table) up to 255, RTA_TABLE / FRA_TABLE (u32)
// above, where the header holds RT_TABLE_UNSPEC, as iproute2 sends it. The
// attribute, when present, is the id.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include "codec/attributes.hpp"

#include <linux/rtnetlink.h>

#include <array>
#include <cstdint>

namespace nlpp::rtnl {

template <class Header>
struct TableId {
  uint8_t Header::*in_header;
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  void read(const Header& header, uint32_t& table) const { table = header.*in_header; }
  void write(uint32_t table, Header& header) const {
    header.*in_header = static_cast<uint8_t>(table < 256 ? table : RT_TABLE_UNSPEC);
  }
  bool try_parse(const wire::Attribute& attribute, uint32_t& table) const noexcept {
    return codec::read(attribute, table);
  }
  void emit(uint32_t table, wire::MessageBuilder& out) const {
    if (table > 255) out.add_u32(type, table);
  }
};

template <class Header>
constexpr TableId<Header> table_id(uint8_t Header::*in_header, uint16_t type) {
  return {in_header, type};
}

}  // namespace nlpp::rtnl

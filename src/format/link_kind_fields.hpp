// Internal: the small writers the kinds' print_opt() imitations share
// (link_*_json.cpp): a member only when the kernel sent it, iproute2's
// word tables, and the "any" / dotted-quad forms of tunnel attributes.
#pragma once

#include "iproute2_words.hpp"
#include "json_fields.hpp"

#include <nlpp/core/json_writer.hpp>
#include <nlpp/codec/ip_address.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace nlpp::format::detail {

template <class Number>
void optional_number(JsonWriter& json, std::string_view key, const std::optional<Number>& value) {
  if (value) number_field(json, key, *value);
}

/// print_on_off() and print_bool() in JSON: a boolean.
inline void optional_bool(JsonWriter& json, std::string_view key, const std::optional<bool>& value) {
  if (value) bool_field(json, key, *value);
}

/// print_uint() of a u8 flag attribute: 0 or 1.
inline void optional_bool_number(JsonWriter& json, std::string_view key, const std::optional<bool>& value) {
  if (value) number_field(json, key, *value ? 1u : 0u);
}

/// A flag iproute2 prints only when set, as `true`.
inline void true_if(JsonWriter& json, std::string_view key, bool set) {
  if (set) bool_field(json, key, true);
}

/// print_0xhex() of a value iproute2 prints only when it is not zero.
inline void nonzero_hex(JsonWriter& json, std::string_view key, const std::optional<uint32_t>& value) {
  if (value.value_or(0) != 0) text_field(json, key, hex_0x(*value));
}

/// Neither absent nor all zeros (0.0.0.0, ::), which iproute2 leaves out.
inline bool is_specified(const nlpp::IpAddress& address) {
  for (const std::byte byte : address.bytes())
    if (byte != std::byte{0}) return true;
  return false;
}

/// iproute2's get_name() of its per-kind tables: the word at index, else "UNKNOWN".
inline std::string_view word_at(std::span<const std::string_view> words, uint64_t index) {
  return index < words.size() ? words[index] : "UNKNOWN";
}

/// tnl_print_endpoint(): the address, or "any" when absent or all zeros.
inline void endpoint_field(JsonWriter& json, std::string_view key, const std::optional<nlpp::IpAddress>& address) {
  text_field(json, key, address && is_specified(*address) ? address->to_string() : "any");
}

/// A 32-bit tunnel key as inet_ntop() writes its network-order bytes: 42 is "0.0.0.42".
inline std::string dotted_key(uint32_t key) {
  return std::to_string(key >> 24) + '.' + std::to_string((key >> 16) & 0xff) + '.' +
         std::to_string((key >> 8) & 0xff) + '.' + std::to_string(key & 0xff);
}

}  // namespace nlpp::format::detail

// Internal: integers of the descriptor types in and out of wire bytes, in
// either byte order. Shared by attribute payloads and struct members.
#pragma once

#include <nlpp/schema/decoded_message.hpp>
#include <nlpp/wire/bytes.hpp>

#include <optional>
#include <variant>
#include <vector>

namespace nlpp::schema::detail {

/// The width of a fixed-size integer type (u8..s64); 0 for any other type.
size_t integer_size(Type type) noexcept;

/// Reads an integer of descriptor type `type` (u8..s64, uint, sint) from
/// exactly `bytes`; nullopt for other types or when the size does not fit
/// the type (uint and sint take 4 or 8 bytes).
std::optional<std::variant<Unsigned, Signed>> read_integer(Type type, ByteOrder byte_order, wire::Bytes bytes) noexcept;

/// Appends the low `size` bytes of `bits` in `byte_order`; false, appending
/// nothing, unless size is 1, 2, 4 or 8.
bool write_integer(uint64_t bits, size_t size, ByteOrder byte_order, std::vector<std::byte>& out);

}  // namespace nlpp::schema::detail

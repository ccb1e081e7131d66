// Integers of the descriptor types (u8...s64, uint, sint) in and out of wire
// bytes, in either byte order: what the decoder, the encoder and anything
// that writes attributes by their spec (rtnl's schema-driven link data)
// share, so there is one place that knows the widths and byte orders.
#pragma once

#include <nlpp/schema/decoded_message.hpp>
#include <nlpp/schema/schema.hpp>
#include <nlpp/wire/bytes.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

namespace nlpp::schema {

/// The width of a fixed-size integer type (u8...s64); 0 for any other type,
/// uint and sint included (they take 4 or 8 bytes, whichever the value needs).
size_t integer_size(Type type) noexcept;

/// Whether type is an unsigned (u8...u64, uint) or signed (s8...s64, sint)
/// integer type.
bool is_unsigned_integer(Type type) noexcept;
bool is_signed_integer(Type type) noexcept;

/// Reads an integer of descriptor type `type` from exactly `bytes`; nullopt
/// for other types or when the size does not fit the type (uint and sint
/// take 4 or 8 bytes).
std::optional<std::variant<Unsigned, Signed>> read_integer(Type type, ByteOrder byte_order, wire::Bytes bytes) noexcept;

/// Appends the low `size` bytes of `bits` in `byte_order`; false, appending
/// nothing, unless size is 1, 2, 4 or 8.
bool write_integer(uint64_t bits, size_t size, ByteOrder byte_order, std::vector<std::byte>& out);

}  // namespace nlpp::schema

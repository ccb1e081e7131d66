#include <nlpp/schema/integer_codec.hpp>

#include <bit>

namespace nlpp::schema {
namespace {

// Whether an integer type may have this size on the wire (false for non-integers).
bool size_fits(Type type, size_t size) noexcept {
  if (type == Type::uint || type == Type::sint) return size == 4 || size == 8;
  return size != 0 && size == integer_size(type);
}

bool most_significant_first(ByteOrder byte_order) noexcept {
  return byte_order == ByteOrder::big_endian || std::endian::native == std::endian::big;
}

// The bytes as an unsigned number, zero-extended.
uint64_t load_bits(wire::Bytes bytes, ByteOrder byte_order) noexcept {
  uint64_t bits = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    const size_t significance = most_significant_first(byte_order) ? bytes.size() - 1 - i : i;
    bits |= uint64_t{std::to_integer<uint8_t>(bytes[i])} << (8 * significance);
  }
  return bits;
}

int64_t sign_extend(uint64_t bits, size_t size) noexcept {
  const unsigned shift = 64 - 8 * static_cast<unsigned>(size);
  return static_cast<int64_t>(bits << shift) >> shift;
}

}  // namespace

size_t integer_size(Type type) noexcept {
  switch (type) {
    case Type::u8:
    case Type::s8:
      return 1;
    case Type::u16:
    case Type::s16:
      return 2;
    case Type::u32:
    case Type::s32:
      return 4;
    case Type::u64:
    case Type::s64:
      return 8;
    default:
      return 0;
  }
}

bool is_unsigned_integer(Type type) noexcept {
  return type == Type::u8 || type == Type::u16 || type == Type::u32 || type == Type::u64 || type == Type::uint;
}

bool is_signed_integer(Type type) noexcept {
  return type == Type::s8 || type == Type::s16 || type == Type::s32 || type == Type::s64 || type == Type::sint;
}

std::optional<std::variant<Unsigned, Signed>> read_integer(Type type, ByteOrder byte_order,
                                                           wire::Bytes bytes) noexcept {
  if (!size_fits(type, bytes.size())) return std::nullopt;
  const uint64_t bits = load_bits(bytes, byte_order);
  const auto size = static_cast<uint8_t>(bytes.size());
  if (is_signed_integer(type)) return Signed{sign_extend(bits, size), size, byte_order};
  return Unsigned{bits, size, byte_order};
}

bool write_integer(uint64_t bits, size_t size, ByteOrder byte_order, std::vector<std::byte>& out) {
  if (size != 1 && size != 2 && size != 4 && size != 8) return false;
  for (size_t i = 0; i < size; ++i) {
    const size_t significance = most_significant_first(byte_order) ? size - 1 - i : i;
    out.push_back(static_cast<std::byte>(bits >> (8 * significance)));
  }
  return true;
}

}  // namespace nlpp::schema

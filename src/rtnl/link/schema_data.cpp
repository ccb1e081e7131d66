#include <nlpp/rtnl/link/schema_data.hpp>

#include <nlpp/schema/registry.hpp>
#include <nlpp/schema/schema.hpp>
#include <nlpp/wire/bytes.hpp>

#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace nlpp::rtnl::link {
namespace {

using schema::Type;

Error refuse(std::string_view kind, std::string_view name, std::string_view why) {
  return Error(errc::invalid_argument, std::string(kind) + " " + std::string(name) + ": " + std::string(why));
}

// The attribute `name` of kind's data set, as rt-link's spec describes it.
Result<const schema::Attribute*> describe(std::string_view kind, std::string_view name, DataNest nest) {
  const schema::MessageType* newlink = schema::find_message(NETLINK_ROUTE, RTM_NEWLINK, schema::Direction::request);
  const schema::Attribute* linkinfo = newlink && newlink->attributes ? newlink->attributes->find("linkinfo") : nullptr;
  const schema::Attribute* data =
      linkinfo && linkinfo->nested ? linkinfo->nested->find(nest == DataNest::data ? "data" : "slave-data") : nullptr;
  const schema::SubMessageFormat* format = data && data->sub_message ? data->sub_message->find(kind) : nullptr;
  if (format == nullptr || format->attributes == nullptr)
    return refuse(kind, name, "the kernel's spec has no such kind");
  const schema::Attribute* attribute = format->attributes->find(name);
  if (attribute == nullptr) return refuse(kind, name, "the kernel's spec has no such attribute for this kind");
  return attribute;
}

bool is_unsigned(Type type) {
  return type == Type::u8 || type == Type::u16 || type == Type::u32 || type == Type::u64 || type == Type::uint;
}
bool is_signed(Type type) {
  return type == Type::s8 || type == Type::s16 || type == Type::s32 || type == Type::s64 || type == Type::sint;
}

// The width of a fixed-size integer type; 0 for uint and sint, which take
// 4 bytes when the value fits them and 8 otherwise.
size_t fixed_width(Type type) {
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

// Calls f(std::type_identity<T>{}) with the unsigned type T of size bytes
// (1, 2, 4 or 8).
template <class F>
auto with_unsigned_of(size_t size, F&& f) {
  switch (size) {
    case 1:
      return f(std::type_identity<uint8_t>{});
    case 2:
      return f(std::type_identity<uint16_t>{});
    case 4:
      return f(std::type_identity<uint32_t>{});
    default:
      return f(std::type_identity<uint64_t>{});
  }
}

// The low size bytes of bits, in the attribute's byte order.
std::vector<std::byte> integer_bytes(uint64_t bits, size_t size, schema::ByteOrder order) {
  return with_unsigned_of(size, [&]<class T>(std::type_identity<T>) {
    const T value =
        order == schema::ByteOrder::big_endian ? wire::host_to_network(static_cast<T>(bits)) : static_cast<T>(bits);
    const wire::Bytes bytes = wire::bytes_of(value);
    return std::vector<std::byte>(bytes.begin(), bytes.end());
  });
}

// The integer in payload (1, 2, 4 or 8 bytes, checked by the caller).
uint64_t integer_of(const std::vector<std::byte>& payload, schema::ByteOrder order) {
  return with_unsigned_of(payload.size(), [&]<class T>(std::type_identity<T>) -> uint64_t {
    const auto value = wire::load<T>(payload);
    return order == schema::ByteOrder::big_endian ? wire::network_to_host(value) : value;
  });
}

// The payload of value as attribute's type wants it.
Result<std::vector<std::byte>> encode(const schema::Attribute& attribute, std::string_view kind,
                                      const SchemaValue& value) {
  const Type type = attribute.type;
  const auto wrong = [&] { return refuse(kind, attribute.name, "the value is not of the attribute's type"); };
  if (type == Type::flag) {
    if (value != SchemaValue(true)) return wrong();
    return std::vector<std::byte>{};
  }
  if (type == Type::string) {
    const auto* text = std::get_if<std::string>(&value);
    if (text == nullptr) return wrong();
    std::vector<std::byte> bytes(text->size() + 1);
    std::memcpy(bytes.data(), text->data(), text->size());
    return bytes;
  }
  if (type == Type::binary) {
    const auto* bytes = std::get_if<std::vector<std::byte>>(&value);
    if (bytes == nullptr) return wrong();
    return *bytes;
  }
  if (is_unsigned(type)) {
    const auto* number = std::get_if<uint64_t>(&value);
    if (number == nullptr) return wrong();
    const size_t size = fixed_width(type) != 0 ? fixed_width(type) : *number > UINT32_MAX ? 8 : 4;
    if (size < 8 && *number >> (8 * size) != 0) return refuse(kind, attribute.name, "the value does not fit");
    return integer_bytes(*number, size, attribute.byte_order);
  }
  if (is_signed(type)) {
    const auto* number = std::get_if<int64_t>(&value);
    if (number == nullptr) return wrong();
    const bool fits_32_bits = *number >= INT32_MIN && *number <= INT32_MAX;
    const size_t size = fixed_width(type) != 0 ? fixed_width(type) : fits_32_bits ? 4 : 8;
    const int64_t limit = size < 8 ? int64_t{1} << (8 * size - 1) : 0;
    if (size < 8 && (*number < -limit || *number >= limit))
      return refuse(kind, attribute.name, "the value does not fit");
    return integer_bytes(static_cast<uint64_t>(*number), size, attribute.byte_order);
  }
  return refuse(kind, attribute.name, "a nested attribute: build it with RawAttribute");
}

Result<SchemaValue> decode(const schema::Attribute& attribute, const std::vector<std::byte>& payload) {
  const Type type = attribute.type;
  const auto malformed = [&] {
    return Error(errc::malformed_attribute,
                 std::string(attribute.name) + ": " + std::to_string(payload.size()) + " bytes do not fit its type");
  };
  if (type == Type::flag) return SchemaValue(true);
  if (type == Type::string) {
    const auto text = reinterpret_cast<const char*>(payload.data());
    return SchemaValue(std::string(text, std::find(text, text + payload.size(), '\0')));
  }
  if (is_unsigned(type) || is_signed(type)) {
    const size_t size = payload.size();
    const bool variable = type == Type::uint || type == Type::sint;
    if (variable ? size != 4 && size != 8 : size != fixed_width(type)) return malformed();
    const uint64_t bits = integer_of(payload, attribute.byte_order);
    if (is_unsigned(type)) return SchemaValue(bits);
    const unsigned shift = 64 - 8 * static_cast<unsigned>(size);
    return SchemaValue(static_cast<int64_t>(bits << shift) >> shift);
  }
  return SchemaValue(payload);
}

}  // namespace

Result<void> add_attribute(GenericData& data, std::string_view kind, std::string_view name, const SchemaValue& value,
                           DataNest nest) {
  Result<const schema::Attribute*> attribute = describe(kind, name, nest);
  if (!attribute) return std::move(attribute).error();
  Result<std::vector<std::byte>> payload = encode(**attribute, kind, value);
  if (!payload) return std::move(payload).error();
  data.attributes.push_back({(*attribute)->id, std::move(*payload)});
  return {};
}

Result<SchemaValue> find_attribute(const GenericData& data, std::string_view kind, std::string_view name,
                                   DataNest nest) {
  Result<const schema::Attribute*> attribute = describe(kind, name, nest);
  if (!attribute) return std::move(attribute).error();
  const auto found = std::ranges::find_if(
      data.attributes, [&](const RawAttribute& raw) { return (raw.type & NLA_TYPE_MASK) == (*attribute)->id; });
  if (found == data.attributes.end())
    return Error(errc::not_found, std::string(kind) + " " + std::string(name) + ": not in the data");
  return decode(**attribute, found->payload);
}

}  // namespace nlpp::rtnl::link

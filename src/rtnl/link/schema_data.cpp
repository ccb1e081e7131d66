#include <nlpp/rtnl/link/schema_data.hpp>

#include <nlpp/schema/integer_codec.hpp>
#include <nlpp/schema/registry.hpp>
#include <nlpp/schema/schema.hpp>

#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

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
  const schema::Attribute* data = linkinfo && linkinfo->nested ? linkinfo->nested->find(to_string(nest)) : nullptr;
  const schema::SubMessageFormat* format = data && data->sub_message ? data->sub_message->find(kind) : nullptr;
  if (format == nullptr || format->attributes == nullptr)
    return refuse(kind, name, "the kernel's spec has no such kind");
  const schema::Attribute* attribute = format->attributes->find(name);
  if (attribute == nullptr) return refuse(kind, name, "the kernel's spec has no such attribute for this kind");
  return attribute;
}

// The low size bytes of bits, in the attribute's byte order (size is 1, 2,
// 4 or 8: the callers pick it).
std::vector<std::byte> integer_bytes(uint64_t bits, size_t size, schema::ByteOrder order) {
  std::vector<std::byte> bytes;
  schema::write_integer(bits, size, order, bytes);
  return bytes;
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
  if (schema::is_unsigned_integer(type)) {
    const auto* number = std::get_if<uint64_t>(&value);
    if (number == nullptr) return wrong();
    const size_t size = schema::integer_size(type) != 0 ? schema::integer_size(type) : *number > UINT32_MAX ? 8 : 4;
    if (size < 8 && *number >> (8 * size) != 0) return refuse(kind, attribute.name, "the value does not fit");
    return integer_bytes(*number, size, attribute.byte_order);
  }
  if (schema::is_signed_integer(type)) {
    const auto* number = std::get_if<int64_t>(&value);
    if (number == nullptr) return wrong();
    const bool fits_32_bits = *number >= INT32_MIN && *number <= INT32_MAX;
    const size_t size = schema::integer_size(type) != 0 ? schema::integer_size(type) : fits_32_bits ? 4 : 8;
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
  if (schema::is_unsigned_integer(type) || schema::is_signed_integer(type)) {
    const auto integer = schema::read_integer(type, attribute.byte_order, payload);
    if (!integer) return malformed();
    if (const auto* number = std::get_if<schema::Unsigned>(&*integer)) return SchemaValue(number->value);
    return SchemaValue(std::get<schema::Signed>(*integer).value);
  }
  return SchemaValue(payload);
}

}  // namespace

std::string to_string(DataNest nest) {
  switch (nest) {
    case DataNest::data:
      return "data";
    case DataNest::slave_data:
      return "slave-data";
  }
  return std::to_string(static_cast<int>(nest));
}

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

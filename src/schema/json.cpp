#include <nlpp/schema/json.hpp>

#include <nlpp/core/json_writer.hpp>
#include <nlpp/schema/decoder.hpp>
#include <nlpp/schema/integer_codec.hpp>

#include "nesting.hpp"

#include <arpa/inet.h>

#include <array>
#include <unordered_map>

namespace nlpp::schema {
namespace {

constexpr char hex_digits[] = "0123456789abcdef";

std::string hex(std::span<const std::byte> bytes, std::string_view separator = {}) {
  std::string text;
  for (const std::byte byte : bytes) {
    if (!text.empty()) text += separator;
    text += hex_digits[std::to_integer<unsigned>(byte) >> 4];
    text += hex_digits[std::to_integer<unsigned>(byte) & 0xf];
  }
  return text;
}

std::string address_text(int family, std::span<const std::byte> bytes) {
  std::array<char, INET6_ADDRSTRLEN> text{};
  inet_ntop(family, bytes.data(), text.data(), text.size());
  return text.data();
}

std::string uuid_text(std::span<const std::byte> bytes) {
  return hex(bytes.first(4)) + '-' + hex(bytes.subspan(4, 2)) + '-' + hex(bytes.subspan(6, 2)) + '-' +
         hex(bytes.subspan(8, 2)) + '-' + hex(bytes.subspan(10));
}

// Bytes as the display hint says, when they have the size it implies; hex otherwise.
std::string bytes_text(std::span<const std::byte> bytes, Display display) {
  const bool ipv4 = bytes.size() == 4 && (display == Display::ipv4 || display == Display::ip);
  const bool ipv6 = bytes.size() == 16 && (display == Display::ipv6 || display == Display::ip);
  if (ipv4) return address_text(AF_INET, bytes);
  if (ipv6) return address_text(AF_INET6, bytes);
  if (display == Display::mac && !bytes.empty()) return hex(bytes, ":");
  if (display == Display::uuid && bytes.size() == 16) return uuid_text(bytes);
  return hex(bytes);
}

// How to show a value: the hints of the descriptor (or struct member) it came from.
struct Presentation {
  Display display = Display::none;
  const Enum* enumeration = nullptr;
};

class Printer {
 public:
  explicit Printer(JsonWriter& json) : json_(json) {}

  void message(const DecodedMessage& message) {
    json_.begin_object();
    json_.key("nlmsg_type");
    json_.number(uint64_t{message.nlmsg_type});
    json_.key("nlmsg_flags");
    json_.number(uint64_t{message.nlmsg_flags});
    json_.key("nlmsg_seq");
    json_.number(uint64_t{message.nlmsg_seq});
    json_.key("nlmsg_pid");
    json_.number(uint64_t{message.nlmsg_pid});
    if (message.message_type != nullptr) {
      json_.key("message");
      json_.string(message.message_type->name);
    }
    if (message.genl_header) {
      json_.key("genlmsghdr");
      members(*message.genl_header);
    }
    if (message.fixed_header) {
      json_.key("header");
      members(*message.fixed_header);
    }
    json_.key("attributes");
    attributes(message.attributes);
    if (!message.unparsed.empty()) {
      json_.key("unparsed");
      json_.string(hex(message.unparsed));
    }
    json_.end_object();
  }

 private:
  // One object for a level; attributes that repeat (multi-attr) become one
  // array under their name, at the place of the first.
  void attributes(const std::vector<DecodedAttribute>& list) {
    std::vector<std::pair<std::string, std::vector<const DecodedAttribute*>>> groups;
    std::unordered_map<std::string, size_t> group_of;
    for (const DecodedAttribute& attribute : list) {
      std::string key =
          attribute.descriptor ? std::string(attribute.descriptor->name) : "attr-" + std::to_string(attribute.type());
      const auto [it, added] = group_of.try_emplace(key, groups.size());
      if (added) groups.emplace_back(std::move(key), std::vector<const DecodedAttribute*>{});
      groups[it->second].second.push_back(&attribute);
    }
    json_.begin_object();
    for (const auto& [key, members] : groups) {
      json_.key(key);
      if (members.size() > 1) json_.begin_array();
      for (const DecodedAttribute* attribute : members) value(attribute->value, attribute->descriptor);
      if (members.size() > 1) json_.end_array();
    }
    json_.end_object();
  }

  void members(const DecodedStruct& decoded) {
    if (decoded.descriptor == nullptr) return json_.string(hex(decoded.bytes));
    json_.begin_object();
    for (const StructMember& member : decoded.descriptor->members) {
      const auto member_value = decoded.member(member);
      if (!member_value) continue;
      json_.key(member.name);
      const auto* bytes = std::get_if<Binary>(&*member_value);
      if (bytes && member.fixed_struct && bytes->bytes.size() >= member.fixed_struct->size) {
        members(DecodedStruct{member.fixed_struct, bytes->bytes});
        continue;
      }
      const Presentation presentation{member.display, member.enumeration};
      std::visit([&](const auto& scalar) { this->scalar(scalar, presentation); }, *member_value);
    }
    json_.end_object();
  }

  // An attribute's value; descriptor says how to show it (nullptr: unknown).
  void value(const Value& value, const Attribute* descriptor) {
    const Presentation presentation =
        descriptor ? Presentation{descriptor->display, descriptor->enumeration} : Presentation{};
    std::visit(
        [&](const auto& alternative) {
          using T = std::decay_t<decltype(alternative)>;
          if constexpr (std::is_same_v<T, Nested>)
            nested(alternative, descriptor);
          else if constexpr (std::is_same_v<T, SubMessageValue>)
            sub_message(alternative);
          else if constexpr (std::is_same_v<T, DecodedStruct>)
            members(alternative);
          else if constexpr (std::is_same_v<T, Binary>)
            binary(alternative, descriptor, presentation);
          else
            scalar(alternative, presentation);
        },
        value);
  }

  void nested(const Nested& nested, const Attribute* descriptor) {
    const Type type = descriptor ? descriptor->type : Type::nest;
    if (type != Type::indexed_array && type != Type::nest_type_value) return attributes(nested.attributes);
    // The children share a descriptor derived from the array's.
    const Attribute element = detail::element_descriptor(*descriptor);
    if (type == Type::indexed_array) {
      json_.begin_array();
      for (const DecodedAttribute& child : nested.attributes) value(child.value, &element);
      json_.end_array();
      return;
    }
    json_.begin_object();
    for (const DecodedAttribute& child : nested.attributes) {
      json_.key(std::to_string(child.type()));
      value(child.value, &element);
    }
    json_.end_object();
  }

  // A binary array (YNL sub-type) is shown element by element when the
  // payload holds a whole number of them.
  void binary(const Binary& binary, const Attribute* descriptor, const Presentation& presentation) {
    const Type element = descriptor ? descriptor->element : Type::unused;
    const Struct* record = element == Type::binary ? descriptor->fixed_struct : nullptr;
    const size_t size = record ? record->size : integer_size(element);
    if (size == 0 || binary.bytes.size() % size != 0) return scalar(binary, presentation);
    json_.begin_array();
    for (wire::Bytes rest = binary.bytes; !rest.empty(); rest = rest.subspan(size)) {
      const wire::Bytes item = rest.first(size);
      if (record != nullptr) {
        members(DecodedStruct{record, {item.begin(), item.end()}});
        continue;
      }
      std::visit([&](const auto& number) { scalar(number, presentation); },
                 *read_integer(element, descriptor->byte_order, item));
    }
    json_.end_array();
  }

  void sub_message(const SubMessageValue& sub_message) {
    if (!sub_message.fixed_header) return attributes(sub_message.attributes);
    json_.begin_object();
    json_.key("header");
    members(*sub_message.fixed_header);
    json_.key("attributes");
    attributes(sub_message.attributes);
    json_.end_object();
  }

  void scalar(const Flag&, const Presentation&) { json_.boolean(true); }
  void scalar(const Unsigned& number, const Presentation& presentation) {
    if (!named(number.value, presentation)) json_.number(number.value);
  }
  void scalar(const Signed& number, const Presentation& presentation) {
    if (!named(static_cast<uint64_t>(number.value), presentation)) json_.number(number.value);
  }
  void scalar(const String& string, const Presentation&) { json_.string(string.text); }
  void scalar(const Binary& binary, const Presentation& presentation) {
    json_.string(bytes_text(binary.bytes, presentation.display));
  }
  void scalar(const Raw& raw, const Presentation&) { json_.string(hex(raw.bytes)); }
  void scalar(const Bitfield32& bitfield, const Presentation& presentation) {
    json_.begin_object();
    json_.key("value");
    scalar(Unsigned{.value = bitfield.value}, presentation);
    json_.key("selector");
    scalar(Unsigned{.value = bitfield.selector}, presentation);
    json_.end_object();
  }

  // Writes an integer by its enum name(s) or display hint; false, writing
  // nothing, when neither applies and it should be a plain number.
  bool named(uint64_t value, const Presentation& presentation) {
    if (const Enum* enumeration = presentation.enumeration) {
      if (enumeration->is_flags) {
        flags(value, *enumeration);
        return true;
      }
      const EnumEntry* entry = enumeration->find(value);
      if (entry != nullptr) json_.string(entry->name);
      return entry != nullptr;
    }
    switch (presentation.display) {
      case Display::hex:
        json_.string(hex_number(value));
        return true;
      case Display::ipv4:
      case Display::ip:
        if (value > UINT32_MAX) return false;
        json_.string(address_text(AF_INET, std::array{std::byte(value >> 24), std::byte(value >> 16),
                                                      std::byte(value >> 8), std::byte(value)}));
        return true;
      default:
        return false;
    }
  }

  // The names of the set bits; a bit without a name stays a number.
  void flags(uint64_t value, const Enum& enumeration) {
    json_.begin_array();
    for (const EnumEntry& entry : enumeration.entries) {
      if (entry.value != 0 && (value & entry.value) == entry.value) {
        json_.string(entry.name);
        value &= ~entry.value;
      }
    }
    for (uint64_t bit = 1; value != 0; bit <<= 1) {
      if (!(value & bit)) continue;
      json_.number(bit);
      value &= ~bit;
    }
    json_.end_array();
  }

  static std::string hex_number(uint64_t value) {
    std::string digits;
    do {
      digits.insert(digits.begin(), hex_digits[value & 0xf]);
      value >>= 4;
    } while (value != 0);
    return "0x" + digits;
  }

  JsonWriter& json_;
};

}  // namespace

void write_json(JsonWriter& json, const DecodedMessage& message) { Printer(json).message(message); }

std::string to_json(const DecodedMessage& message) {
  JsonWriter json;
  write_json(json, message);
  return std::move(json).take();
}

Result<std::string> to_json(int protocol, const wire::Message& message, Direction direction) {
  Result<DecodedMessage> decoded = decode(protocol, message, direction);
  if (!decoded) return std::move(decoded).error();
  return to_json(*decoded);
}

}  // namespace nlpp::schema

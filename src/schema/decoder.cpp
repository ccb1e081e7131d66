#include <nlpp/schema/decoder.hpp>

#include <nlpp/schema/integer_codec.hpp>
#include <nlpp/schema/netlink_protocol.hpp>

#include "nesting.hpp"

#include <linux/genetlink.h>
#include <linux/netlink.h>

#include <algorithm>

namespace nlpp::schema {
namespace {

using detail::Children;
using detail::Scope;

std::vector<std::byte> copy(wire::Bytes bytes) { return {bytes.begin(), bytes.end()}; }

// The attributes of one level, and how many bytes of the level they cover.
struct Level {
  std::vector<DecodedAttribute> attributes;
  size_t decoded_length = 0;
};

Level decode_level(const Children& described, const Scope* outer, unsigned depth);

std::optional<Value> decode_string(wire::Bytes payload) {
  std::string_view text(reinterpret_cast<const char*>(payload.data()), payload.size());
  const bool nul_terminated = !text.empty() && text.back() == '\0';
  if (nul_terminated) text.remove_suffix(1);
  // Bytes after a NUL would not survive as text: keep them raw.
  if (text.find('\0') != std::string_view::npos) return std::nullopt;
  return String{std::string(text), nul_terminated};
}

std::optional<Value> decode_nesting(const Attribute& descriptor, wire::Bytes payload, const Scope& scope,
                                    unsigned depth) {
  if (depth >= detail::max_depth) return std::nullopt;
  const std::optional<Children> children = detail::children_of(descriptor, payload, scope);
  if (!children) return std::nullopt;
  Level level = decode_level(*children, &scope, depth + 1);
  // Attributes that do not tile the payload exactly make a bad nest.
  if (level.decoded_length != children->area.size()) return std::nullopt;
  if (children->format == nullptr) return Nested{std::move(level.attributes)};
  SubMessageValue value{.format = children->format, .fixed_header = {}, .attributes = std::move(level.attributes)};
  if (children->format->fixed_header != nullptr)
    value.fixed_header =
        DecodedStruct{children->format->fixed_header, copy(payload.first(payload.size() - children->area.size()))};
  return value;
}

// The payload as the descriptor says it is laid out; nullopt when it does not fit.
std::optional<Value> decode_payload(const Attribute& descriptor, wire::Bytes payload, const Scope& scope,
                                    unsigned depth) {
  switch (descriptor.type) {
    case Type::flag:
      if (payload.empty()) return Flag{};
      return std::nullopt;
    case Type::string:
      return decode_string(payload);
    case Type::pad:
      return Binary{copy(payload)};
    case Type::binary:
      if (descriptor.fixed_struct == nullptr) return Binary{copy(payload)};
      if (payload.size() < descriptor.fixed_struct->size) return std::nullopt;
      return DecodedStruct{descriptor.fixed_struct, copy(payload)};
    case Type::bitfield32:
      if (payload.size() != 2 * sizeof(uint32_t)) return std::nullopt;
      return Bitfield32{wire::load<uint32_t>(payload), wire::load<uint32_t>(payload.subspan(sizeof(uint32_t)))};
    case Type::nest:
    case Type::indexed_array:
    case Type::nest_type_value:
    case Type::sub_message:
      return decode_nesting(descriptor, payload, scope, depth);
    default:  // integers; anything else does not fit
      if (auto integer = read_integer(descriptor.type, descriptor.byte_order, payload))
        return std::visit([](auto number) -> Value { return number; }, *integer);
      return std::nullopt;
  }
}

Level decode_level(const Children& described, const Scope* outer, unsigned depth) {
  const wire::Bytes area = described.area;
  const Scope scope{wire::AttributeRange(area), described.set, outer};
  Level level;
  for (const wire::Attribute& attribute : scope.attributes) {
    // An attribute counts only with its padding: the encoder writes it back.
    const size_t end =
        static_cast<size_t>(attribute.bytes().data() - area.data()) + wire::align4(attribute.bytes().size());
    if (end > area.size()) break;
    level.decoded_length = end;
    DecodedAttribute& decoded = level.attributes.emplace_back();
    decoded.raw_type = attribute.raw_type();
    const Attribute* descriptor = described.find(attribute.type());
    std::optional<Value> value =
        descriptor ? decode_payload(*descriptor, attribute.payload(), scope, depth) : std::nullopt;
    decoded.value = value ? std::move(*value) : Raw{copy(attribute.payload())};
    // Array elements share a descriptor made on the fly: do not point at it.
    if (!described.element) decoded.descriptor = descriptor;
  }
  return level;
}

// How a message is to be decoded.
struct Description {
  const MessageType* type = nullptr;  ///< nullptr: no table describes it
  bool genetlink = false;             ///< a genlmsghdr precedes the fixed header
};

// Control messages (NLMSG_ERROR, NLMSG_DONE) are the same in every protocol.
bool is_control(const wire::Message& message) noexcept { return message.type() < NLMSG_MIN_TYPE; }

const MessageType* find(const Family& family, uint16_t type, Direction direction) noexcept {
  return direction == Direction::request ? family.find_request(type) : family.find_reply(type);
}

Description describe(const Family& family, const wire::Message& message, Direction direction) {
  if (is_control(message)) return {netlink_control.find_reply(message.type())};
  if (family.kind != FamilyKind::genetlink) return {find(family, message.type(), direction)};
  // A genetlink family's messages are told apart by genlmsghdr.cmd, the
  // first payload byte.
  if (message.payload().empty()) return {nullptr, true};
  return {find(family, std::to_integer<uint8_t>(message.payload().front()), direction), true};
}

Description describe(int protocol, const wire::Message& message, Direction direction) {
  if (is_control(message)) return {netlink_control.find_reply(message.type())};
  // Generic netlink family ids are handed out at run time, so the registry
  // cannot tell a message's family; its genlmsghdr is still known.
  if (protocol == NETLINK_GENERIC) return {nullptr, true};
  return {find_message(protocol, message.type(), direction)};
}

// How many bytes of `rest` (at least header.size) a header takes, padding included.
size_t header_length(const Struct& header, const wire::Message& message, wire::Bytes rest) {
  size_t length = wire::align4(header.size);
  // NLMSG_ERROR echoes the whole failed request unless NETLINK_CAP_ACK
  // capped it to its header; the extended ACK follows the echo.
  if (message.type() == NLMSG_ERROR && !(message.flags() & NLM_F_CAPPED) && rest.size() >= sizeof(nlmsgerr)) {
    const auto echoed = wire::load<uint32_t>(rest.subspan(offsetof(nlmsgerr, msg)));
    length = wire::align4(std::max<size_t>(offsetof(nlmsgerr, msg) + echoed, length));
  }
  return std::min(length, rest.size());
}

// Takes a header off the front of rest; nullopt, leaving rest alone, when
// rest is too short for it.
std::optional<DecodedStruct> take_header(const Struct& header, const wire::Message& message, wire::Bytes& rest) {
  if (rest.size() < header.size) return std::nullopt;
  DecodedStruct decoded{&header, copy(rest.first(header_length(header, message, rest)))};
  rest = rest.subspan(decoded.bytes.size());
  return decoded;
}

DecodedMessage decode_described(const Description& description, const wire::Message& message) {
  DecodedMessage decoded;
  decoded.nlmsg_type = message.type();
  decoded.nlmsg_flags = message.flags();
  decoded.nlmsg_seq = message.seq();
  decoded.nlmsg_pid = message.port_id();
  decoded.message_type = description.type;
  wire::Bytes rest = message.payload();
  // Whatever the tables do not account for is kept as it is.
  const auto with_rest_unparsed = [&] {
    decoded.unparsed = copy(rest);
    return std::move(decoded);
  };
  if (description.genetlink) {
    decoded.genl_header = take_header(genl_header, message, rest);
    if (!decoded.genl_header) return with_rest_unparsed();
  }
  const MessageType* type = description.type;
  if (type == nullptr) return with_rest_unparsed();
  if (type->fixed_header != nullptr) {
    decoded.fixed_header = take_header(*type->fixed_header, message, rest);
    if (!decoded.fixed_header) return with_rest_unparsed();
  }
  Level level = decode_level(Children(rest, type->attributes), nullptr, 0);
  decoded.attributes = std::move(level.attributes);
  rest = rest.subspan(level.decoded_length);
  return with_rest_unparsed();
}

Result<void> check_whole(const wire::Message& message) {
  if (message.bytes().size() < wire::Message::header_size || message.length() != message.bytes().size())
    return Error(errc::truncated_message, "decode: not a whole netlink message");
  return {};
}

}  // namespace

Result<DecodedMessage> decode(const Family& family, const wire::Message& message, Direction direction) {
  if (auto whole = check_whole(message); !whole) return std::move(whole).error();
  return decode_described(describe(family, message, direction), message);
}

Result<DecodedMessage> decode(int protocol, const wire::Message& message, Direction direction) {
  if (auto whole = check_whole(message); !whole) return std::move(whole).error();
  return decode_described(describe(protocol, message, direction), message);
}

}  // namespace nlpp::schema

#include <nlpp/schema/schema.hpp>

#include <algorithm>

namespace nlpp::schema {

const EnumEntry* Enum::find(uint64_t value) const noexcept {
  const auto it = std::find_if(entries.begin(), entries.end(), [&](const EnumEntry& e) { return e.value == value; });
  return it == entries.end() ? nullptr : &*it;
}

const Attribute* AttributeSet::find(uint16_t id) const noexcept {
  // Most sets number their attributes densely from 0 or 1: try the direct slot first.
  if (!attributes.empty()) {
    const size_t slot = id - attributes.front().id;
    if (id >= attributes.front().id && slot < attributes.size() && attributes[slot].id == id) return &attributes[slot];
  }
  const auto it = std::lower_bound(attributes.begin(), attributes.end(), id,
                                   [](const Attribute& a, uint16_t wanted) { return a.id < wanted; });
  return it != attributes.end() && it->id == id ? &*it : nullptr;
}

const Attribute* AttributeSet::find(std::string_view wanted) const noexcept {
  const auto it = std::find_if(attributes.begin(), attributes.end(), [&](const Attribute& a) { return a.name == wanted; });
  return it == attributes.end() ? nullptr : &*it;
}

const SubMessageFormat* SubMessage::find(std::string_view value) const noexcept {
  const auto it = std::find_if(formats.begin(), formats.end(), [&](const SubMessageFormat& f) { return f.value == value; });
  return it == formats.end() ? nullptr : &*it;
}

namespace {

const MessageType* find_type(std::span<const MessageType> types, uint16_t type) noexcept {
  const auto it = std::find_if(types.begin(), types.end(), [&](const MessageType& m) { return m.type == type; });
  return it == types.end() ? nullptr : &*it;
}

}  // namespace

const MessageType* Family::find_request(uint16_t type) const noexcept { return find_type(requests, type); }

const MessageType* Family::find_reply(uint16_t type) const noexcept { return find_type(replies, type); }

}  // namespace nlpp::schema

#include "u32_table.hpp"

#include <nlpp/wire/bytes.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace nlpp::rtnl::tc {

Result<void> U32SelectorIn::parse(const wire::Attribute& attribute, std::optional<U32Selector>& selector) const {
  const wire::Bytes payload = attribute.payload();
  tc_u32_sel head{};
  const auto too_short = [&] {
    return Error(errc::malformed_attribute, "u32 selector: " + std::to_string(payload.size()) + " bytes");
  };
  if (payload.size() < sizeof(head)) return too_short();
  std::memcpy(&head, payload.data(), sizeof(head));
  if (payload.size() < sizeof(head) + head.nkeys * sizeof(tc_u32_key)) return too_short();
  U32Selector read{.flags = head.flags,
                   .offshift = head.offshift,
                   .offmask = wire::network_to_host(head.offmask),
                   .off = head.off,
                   .offoff = head.offoff,
                   .hoff = head.hoff,
                   .hmask = wire::network_to_host(head.hmask)};
  for (size_t index = 0; index < head.nkeys; ++index) {
    tc_u32_key key{};
    std::memcpy(&key, payload.data() + sizeof(head) + index * sizeof(key), sizeof(key));
    read.keys.push_back({wire::network_to_host(key.val), wire::network_to_host(key.mask), key.off, key.offmask});
  }
  selector = std::move(read);
  return {};
}

void U32SelectorIn::emit(const std::optional<U32Selector>& selector, wire::MessageBuilder& out) const {
  if (!selector) return;
  tc_u32_sel head{};
  head.flags = selector->flags;
  head.offshift = selector->offshift;
  head.nkeys = static_cast<unsigned char>(selector->keys.size());
  head.offmask = wire::host_to_network(selector->offmask);
  head.off = selector->off;
  head.offoff = selector->offoff;
  head.hoff = selector->hoff;
  head.hmask = wire::host_to_network(selector->hmask);
  std::vector<std::byte> payload(sizeof(head) + selector->keys.size() * sizeof(tc_u32_key));
  std::memcpy(payload.data(), &head, sizeof(head));
  for (size_t index = 0; index < selector->keys.size(); ++index) {
    const U32Key& key = selector->keys[index];
    const tc_u32_key wire_key{wire::host_to_network(key.mask), wire::host_to_network(key.value), key.offset,
                              key.offmask};
    std::memcpy(payload.data() + sizeof(head) + index * sizeof(wire_key), &wire_key, sizeof(wire_key));
  }
  out.add(type, payload);
}

namespace {

std::string describe(const std::optional<U32Selector>& selector) {
  if (!selector) return "none";
  std::string text;
  char key_text[64];
  for (const U32Key& key : selector->keys) {
    std::snprintf(key_text, sizeof key_text, "match %08x/%08x at %s%d", key.value, key.mask,
                  key.offmask != 0 ? "nexthdr+" : "", key.offset);
    text += (text.empty() ? "" : " ") + std::string(key_text);
  }
  return text.empty() ? "no keys" : text;
}

}  // namespace

void U32SelectorIn::diff(std::string_view name, const std::optional<U32Selector>& before,
                         const std::optional<U32Selector>& after, FieldDiff& changes) const {
  if (before != after) changes.field(name, describe(before), describe(after));
}

Result<void> KindTraits<U32>::validate(const U32& u32, std::string_view) {
  if (u32.selector && u32.selector->keys.size() > 128)
    return Error(errc::invalid_argument,
                 "u32 selector: " + std::to_string(u32.selector->keys.size()) + " keys, the kernel takes 128");
  if (u32.selector)
    for (const U32Key& key : u32.selector->keys)
      if (key.offset % 4 != 0)
        return Error(errc::invalid_argument, "u32 key offset " + std::to_string(key.offset) + ": not a multiple of 4");
  if (u32.divisor && (*u32.divisor == 0 || *u32.divisor > 256 || (*u32.divisor & (*u32.divisor - 1)) != 0))
    return Error(errc::invalid_argument,
                 "u32 divisor " + std::to_string(*u32.divisor) + ": not a power of 2 up to 256");
  return validate_actions(u32.actions, "u32 action");
}

U32 KindTraits<U32>::with_defaults(U32 u32) {
  if (u32.selector && (u32.classid || !u32.actions.empty())) u32.selector->flags |= TC_U32_TERMINAL;
  return u32;
}

std::string u32_handle_text(uint32_t handle) {
  if (handle == 0) return "none";
  const auto hex = [](uint32_t value) {
    char digits[16];
    std::snprintf(digits, sizeof digits, "%x", value);
    return std::string(digits);
  };
  std::string text;
  if (TC_U32_HTID(handle) != 0) text = hex(TC_U32_HTID(handle) >> 20) + ":";
  if (TC_U32_HASH(handle) != 0) text += hex(TC_U32_HASH(handle));
  if (TC_U32_NODE(handle) != 0) text += ":" + hex(TC_U32_NODE(handle));
  return text;
}

}  // namespace nlpp::rtnl::tc

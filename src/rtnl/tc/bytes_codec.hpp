// An attribute that is a string of bytes as the user gave them: an
// action's cookie, ct's labels and their mask.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace nlpp::rtnl::tc {

/// The payload as it came; not sent when empty.
struct BytesIn {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, std::vector<std::byte>& bytes) const {
    bytes.assign(attribute.payload().begin(), attribute.payload().end());
    return {};
  }
  void emit(const std::vector<std::byte>& bytes, wire::MessageBuilder& out) const {
    if (!bytes.empty()) out.add(type, bytes);
  }
};

}  // namespace nlpp::rtnl::tc

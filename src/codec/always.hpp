// A plain member that every message of its object carries, so always
// sent: NonDefault (value_codecs.hpp) would drop a value the kernel
// needs, as an FDB entry's all-zeros NDA_LLADDR (a vxlan's default
// remote).
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include "codec/value_codecs.hpp"

#include <array>
#include <cstdint>
#include <utility>

namespace nlpp::codec {

/// A plain member (not an optional) in one attribute in its native layout
/// (see NativeValue), sent whatever it holds.
struct Always {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }

  template <class T>
  Result<void> parse(const wire::Attribute& attribute, T& value) const {
    Result<T> parsed = NativeValue<T>::parse(attribute);
    if (!parsed) return std::move(parsed).error();
    value = std::move(*parsed);
    return {};
  }
  template <class T>
  void emit(const T& value, wire::MessageBuilder& out) const {
    NativeValue<T>::emit(out, type, value);
  }
};

}  // namespace nlpp::codec

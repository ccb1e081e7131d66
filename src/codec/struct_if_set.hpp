// A kernel struct in one attribute, spread over several members of the
// object like StructIn, but sent only when one of them is set: for a kind
// whose kernel keeps what a change leaves out, and whose tool sends the
// struct only for the words that set it (netem's TCA_NETEM_REORDER and
// _CORRUPT), so that a request is the tool's, byte for byte.
#pragma once

#include <nlpp/wire/message_builder.hpp>

#include "codec/struct_codecs.hpp"

#include <cstring>

namespace nlpp::codec {

/// StructIn<Struct, lines>, not sent when the lines write an all-zero struct.
template <class Struct, const auto& lines>
struct StructInIfSet : StructIn<Struct, lines> {
  template <class Owner>
  void emit(const Owner& owner, wire::MessageBuilder& out) const {
    Struct fixed{};
    write_header<lines>(owner, fixed);
    static constexpr Struct unset{};
    if (std::memcmp(&fixed, &unset, sizeof fixed) != 0) out.add_struct(this->type, fixed);
  }
};

}  // namespace nlpp::codec

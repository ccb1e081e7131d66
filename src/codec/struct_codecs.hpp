// A kernel struct carried whole in one attribute whose fields are several
// members of the object (tc's TCA_TBF_PARMS: struct tc_tbf_qopt holds a
// tbf's rates, limit and buckets). The struct's fields are described by a
// table of header lines (header_codecs.hpp), as a message's fixed header
// is, and the attribute's line reaches the whole object (object_accessors.hpp):
//
//     inline constexpr auto tbf_parms = std::tuple{
//         field("limit", &Tbf::limit, in_header(&tc_tbf_qopt::limit)), ...};
//     field("parms", WholeObject<Tbf>{}, StructIn<tc_tbf_qopt, tbf_parms>{TCA_TBF_PARMS})
#pragma once

#include <nlpp/codec/field_change.hpp>
#include <nlpp/core/result.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include "codec/field_table.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace nlpp::codec {

/// Struct in attribute type, its fields read into and written from the
/// object through lines (header lines over Struct). Always sent: the
/// kernel requires these structs where they exist. A shorter payload (an
/// older kernel's struct) leaves the rest zero. Diffs name each line.
template <class Struct, const auto& lines>
struct StructIn {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }

  template <class Owner>
  Result<void> parse(const wire::Attribute& attribute, Owner& owner) const {
    Struct fixed{};
    std::memcpy(&fixed, attribute.payload().data(), std::min(sizeof(Struct), attribute.payload().size()));
    read_header<lines>(fixed, owner);
    return {};
  }
  template <class Owner>
  void emit(const Owner& owner, wire::MessageBuilder& out) const {
    Struct fixed{};
    write_header<lines>(owner, fixed);
    out.add_struct(type, fixed);
  }
  template <class Owner>
  void diff(std::string_view, const Owner& before, const Owner& after, FieldDiff& changes) const {
    diff_fields<lines>(before, after, changes);
  }
};

}  // namespace nlpp::codec

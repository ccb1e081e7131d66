// u32: TCA_OPTIONS is an attribute set; the selector is struct tc_u32_sel
// followed by its keys, values and masks big-endian.
#pragma once

#include <nlpp/rtnl/tc/u32.hpp>

#include "rtnl/tc/action_codec.hpp"
#include "rtnl/tc/kind_traits.hpp"

#include <linux/pkt_cls.h>

#include <array>
#include <optional>
#include <string_view>
#include <tuple>

namespace nlpp::rtnl::tc {

/// TCA_U32_SEL <-> U32Selector.
struct U32SelectorIn {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, std::optional<U32Selector>& selector) const;
  void emit(const std::optional<U32Selector>& selector, wire::MessageBuilder& out) const;
  /// One change for the selector, its keys in tc's words ("match 0a000001/ffffffff at 16").
  void diff(std::string_view name, const std::optional<U32Selector>& before, const std::optional<U32Selector>& after,
            FieldDiff& changes) const;
};

template <>
struct KindTraits<U32> {
  static constexpr std::string_view kinds[] = {"u32"};
  // In tc's order: the words' attributes, then the table, the selector, the flags.
  static constexpr auto fields = std::tuple{
      field("classid", &U32::classid, TCA_U32_CLASSID),
      field("divisor", &U32::divisor, TCA_U32_DIVISOR),
      field("link", &U32::link, TCA_U32_LINK),
      field("indev", &U32::indev, TCA_U32_INDEV),
      field("actions", &U32::actions, ActionsIn{TCA_U32_ACT}),
      field("hash", &U32::hash, TCA_U32_HASH),
      field("selector", &U32::selector, U32SelectorIn{TCA_U32_SEL}),
      field("flags", &U32::flags, TCA_U32_FLAGS),
      codec::padding<U32>(TCA_U32_PAD),
  };

  static Result<void> validate(const U32& u32, std::string_view);
  /// tc marks a selector terminal when the filter classifies or acts.
  static U32 with_defaults(U32 u32);
};

}  // namespace nlpp::rtnl::tc

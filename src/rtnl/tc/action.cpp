// What an action says of itself: its control in tc's words, its kind.
#include <nlpp/rtnl/tc/action.hpp>

#include "codec/kind_data.hpp"
#include "rtnl/tc/action_kinds.hpp"

#include <variant>

namespace nlpp::rtnl::tc {

std::string Control::to_string() const {
  const auto bits = static_cast<uint32_t>(value_);
  if (TC_ACT_EXT_CMP(bits, TC_ACT_GOTO_CHAIN)) return "goto chain " + std::to_string(bits & TC_ACT_EXT_VAL_MASK);
  if (TC_ACT_EXT_CMP(bits, TC_ACT_JUMP)) return "jump " + std::to_string(bits & TC_ACT_EXT_VAL_MASK);
  switch (value_) {
    case TC_ACT_UNSPEC:
      return "continue";
    case TC_ACT_OK:
      return "pass";
    case TC_ACT_SHOT:
      return "drop";
    case TC_ACT_RECLASSIFY:
      return "reclassify";
    case TC_ACT_PIPE:
      return "pipe";
    case TC_ACT_STOLEN:
      return "stolen";
    case TC_ACT_TRAP:
      return "trap";
    default:
      return std::to_string(value_);
  }
}

std::string Action::resolved_kind() const {
  return kind.empty() ? std::string(codec::only_kind_of<ActionKind>(options)) : kind;
}

Control Action::effective_control() const {
  if (control) return *control;
  return std::visit(
      []<class T>(const T& value) {
        if constexpr (codec::ModelledKind<ActionKind, T>)
          return ActionKind<T>::default_control(value);
        else
          return Control();
      },
      options);
}

}  // namespace nlpp::rtnl::tc

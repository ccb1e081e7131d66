// A filter's action list (TCA_*_ACT) <-> std::vector<Action>: a nest of
// entries numbered from 1 in the order they run, each TCA_ACT_KIND, the
// kind's TCA_ACT_OPTIONS and the common attributes, as tc sends them
// (m_action.c) and the kernel dumps them.
#pragma once

#include <nlpp/codec/field_change.hpp>
#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/tc/action.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace nlpp::rtnl::tc {

/// One action from its entry's attributes (kind, options, statistics...).
Result<Action> parse_action(wire::AttributeRange entry);
/// An action's attributes, as tc sends them: kind, options, cookie, hw_stats, flags.
void emit_action(const Action& action, wire::MessageBuilder& out);
/// Each action's kind and options agree, and pass their kind's checks;
/// `what` names the list in errors ("u32 actions").
Result<void> validate_actions(std::span<const Action> actions, std::string_view what);

/// The action list's line codec.
struct ActionsIn {
  uint16_t type;
  static constexpr bool own_errors = true;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, std::vector<Action>& actions) const;
  void emit(const std::vector<Action>& actions, wire::MessageBuilder& out) const;
  /// One change for the list ("2 actions: mirred, gact"), reported values aside.
  void diff(std::string_view name, const std::vector<Action>& before, const std::vector<Action>& after,
            FieldDiff& changes) const;
};

}  // namespace nlpp::rtnl::tc

#include "action_codec.hpp"

#include "codec/attributes.hpp"
#include "codec/field_table.hpp"
#include "codec/kind_data.hpp"
#include "codec/object_accessors.hpp"
#include "rtnl/tc/action_kinds.hpp"
#include "rtnl/tc/bytes_codec.hpp"
#include "rtnl/tc/tc_stats_codec.hpp"

#include <linux/netlink.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <optional>
#include <string>
#include <variant>

namespace nlpp::rtnl::tc {
namespace {

template <class Parms>
Parms read_parms(const wire::Attribute& attribute) {
  Parms parms{};
  std::memcpy(&parms, attribute.payload().data(), std::min(sizeof(Parms), attribute.payload().size()));
  return parms;
}

// The attribute types a kind's parms come in: its parms_type, or those it
// lists (pedit's plain and extended parms).
template <class Kind>
bool is_parms_type(uint16_t type) {
  if constexpr (requires { Kind::parms_types; })
    return std::ranges::find(Kind::parms_types, type) != std::end(Kind::parms_types);
  else
    return type == Kind::parms_type;
}

// A modelled kind's options: its own attributes through its table; the
// tc_gen head of its parms struct and its timestamps into the Action.
template <class T>
Result<void> parse_kind_options(const wire::Attribute& options, Action& action) {
  using Kind = ActionKind<T>;
  T value{};
  std::optional<typename Kind::Parms> parms;
  wire::Bytes parms_payload;
  Result<void> parsed = codec::parse_attributes<Kind::fields>(
      options.nested(), value, action.kind, codec::ErrorNaming::field, [&](const wire::Attribute& attribute) {
        if (is_parms_type<Kind>(attribute.type())) {
          parms = read_parms<typename Kind::Parms>(attribute);
          parms_payload = attribute.payload();
          action.index = parms->index;
          action.control = Control(parms->action);
          action.refcnt = static_cast<uint32_t>(parms->refcnt);
          action.bindcnt = static_cast<uint32_t>(parms->bindcnt);
        } else if (attribute.type() == Kind::times_type) {
          const tcf_t times = read_parms<tcf_t>(attribute);
          action.times = ActionTimes{times.install, times.lastuse, times.expires, times.firstuse};
        } else if (attribute.type() != Kind::pad_type) {
          codec::keep_unknown(value.unknown, attribute);
        }
      });
  if (!parsed) return parsed;
  // The parms last: what they hold may depend on the attributes beside
  // them (police's bucket is in ticks at its 64-bit rate). A kind whose
  // parms go on past the struct (pedit's keys) reads the whole payload.
  if (parms) {
    if constexpr (requires { Kind::read(*parms, parms_payload, value); })
      Kind::read(*parms, parms_payload, value);
    else
      Kind::read(*parms, value);
  }
  action.options = std::move(value);
  return {};
}

template <class T>
void emit_parms(const T& value, typename ActionKind<T>::Parms& parms, wire::MessageBuilder& out) {
  using Kind = ActionKind<T>;
  if constexpr (requires { Kind::emit_parms(value, parms, out); }) {
    Kind::emit_parms(value, parms, out);
  } else {
    Kind::write(value, parms);
    out.add_struct(Kind::parms_type, parms);
  }
}

// The parms, then the kind's attributes, as tc sends them; a kind that
// says parms_last (tc adds the parms after the words' attributes) the
// other way round.
template <class T>
void emit_kind_options(const T& value, const Action& action, wire::MessageBuilder& out) {
  using Kind = ActionKind<T>;
  typename Kind::Parms parms{};
  parms.index = action.index;
  parms.action = action.effective_control().value();
  constexpr bool parms_last = requires { requires Kind::parms_last; };
  if constexpr (!parms_last) emit_parms(value, parms, out);
  codec::emit_attributes<Kind::fields>(value, out);
  codec::emit_unknown(value.unknown, out);
  if constexpr (parms_last) emit_parms(value, parms, out);
}

// An existing action named by its kind and index alone, without options
// (tc's `action mirred index 7`): its kind's parms holding the index (and
// the control, when given), all the kernel reads when a filter binds it.
// A kind nlpp does not model sends no options.
void emit_index_only(const Action& action, uint16_t type, wire::MessageBuilder& out) {
  codec::with_alternative<ActionOptions>(codec::serving<ActionKind>(action.kind), [&]<class T>(std::type_identity<T>) {
    if constexpr (codec::ModelledKind<ActionKind, T>) {
      typename ActionKind<T>::Parms parms{};
      parms.index = action.index;
      if (action.control) parms.action = action.control->value();
      const wire::MessageBuilder::Nest nest = out.begin_nested(type);
      out.add_struct(ActionKind<T>::parms_type, parms);
      out.end_nested(nest);
    }
  });
}

// TCA_ACT_OPTIONS, typed by the action's kind (which comes before it);
// tc sends it with NLA_F_NESTED, unlike the nests around it.
struct OptionsIn {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, Action& action) const {
    Result<void> parsed;
    const bool modelled = codec::with_alternative<ActionOptions>(codec::serving<ActionKind>(action.kind),
                                                                 [&]<class T>(std::type_identity<T>) {
                                                                   if constexpr (codec::ModelledKind<ActionKind, T>)
                                                                     parsed = parse_kind_options<T>(attribute, action);
                                                                 });
    if (!modelled) {
      const wire::Bytes payload = attribute.payload();
      action.options = GenericOptions{{payload.begin(), payload.end()}};
    }
    return parsed;
  }
  void emit(const Action& action, wire::MessageBuilder& out) const {
    const auto nested = static_cast<uint16_t>(type | NLA_F_NESTED);
    std::visit(
        [&]<class T>(const T& value) {
          if constexpr (std::is_same_v<T, GenericOptions>) {
            out.add(nested, value.payload);
          } else if constexpr (std::is_same_v<T, std::monostate>) {
            if (action.index != 0) emit_index_only(action, type, out);
          } else {
            const wire::MessageBuilder::Nest nest = out.begin_nested(type);
            emit_kind_options(value, action, out);
            out.end_nested(nest);
          }
        },
        action.options);
  }
};

// An NLA_BITFIELD32 (value, selector): the bits set, all selected.
template <class Bits>
struct Bitfield32In {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, std::optional<Bits>& bits) const {
    bits = static_cast<Bits>(read_parms<nla_bitfield32>(attribute).value);
    return {};
  }
  void emit(const std::optional<Bits>& bits, wire::MessageBuilder& out) const {
    if (bits) out.add_struct(type, nla_bitfield32{*bits, *bits});
  }
};

// What the kernel reports of an action and a request does not carry: the
// index again (the parms have it), the hardware statistics used, how many
// devices hold it.
struct ReportedOnly {
  constexpr std::array<uint16_t, 3> types() const noexcept {
    return {TCA_ACT_INDEX, TCA_ACT_USED_HW_STATS, TCA_ACT_IN_HW_COUNT};
  }
  bool drops(const wire::Attribute&) const noexcept { return true; }
  Result<void> parse(const wire::Attribute&, Action&) const { return {}; }
  void emit(const Action&, wire::MessageBuilder&) const {}
};

inline constexpr auto action_fields = std::tuple{
    codec::field("kind", &Action::kind, codec::NonDefault{TCA_ACT_KIND}),
    codec::field("options", codec::WholeObject<Action>{}, OptionsIn{TCA_ACT_OPTIONS}),
    codec::field("cookie", &Action::cookie, BytesIn{TCA_ACT_COOKIE}),
    codec::field("hw_stats", &Action::hw_stats, Bitfield32In<uint8_t>{TCA_ACT_HW_STATS}),
    codec::field("flags", &Action::flags, Bitfield32In<uint32_t>{TCA_ACT_FLAGS}),
    codec::field("stats", &Action::stats, StatsIn{TCA_ACT_STATS}),
    codec::field("reported", codec::WholeObject<Action>{}, ReportedOnly{}),
    codec::padding<Action>(TCA_ACT_PAD),
};

// What a request sets of an action, for comparing two lists.
Action as_requested(Action action) {
  action.kind = action.resolved_kind();
  action.refcnt = action.bindcnt = 0;
  action.times.reset();
  action.stats.reset();
  return action;
}

std::string describe(const std::vector<Action>& actions) {
  std::string text = std::to_string(actions.size()) + (actions.size() == 1 ? " action" : " actions");
  for (size_t index = 0; index < actions.size(); ++index)
    text += (index == 0 ? ": " : ", ") + actions[index].resolved_kind();
  return text;
}

// The kind's own checks (ActionKind<T>::refusal(): why the options are
// wrong, or nothing), named after the action.
Result<void> validate_options(const ActionOptions& options, const std::string& named, const std::string& kind) {
  return std::visit(
      [&]<class T>(const T& value) -> Result<void> {
        if constexpr (requires { ActionKind<T>::refusal(value); })
          if (std::optional<std::string> why = ActionKind<T>::refusal(value))
            return Error(errc::invalid_argument, named + " (" + kind + "): " + *why);
        return {};
      },
      options);
}

}  // namespace

Result<Action> parse_action(wire::AttributeRange entry) {
  Action action;
  if (Result<void> parsed = codec::parse_attributes<action_fields>(entry, action, "action"); !parsed)
    return std::move(parsed).error();
  return action;
}

void emit_action(const Action& action, wire::MessageBuilder& out) {
  Action sent = action;
  sent.kind = action.resolved_kind();
  codec::emit_attributes<action_fields>(sent, out);
  codec::emit_unknown(sent.unknown, out);
}

Result<void> validate_actions(std::span<const Action> actions, std::string_view what) {
  if (actions.size() > TCA_ACT_MAX_PRIO)
    return Error(errc::invalid_argument, std::string(what) + ": " + std::to_string(actions.size()) +
                                             " actions, the kernel takes " + std::to_string(TCA_ACT_MAX_PRIO));
  for (size_t order = 0; order < actions.size(); ++order) {
    const Action& action = actions[order];
    const std::string named = std::string(what) + " " + std::to_string(order + 1);
    const std::string kind = action.resolved_kind();
    if (kind.empty()) return Error(errc::invalid_argument, named + ": the kind is required");
    if (Result<void> served = codec::validate_kind_data<ActionKind>(action.options, kind, named + " kind"); !served)
      return served;
    if (Result<void> valid = validate_options(action.options, named, kind); !valid) return valid;
    if (action.cookie.size() > TC_COOKIE_MAX_SIZE)
      return Error(errc::invalid_argument, named + " cookie: " + std::to_string(action.cookie.size()) +
                                               " bytes, at most " + std::to_string(TC_COOKIE_MAX_SIZE));
  }
  return {};
}

Result<void> ActionsIn::parse(const wire::Attribute& attribute, std::vector<Action>& actions) const {
  actions.clear();
  if (Result<void> valid = attribute.nested().validate(); !valid) return valid;
  // Entries are numbered by their order; the kernel dumps them in it.
  std::vector<std::pair<uint16_t, Action>> numbered;
  for (const wire::Attribute& entry : attribute.nested()) {
    Result<Action> action = parse_action(entry.nested());
    if (!action) return std::move(action).error();
    numbered.emplace_back(entry.type(), std::move(*action));
  }
  std::ranges::stable_sort(numbered, {}, &std::pair<uint16_t, Action>::first);
  for (auto& [order, action] : numbered) actions.push_back(std::move(action));
  return {};
}

void ActionsIn::emit(const std::vector<Action>& actions, wire::MessageBuilder& out) const {
  if (actions.empty()) return;
  const wire::MessageBuilder::Nest list = out.begin_nested_without_flag(type);
  for (size_t order = 0; order < actions.size(); ++order) {
    const wire::MessageBuilder::Nest entry = out.begin_nested_without_flag(static_cast<uint16_t>(order + 1));
    emit_action(actions[order], out);
    out.end_nested(entry);
  }
  out.end_nested(list);
}

void ActionsIn::diff(std::string_view name, const std::vector<Action>& before, const std::vector<Action>& after,
                     FieldDiff& changes) const {
  const bool same = std::ranges::equal(
      before, after, [](const Action& a, const Action& b) { return as_requested(a) == as_requested(b); });
  if (!same) changes.field(name, describe(before), describe(after));
}

}  // namespace nlpp::rtnl::tc

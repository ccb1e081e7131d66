#include "tc_action_json.hpp"

#include "iproute2_words.hpp"
#include "json_fields.hpp"
#include "tc_action_kinds_json.hpp"
#include "tc_filter_words.hpp"
#include "tc_stats_json.hpp"
#include "tc_words.hpp"

#include <linux/pkt_cls.h>
#include <unistd.h>

#include <string>
#include <variant>

namespace nlpp::format::detail {
namespace {

// print_tm(): the kernel reports struct tcf_t in USER_HZ ticks; tc prints
// whole seconds, each time only when its ticks are not 0 (so "installed": 0
// for an action a few ticks old).
void write_times(JsonWriter& json, const rtnl::tc::ActionTimes& times) {
  static const uint64_t ticks_per_second = static_cast<uint64_t>(sysconf(_SC_CLK_TCK));
  const auto seconds = [&](std::string_view key, uint64_t ticks) {
    if (ticks != 0) number_field(json, key, ticks / ticks_per_second);
  };
  seconds("installed", times.installed);
  seconds("last_used", times.last_used);
  seconds("first_used", times.first_used);
  seconds("expires", times.expires);
}

}  // namespace

// print_action_control(): the control's word, and a goto's chain or a
// jump's count apart from it.
void write_tc_control(JsonWriter& json, rtnl::tc::Control control) {
  const auto bits = static_cast<uint32_t>(control.value());
  const std::string words = control.to_string();
  json.key("control_action");
  json.begin_object();
  text_field(json, "type", std::string_view(words).substr(0, words.find(' ')));
  if (TC_ACT_EXT_CMP(bits, TC_ACT_GOTO_CHAIN)) number_field(json, "chain", bits & TC_ACT_EXT_VAL_MASK);
  if (TC_ACT_EXT_CMP(bits, TC_ACT_JUMP)) number_field(json, "jump", bits & TC_ACT_EXT_VAL_MASK);
  json.end_object();
}

void write_tc_action_parms(JsonWriter& json, const rtnl::tc::Action& action, const TcView& view) {
  number_field(json, "index", action.index);
  number_field(json, "ref", static_cast<int32_t>(action.refcnt));
  number_field(json, "bind", static_cast<int32_t>(action.bindcnt));
  if (view.stats && action.times) write_times(json, *action.times);
}

namespace {

void write_kind(JsonWriter& json, const rtnl::tc::Action& action, const rtnl::tc::Gact& gact, const LinkNames&,
                const TcView& view) {
  write_tc_control(json, action.effective_control());
  // tc prints "prob" always: zeros (none, pass, 0) when the kernel sent no
  // TCA_GACT_PROB.
  const rtnl::tc::Gact::Random random = gact.random.value_or(
      rtnl::tc::Gact::Random{.type = PGACT_NONE, .value = 0, .control = rtnl::tc::Control::pass()});
  json.key("prob");
  json.begin_object();
  text_field(json, "random_type", gact_random_name(random.type));
  write_tc_control(json, random.control);
  number_field(json, "val", static_cast<int32_t>(random.value));
  json.end_object();
  write_tc_action_parms(json, action, view);
}

void write_kind(JsonWriter& json, const rtnl::tc::Action& action, const rtnl::tc::Mirred& mirred,
                const LinkNames& names, const TcView& view) {
  text_field(json, "mirred_action", mirred_action_name(mirred.direction));
  text_field(json, "direction", mirred_direction_name(mirred.direction));
  text_field(json, "to_dev", names.name(mirred.ifindex));
  write_tc_control(json, action.effective_control());
  write_tc_action_parms(json, action, view);
}

// print_police(): in JSON only the index, the verdicts (the conform one,
// a second "control_action", when the kernel reported one), the accounting
// and the counts; tc prints the rates and sizes as text only.
void write_kind(JsonWriter& json, const rtnl::tc::Action& action, const rtnl::tc::Police& police, const LinkNames&,
                const TcView& view) {
  number_field(json, "index", action.index);
  write_tc_control(json, action.effective_control());
  if (police.conform != rtnl::tc::Control::pass()) write_tc_control(json, police.conform);
  number_field(json, "overhead", police.rate.overhead);
  if (police.rate.linklayer != rtnl::tc::LinkLayer::ethernet || view.details)
    text_field(json, "linklayer", tc_linklayer_text(police.rate.linklayer));
  number_field(json, "ref", static_cast<int32_t>(action.refcnt));
  number_field(json, "bind", static_cast<int32_t>(action.bindcnt));
  if (view.stats && action.times) write_times(json, *action.times);
}

// TCA_ACT_FLAGS: the kernel reports the flags set as both value and
// selector, and tc prints each selected flag.
void write_flags(JsonWriter& json, uint32_t flags, bool bound) {
  if (flags & TCA_ACT_FLAGS_NO_PERCPU_STATS) bool_field(json, "no_percpu", true);
  if (bound) return;
  if (flags & TCA_ACT_FLAGS_SKIP_HW) bool_field(json, "skip_hw", true);
  if (flags & TCA_ACT_FLAGS_SKIP_SW) bool_field(json, "skip_sw", true);
}

// tc_print_one_action(): of an action not bound to a filter and not
// skip_hw, how many devices hold it in hardware ("in_hw" and the count),
// or "not_in_hw".
void write_in_hardware(JsonWriter& json, uint32_t count, uint32_t flags) {
  if (flags & TCA_ACT_FLAGS_SKIP_HW) return;
  if (count == 0) return bool_field(json, "not_in_hw", true);
  bool_field(json, "in_hw", true);
  number_field(json, "in_hw_count", count);
}

}  // namespace

void write_tc_action(JsonWriter& json, const rtnl::tc::Action& action, uint32_t order, const LinkNames& names,
                     const TcView& view, const ActionListing& listing, const ActionHardware& hardware) {
  json.begin_object();
  number_field(json, "order", order);
  // A kind nlpp keeps raw prints its kind alone: its members are in the
  // payload.
  if (const std::string kind = action.resolved_kind(); !kind.empty())
    text_field(json, tc_action_kind_key(action.options), kind);
  std::visit(
      [&](const auto& options) {
        if constexpr (requires { write_kind(json, action, options, names, view); })
          write_kind(json, action, options, names, view);
      },
      action.options);
  if (view.stats && action.stats) {
    json.key("stats");
    json.begin_object();
    write_tc_stats(json, *action.stats);
    json.end_object();
  }
  if (!action.cookie.empty()) text_field(json, "cookie", hex_string(action.cookie));
  if (action.flags) write_flags(json, *action.flags, listing.bound);
  if (hardware.in_hw_count && !listing.bound) write_in_hardware(json, *hardware.in_hw_count, action.flags.value_or(0));
  if (action.hw_stats) text_array(json, "hw_stats", tc_hw_stats_names(*action.hw_stats));
  if (hardware.used_hw_stats) text_array(json, "used_hw_stats", tc_hw_stats_names(*hardware.used_hw_stats));
  json.end_object();
}

void write_tc_actions(JsonWriter& json, std::span<const rtnl::tc::Action> actions, const LinkNames& names,
                      const TcView& view, const ActionListing& listing) {
  if (actions.empty()) return;
  json.key("actions");
  json.begin_array();
  uint32_t order = listing.first_order;
  for (const rtnl::tc::Action& action : actions) write_tc_action(json, action, order++, names, view, listing);
  json.end_array();
}

}  // namespace nlpp::format::detail

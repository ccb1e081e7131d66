// Standalone tc actions (RTM_NEWACTION / RTM_DELACTION / RTM_GETACTION,
// struct tcamsg): what `tc actions` shows and changes. Each action kind
// keeps a table of its actions by index; a filter's action list may share
// one of them by naming its kind and index (tc::Action{.kind = "mirred",
// .index = 7}), which raises the action's bindcnt.
//
//     rtnl::TcAction mirror{.action = {.kind = "mirred",
//                                      .index = 7,
//                                      .options = rtnl::tc::Mirred{
//                                          .direction = rtnl::tc::Mirred::Direction::egress_mirror,
//                                          .ifindex = "ifb0"}}};
//     ip.add(mirror);                               // tc actions add action mirred egress mirror dev ifb0 index 7
//     ip.dump<rtnl::TcAction>({.kind = "mirred"});  // tc actions list action mirred
//     ip.del(rtnl::TcAction{.action = {.kind = "mirred", .index = 7}});  // tc actions delete action mirred index 7
//
// One message, several actions. The kernel's messages hold a table of
// actions (TCA_ACT_TAB): a dump's reply as many as fit (tc asks for
// TCA_ACT_FLAG_LARGE_DUMP_ON, and so does nlpp), a notification those one
// request changed. A TcAction is one action, named by its kind and index
// as tc's words name it, not one message: its traits' parse_all() reads
// every action of a message (ParsesSeveral, object_traits.hpp), which is
// how io::Session's dumps return every action and EventStream gives one
// event per action; parse() is a message's first (a get's reply holds
// one). The other design, an object holding a message's list, would have
// no identity of its own (a dump cuts the table where a message is full)
// and would leave every caller to flatten it. A request carries one
// action: what tc sends in one request (`tc actions add action A action
// B`), nlpp sends as one request each (a ChangeBatch sends them together).
#pragma once

#include <nlpp/rtnl/link_ref.hpp>
#include <nlpp/rtnl/object_traits.hpp>
#include <nlpp/rtnl/tc/action.hpp>

#include <linux/rtnetlink.h>

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nlpp::rtnl {

/// One action of a kind's table, with what the kernel reports of it there.
struct TcAction {
  /// The action: its kind and index (its identity), control, options,
  /// cookie, flags, and what the kernel reports (references, bindings,
  /// times, statistics). Index 0 when adding: the kernel picks one.
  tc::Action action{};
  /// (reported) TCA_ACT_IN_HW_COUNT: how many devices hold it in hardware
  /// (tc: "in_hw", "not_in_hw").
  std::optional<uint32_t> in_hw_count{};
  /// (reported) TCA_ACT_USED_HW_STATS: the hardware statistics types in
  /// use (TCA_ACT_HW_STATS_*; 0: "disabled").
  std::optional<uint8_t> used_hw_stats{};
  /// (reported) Its entry's number in the message that carried it: a
  /// dump numbers each reply's from 0, a get's reply and a notification
  /// from 1. tc prints it as "order".
  uint16_t order = 0;
  /// (reported) A flush's notification (RTM_DELACTION with NLM_F_ROOT)
  /// names no action: the kind flushed (action.kind) and how many of its
  /// actions went (TCA_FCNT).
  std::optional<uint32_t> flushed{};

  friend bool operator==(const TcAction&, const TcAction&) = default;
};

/// The kernel's identity of an action: its kind's table, its index there.
struct TcActionKey {
  std::string kind{};
  uint32_t index = 0;

  friend bool operator==(const TcActionKey&, const TcActionKey&) = default;
  friend auto operator<=>(const TcActionKey&, const TcActionKey&) = default;
};

/// What an action dump reads: the table of one kind (required: the kernel
/// dumps one kind's table, and nothing without one), of which nlpp selects
/// one index when given.
struct TcActionSelector {
  std::string kind{};
  std::optional<uint32_t> index{};
};

template <SameOrConst<TcAction> A, class Visit>
void visit_links(A& action, Visit&& visit) {
  tc::visit_links(action.action, visit);
}

template <>
struct ObjectTraits<TcAction> {
  static constexpr std::string_view name = "action";
  static constexpr uint16_t new_type = RTM_NEWACTION;
  static constexpr uint16_t del_type = RTM_DELACTION;
  static constexpr uint16_t get_type = RTM_GETACTION;
  /// The kernel answers a get and a dump with RTM_GETACTION messages.
  static constexpr uint16_t reply_type = RTM_GETACTION;
  /// `tc actions change` is tc's replace (NLM_F_CREATE | NLM_F_REPLACE):
  /// the kernel makes a missing action either way.
  static constexpr std::optional<uint16_t> set_flags = NLM_F_CREATE | NLM_F_REPLACE;
  using Key = TcActionKey;
  using Filter = TcActionSelector;

  /// The message's first action; errc::protocol_error when it holds none.
  static Result<TcAction> parse(const wire::Message& message);
  /// Every action of the message, in its order. The message's own
  /// attributes (TCA_ROOT_COUNT: how many it holds) are not kept.
  static Result<std::vector<TcAction>> parse_all(const wire::Message& message);
  /// tc's bytes for the same words: tcamsg, TCA_ACT_TAB holding the action
  /// as entry 1 (kind, options, cookie, hw_stats, flags). A delete or a get
  /// carries its kind and index only.
  static void emit(const TcAction& action, wire::MessageBuilder& builder, uint16_t type, uint16_t flags);
  static Result<void> validate(const TcAction& action);
  static Key key(const TcAction& action);
  /// Reported values (counts, times, statistics, order) are not compared.
  static std::vector<FieldChange> diff(const TcAction& before, const TcAction& after);
  /// The kind's table as tc asks for it: TCA_ACT_TAB holding the kind,
  /// TCA_ROOT_FLAGS with TCA_ACT_FLAG_LARGE_DUMP_ON.
  static void emit_dump_request(const Filter& selector, wire::MessageBuilder& builder);
  /// A dump names its kind: errc::invalid_argument without one.
  static Result<void> validate_dump(const Filter& selector);
  static bool matches(const Filter& selector, const TcAction& action);

  static constexpr NotificationGroup groups[] = {{EventGroup::tc, RTNLGRP_TC, "tc"}};
  static constexpr std::string_view event_name = "action";
};

/// Its events (rtnl::Event): one per action of a notification. A flush is
/// one DelTcAction whose `flushed` says how many actions of its kind went.
using NewTcAction = NewEvent<TcAction>;
using DelTcAction = DelEvent<TcAction>;

}  // namespace nlpp::rtnl

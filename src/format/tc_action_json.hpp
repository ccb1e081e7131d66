// Internal: tc actions as tc prints them (tc/m_action.c tc_dump_action()
// and tc_print_one_action(), m_gact.c print_gact(), m_mirred.c
// print_mirred()): in a filter's options, and in `tc actions list`.
#pragma once

#include <nlpp/core/json_writer.hpp>
#include <nlpp/format/json.hpp>
#include <nlpp/format/link_names.hpp>
#include <nlpp/rtnl/tc/action.hpp>

#include <cstdint>
#include <optional>
#include <span>

namespace nlpp::format::detail {

/// Where actions are printed. A filter's are bound to it, and tc leaves
/// out the skip_hw and skip_sw flags it prints of a standalone action. The
/// kernel numbers a filter's actions from 1 and those of a `tc actions
/// list` dump from 0; tc prints that number as "order".
struct ActionListing {
  bool bound = true;
  uint32_t first_order = 1;
};

/// What the kernel reports of an action in its kind's table besides the
/// action (rtnl::TcAction), which tc prints of a standalone one.
struct ActionHardware {
  std::optional<uint32_t> in_hw_count{};   ///< TCA_ACT_IN_HW_COUNT: "in_hw" and "in_hw_count", or "not_in_hw"
  std::optional<uint8_t> used_hw_stats{};  ///< TCA_ACT_USED_HW_STATS: "used_hw_stats"
};

/// One action object, {"order":1,"kind":"mirred",...}: its kind's members,
/// with view.stats its times and "stats", then its cookie, flags, whether
/// it is in hardware (unbound ones only) and the hardware statistics types.
void write_tc_action(JsonWriter& json, const rtnl::tc::Action& action, uint32_t order, const LinkNames& names,
                     const TcView& view, const ActionListing& listing = {}, const ActionHardware& hardware = {});
/// "actions":[...] as a member of the object being written, numbered from
/// listing.first_order; nothing for no actions.
void write_tc_actions(JsonWriter& json, std::span<const rtnl::tc::Action> actions, const LinkNames& names,
                      const TcView& view, const ActionListing& listing = {});

}  // namespace nlpp::format::detail

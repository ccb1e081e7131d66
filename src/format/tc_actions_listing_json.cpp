// Standalone actions as `tc -j [-s] actions list|get` prints them
// (tc/m_action.c print_action(), once per reply message): the message's
// count, then its actions, each through tc_action_json as not bound to a
// filter, with what the kernel reports of it in its kind's table.
#include <nlpp/format/json.hpp>

#include "json_fields.hpp"
#include "tc_action_json.hpp"

#include <cstddef>
#include <span>

namespace nlpp::format {
namespace {

using detail::number_field;
using detail::text_field;

// One reply message's pair: {"total acts":N},{"actions":[...]}.
void write_message(JsonWriter& json, std::span<const rtnl::TcAction> actions, const LinkNames& names,
                   const TcView& view, ActionsView command) {
  json.begin_object();
  number_field(json, "total acts", command == ActionsView::get ? size_t{0} : actions.size());
  json.end_object();
  json.begin_object();
  json.key("actions");
  json.begin_array();
  for (const rtnl::TcAction& action : actions) write_tc_action(json, action, names, view);
  json.end_array();
  json.end_object();
}

}  // namespace

void write_tc_action(JsonWriter& json, const rtnl::TcAction& action, const LinkNames& names, const TcView& view) {
  if (action.flushed) {
    json.begin_object();
    if (!action.action.kind.empty()) text_field(json, "kind", action.action.kind);
    number_field(json, "flushed", *action.flushed);
    json.end_object();
    return;
  }
  detail::write_tc_action(
      json, action.action, action.order, names, view, detail::ActionListing{.bound = false},
      detail::ActionHardware{.in_hw_count = action.in_hw_count, .used_hw_stats = action.used_hw_stats});
}

std::string actions_json(std::span<const rtnl::TcAction> actions, const LinkNames& names, const TcView& view,
                         ActionsView command) {
  JsonWriter json;
  json.begin_array();
  // The kernel numbers each message's entries from where it starts (0 in
  // a dump, 1 in a get's reply): a message ends where the order does not
  // follow on.
  size_t first = 0;
  for (size_t next = 1; next <= actions.size(); ++next) {
    if (next < actions.size() && actions[next].order == actions[next - 1].order + 1) continue;
    write_message(json, actions.subspan(first, next - first), names, view, command);
    first = next;
  }
  json.end_array();
  return std::move(json).take();
}

}  // namespace nlpp::format

// nlpp actions add | change | replace | get | delete | list | flush, in
// `tc actions`' words (tc/m_action.c do_action()); the actions' own words
// are a filter's (tc_action_arguments.hpp).
#include "commands.hpp"
#include "output.hpp"
#include "tc_action_arguments.hpp"
#include "tc_words.hpp"

#include <nlpp/rtnl/tc_action.hpp>
#include <nlpp/rtnl/tc_action_flush.hpp>

#include <string>
#include <vector>

namespace nlpp::cli {
namespace {

using rtnl::TcAction;

// `[action] ACTION [action ACTION]...`: each in its own request, in order
// (tc sends them in one; the kernel makes them all or none there).
void modify(Session& session, Verb verb, Words& words) {
  std::vector<rtnl::tc::Action> actions;
  parse_actions(session, words, actions);
  if (!words.empty()) words.unknown();
  for (rtnl::tc::Action& action : actions) session.apply(verb, TcAction{.action = std::move(action)});
}

// `[action] KIND`: the kind whose table a list or a flush reads, as
// tc_act_list_or_flush() takes it.
std::string table_kind(Words& words, std::string_view command) {
  words.take_if("action");
  if (words.empty()) throw UsageError("actions " + std::string(command) + " needs \"action KIND\" (mirred, gact...)");
  std::string kind(words.take("kind"));
  if (words.peek() == "since") throw UsageError("\"since\" is not supported yet");
  if (!words.empty()) words.unknown();
  return kind;
}

// `[action] KIND index N [[action] KIND index N]...`, as tc_action_gd()
// reads them: the actions a get or a delete names.
std::vector<TcAction> named_actions(Words& words, std::string_view command) {
  std::vector<TcAction> actions;
  while (!words.empty()) {
    if (words.take_if("action")) continue;
    const std::string_view kind = words.take("kind");
    if (!take_matching(words, {"index"}))
      throw UsageError("actions " + std::string(command) + ": no index given for action " + quoted(kind) +
                       " (\"index N\")");
    actions.push_back(TcAction{
        .action = {.kind = std::string(kind), .index = parse_number<uint32_t>(words.value_after("index"), "index")}});
  }
  if (actions.empty()) throw UsageError("actions " + std::string(command) + " needs \"action KIND index N\"");
  return actions;
}

// tc prints what a get read as the one reply it asked for, the actions
// numbered from 1 in it.
void get(Session& session, Words& words) {
  std::vector<TcAction> found;
  for (const TcAction& named : named_actions(words, "get")) {
    found.push_back(session.ipr().get(named).value());
    found.back().order = static_cast<uint16_t>(found.size());
  }
  print_actions(session, found, format::ActionsView::get);
}

void list(Session& session, Words& words) {
  const std::string kind = table_kind(words, "list");
  print_actions(session, session.ipr().dump<TcAction>({.kind = kind}).value(), format::ActionsView::list);
}

void flush(Session& session, Words& words) {
  const std::string kind = table_kind(words, "flush");
  session.ipr().run(rtnl::TcActionFlush{.kind = kind}).value();
}

}  // namespace

void run_action(Session& session, std::string_view command, Words& words) {
  if (command.empty()) throw UsageError("actions needs a command (add, change, replace, get, delete, list, flush)");
  if (is_command(command, "add")) return modify(session, Verb::add, words);
  if (is_command(command, "change")) return modify(session, Verb::set, words);
  if (is_command(command, "replace")) return modify(session, Verb::replace, words);
  if (is_command(command, "delete")) {
    for (const TcAction& action : named_actions(words, "delete")) session.apply(Verb::del, action);
    return;
  }
  if (is_command(command, "get")) return get(session, words);
  if (is_command(command, "list") || is_command(command, "show") || is_command(command, "lst"))
    return list(session, words);
  if (is_command(command, "flush")) return flush(session, words);
  throw UsageError("actions has no command " + quoted(command) + " (add, change, replace, get, delete, list, flush)");
}

}  // namespace nlpp::cli

#include "tc_action_arguments.hpp"

#include "commands.hpp"
#include "tc_action_kinds_arguments.hpp"
#include "tc_police_arguments.hpp"
#include "tc_words.hpp"

#include <linux/pkt_cls.h>

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace nlpp::cli {
namespace {

using rtnl::tc::Action;
using rtnl::tc::Control;

// tc's verdicts (tc_util.c, action_a2n) in its order: an abbreviation is
// the first one it begins ("c" is continue, "p" pass).
constexpr std::array<std::pair<std::string_view, int32_t>, 10> verdicts{{
    {"continue", TC_ACT_UNSPEC},
    {"drop", TC_ACT_SHOT},
    {"shot", TC_ACT_SHOT},
    {"pass", TC_ACT_OK},
    {"ok", TC_ACT_OK},
    {"reclassify", TC_ACT_RECLASSIFY},
    {"pipe", TC_ACT_PIPE},
    {"goto", TC_ACT_GOTO_CHAIN},
    {"jump", TC_ACT_JUMP},
    {"trap", TC_ACT_TRAP},
}};

constexpr std::string_view verdict_list = "pass, drop, pipe, reclassify, continue, goto chain N, jump N, trap";

bool is_verdict(std::string_view word) {
  return std::ranges::any_of(verdicts, [&](const auto& verdict) { return is_command(word, verdict.first); });
}

// A chain index or jump count: what fits beside the verdict's opcode.
uint32_t extension_value(std::string_view word, std::string_view keyword) {
  const auto value = parse_number<uint32_t>(word, keyword);
  if (value > TC_ACT_EXT_VAL_MASK)
    throw UsageError(quoted(word) + " is not a valid " + std::string(keyword) + " (0 to " +
                     std::to_string(TC_ACT_EXT_VAL_MASK) + ")");
  return value;
}

Control required_control(Words& words, std::string_view kind) {
  if (std::optional<Control> control = take_control(words)) return *control;
  throw UsageError(std::string(kind) + ": " +
                   (words.empty() ? "a verdict is missing" : quoted(words.peek()) + " is not a verdict") + " (" +
                   std::string(verdict_list) + ")");
}

// `gact VERDICT [random netrand|determ VERDICT VALUE] [index N]`, or
// `gact index N` (the existing action of that index), "gact" optional.
Action parse_gact(Words& words) {
  Action action{.kind = "gact"};
  rtnl::tc::Gact gact;
  if (!is_command(words.peek(), "index")) {
    action.control = required_control(words, "gact");
    if (take_matching(words, {"random"})) {
      const std::string_view type = words.value_after("random");
      rtnl::tc::Gact::Random random;
      if (is_command(type, "netrand"))
        random.type = PGACT_NETRAND;
      else if (is_command(type, "determ"))
        random.type = PGACT_DETERM;
      else
        throw UsageError("gact: " + quoted(type) + " is not a random type (netrand, determ)");
      random.control = required_control(words, "gact random");
      random.value = parse_number<uint16_t>(words.value_after("random"), "random value");
      if (random.value > 10000)
        throw UsageError("gact: the random value " + std::to_string(random.value) + " is above 10000");
      gact.random = random;
    }
  }
  take_index(words, action);
  action.options = std::move(gact);
  return action;
}

// `mirred egress|ingress mirror|redirect dev DEV [VERDICT] [index N]`. (tc
// also takes `mirred index N` alone, for an existing action; nlpp always
// sends the target, which the library requires.)
Action parse_mirred(Session& session, Words& words) {
  using Direction = rtnl::tc::Mirred::Direction;
  Action action{.kind = "mirred"};
  rtnl::tc::Mirred mirred;
  if (is_command(words.peek(), "index"))
    throw UsageError("mirred: an action by its index alone is not supported yet; give its direction and device");
  const std::string_view direction = words.value_after("mirred");
  const bool egress = is_command(direction, "egress");
  if (!egress && !is_command(direction, "ingress"))
    throw UsageError("mirred: was expecting egress or ingress (" + quoted(direction) + ")");
  const std::string_view how = words.value_after(direction);
  const bool mirror = is_command(how, "mirror");
  if (!mirror && !is_command(how, "redirect"))
    throw UsageError("mirred: was expecting mirror or redirect (" + quoted(how) + ")");
  if (mirror)
    mirred.direction = egress ? Direction::egress_mirror : Direction::ingress_mirror;
  else
    mirred.direction = egress ? Direction::egress_redirect : Direction::ingress_redirect;
  if (!take_matching(words, {"dev"})) throw UsageError("mirred: \"dev DEVICE\" is needed after " + quoted(how));
  mirred.ifindex = session.link_ref(words.value_after("dev"));
  // tc reads a verdict only after a mirror (pipe unless given); a redirect
  // is stolen, and a verdict after it starts a gact action of its own.
  if (mirror) action.control = take_control(words);
  take_index(words, action);
  action.options = std::move(mirred);
  return action;
}

std::vector<std::byte> parse_cookie(std::string_view word) {
  if (word.size() % 2 != 0 || word.size() > 2 * TC_COOKIE_MAX_SIZE)
    throw UsageError("cookie: " + quoted(word) + " is not an even number of hex digits, at most " +
                     std::to_string(2 * TC_COOKIE_MAX_SIZE));
  std::vector<std::byte> cookie;
  for (size_t i = 0; i < word.size(); i += 2)
    cookie.push_back(static_cast<std::byte>(parse_hex_number<uint8_t>(word.substr(i, 2), "cookie byte")));
  return cookie;
}

// What tc reads after every action's own words (m_action.c).
void parse_action_tail(Words& words, Action& action) {
  if (words.take_if("cookie")) action.cookie = parse_cookie(words.value_after("cookie"));
  if (take_matching(words, {"hw_stats"})) {
    const std::string_view kind = words.value_after("hw_stats");
    if (is_command(kind, "immediate"))
      action.hw_stats = TCA_ACT_HW_STATS_IMMEDIATE;
    else if (is_command(kind, "delayed"))
      action.hw_stats = TCA_ACT_HW_STATS_DELAYED;
    else if (is_command(kind, "disabled"))
      action.hw_stats = 0;
    else
      throw UsageError("hw_stats: " + quoted(kind) + " is not immediate, delayed or disabled");
  }
  uint32_t flags = 0;
  if (words.take_if("no_percpu")) flags |= TCA_ACT_FLAGS_NO_PERCPU_STATS;
  // Either order, as tc reads them.
  for (int i = 0; i < 2; ++i) {
    if (words.take_if("skip_sw"))
      flags |= TCA_ACT_FLAGS_SKIP_SW;
    else if (words.take_if("skip_hw"))
      flags |= TCA_ACT_FLAGS_SKIP_HW;
  }
  if (flags != 0) action.flags = flags;
}

}  // namespace

void take_index(Words& words, Action& action) {
  if (take_matching(words, {"index"})) action.index = parse_number<uint32_t>(words.value_after("index"), "index");
}

std::optional<Control> take_control(Words& words) {
  const std::string_view word = words.peek();
  const auto verdict =
      std::ranges::find_if(verdicts, [&](const auto& candidate) { return is_command(word, candidate.first); });
  if (verdict == verdicts.end()) return std::nullopt;
  words.take("");
  if (verdict->second == TC_ACT_GOTO_CHAIN) {
    if (!is_command(words.value_after("goto"), "chain")) throw UsageError("goto: \"chain INDEX\" expected");
    return Control::goto_chain(extension_value(words.value_after("chain"), "chain index"));
  }
  if (verdict->second == TC_ACT_JUMP) return Control::jump(extension_value(words.value_after("jump"), "jump count"));
  return Control(verdict->second);
}

void parse_actions(Session& session, Words& words, std::vector<Action>& actions) {
  bool expecting = true;  // after `action`: an action must follow
  while (!words.empty()) {
    if (words.take_if("action") || words.take_if("actions")) {
      expecting = true;
      continue;
    }
    const std::string_view word = words.peek();
    std::optional<Action> action;
    // tc takes a word that is no kind it knows for gact's, and gact takes
    // `index N`: `... action ct nat pipe index 5` is a ct and a gact.
    if (word == "gact" || is_verdict(word) || is_command(word, "index")) {
      words.take_if("gact");
      action = parse_gact(words);
    } else if (word == "mirred") {
      words.take("");
      action = parse_mirred(session, words);
    } else if (word == "police") {
      words.take("");
      action = parse_police(words);
    } else if (!(action = take_kind_action(words))) {
      if (!expecting) return;
      throw UsageError("action: " + quoted(word) + " is not an action nlpp knows (gact, mirred, police, " +
                       std::string(action_kind_names) + ", or a verdict: " + std::string(verdict_list) + ")");
    }
    parse_action_tail(words, *action);
    actions.push_back(std::move(*action));
    expecting = false;
  }
  if (expecting)
    throw UsageError("\"action\" needs an action (gact, mirred, police, " + std::string(action_kind_names) +
                     ", or a verdict: " + std::string(verdict_list) + ")");
}

}  // namespace nlpp::cli

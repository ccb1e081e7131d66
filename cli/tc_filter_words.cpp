#include "tc_filter_words.hpp"

#include "commands.hpp"
#include "tc_action_arguments.hpp"
#include "tc_words.hpp"

#include <linux/pkt_cls.h>

#include <string>

namespace nlpp::cli {

bool take_classid(Words& words, std::optional<rtnl::TcHandle>& classid) {
  if (!take_matching(words, {"classid", "flowid"})) return false;
  if (classid) throw UsageError("duplicate \"classid\": " + quoted(words.peek()) + " is the second value");
  classid = parse_classid(words.value_after("classid"), "classid");
  return true;
}

bool take_skip_flag(Words& words, std::optional<uint32_t>& flags) {
  uint32_t flag = 0;
  if (words.take_if("skip_hw"))
    flag = TCA_CLS_FLAGS_SKIP_HW;
  else if (words.take_if("skip_sw"))
    flag = TCA_CLS_FLAGS_SKIP_SW;
  else
    return false;
  flags = flags.value_or(0) | flag;
  constexpr uint32_t both = TCA_CLS_FLAGS_SKIP_HW | TCA_CLS_FLAGS_SKIP_SW;
  if ((*flags & both) == both) throw UsageError("skip_hw and skip_sw are mutually exclusive");
  return true;
}

bool take_actions(Session& session, Words& words, std::vector<rtnl::tc::Action>& actions) {
  if (!take_matching(words, {"action"}) && !words.take_if("actions")) return false;
  parse_actions(session, words, actions);
  return true;
}

void unknown_filter_word(std::string_view kind, const Words& words) {
  if (words.peek() == "police" || words.peek() == "estimator")
    throw UsageError(std::string(kind) + ": " + quoted(words.peek()) + " is not supported yet");
  throw UsageError(std::string(kind) + ": unknown word " + quoted(words.peek()) + " (nlpp filter help)");
}

}  // namespace nlpp::cli

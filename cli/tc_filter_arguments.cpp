#include "tc_filter_arguments.hpp"

#include "commands.hpp"
#include "tc_bpf_bytecode.hpp"
#include "tc_classifier_kinds_arguments.hpp"
#include "tc_flower_arguments.hpp"
#include "tc_u32_arguments.hpp"
#include "tc_words.hpp"

#include <linux/pkt_cls.h>

#include <algorithm>
#include <array>
#include <string>

namespace nlpp::cli {
namespace {

uint32_t number_handle(std::string_view word) { return parse_number<uint32_t>(word, "handle"); }

uint32_t u32_handle(std::string_view word) { return parse_u32_handle(word, "handle"); }

// fw's "MARK[/MASK]": the mark is the handle.
uint32_t fw_handle(std::string_view word) { return number_handle(word.substr(0, word.find('/'))); }

// f_matchall.c: `[classid ID] [skip_hw|skip_sw] [action ...]`.
rtnl::FilterOptions parse_matchall(Session& session, Words& words, FilterHandle&) {
  rtnl::tc::Matchall matchall;
  while (!words.empty())
    if (!take_classid(words, matchall.classid) && !take_actions(session, words, matchall.actions) &&
        !take_skip_flag(words, matchall.flags))
      unknown_filter_word("matchall", words);
  return matchall;
}

// f_fw.c: `[classid ID] [indev DEV] [action ...]`; handle MARK/MASK gives the mask.
rtnl::FilterOptions parse_fw(Session& session, Words& words, FilterHandle& handle) {
  rtnl::tc::Fw fw;
  if (handle.word && handle.word->find('/') != std::string_view::npos)
    fw.mask = parse_number<uint32_t>(handle.word->substr(handle.word->find('/') + 1), "handle mask");
  while (!words.empty()) {
    if (take_classid(words, fw.classid) || take_actions(session, words, fw.actions)) continue;
    if (!words.take_if("indev")) unknown_filter_word("fw", words);
    fw.indev = std::string(words.value_of("indev"));
  }
  return fw;
}

// f_bpf.c: `[run] PROGRAM [classid ID] [direct-action|da] [skip_hw|skip_sw]
// [action ...]`; the first word that is no option starts the program.
rtnl::FilterOptions parse_bpf(Session& session, Words& words, FilterHandle&) {
  rtnl::tc::BpfFilter bpf;
  bool has_program = false;
  while (!words.empty()) {
    if (take_classid(words, bpf.classid) || take_actions(session, words, bpf.actions) ||
        take_skip_flag(words, bpf.flags))
      continue;
    if (take_matching(words, {"direct-action", "da"})) {
      bpf.direct_action = true;
      continue;
    }
    if (has_program) unknown_filter_word("bpf", words);
    bpf.classic =
        read_classic_bpf(take_matching(words, {"run"}) ? words.value_after("run") : words.take(""), words, "bpf");
    has_program = true;
  }
  if (!has_program)
    throw UsageError("bpf: the filter needs a program (bytecode 'N,c t f k,...' or bytecode-file FILE)");
  return bpf;
}

struct FilterKind {
  std::string_view name;
  uint32_t (*handle)(std::string_view word);
  rtnl::FilterOptions (*options)(Session& session, Words& words, FilterHandle& handle);
  /// tc sends the kind's options even without words (flower: its flags and ethertype).
  bool options_without_words = false;
};

constexpr std::array<FilterKind, 8> filter_kinds{{
    {"u32", u32_handle, parse_u32},
    {"matchall", number_handle, parse_matchall},
    {"fw", fw_handle, parse_fw},
    {"bpf", number_handle, parse_bpf},
    {"flower", number_handle, parse_flower, true},
    {"route", number_handle, parse_route_filter},
    {"flow", number_handle, parse_flow_filter},
    {"cgroup", number_handle, parse_cgroup_filter, true},
}};

const FilterKind* find_kind(std::string_view kind) {
  const auto found = std::ranges::find(filter_kinds, kind, &FilterKind::name);
  return found == filter_kinds.end() ? nullptr : &*found;
}

}  // namespace

bool is_known_filter_kind(std::string_view kind) { return find_kind(kind) != nullptr; }

rtnl::FilterOptions parse_filter_options(std::string_view kind, Session& session, Words& words, FilterHandle& handle) {
  const FilterKind* known = find_kind(kind);
  if (handle.word) handle.value = parse_filter_handle(kind, *handle.word);
  if (words.empty() && (known == nullptr || !known->options_without_words)) return std::monostate{};
  if (known == nullptr)
    throw UsageError("filter kind " + quoted(kind) +
                     " takes no options in nlpp yet (u32, matchall, fw, bpf, flower, route, flow, cgroup do): " +
                     quoted(words.peek()) + " is not read");
  return known->options(session, words, handle);
}

uint32_t parse_filter_handle(std::string_view kind, std::string_view word) {
  if (const FilterKind* known = find_kind(kind)) return known->handle(word);
  return word.find(':') == std::string_view::npos ? number_handle(word) : u32_handle(word);
}

}  // namespace nlpp::cli

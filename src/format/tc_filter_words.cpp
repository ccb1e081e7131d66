#include "tc_filter_words.hpp"

#include "iproute2_words.hpp"
#include "tc_action_kinds_words.hpp"
#include "tc_bpf_bytecode.hpp"
#include "tc_classifier_kinds.hpp"
#include "tc_flower.hpp"
#include "tc_words.hpp"

#include <linux/if_ether.h>
#include <linux/pkt_cls.h>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <utility>
#include <variant>

namespace nlpp::format::detail {
namespace {

// m_mirred.c's words for each eaction: what it does, and at which hook.
struct MirredWords {
  rtnl::tc::Mirred::Direction direction;
  std::string_view action;
  std::string_view hook;
};
constexpr MirredWords mirred_words[] = {
    {rtnl::tc::Mirred::Direction::egress_redirect, "redirect", "egress"},
    {rtnl::tc::Mirred::Direction::egress_mirror, "mirror", "egress"},
    {rtnl::tc::Mirred::Direction::ingress_redirect, "redirect", "ingress"},
    {rtnl::tc::Mirred::Direction::ingress_mirror, "mirror", "ingress"},
};
constexpr MirredWords unknown_mirred{{}, "unknown", "unknown"};

const MirredWords& words_of(rtnl::tc::Mirred::Direction direction) {
  const auto* found = std::ranges::find(mirred_words, direction, &MirredWords::direction);
  return found == std::end(mirred_words) ? unknown_mirred : *found;
}

std::string classid_text(const std::optional<rtnl::TcHandle>& classid, std::string_view word) {
  return classid ? std::string(word) + " " + classid->to_string() : "";
}

// u32_print_opt()'s words, as `tc filter show` prints them on its lines.
std::string options_text(const rtnl::tc::U32& u32) {
  Words words;
  if (u32.divisor)
    words.add("ht divisor " + std::to_string(*u32.divisor));
  else if (u32.hash)
    words.add("key ht " + tc_hex_digits(TC_U32_USERHTID(*u32.hash)) + " bkt " + tc_hex_digits(TC_U32_HASH(*u32.hash)));
  words.add(classid_text(u32.classid, "flowid"));
  if (u32.link) words.add("link " + rtnl::tc::u32_handle_text(*u32.link));
  words.add_all(tc_classifier_flag_names(u32.flags.value_or(0)));
  if (const std::optional<rtnl::tc::U32Selector>& selector = u32.selector) {
    char text[96];
    for (const rtnl::tc::U32Key& key : selector->keys) {
      std::snprintf(text, sizeof text, "match %08x/%08x at %s%d", key.value, key.mask,
                    key.offmask != 0 ? "nexthdr+" : "", key.offset);
      words.add(text);
    }
    if (selector->flags & (TC_U32_VAROFFSET | TC_U32_OFFSET)) {
      words.add("offset");
      if (selector->flags & TC_U32_VAROFFSET) {
        std::snprintf(text, sizeof text, "%04x>>%d at %d", selector->offmask, selector->offshift, selector->offoff);
        words.add(text);
      }
      if (selector->off != 0) words.add("plus " + std::to_string(selector->off));
    }
    if (selector->flags & TC_U32_EAT) words.add("eat");
    if (selector->hmask != 0) {
      std::snprintf(text, sizeof text, "hash mask %08x at %d", selector->hmask, selector->hoff);
      words.add(text);
    }
  }
  if (u32.indev) words.add("input dev " + *u32.indev);
  return words.text();
}

std::string options_text(const rtnl::tc::Matchall& matchall) {
  return Words()
      .add(classid_text(matchall.classid, "flowid"))
      .add_all(tc_classifier_flag_names(matchall.flags.value_or(0)))
      .text();
}

std::string options_text(const rtnl::tc::Fw& fw) {
  return Words().add(classid_text(fw.classid, "classid")).add(fw.indev ? "input dev " + *fw.indev : "").text();
}

std::string options_text(const rtnl::tc::BpfFilter& bpf) {
  Words words;
  words.add(classid_text(bpf.classid, "flowid")).add(bpf.name.value_or(""));
  if (bpf.direct_action) words.add("direct-action");
  words.add_all(tc_classifier_flag_names(bpf.flags.value_or(0)));
  if (!bpf.classic.empty()) words.add(bpf_bytecode_text(bpf.classic));
  if (bpf.id) words.add("id " + std::to_string(*bpf.id));
  if (bpf.tag) words.add("tag " + hex_string(std::as_bytes(std::span(*bpf.tag))));
  return words.text();
}

std::string action_options_text(const rtnl::tc::Action& action, const rtnl::tc::Gact& gact, const LinkNames&) {
  Words words;
  words.add(action.effective_control().to_string());
  if (gact.random)
    words.add("random")
        .add(gact_random_name(gact.random->type))
        .add(gact.random->control.to_string())
        .add(std::to_string(gact.random->value));
  return words.text();
}

std::string action_options_text(const rtnl::tc::Action& action, const rtnl::tc::Mirred& mirred,
                                const LinkNames& names) {
  return Words()
      .add(mirred_direction_name(mirred.direction))
      .add(mirred_action_name(mirred.direction))
      .add("dev " + names.name(mirred.ifindex))
      .add(action.effective_control().to_string())
      .text();
}

// print_police()'s words: the bucket, then the verdicts "action EXCEED/CONFORM".
std::string action_options_text(const rtnl::tc::Action& action, const rtnl::tc::Police& police, const LinkNames&) {
  Words words;
  if (police.rate.bytes_per_second != 0)
    words.add("rate " + tc_rate_text(police.rate.bytes_per_second)).add("burst " + tc_size_text(police.burst));
  if (police.mtu != 0) words.add("mtu " + tc_size_text(police.mtu));
  if (police.peakrate.bytes_per_second != 0) words.add("peakrate " + tc_rate_text(police.peakrate.bytes_per_second));
  if (police.avrate != 0) words.add("avrate " + tc_rate_text(police.avrate));
  return words.add("action " + action.effective_control().to_string() + "/" + police.conform.to_string()).text();
}

std::string options_text(const rtnl::tc::Flower& flower) { return flower_options_text(flower); }

std::string options_text(const rtnl::tc::Route& route) { return route_options_text(route); }
std::string options_text(const rtnl::tc::Flow& flow) { return flow_options_text(flow); }

std::string options_text(const rtnl::tc::GenericOptions& options) { return tc_options_text(options); }

// Each kind's options_text() as one object, for variant_text().
constexpr auto kind_options_text = [](const auto& value) -> decltype(options_text(value)) {
  return options_text(value);
};

}  // namespace

std::vector<std::string_view> tc_classifier_flag_names(uint32_t flags) {
  std::vector<std::string_view> names;
  if (flags & TCA_CLS_FLAGS_SKIP_HW) names.emplace_back("skip_hw");
  if (flags & TCA_CLS_FLAGS_SKIP_SW) names.emplace_back("skip_sw");
  if (flags & TCA_CLS_FLAGS_IN_HW)
    names.emplace_back("in_hw");
  else if (flags & TCA_CLS_FLAGS_NOT_IN_HW)
    names.emplace_back("not_in_hw");
  return names;
}

std::vector<std::string_view> tc_hw_stats_names(uint8_t hw_stats) {
  std::vector<std::string_view> names;
  if (hw_stats & TCA_ACT_HW_STATS_IMMEDIATE) names.emplace_back("immediate");
  if (hw_stats & TCA_ACT_HW_STATS_DELAYED) names.emplace_back("delayed");
  if ((hw_stats & (TCA_ACT_HW_STATS_IMMEDIATE | TCA_ACT_HW_STATS_DELAYED)) == 0) names.emplace_back("disabled");
  return names;
}

std::string_view mirred_action_name(rtnl::tc::Mirred::Direction direction) { return words_of(direction).action; }
std::string_view mirred_direction_name(rtnl::tc::Mirred::Direction direction) { return words_of(direction).hook; }

std::string_view gact_random_name(uint16_t type) {
  if (type == PGACT_NETRAND) return "netrand";
  if (type == PGACT_DETERM) return "determ";
  return "none";
}

std::span<const rtnl::tc::Action> tc_filter_actions(const rtnl::FilterOptions& options) {
  return std::visit(
      [](const auto& value) -> std::span<const rtnl::tc::Action> {
        if constexpr (requires { value.actions; })
          return value.actions;
        else
          return {};
      },
      options);
}

std::string tc_options_text(const rtnl::FilterOptions& options) { return variant_text(options, kind_options_text); }

std::string tc_filter_handle_text(const rtnl::TcFilter& filter) {
  if (filter.handle == 0) return "-";
  if (std::holds_alternative<rtnl::tc::U32>(filter.options)) return rtnl::tc::u32_handle_text(filter.handle);
  const auto* fw = std::get_if<rtnl::tc::Fw>(&filter.options);
  if (fw && fw->mask && *fw->mask != 0xffffffff) return tc_hex_text(filter.handle) + "/" + tc_hex_text(*fw->mask);
  return tc_hex_text(filter.handle);
}

std::string tc_action_text(const rtnl::tc::Action& action, const LinkNames& names) {
  return std::visit(
      [&](const auto& options) {
        std::string text = action.resolved_kind();
        if constexpr (requires { action_options_text(action, options, names); })
          text += " " + action_options_text(action, options, names);
        return text;
      },
      action.options);
}

}  // namespace nlpp::format::detail

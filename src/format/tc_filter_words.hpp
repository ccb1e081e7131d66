// Internal: filters and actions in tc's own words, for the text tables
// (a filter's options as `tc filter show` prints them, an action as tc
// takes it), and the names tc gives their fields, which the JSON shares.
#pragma once

#include <nlpp/format/link_names.hpp>
#include <nlpp/rtnl/tc/action.hpp>
#include <nlpp/rtnl/tc_filter.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nlpp::format::detail {

/// Words joined by spaces, the empty ones left out.
class Words {
 public:
  Words& add(std::string_view word) {
    if (!word.empty()) text_ += (text_.empty() ? "" : " ") + std::string(word);
    return *this;
  }
  Words& add_all(const std::vector<std::string_view>& words) {
    for (std::string_view word : words) add(word);
    return *this;
  }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

/// A classifier's TCA_CLS_FLAGS_* as tc prints them: skip_hw, skip_sw,
/// then in_hw or else not_in_hw.
std::vector<std::string_view> tc_classifier_flag_names(uint32_t flags);
/// An action's TCA_ACT_HW_STATS as tc prints them: "immediate", "delayed",
/// or "disabled" for neither.
std::vector<std::string_view> tc_hw_stats_names(uint8_t hw_stats);
/// mirred's words for its eaction: "redirect" / "mirror", "egress" / "ingress".
std::string_view mirred_action_name(rtnl::tc::Mirred::Direction direction);
std::string_view mirred_direction_name(rtnl::tc::Mirred::Direction direction);
/// gact's PGACT_* random types: "none", "netrand", "determ".
std::string_view gact_random_name(uint16_t type);

/// The actions of a filter's options (none for a kind without actions).
std::span<const rtnl::tc::Action> tc_filter_actions(const rtnl::FilterOptions& options);
/// A filter's options in tc's words ("key ht 800 bkt 0 flowid 1:10
/// not_in_hw match 0a000001/ffffffff at 16"), but for its handle and its
/// actions; "" for none.
std::string tc_options_text(const rtnl::FilterOptions& options);
/// A filter's handle in its kind's terms: u32's "800::800", fw's mark
/// ("0x1", "0x1/0xff" with a mask), else "0x1"; "-" for none.
std::string tc_filter_handle_text(const rtnl::TcFilter& filter);
/// An action in the words tc takes for it: "mirred egress redirect dev v1
/// stolen", "gact drop random determ pass 10"; another kind by its name.
std::string tc_action_text(const rtnl::tc::Action& action, const LinkNames& names);

}  // namespace nlpp::format::detail

// The bpf action's ActionKind (see action_kinds.hpp): its program is
// carried as the bpf filter's is, through the filter's codecs
// (filter_kind_tables.hpp) with the action's attribute types; the parms
// come last, as tc sends them.
#pragma once

#include <nlpp/rtnl/tc/action.hpp>

#include "codec/field.hpp"
#include "codec/reported.hpp"
#include "codec/uncompared.hpp"
#include "rtnl/tc/action_kinds.hpp"
#include "rtnl/tc/filter_kind_tables.hpp"

#include <linux/tc_act/tc_bpf.h>

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace nlpp::rtnl::tc {

template <>
struct ActionKind<BpfAction> {
  static constexpr std::string_view kinds[] = {"bpf"};
  using Parms = tc_act_bpf;
  static constexpr uint16_t parms_type = TCA_ACT_BPF_PARMS, times_type = TCA_ACT_BPF_TM, pad_type = TCA_ACT_BPF_PAD;
  static constexpr bool parms_last = true;
  static constexpr auto fields = std::tuple{
      codec::field("classic", &BpfAction::classic, ClassicBpfIn{TCA_ACT_BPF_OPS_LEN, TCA_ACT_BPF_OPS}),
      codec::field("fd", &BpfAction::fd, ProgramFdIn{TCA_ACT_BPF_FD}),
      codec::field("name", &BpfAction::name, TCA_ACT_BPF_NAME),
      codec::field("id", &BpfAction::id, codec::Uncompared<codec::Reported>{{TCA_ACT_BPF_ID}}),
      codec::field("tag", &BpfAction::tag, codec::Uncompared<codec::Reported>{{TCA_ACT_BPF_TAG}}),
  };

  static void read(const Parms&, BpfAction&) {}
  static void write(const BpfAction&, Parms&) {}
  static Control default_control(const BpfAction&) { return Control::pipe(); }
  static std::optional<std::string> refusal(const BpfAction& bpf);
};

}  // namespace nlpp::rtnl::tc

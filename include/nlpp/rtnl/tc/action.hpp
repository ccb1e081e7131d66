// tc actions: what a filter does with the packets it matched (TCA_*_ACT: an
// ordered list), and standalone in each kind's table (RTM_NEWACTION). An
// action is its kind, its index in that kind's table, the control that
// says what happens next, and the kind's own options.
//
//     rtnl::tc::Action to_ifb{.kind = "mirred",
//                             .options = rtnl::tc::Mirred{.direction = rtnl::tc::Mirred::Direction::egress_redirect,
//                                                         .ifindex = "ifb0"}};
//     // tc ... action mirred egress redirect dev ifb0
#pragma once

#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/link_ref.hpp>
#include <nlpp/rtnl/tc/bpf_action.hpp>
#include <nlpp/rtnl/tc/control.hpp>
#include <nlpp/rtnl/tc/csum.hpp>
#include <nlpp/rtnl/tc/ct.hpp>
#include <nlpp/rtnl/tc/generic_options.hpp>
#include <nlpp/rtnl/tc/nat.hpp>
#include <nlpp/rtnl/tc/pedit.hpp>
#include <nlpp/rtnl/tc/police.hpp>
#include <nlpp/rtnl/tc/sample.hpp>
#include <nlpp/rtnl/tc/skbedit.hpp>
#include <nlpp/rtnl/tc/tunnel_key.hpp>
#include <nlpp/rtnl/tc/vlan.hpp>
#include <nlpp/rtnl/tc_stats.hpp>

#include <linux/pkt_cls.h>
#include <linux/tc_act/tc_gact.h>
#include <linux/tc_act/tc_mirred.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace nlpp::rtnl::tc {

/// gact ("generic action"): the action's control is the verdict; it may
/// instead be drawn at random, or every n-th packet.
struct Gact {
  struct Random {
    /// PGACT_NETRAND: the verdict below falls with probability 1 in
    /// `value` ("random netrand drop 25"); PGACT_DETERM: on every
    /// `value`-th packet ("random determ drop 25"). Otherwise the action's control.
    uint16_t type = PGACT_NETRAND;
    uint16_t value = 0;
    Control control = Control::drop();  ///< the verdict when the draw falls

    friend bool operator==(const Random&, const Random&) = default;
  };
  std::optional<Random> random{};  ///< TCA_GACT_PROB
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Gact&, const Gact&) = default;
};

/// mirred: mirror (a copy) or redirect (the packet itself) to a link's
/// egress or ingress. The action's control applies after: tc's default is
/// pipe for a mirror, stolen for a redirect.
struct Mirred {
  enum class Direction : int32_t {
    egress_redirect = TCA_EGRESS_REDIR,
    egress_mirror = TCA_EGRESS_MIRROR,
    ingress_redirect = TCA_INGRESS_REDIR,
    ingress_mirror = TCA_INGRESS_MIRROR,
  };
  Direction direction = Direction::egress_redirect;  ///< tc_mirred.eaction
  LinkRef ifindex{};                                 ///< tc_mirred.ifindex: where to
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Mirred&, const Mirred&) = default;
};

/// An action's options by its kind; GenericOptions keeps TCA_ACT_OPTIONS
/// whole for a kind nlpp has no struct for (its index and control are then
/// in the payload, not in Action's members).
using ActionOptions = std::variant<std::monostate, Gact, Mirred, Police, Skbedit, Vlan, Csum, Nat, Pedit, Connmark, Ct,
                                   TunnelKey, Sample, BpfAction, GenericOptions>;

/// When the kernel last touched an action (struct tcf_t, in jiffies
/// converted to seconds by tc: "installed 12 sec used 3 sec").
struct ActionTimes {
  uint64_t installed = 0;
  uint64_t last_used = 0;
  uint64_t expires = 0;
  uint64_t first_used = 0;

  friend bool operator==(const ActionTimes&, const ActionTimes&) = default;
};

/// One action.
struct Action {
  /// TCA_ACT_KIND: "gact", "mirred"...; may be left empty when the options
  /// serve one kind.
  std::string kind{};
  /// The index in the kind's table (tc's "index N"); 0 when adding: the
  /// kernel picks one. An existing index shares that action.
  uint32_t index = 0;
  /// What happens next; unset: the kind's default (gact, csum, nat,
  /// pedit: pass; mirred: pipe for a mirror, stolen for a redirect; police,
  /// where it is what exceeding packets get: reclassify; the others: pipe).
  std::optional<Control> control{};
  ActionOptions options{};              ///< TCA_ACT_OPTIONS's kind-specific part
  std::vector<std::byte> cookie{};      ///< TCA_ACT_COOKIE: the user's bytes, up to 16
  std::optional<uint32_t> flags{};      ///< TCA_ACT_FLAGS: TCA_ACT_FLAGS_SKIP_HW...
  std::optional<uint8_t> hw_stats{};    ///< TCA_ACT_HW_STATS: TCA_ACT_HW_STATS_IMMEDIATE...
  uint32_t refcnt = 0;                  ///< (reported) references held on it
  uint32_t bindcnt = 0;                 ///< (reported) filters bound to it
  std::optional<ActionTimes> times{};   ///< (reported) TCA_<KIND>_TM
  std::optional<TcStats> stats{};       ///< (reported) TCA_ACT_STATS
  std::vector<RawAttribute> unknown{};  ///< attributes not modelled, kept as they came

  /// kind, or the one kind the options serve.
  std::string resolved_kind() const;
  /// The action's control, or the one its kind takes by default, which tc
  /// sends when the words leave it out (gact: pass; mirred: pipe for a
  /// mirror, stolen for a redirect; police: reclassify); pipe for a kind
  /// nlpp keeps raw, whose control is in its payload.
  Control effective_control() const;

  friend bool operator==(const Action&, const Action&) = default;
};

/// The links an action refers to (mirred's target), for name resolution.
template <SameOrConst<Action> A, class Visit>
void visit_links(A& action, Visit&& visit) {
  if (auto* mirred = std::get_if<Mirred>(&action.options)) visit(mirred->ifindex);
}

}  // namespace nlpp::rtnl::tc

// Queueing disciplines (RTM_NEWQDISC / RTM_DELQDISC / RTM_GETQDISC, struct
// tcmsg): what `tc qdisc` shows and changes. A qdisc hangs at a link's
// root, under a class of another qdisc, or at its ingress hook (ingress,
// clsact); its handle names it ("1:") for its classes and filters.
//
//     rtnl::Qdisc htb{.ifindex = "eth0", .handle = rtnl::TcHandle(1, 0), .kind = "htb",
//                     .options = rtnl::tc::Htb{.default_class = 0x10}};
//     ip.add(htb);                                   // tc qdisc add dev eth0 root handle 1: htb default 10
//     ip.dump<rtnl::Qdisc>({.ifindex = "eth0"});    // tc qdisc show dev eth0
#pragma once

#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/link_ref.hpp>
#include <nlpp/rtnl/object_traits.hpp>
#include <nlpp/rtnl/tc_handle.hpp>
#include <nlpp/rtnl/tc_options.hpp>
#include <nlpp/rtnl/tc_stats.hpp>

#include <linux/rtnetlink.h>

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nlpp::rtnl {

/// One qdisc.
struct Qdisc {
  LinkRef ifindex{};  ///< tcm_ifindex
  /// tcm_handle: its major, minor 0 ("1:"); none when adding: the kernel
  /// picks one (8001:...).
  TcHandle handle{};
  TcHandle parent = TcHandle::root();  ///< tcm_parent: root, a class, or TcHandle::ingress()
  /// TCA_KIND: "htb", "tbf", "pfifo", "ingress"...; may be left empty when
  /// the options serve one kind (tc::Htb: "htb"; tc::Fifo serves three), and
  /// without options when deleting (whatever qdisc hangs there).
  std::string kind{};
  QdiscOptions options{};                   ///< TCA_OPTIONS; its type must serve kind
  std::optional<uint32_t> ingress_block{};  ///< TCA_INGRESS_BLOCK: the shared filter block of ingress / clsact
  std::optional<uint32_t> egress_block{};   ///< TCA_EGRESS_BLOCK: clsact's egress block
  uint32_t refcnt = 0;                      ///< tcm_info (reported): references held on it
  bool offloaded = false;                   ///< TCA_HW_OFFLOAD (reported)
  std::optional<TcStats> stats{};           ///< TCA_STATS2 (reported)
  std::vector<RawAttribute> unknown{};      ///< attributes not modelled (TCA_STATS, TCA_XSTATS...), kept as they came

  /// kind, or the one kind the options serve; empty when neither says.
  std::string resolved_kind() const;

  friend bool operator==(const Qdisc&, const Qdisc&) = default;
};

/// The kernel's identity of a qdisc: where it hangs (one qdisc per parent).
struct QdiscKey {
  uint32_t ifindex = 0;
  TcHandle parent{};

  friend bool operator==(const QdiscKey&, const QdiscKey&) = default;
  friend auto operator<=>(const QdiscKey&, const QdiscKey&) = default;
};

/// What a qdisc dump selects (nlpp filters: the kernel dumps every link's);
/// unset fields select everything.
struct QdiscFilter {
  std::optional<LinkRef> ifindex{};
  std::optional<TcHandle> handle{};
  std::optional<TcHandle> parent{};
  std::optional<std::string> kind{};
  /// TCA_DUMP_INVISIBLE: also the qdiscs the kernel hides by default (the
  /// default qdiscs under mq, as `tc qdisc show invisible`).
  bool invisible = false;
};

template <SameOrConst<Qdisc> Q, class Visit>
void visit_links(Q& qdisc, Visit&& visit) {
  visit(qdisc.ifindex);
}
template <SameOrConst<QdiscFilter> F, class Visit>
void visit_links(F& filter, Visit&& visit) {
  if (filter.ifindex) visit(*filter.ifindex);
}

template <>
struct ObjectTraits<Qdisc> {
  static constexpr std::string_view name = "qdisc";
  static constexpr uint16_t new_type = RTM_NEWQDISC;
  static constexpr uint16_t del_type = RTM_DELQDISC;
  /// `tc qdisc change`: no flags (the qdisc must exist).
  static constexpr std::optional<uint16_t> set_flags = 0;
  static constexpr uint16_t get_type = RTM_GETQDISC;
  using Key = QdiscKey;
  using Filter = QdiscFilter;

  static Result<Qdisc> parse(const wire::Message& message);
  /// tc's bytes for the same words: tcmsg, TCA_KIND, TCA_OPTIONS, the
  /// blocks. A delete carries only the tcmsg and the kind.
  static void emit(const Qdisc& qdisc, wire::MessageBuilder& builder, uint16_t type, uint16_t flags);
  static Result<void> validate(const Qdisc& qdisc);
  static Key key(const Qdisc& qdisc);
  /// Statistics, the reference count and unknown attributes are not compared.
  static std::vector<FieldChange> diff(const Qdisc& before, const Qdisc& after);
  static void emit_dump_request(const Filter& filter, wire::MessageBuilder& builder);
  static bool matches(const Filter& filter, const Qdisc& qdisc);

  /// Notifications: where they go, and their name in printed events.
  static constexpr NotificationGroup groups[] = {{EventGroup::tc, RTNLGRP_TC, "tc"}};
  static constexpr std::string_view event_name = "qdisc";
};

/// Its events (rtnl::Event).
using NewQdisc = NewEvent<Qdisc>;
using DelQdisc = DelEvent<Qdisc>;

}  // namespace nlpp::rtnl

// Traffic classes (RTM_NEWTCLASS / RTM_DELTCLASS / RTM_GETTCLASS, struct
// tcmsg): what `tc class` shows and changes. A class belongs to a
// classful qdisc (htb, prio, hfsc...), whose major its class id carries
// ("1:10" under "1:"), and hangs under that qdisc or another of its classes.
//
//     rtnl::TcClass web{.ifindex = "eth0", .handle = rtnl::TcHandle(1, 0x10), .parent = rtnl::TcHandle(1, 0),
//                       .kind = "htb", .options = rtnl::tc::HtbClass{.rate = {.bytes_per_second = 125000}}};
//     ip.add(web);                                  // tc class add dev eth0 parent 1: classid 1:10 htb rate 1mbit
//     ip.dump<rtnl::TcClass>({.ifindex = "eth0"});  // tc class show dev eth0
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

/// One class.
struct TcClass {
  LinkRef ifindex{};  ///< tcm_ifindex
  TcHandle handle{};  ///< tcm_handle: the class id, "1:10"
  TcHandle parent{};  ///< tcm_parent: its qdisc ("1:") or parent class ("1:1")
  /// TCA_KIND: its qdisc's kind; may be left empty when the options serve
  /// one kind, and without options when deleting.
  std::string kind{};
  ClassOptions options{};  ///< TCA_OPTIONS; its type must serve kind
  /// tcm_info (reported): the handle of the qdisc a leaf class feeds ("leaf 10:").
  TcHandle leaf{};
  std::optional<TcStats> stats{};       ///< TCA_STATS2 (reported)
  std::vector<RawAttribute> unknown{};  ///< attributes not modelled, kept as they came

  /// kind, or the one kind the options serve; empty when neither says.
  std::string resolved_kind() const;

  friend bool operator==(const TcClass&, const TcClass&) = default;
};

/// The kernel's identity of a class: its link and class id.
struct TcClassKey {
  uint32_t ifindex = 0;
  TcHandle handle{};

  friend bool operator==(const TcClassKey&, const TcClassKey&) = default;
  friend auto operator<=>(const TcClassKey&, const TcClassKey&) = default;
};

/// What a class dump selects. The kernel dumps one link's classes: a dump
/// without ifindex is empty. The rest nlpp filters.
struct TcClassFilter {
  std::optional<LinkRef> ifindex{};
  std::optional<TcHandle> handle{};
  std::optional<TcHandle> parent{};
};

template <SameOrConst<TcClass> C, class Visit>
void visit_links(C& tc_class, Visit&& visit) {
  visit(tc_class.ifindex);
}
template <SameOrConst<TcClassFilter> F, class Visit>
void visit_links(F& filter, Visit&& visit) {
  if (filter.ifindex) visit(*filter.ifindex);
}

template <>
struct ObjectTraits<TcClass> {
  static constexpr std::string_view name = "class";
  static constexpr uint16_t new_type = RTM_NEWTCLASS;
  static constexpr uint16_t del_type = RTM_DELTCLASS;
  /// `tc class change`: no flags (the class must exist).
  static constexpr std::optional<uint16_t> set_flags = 0;
  static constexpr uint16_t get_type = RTM_GETTCLASS;
  using Key = TcClassKey;
  using Filter = TcClassFilter;

  static Result<TcClass> parse(const wire::Message& message);
  /// tc's bytes for the same words: tcmsg, TCA_KIND, TCA_OPTIONS. A delete
  /// carries only the tcmsg and the kind.
  static void emit(const TcClass& tc_class, wire::MessageBuilder& builder, uint16_t type, uint16_t flags);
  static Result<void> validate(const TcClass& tc_class);
  static Key key(const TcClass& tc_class);
  /// Statistics, the leaf and unknown attributes are not compared.
  static std::vector<FieldChange> diff(const TcClass& before, const TcClass& after);
  static void emit_dump_request(const Filter& filter, wire::MessageBuilder& builder);
  static bool matches(const Filter& filter, const TcClass& tc_class);

  /// Notifications: where they go, and their name in printed events.
  static constexpr NotificationGroup groups[] = {{EventGroup::tc, RTNLGRP_TC, "tc"}};
  static constexpr std::string_view event_name = "class";
};

/// Its events (rtnl::Event).
using NewTcClass = NewEvent<TcClass>;
using DelTcClass = DelEvent<TcClass>;

}  // namespace nlpp::rtnl

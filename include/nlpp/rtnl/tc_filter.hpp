// Traffic filters (RTM_NEWTFILTER / RTM_DELTFILTER / RTM_GETTFILTER, struct
// tcmsg): what `tc filter` shows and changes. Filters hang on a qdisc or a
// class (or a shared block), in chains; within a chain they are tried by
// priority ("pref"), each priority one kind for one protocol, holding that
// kind's filters by handle.
//
//     rtnl::TcFilter web{.ifindex = "eth0", .parent = rtnl::TcHandle(1, 0), .priority = 1,
//                        .protocol = ETH_P_IP, .kind = "u32",
//                        .options = rtnl::tc::U32{.classid = rtnl::TcHandle(1, 0x10),
//                                                 .selector = rtnl::tc::U32Selector{
//                                                     .keys = {{.value = 80, .mask = 0xffff, .offset = 20}}}}};
//     ip.add(web);  // tc filter add dev eth0 parent 1: prio 1 protocol ip u32 match ip dport 80 0xffff flowid 1:10
//     ip.dump<rtnl::TcFilter>({.ifindex = "eth0", .parent = web.parent});  // tc filter show dev eth0 parent 1:
#pragma once

#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/link_ref.hpp>
#include <nlpp/rtnl/object_traits.hpp>
#include <nlpp/rtnl/tc_filter_options.hpp>
#include <nlpp/rtnl/tc_handle.hpp>

#include <linux/if_ether.h>
#include <linux/rtnetlink.h>

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace nlpp::rtnl {

/// One filter.
struct TcFilter {
  LinkRef ifindex{};  ///< tcm_ifindex; none when the filter is in a shared block
  /// The shared block it is in (tc's "block 10"): tcm_ifindex is then
  /// TCM_IFINDEX_MAGIC_BLOCK and tcm_parent the block's index.
  std::optional<uint32_t> block{};
  /// tcm_parent: the qdisc or class ("1:", "1:10"), or clsact's hooks
  /// (TcHandle::clsact_ingress(), clsact_egress()); ingress's is "ffff:".
  TcHandle parent{};
  /// tcm_info's upper half: tc's "pref" / "prio"; 0 when adding: the
  /// kernel picks one (49152, then one less each time).
  uint16_t priority = 0;
  /// tcm_info's lower half: the EtherType the filter sees (ETH_P_IP...),
  /// host order here; ETH_P_ALL: every protocol. 0 (tc without
  /// "protocol"): ETH_P_ALL when adding, any when deleting or getting.
  uint16_t protocol = 0;
  /// tcm_handle: the filter within its priority, in its kind's terms (u32:
  /// table:bucket:node, tc::u32_handle_text(); fw: the mark); 0 when
  /// adding: the kind picks one.
  uint32_t handle = 0;
  /// TCA_KIND: "u32", "matchall", "bpf"...; may be left empty when the
  /// options serve one kind, and when deleting a whole priority.
  std::string kind{};
  std::optional<uint32_t> chain{};      ///< TCA_CHAIN: unset is chain 0
  FilterOptions options{};              ///< TCA_OPTIONS; its type must serve kind
  std::vector<RawAttribute> unknown{};  ///< attributes not modelled, kept as they came

  /// kind, or the one kind the options serve; empty when neither says.
  std::string resolved_kind() const;

  friend bool operator==(const TcFilter&, const TcFilter&) = default;
};

/// The kernel's identity of a filter.
struct TcFilterKey {
  uint32_t ifindex = 0;
  std::optional<uint32_t> block{};
  TcHandle parent{};
  uint32_t chain = 0;
  uint16_t priority = 0;
  uint16_t protocol = 0;
  uint32_t handle = 0;

  friend bool operator==(const TcFilterKey&, const TcFilterKey&) = default;
  friend auto operator<=>(const TcFilterKey&, const TcFilterKey&) = default;
};

/// What a filter dump reads: the filters of one qdisc or class of a link
/// (the kernel dumps one parent's: unset, the root qdisc's, as `tc filter
/// show dev eth0`), or of one shared block. The kernel selects by parent,
/// chain, priority and protocol; nlpp by kind and handle.
struct TcFilterSelector {
  std::optional<LinkRef> ifindex{};
  std::optional<uint32_t> block{};
  std::optional<TcHandle> parent{};
  std::optional<uint32_t> chain{};
  std::optional<uint16_t> priority{};
  std::optional<uint16_t> protocol{};
  std::optional<std::string> kind{};
  std::optional<uint32_t> handle{};
};

template <SameOrConst<TcFilter> F, class Visit>
void visit_links(F& filter, Visit&& visit) {
  visit(filter.ifindex);
  std::visit(
      [&](auto& options) {
        if constexpr (requires { options.actions; })
          for (auto& action : options.actions) tc::visit_links(action, visit);
        if constexpr (requires { tc::visit_links(options, visit); }) tc::visit_links(options, visit);  // route's iif
      },
      filter.options);
}
template <SameOrConst<TcFilterSelector> F, class Visit>
void visit_links(F& selector, Visit&& visit) {
  if (selector.ifindex) visit(*selector.ifindex);
}

template <>
struct ObjectTraits<TcFilter> {
  static constexpr std::string_view name = "filter";
  static constexpr uint16_t new_type = RTM_NEWTFILTER;
  static constexpr uint16_t del_type = RTM_DELTFILTER;
  /// `tc filter change`: no flags (the filter must exist).
  static constexpr std::optional<uint16_t> set_flags = 0;
  static constexpr uint16_t get_type = RTM_GETTFILTER;
  using Key = TcFilterKey;
  using Filter = TcFilterSelector;

  static Result<TcFilter> parse(const wire::Message& message);
  /// tc's bytes for the same words: tcmsg, TCA_CHAIN, TCA_KIND,
  /// TCA_OPTIONS. A delete carries the tcmsg, the chain and the kind.
  static void emit(const TcFilter& filter, wire::MessageBuilder& builder, uint16_t type, uint16_t flags);
  static Result<void> validate(const TcFilter& filter);
  static Key key(const TcFilter& filter);
  /// Reported values (statistics, hits, program ids) are not compared.
  static std::vector<FieldChange> diff(const TcFilter& before, const TcFilter& after);
  static void emit_dump_request(const Filter& selector, wire::MessageBuilder& builder);
  static bool matches(const Filter& selector, const TcFilter& filter);

  static constexpr NotificationGroup groups[] = {{EventGroup::tc, RTNLGRP_TC, "tc"}};
  static constexpr std::string_view event_name = "filter";
};

/// Its events (rtnl::Event).
using NewTcFilter = NewEvent<TcFilter>;
using DelTcFilter = DelEvent<TcFilter>;

}  // namespace nlpp::rtnl

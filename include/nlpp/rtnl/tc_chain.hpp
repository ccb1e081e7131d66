// Filter chains (RTM_NEWCHAIN / RTM_DELCHAIN / RTM_GETCHAIN, struct tcmsg):
// what `tc chain` shows and changes. A block of filters (a qdisc's or a
// class's, or a shared block) holds them in numbered chains; packets are
// classified from chain 0 and reach another through a `goto chain N`
// action. The kernel makes a chain when the first filter goes into it (and
// notifies it then), or when asked: empty, and optionally with a template,
// a filter kind and the keys every filter of the chain must match on
// (flower's, the one kind with templates). Deleting a chain deletes its
// filters.
//
//     rtnl::TcChain chain{.ifindex = "eth0", .parent = rtnl::TcHandle::clsact_ingress(), .chain = 5};
//     ip.add(chain);                                                       // tc chain add dev eth0 ingress chain 5
//     ip.dump<rtnl::TcChain>({.ifindex = "eth0", .parent = chain.parent});  // tc chain show dev eth0 ingress
//     ip.del(chain);                                                       // tc chain del dev eth0 ingress chain 5
#pragma once

#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/link_ref.hpp>
#include <nlpp/rtnl/object_traits.hpp>
#include <nlpp/rtnl/tc_filter_options.hpp>
#include <nlpp/rtnl/tc_handle.hpp>

#include <linux/rtnetlink.h>

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace nlpp::rtnl {

/// One chain of a block of filters.
struct TcChain {
  LinkRef ifindex{};  ///< tcm_ifindex; none when the chain is in a shared block
  /// The shared block it is in (tc's "block 10"): tcm_ifindex is then
  /// TCM_IFINDEX_MAGIC_BLOCK and tcm_parent the block's index.
  std::optional<uint32_t> block{};
  /// tcm_parent. In a request, the qdisc or class whose filters the chain
  /// is among, as a filter names it ("1:", "1:10", clsact's hooks
  /// TcHandle::clsact_ingress() and clsact_egress()); none: the root
  /// qdisc's. The kernel reports the qdisc's handle ("1:", clsact's
  /// "ffff:"), whichever of the qdisc's blocks the chain is in.
  TcHandle parent{};
  /// TCA_CHAIN: its index, 0 to TC_ACT_EXT_VAL_MASK (0x0fffffff); always
  /// sent (tc leaves it out for chain 0).
  uint32_t chain = 0;
  /// TCA_KIND: the template's filter kind ("flower"); empty: no template.
  /// May be left empty when the options serve one kind.
  std::string kind{};
  /// TCA_OPTIONS: the template, options of its kind as a filter of it
  /// holds them (a tc::Flower whose keys are set, to any value: the kernel
  /// takes only which keys a template has, and each filter of the chain
  /// must match on those).
  FilterOptions options{};
  std::vector<RawAttribute> unknown{};  ///< attributes not modelled, kept as they came

  /// kind, or the one kind the options serve; empty when neither says.
  std::string resolved_kind() const;

  friend bool operator==(const TcChain&, const TcChain&) = default;
};

/// A chain's identity as the object gives it: its place and index. A
/// request's parent may name clsact's hook where the kernel reports the
/// qdisc's handle.
struct TcChainKey {
  uint32_t ifindex = 0;
  std::optional<uint32_t> block{};
  TcHandle parent{};
  uint32_t chain = 0;

  friend bool operator==(const TcChainKey&, const TcChainKey&) = default;
  friend auto operator<=>(const TcChainKey&, const TcChainKey&) = default;
};

/// What a chain dump reads: the chains of one block of filters, that of a
/// link's qdisc or class (unset parent: the root qdisc's, as `tc chain show
/// dev eth0`) or a shared block. The kernel selects the block and the
/// chain; nlpp the template's kind. A dump that names neither a link nor a
/// block reads nothing.
struct TcChainSelector {
  std::optional<LinkRef> ifindex{};
  std::optional<uint32_t> block{};
  std::optional<TcHandle> parent{};
  std::optional<uint32_t> chain{};
  std::optional<std::string> kind{};  ///< the template's kind; "" selects chains without one
};

template <SameOrConst<TcChain> C, class Visit>
void visit_links(C& chain, Visit&& visit) {
  visit(chain.ifindex);
  std::visit(
      [&](auto& options) {
        if constexpr (requires { options.actions; })
          for (auto& action : options.actions) tc::visit_links(action, visit);
      },
      chain.options);
}
template <SameOrConst<TcChainSelector> S, class Visit>
void visit_links(S& selector, Visit&& visit) {
  if (selector.ifindex) visit(*selector.ifindex);
}

template <>
struct ObjectTraits<TcChain> {
  static constexpr std::string_view name = "chain";
  static constexpr uint16_t new_type = RTM_NEWCHAIN;
  static constexpr uint16_t del_type = RTM_DELCHAIN;
  /// None: the kernel refuses RTM_NEWCHAIN for a chain that is there
  /// (EEXIST) whatever the flags, and tc has no `chain change`; a template
  /// is given when the chain is made.
  static constexpr std::optional<uint16_t> set_flags = std::nullopt;
  static constexpr uint16_t get_type = RTM_GETCHAIN;
  /// A dump's replies are RTM_NEWCHAIN, a get's RTM_GETCHAIN.
  static constexpr uint16_t reply_types[] = {RTM_NEWCHAIN, RTM_GETCHAIN};
  using Key = TcChainKey;
  using Filter = TcChainSelector;

  static Result<TcChain> parse(const wire::Message& message);
  /// tc's bytes for the same words: tcmsg, TCA_CHAIN, the template's
  /// TCA_KIND and TCA_OPTIONS. A delete or a get carries the tcmsg and the
  /// chain.
  static void emit(const TcChain& chain, wire::MessageBuilder& builder, uint16_t type, uint16_t flags);
  static Result<void> validate(const TcChain& chain);
  static Key key(const TcChain& chain);
  static std::vector<FieldChange> diff(const TcChain& before, const TcChain& after);
  static void emit_dump_request(const Filter& selector, wire::MessageBuilder& builder);
  static bool matches(const Filter& selector, const TcChain& chain);

  static constexpr NotificationGroup groups[] = {{EventGroup::tc, RTNLGRP_TC, "tc"}};
  static constexpr std::string_view event_name = "chain";
};

/// Its events (rtnl::Event): a chain made by a request or by the first
/// filter put into it (flags NLM_F_CREATE | NLM_F_EXCL either way), a
/// chain deleted, or emptied of its last filter when no request made it.
using NewTcChain = NewEvent<TcChain>;
using DelTcChain = DelEvent<TcChain>;

}  // namespace nlpp::rtnl

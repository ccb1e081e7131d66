// Routing policy rules (RTM_NEWRULE / RTM_DELRULE / RTM_GETRULE, struct
// fib_rule_hdr and FRA_* attributes of linux/fib_rules.h), IPv4 and IPv6:
// which table a packet is looked up in, chosen by its source, destination,
// marks, links, ports, user...
//
//     ipr.add(Rule{.table = 1000, .priority = 100, .src = "10.0.0.0/8"});
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/rtnl/enum_text.hpp>
#include <nlpp/rtnl/object_traits.hpp>
#include <nlpp/codec/raw_attribute.hpp>

#include <linux/fib_rules.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nlpp::rtnl {

/// What a rule does with a packet it selects (fib_rule_hdr.action, FR_ACT_*).
enum class RuleAction : uint8_t {
  unspec = FR_ACT_UNSPEC,            ///< when adding: to_tbl; when deleting: any action
  to_tbl = FR_ACT_TO_TBL,            ///< look the packet up in `table`
  goto_ = FR_ACT_GOTO,               ///< go on with the rule of priority `goto_target`
  nop = FR_ACT_NOP,                  ///< nothing (a goto target, a counter)
  blackhole = FR_ACT_BLACKHOLE,      ///< drop silently
  unreachable = FR_ACT_UNREACHABLE,  ///< drop with "network unreachable"
  prohibit = FR_ACT_PROHIBIT,        ///< drop with "prohibited"
};

/// `ip rule`'s words: "lookup" (to_tbl), "goto", "nop", and for the others
/// the route type of the same number ("blackhole", "unreachable",
/// "prohibit"...), as iproute2 prints them.
std::string to_string(RuleAction action);

/// An inclusive range of ports (struct fib_rule_port_range).
struct PortRange {
  uint16_t start = 0;
  uint16_t end = 0;

  /// "start-end".
  std::string to_string() const;

  friend bool operator==(const PortRange&, const PortRange&) = default;
  friend auto operator<=>(const PortRange&, const PortRange&) = default;
};

/// An inclusive range of user ids (struct fib_rule_uid_range).
struct UidRange {
  uint32_t start = 0;
  uint32_t end = 0;

  /// "start-end".
  std::string to_string() const;

  friend bool operator==(const UidRange&, const UidRange&) = default;
  friend auto operator<=>(const UidRange&, const UidRange&) = default;
};

/// A rule. Selectors left unset match every packet; fields left at their
/// defaults are sent the way `ip rule` sends them.
struct Rule {
  /// AF_INET or AF_INET6. AF_UNSPEC: the family of src or dst, else AF_INET
  /// (see resolved_family()).
  uint8_t family = AF_UNSPEC;
  RuleAction action = RuleAction::unspec;  ///< see RuleAction::unspec
  /// The table to look up (frh.table, and FRA_TABLE above 255).
  /// RT_TABLE_UNSPEC on a to_tbl rule being added: main, as `ip rule` does.
  uint32_t table = RT_TABLE_UNSPEC;
  /// FRA_PRIORITY, the rule's place (lower first). Absent: the kernel puts
  /// the rule just before the last one it holds; the local rule has 0.
  std::optional<uint32_t> priority{};
  uint32_t flags = 0;                ///< FIB_RULE_INVERT ("not": the selectors must not match)...
  IpPrefix src{};                    ///< FRA_SRC + src_len: the source prefix ("from")
  IpPrefix dst{};                    ///< FRA_DST + dst_len: the destination prefix ("to")
  uint8_t tos = 0;                   ///< frh.tos (IPv4 TOS, IPv6 traffic class)
  std::string iifname{};             ///< FRA_IIFNAME: the input link ("iif"); lo selects locally sent packets
  std::string oifname{};             ///< FRA_OIFNAME: the output link ("oif"), for sockets bound to it
  std::optional<uint32_t> fwmark{};  ///< FRA_FWMARK
  /// FRA_FWMASK: the bits of fwmark compared; the kernel compares them all
  /// when only a non-zero fwmark is given.
  std::optional<uint32_t> fwmask{};
  std::optional<uint64_t> tun_id{};              ///< FRA_TUN_ID: the tunnel key of metadata tunnels
  bool l3mdev = false;                           ///< FRA_L3MDEV: look up the table of the packet's VRF
  std::optional<UidRange> uid_range{};           ///< FRA_UID_RANGE: the sending socket's user
  uint8_t ip_proto = 0;                          ///< FRA_IP_PROTO: IPPROTO_*; 0 is any
  std::optional<PortRange> sport{};              ///< FRA_SPORT_RANGE
  std::optional<PortRange> dport{};              ///< FRA_DPORT_RANGE
  std::optional<uint32_t> suppress_prefixlen{};  ///< FRA_SUPPRESS_PREFIXLEN: refuse routes this short or shorter
  std::optional<uint32_t> suppress_ifgroup{};    ///< FRA_SUPPRESS_IFGROUP: refuse routes via links of this group
  std::optional<uint32_t> goto_target{};         ///< FRA_GOTO: the priority a goto rule jumps to
  uint32_t flow = 0;                             ///< FRA_FLOW: realms (IPv4); 0 is not sent
  uint8_t protocol = RTPROT_UNSPEC;              ///< FRA_PROTOCOL: who installed the rule
  std::vector<RawAttribute> unknown{};           ///< attributes nlpp does not model

  /// family, or src's, dst's, else AF_INET when AF_UNSPEC.
  uint8_t resolved_family() const noexcept;

  friend bool operator==(const Rule&, const Rule&) = default;
};

/// What the kernel tells rules apart by: what rule_exists() in
/// net/core/fib_rules.c compares before it refuses an NLM_F_EXCL add with
/// EEXIST. Every selector, the action, the table, the priority and the
/// protocol; not the flags (so "not from X" and "from X" clash) nor the goto
/// target. Defaults are resolved as the kernel and `ip rule` resolve them:
/// the family, table main for to_tbl, all mark bits for a lone fwmark, no
/// priority as 0 (a rule added without one gets the kernel's choice, known
/// once read back).
struct RuleKey {
  uint8_t family = AF_UNSPEC;
  uint32_t priority = 0;
  RuleAction action = RuleAction::unspec;
  uint32_t table = 0;
  IpPrefix src;
  IpPrefix dst;
  uint8_t tos = 0;
  uint32_t flow = 0;
  std::string iifname;
  std::string oifname;
  uint32_t fwmark = 0;
  uint32_t fwmask = 0;
  uint64_t tun_id = 0;
  bool l3mdev = false;
  std::optional<UidRange> uid_range;
  uint8_t ip_proto = 0;
  std::optional<PortRange> sport;
  std::optional<PortRange> dport;
  std::optional<uint32_t> suppress_prefixlen;
  std::optional<uint32_t> suppress_ifgroup;
  uint8_t protocol = 0;

  friend bool operator==(const RuleKey&, const RuleKey&) = default;
  friend auto operator<=>(const RuleKey&, const RuleKey&) = default;
};

/// Which rules a dump returns. The kernel takes no filter but the family
/// (fib_valid_dumprule_req); nlpp applies the rest.
struct RuleFilter {
  uint8_t family = AF_UNSPEC;            ///< AF_INET, AF_INET6, or AF_UNSPEC for both
  std::optional<uint32_t> table{};       ///< only rules looking up this table
  std::optional<uint32_t> priority{};    ///< only rules of this priority
  std::optional<RuleAction> action{};    ///< only rules with this action
  std::optional<uint8_t> protocol{};     ///< only rules installed by this RTPROT_*
  std::optional<std::string> iifname{};  ///< only rules for this input link
};

/// How rules map onto RTM_*RULE messages (see object_traits.hpp). The kernel
/// has no RTM_GETRULE for one rule: IpRoute::get() of a rule fails with
/// EOPNOTSUPP; dump and filter instead.
template <>
struct ObjectTraits<Rule> {
  static constexpr std::string_view name = "rule";
  static constexpr uint16_t new_type = RTM_NEWRULE;
  static constexpr uint16_t del_type = RTM_DELRULE;
  /// The kernel has no change of a rule in place (it would add a second one).
  static constexpr std::optional<uint16_t> set_flags = std::nullopt;
  static constexpr uint16_t get_type = RTM_GETRULE;
  using Key = RuleKey;
  using Filter = RuleFilter;

  static Result<Rule> parse(const wire::Message& message);
  static void emit(const Rule& rule, wire::MessageBuilder& builder, uint16_t type, uint16_t flags);
  static Result<void> validate(const Rule& rule);
  static Key key(const Rule& rule);
  static std::vector<FieldChange> diff(const Rule& before, const Rule& after);
  static void emit_dump_request(const Filter& filter, wire::MessageBuilder& builder);
  static bool matches(const Filter& filter, const Rule& rule);

  /// Notifications: where they go, and their name in printed events.
  static constexpr NotificationGroup groups[] = {{EventGroup::ipv4_rules, RTNLGRP_IPV4_RULE, "ipv4_rules"},
                                                 {EventGroup::ipv6_rules, RTNLGRP_IPV6_RULE, "ipv6_rules"}};
  static constexpr std::string_view event_name = "rule";
};

/// Its events (rtnl::Event).
using NewRule = NewEvent<Rule>;
using DelRule = DelEvent<Rule>;

}  // namespace nlpp::rtnl

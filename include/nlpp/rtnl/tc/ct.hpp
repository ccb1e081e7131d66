// The conntrack actions: ct sends packets through connection tracking
// (and commits connections, marks and labels them, or NATs them through
// it); connmark restores a connection's mark onto its packets.
//
//     rtnl::tc::Action track{.options = rtnl::tc::Ct{.ct_action = TCA_CT_ACT_COMMIT, .zone = 3}};
//     // tc ... action ct commit zone 3
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/codec/raw_attribute.hpp>

#include <linux/tc_act/tc_ct.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace nlpp::rtnl::tc {

/// connmark's options (struct tc_connmark): the zone whose connections'
/// marks are restored onto their packets.
struct Connmark {
  uint16_t zone = 0;
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Connmark&, const Connmark&) = default;
};

/// ct's options (struct tc_ct and the attributes beside it).
struct Ct {
  /// TCA_CT_ACTION: TCA_CT_ACT_COMMIT ("commit"), _FORCE ("force": a new
  /// connection for a packet of another direction), _CLEAR ("clear": the
  /// packet forgets its connection; alone), _NAT ("nat": the connection's
  /// NAT applied), with _NAT_SRC or _NAT_DST (a commit's NAT range below).
  uint16_t ct_action = 0;
  std::optional<uint16_t> zone{};       ///< TCA_CT_ZONE: the conntrack zone (the kernel reports 0 when not given)
  std::optional<uint32_t> mark{};       ///< TCA_CT_MARK: a commit's connection mark
  std::optional<uint32_t> mark_mask{};  ///< TCA_CT_MARK_MASK: its bits set (tc sends 0xffffffff by default)
  /// TCA_CT_LABELS: a commit's connection labels, up to 16 bytes (the
  /// kernel reports all 16); TCA_CT_LABELS_MASK, their bits set.
  std::vector<std::byte> labels{};
  std::vector<std::byte> labels_mask{};
  std::optional<IpAddress> nat_min{};      ///< TCA_CT_NAT_IPV4_MIN / _IPV6_MIN: the NAT range's first address
  std::optional<IpAddress> nat_max{};      ///< TCA_CT_NAT_IPV4_MAX / _IPV6_MAX: its last (tc sends the first again)
  std::optional<uint16_t> nat_port_min{};  ///< TCA_CT_NAT_PORT_MIN: the port range's first, host order
  std::optional<uint16_t> nat_port_max{};  ///< TCA_CT_NAT_PORT_MAX: its last
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Ct&, const Ct&) = default;
};

}  // namespace nlpp::rtnl::tc

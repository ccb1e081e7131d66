// The nat action: stateless NAT of IPv4 addresses, one prefix onto
// another (the destination of arriving packets, the source of leaving
// ones); the checksums are updated with them.
//
//     rtnl::tc::Action nat{.options = rtnl::tc::Nat{.old_prefix = "10.0.0.0/8", .new_address = "192.168.1.0"}};
//     // tc ... action nat ingress 10.0.0.0/8 192.168.1.0
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/codec/raw_attribute.hpp>

#include <vector>

namespace nlpp::rtnl::tc {

/// nat's options (struct tc_nat).
struct Nat {
  /// TCA_NAT_FLAG_EGRESS: rewrite the source of leaving packets ("egress");
  /// otherwise the destination of arriving ones ("ingress").
  bool egress = false;
  /// old_addr and mask: the IPv4 addresses rewritten. The kernel keeps a
  /// mask; one whose bits are not contiguous reads as its leading ones.
  IpPrefix old_prefix{};
  /// new_addr: what they become, the prefix's bits of it (the rest of the
  /// address is kept).
  IpAddress new_address{};
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Nat&, const Nat&) = default;
};

}  // namespace nlpp::rtnl::tc

#include <nlpp/rtnl/link/bond.hpp>

#include "rtnl/link/bond_table.hpp"

#include "checks.hpp"
#include "text.hpp"

#include <sys/socket.h>

namespace nlpp::rtnl::link {
namespace {

// BOND_MAX_ARP_TARGETS and BOND_MAX_NS_TARGETS.
constexpr size_t max_targets = 16;

Result<void> check_targets(std::string_view kind, std::string_view field, const std::vector<IpAddress>& targets,
                           int family) {
  if (targets.size() > max_targets)
    return invalid(kind, field, std::to_string(targets.size()) + " targets, at most 16 are allowed");
  for (const IpAddress& target : targets)
    if (Result<void> checked = check_family(kind, field, target, family); !checked) return checked;
  return {};
}

}  // namespace

std::string to_string(BondMode mode) {
  static constexpr EnumName<BondMode> names[] = {
      {BondMode::balance_rr, "balance-rr"},   {BondMode::active_backup, "active-backup"},
      {BondMode::balance_xor, "balance-xor"}, {BondMode::broadcast, "broadcast"},
      {BondMode::ieee802_3ad, "802.3ad"},     {BondMode::balance_tlb, "balance-tlb"},
      {BondMode::balance_alb, "balance-alb"},
  };
  return name_of(mode, names);
}

std::string to_string(BondXmitHashPolicy policy) {
  static constexpr EnumName<BondXmitHashPolicy> names[] = {
      {BondXmitHashPolicy::layer2, "layer2"},     {BondXmitHashPolicy::layer3_4, "layer3+4"},
      {BondXmitHashPolicy::layer2_3, "layer2+3"}, {BondXmitHashPolicy::encap2_3, "encap2+3"},
      {BondXmitHashPolicy::encap3_4, "encap3+4"}, {BondXmitHashPolicy::vlan_srcmac, "vlan+srcmac"},
  };
  return name_of(policy, names);
}

std::string to_string(BondLacpRate rate) {
  static constexpr EnumName<BondLacpRate> names[] = {{BondLacpRate::slow, "slow"}, {BondLacpRate::fast, "fast"}};
  return name_of(rate, names);
}

Result<void> KindTraits<Bond>::validate(const Bond& bond, std::string_view kind) {
  return first_failure({check_targets(kind, "arp_ip_target", bond.arp_ip_target, AF_INET),
                        check_targets(kind, "ns_ip6_target", bond.ns_ip6_target, AF_INET6)});
}

}  // namespace nlpp::rtnl::link

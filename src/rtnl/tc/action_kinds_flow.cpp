// ct's and tunnel_key's checks: tc's (m_ct.c, m_tunnel_key.c), which the
// kernel would otherwise make less clearly.
#include "rtnl/tc/action_kinds_flow.hpp"

#include <cstddef>

namespace nlpp::rtnl::tc {
namespace {

// struct nf_conn_labels: 128 bits.
constexpr size_t labels_size = 16;

}  // namespace

std::optional<std::string> ActionKind<Ct>::refusal(const Ct& ct) {
  const uint16_t flags = ct.ct_action;
  if ((flags & TCA_CT_ACT_CLEAR) && (flags & ~TCA_CT_ACT_CLEAR)) return "clear goes alone";
  if ((flags & TCA_CT_ACT_NAT_SRC) && (flags & TCA_CT_ACT_NAT_DST)) return "source or destination NAT, not both";
  const bool nat_direction = (flags & (TCA_CT_ACT_NAT_SRC | TCA_CT_ACT_NAT_DST)) != 0;
  if ((flags & TCA_CT_ACT_COMMIT) && (flags & TCA_CT_ACT_NAT) && !nat_direction)
    return "a commit's NAT is source or destination NAT";
  if (nat_direction && !(flags & TCA_CT_ACT_COMMIT)) return "source or destination NAT needs a commit";
  if (ct.nat_min && ct.nat_max && ct.nat_min->family() != ct.nat_max->family())
    return "the NAT range's addresses are of one family";
  if (ct.nat_port_max && !ct.nat_port_min) return "the NAT port range needs its first port";
  if (ct.labels.size() > labels_size || ct.labels_mask.size() > labels_size)
    return "labels are at most " + std::to_string(labels_size) + " bytes";
  return std::nullopt;
}

std::optional<std::string> ActionKind<TunnelKey>::refusal(const TunnelKey& key) {
  if (key.operation != TunnelKey::Operation::set) return std::nullopt;
  if (!key.source || !key.destination) return "set needs a source and a destination address";
  if (key.source->family() != key.destination->family()) return "the addresses are of one family";
  return std::nullopt;
}

}  // namespace nlpp::rtnl::tc

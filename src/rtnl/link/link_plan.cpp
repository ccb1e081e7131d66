// ObjectTraits<Link>::plan_add(): RTM_NEWLINK, or the tun/tap ioctl and
// then RTM_NEWLINK, then the altnames; the later steps find the link by name.
#include <nlpp/rtnl/link.hpp>

#include <nlpp/rtnl/link_altnames.hpp>

#include "rtnl/link/tuntap.hpp"

#include <optional>
#include <variant>

namespace nlpp::rtnl {
namespace {

wire::MessageBuilder request_for(const Link& link, uint16_t type, uint16_t flags) {
  wire::MessageBuilder request;
  ObjectTraits<Link>::emit(link, request, type, flags);
  return request;
}

// The peer of a veth pair the link creates, when it is asked to come up or
// to join a master and can be found by name here afterwards. The kernel
// cannot open a peer while it makes the pair (ENOTCONN) and ignores a
// peer's IFLA_MASTER, so the pair is made without them and the peer set
// up and enslaved once the pair exists, as a second step.
link::VethPeer* peer_to_finish(Link& link) {
  auto* veth = link.info ? std::get_if<link::Veth>(&link.info->data) : nullptr;
  if (!veth || !veth->peer) return nullptr;
  const Link& peer = **veth->peer;
  const bool asked_up = (peer.change & peer.flags & IFF_UP) != 0;
  return (asked_up || peer.master) && peer.name && !peer.net_ns ? &*veth->peer : nullptr;
}

}  // namespace

Result<io::Plan> ObjectTraits<Link>::plan_add(const Link& link) {
  const bool is_tun = link.info && link.info->kind == "tun";
  if ((is_tun || !link.altnames.empty()) && !link.name)
    return Error(errc::invalid_argument, "link name: needed to create a tun/tap link or one with altnames");
  Link first = link;  // the RTM_NEWLINK that creates it
  link::VethPeer* peer_to_complete = peer_to_finish(first);
  std::optional<Link> peer_later;
  if (peer_to_complete) {
    Link& peer = **peer_to_complete;
    peer_later = Link{.name = peer.name, .master = peer.master};
    peer_later->flags = peer.flags & IFF_UP;
    peer_later->change = peer.change & IFF_UP;
    peer.flags &= ~static_cast<uint32_t>(IFF_UP);
    peer.change &= ~static_cast<uint32_t>(IFF_UP);
    peer.master.reset();
  }
  if (Result<void> valid = validate(link); !valid) return std::move(valid).error();
  // What undoes the creation when a later step fails.
  wire::MessageBuilder deletion = request_for(Link{.name = link.name}, RTM_DELLINK, 0);

  io::Plan plan;
  if (is_tun) {
    Result<io::PlanStep> created = link::tuntap_creation(link);
    if (!created) return std::move(created).error();
    created->undo = std::move(deletion);
    plan.steps.push_back(std::move(*created));
    // The rest (mtu, address, up, master...) goes through RTM_NEWLINK, by name.
    Link rest = link;
    rest.info.reset();
    rest.altnames.clear();
    if (rest != Link{.name = link.name}) plan.steps.push_back({.request = request_for(rest, RTM_NEWLINK, 0)});
  } else {
    plan.steps.push_back({.request = request_for(first, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL)});
    if (!link.altnames.empty() || peer_later) plan.steps.back().undo = std::move(deletion);
  }
  if (peer_later) plan.steps.push_back({.request = request_for(*peer_later, RTM_NEWLINK, 0)});
  if (!link.altnames.empty()) {
    Result<wire::MessageBuilder> named = altnames_request(RTM_NEWLINKPROP, Link{.name = link.name}, link.altnames);
    if (!named) return std::move(named).error();
    plan.steps.push_back({.request = std::move(*named)});
  }
  return plan;
}

}  // namespace nlpp::rtnl

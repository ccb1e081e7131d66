// ObjectTraits<Link>::plan_add(): RTM_NEWLINK, or the tun/tap ioctl and
// then RTM_NEWLINK, then the altnames; the later steps find the link by name.
#include <nlpp/rtnl/link.hpp>

#include <nlpp/rtnl/link_altnames.hpp>

#include "rtnl/link/tuntap.hpp"

namespace nlpp::rtnl {
namespace {

wire::MessageBuilder request_for(const Link& link, uint16_t type, uint16_t flags) {
  wire::MessageBuilder request;
  ObjectTraits<Link>::emit(link, request, type, flags);
  return request;
}

}  // namespace

Result<io::Plan> ObjectTraits<Link>::plan_add(const Link& link) {
  const bool is_tun = link.info && link.info->kind == "tun";
  if ((is_tun || !link.altnames.empty()) && !link.name)
    return Error(errc::invalid_argument, "link name: needed to create a tun/tap link or one with altnames");
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
    plan.steps.push_back({.request = request_for(link, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL)});
    if (!link.altnames.empty()) plan.steps.back().undo = std::move(deletion);
  }
  if (!link.altnames.empty()) {
    Result<wire::MessageBuilder> named = altnames_request(RTM_NEWLINKPROP, Link{.name = link.name}, link.altnames);
    if (!named) return std::move(named).error();
    plan.steps.push_back({.request = std::move(*named)});
  }
  return plan;
}

}  // namespace nlpp::rtnl

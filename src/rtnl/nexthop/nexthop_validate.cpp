// Input checks before a nexthop is sent. They accept a nexthop given by id
// alone, which is all get and del need; what an add lacks (a link for a
// gateway nexthop...) the kernel reports with its own message.
#include <nlpp/rtnl/nexthop.hpp>

#include "codec/attributes.hpp"
#include "codec/checks.hpp"

namespace nlpp::rtnl {
namespace {

using codec::invalid;

constexpr uint32_t max_weight = 1u << 16;  // a u8 and a high u8, holding weight - 1

Result<void> validate_group(const Nexthop& nexthop) {
  if (!nexthop.gateway.empty() || nexthop.oif != 0 || nexthop.encap || nexthop.blackhole)
    return codec::invalid("nexthop group", "a group has members, not a gateway, oif, encap or blackhole of its own");
  for (size_t i = 0; i < nexthop.group.size(); ++i) {
    const NexthopGroupMember& member = nexthop.group[i];
    const std::string field = "nexthop group[" + std::to_string(i) + "]";
    if (member.id == 0) return codec::invalid(field + " id", "a member is an existing nexthop, id 0 is none");
    if (member.weight < 1 || member.weight > max_weight)
      return codec::invalid(field + " weight", std::to_string(member.weight) + " is not from 1 to 65536");
  }
  return {};
}

Result<void> validate_single(const Nexthop& nexthop) {
  const int family = nexthop.resolved_family();
  if (family != AF_INET && family != AF_INET6)
    return codec::invalid("nexthop family", "a nexthop that is not a group is AF_INET or AF_INET6");
  if (!nexthop.gateway.empty() && nexthop.gateway.family() != family)
    return codec::invalid("nexthop gateway", "'" + nexthop.gateway.to_string() + "' is not of the nexthop's family");
  if (nexthop.group_type || nexthop.resilient)
    return codec::invalid("nexthop group_type", "only a group (with members) has a group type");
  if (nexthop.blackhole && (!nexthop.gateway.empty() || nexthop.oif != 0 || nexthop.encap || nexthop.fdb))
    return codec::invalid("nexthop blackhole", "a blackhole has no gateway, oif, encap or fdb");
  if (nexthop.fdb && (nexthop.oif != 0 || nexthop.encap))
    return codec::invalid("nexthop fdb", "an FDB nexthop has a gateway only, no oif or encap");
  if (nexthop.encap) return validate(*nexthop.encap, "nexthop encap");
  return {};
}

}  // namespace

Result<void> ObjectTraits<Nexthop>::validate(const Nexthop& nexthop) {
  if (!nexthop.group.empty()) return validate_group(nexthop);
  if (nexthop.resilient && !nexthop.group_type)
    return codec::invalid("nexthop resilient", "resilient parameters need group_type resilient");
  return validate_single(nexthop);
}

}  // namespace nlpp::rtnl

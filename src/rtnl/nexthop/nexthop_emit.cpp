// Nexthop -> RTM_NEWNEXTHOP, as `ip nexthop add` sends it with arguments in
// this order: id dev via encap blackhole fdb group type; and the id alone
// for RTM_GETNEXTHOP and RTM_DELNEXTHOP, which take nothing else.
#include <nlpp/rtnl/nexthop.hpp>

#include "codec/attributes.hpp"
#include "codec/checks.hpp"
#include "rtnl/route/encap_codec.hpp"
#include "group_codec.hpp"

namespace nlpp::rtnl {

void ObjectTraits<Nexthop>::emit(const Nexthop& nexthop, wire::MessageBuilder& builder, uint16_t type, uint16_t flags) {
  nhmsg header{};
  if (type != RTM_NEWNEXTHOP) {
    builder.begin_message(type, flags).append_header(header).add_u32(NHA_ID, nexthop.id);
    return;
  }
  header.nh_family = nexthop.resolved_family();
  header.nh_protocol = nexthop.protocol;
  // RTNH_F_ONLINK is the one flag the kernel takes; the rest is its state.
  header.nh_flags = nexthop.flags & RTNH_F_ONLINK;
  builder.begin_message(type, flags).append_header(header);
  if (nexthop.id != 0) builder.add_u32(NHA_ID, nexthop.id);
  if (nexthop.oif != 0) builder.add_u32(NHA_OIF, nexthop.oif);
  if (!nexthop.gateway.empty()) builder.add(NHA_GATEWAY, nexthop.gateway.bytes());
  if (nexthop.encap) emit_encap(builder, *nexthop.encap, NHA_ENCAP, NHA_ENCAP_TYPE);
  if (nexthop.blackhole) builder.add_flag(NHA_BLACKHOLE);
  if (nexthop.fdb) builder.add_flag(NHA_FDB);
  if (!nexthop.group.empty()) emit_group(builder, nexthop.group);
  if (nexthop.resilient) emit_resilient_group(builder, *nexthop.resilient);
  if (nexthop.group_type) builder.add_u16(NHA_GROUP_TYPE, static_cast<uint16_t>(*nexthop.group_type));
  codec::emit_unknown(nexthop.unknown, builder);
}

uint8_t Nexthop::resolved_family() const noexcept {
  if (family != AF_UNSPEC) return family;
  if (!gateway.empty()) return static_cast<uint8_t>(gateway.family());
  return group.empty() ? AF_INET : AF_UNSPEC;
}

}  // namespace nlpp::rtnl

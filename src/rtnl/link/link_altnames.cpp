#include <nlpp/rtnl/link_altnames.hpp>

#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/link_name.hpp>

#include <linux/if_link.h>
#include <linux/rtnetlink.h>

namespace nlpp::rtnl {

// IFLA_PROP_LIST with one IFLA_ALT_IFNAME per name.
Result<wire::MessageBuilder> altnames_request(uint16_t type, const Link& link, std::span<const std::string> altnames) {
  if (altnames.empty()) return Error(errc::invalid_argument, "link altnames: none given");
  for (const std::string& altname : altnames)
    if (Result<void> valid = validate_altname(altname); !valid) return std::move(valid).error();
  wire::MessageBuilder request;
  ifinfomsg header{};
  header.ifi_index = static_cast<int>(link.ifindex);
  request.begin_message(type, 0).append_header(header);
  if (link.ifindex == 0 && link.name) request.add_string(IFLA_IFNAME, *link.name);
  const wire::MessageBuilder::Nest list = request.begin_nested(IFLA_PROP_LIST);
  for (const std::string& altname : altnames) request.add_string(IFLA_ALT_IFNAME, altname);
  request.end_nested(list);
  return request;
}

}  // namespace nlpp::rtnl

namespace nlpp::io {
namespace {

Result<Ack> change_altnames(rtnl::IpRoute& ipr, uint16_t type, uint32_t ifindex, std::span<const std::string> altnames) {
  Result<wire::MessageBuilder> request = rtnl::altnames_request(type, rtnl::Link{.ifindex = ifindex}, altnames);
  if (!request) return std::move(request).error();
  return ipr.engine().request(*request);
}

}  // namespace

Result<Ack> OperationTraits<rtnl::AltnamesAdd>::run(rtnl::IpRoute& ipr, const rtnl::AltnamesAdd& change) {
  return change_altnames(ipr, RTM_NEWLINKPROP, change.ifindex, change.altnames);
}

Result<Ack> OperationTraits<rtnl::AltnamesDel>::run(rtnl::IpRoute& ipr, const rtnl::AltnamesDel& change) {
  return change_altnames(ipr, RTM_DELLINKPROP, change.ifindex, change.altnames);
}

}  // namespace nlpp::io

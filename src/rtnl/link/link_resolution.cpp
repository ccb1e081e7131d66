#include <nlpp/rtnl/link_resolution.hpp>

#include <nlpp/io/request_object.hpp>
#include <nlpp/rtnl/binding.hpp>
#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/link_name.hpp>

#include <cerrno>
#include <string>

namespace nlpp::rtnl {

Result<uint32_t> ifindex_of(io::RequestEngine& engine, std::string_view name) {
  // RTM_GETLINK finds a name or an altname through IFLA_IFNAME, which holds
  // 15 bytes; a longer altname goes as IFLA_ALT_IFNAME.
  const bool long_altname = name.size() > max_link_name_length;
  const std::string field = "link '" + std::string(name) + "'";
  Result<void> valid = long_altname ? validate_altname(name, field) : validate_link_name(name, field);
  if (!valid) return std::move(valid).error();
  Link query;
  if (long_altname) query.altnames = {std::string(name)};
  else query.name = std::string(name);
  wire::MessageBuilder request;
  ObjectTraits<Link>::emit(query, request, RTM_GETLINK, 0);
  Result<Link> link = io::request_object<Link>(engine, RtnlBinding{}, request);
  if (!link) {
    const Error& error = link.error();
    const bool missing = error.code() == std::error_code(ENODEV, std::system_category());
    return Error(error.code(), field + ": " + (missing ? "no such link" : error.context()), error.ext_ack());
  }
  return link->ifindex;
}

}  // namespace nlpp::rtnl

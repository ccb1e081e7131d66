#include <nlpp/rtnl/link/ip6_tunnel.hpp>

#include "rtnl/link/ip6_tunnel_table.hpp"

#include "checks.hpp"

#include <sys/socket.h>

namespace nlpp::rtnl::link {

Result<void> KindTraits<Ip6Tunnel>::validate(const Ip6Tunnel& tunnel, std::string_view kind) {
  return first_failure(
      {check_family(kind, "local", tunnel.local, AF_INET6), check_family(kind, "remote", tunnel.remote, AF_INET6)});
}

}  // namespace nlpp::rtnl::link

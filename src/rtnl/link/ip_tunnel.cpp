#include <nlpp/rtnl/link/ip_tunnel.hpp>

#include "rtnl/link/ip_tunnel_table.hpp"

#include "checks.hpp"

#include <sys/socket.h>

namespace nlpp::rtnl::link {

Result<void> KindTraits<IpTunnel>::validate(const IpTunnel& tunnel, std::string_view kind) {
  return first_failure({check_family(kind, "local", tunnel.local, AF_INET),
                        check_family(kind, "remote", tunnel.remote, AF_INET),
                        check_family(kind, "ip6rd_prefix", tunnel.ip6rd_prefix, AF_INET6),
                        check_family(kind, "ip6rd_relay_prefix", tunnel.ip6rd_relay_prefix, AF_INET)});
}

}  // namespace nlpp::rtnl::link

// Flushing addresses: every address of a link (optionally of one family,
// scope, label...) deleted in one pipelined batch, as `ip address flush`.
#pragma once

#include <nlpp/rtnl/address.hpp>
#include <nlpp/rtnl/ip_route.hpp>

#include <cstddef>

namespace nlpp::rtnl {

/// `ip address flush`: ipr.run(AddressFlush{{.ifindex = 3}}).
struct AddressFlush {
  AddressFilter filter;  ///< which addresses; must name a link (ifindex)
};

}  // namespace nlpp::rtnl

namespace nlpp::io {

/// Deletes every address the filter selects, which must name a link
/// (filter.ifindex; errc::invalid_argument otherwise, nothing sent): one
/// dump, then one batch of RTM_DELADDR (io::RequestEngine::send_batch).
///
/// IPv4 secondaries go first: deleting a primary makes the kernel delete
/// its secondaries too (unless net.ipv4.conf.*.promote_secondaries), and
/// they would then fail as missing. An address already gone when its
/// request arrives (EADDRNOTAVAIL) counts as flushed.
///
/// Returns how many addresses were deleted; the first failure otherwise,
/// naming its address (context "flush address 192.0.2.1/24: ...").
template <>
struct OperationTraits<rtnl::AddressFlush> {
  using Reply = size_t;
  static Result<Reply> run(rtnl::IpRoute& ipr, const rtnl::AddressFlush& flush);
};

}  // namespace nlpp::io

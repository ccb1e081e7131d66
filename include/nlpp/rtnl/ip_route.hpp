// IpRoute: RTNL's objects over one socket, the way pyroute2's IPRoute
// works, typed. It is io::Session (session.hpp) with RTNL's binding: dump,
// dump_into, dump_each, get, add, replace, set, del, change(verb), run()
// for operations such as a route lookup, send() for a ChangeBatch.
// Include the headers of the objects you use (nlpp/rtnl/link.hpp,
// route.hpp, ...).
//
//     auto ipr = rtnl::IpRoute::open({.netns = ns}).value();
//     for (const rtnl::Route& route : ipr.dump<rtnl::Route>({.table = 254}).value()) ...
#pragma once

#include <nlpp/io/session.hpp>
#include <nlpp/rtnl/binding.hpp>

namespace nlpp::rtnl {

/// One NETLINK_ROUTE socket (optionally inside a namespace) and the typed
/// operations on it. Not thread-safe: one IpRoute per thread.
using IpRoute = io::Session<RtnlBinding>;

}  // namespace nlpp::rtnl

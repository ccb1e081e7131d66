// IpRoute: RTNL's objects over one socket, the way pyroute2's IPRoute
// works, typed. It is io::Session (session.hpp) with RTNL's binding: dump,
// dump_into, dump_each, get, add, replace, set, del, change(verb), run()
// for operations such as a route lookup, send() for a ChangeBatch. Links
// may be named instead of numbered wherever an object refers to one
// (LinkRef): the session resolves them in its namespace. Include the
// headers of the objects you use (nlpp/rtnl/link.hpp, route.hpp, ...), or
// all of them with nlpp/rtnl.hpp.
//
//     auto ipr = rtnl::IpRoute::open({.netns = ns}).value();
//     for (const rtnl::Route& route : ipr.dump<rtnl::Route>({.table = 254}).value()) std::cout << route << '\n';
//
// ThrowingIpRoute is the same for scripts: values instead of Results, an
// nlpp::Exception for an error (io/throwing.hpp).
//
//     auto ipr = rtnl::ThrowingIpRoute::open();
//     ipr.add(rtnl::Route{.dst = "198.51.100.0/24", .gateway = "10.0.0.2"});
#pragma once

#include <nlpp/io/session.hpp>
#include <nlpp/io/throwing.hpp>
#include <nlpp/rtnl/binding.hpp>

namespace nlpp::rtnl {

/// One NETLINK_ROUTE socket (optionally inside a namespace) and the typed
/// operations on it. Not thread-safe: one IpRoute per thread.
using IpRoute = io::Session<RtnlBinding>;

/// IpRoute whose calls return their values and throw nlpp::Exception on an
/// error; session() is the IpRoute underneath.
using ThrowingIpRoute = io::Throwing<IpRoute>;

}  // namespace nlpp::rtnl

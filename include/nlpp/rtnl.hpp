// RTNL in one include: the session (rtnl::IpRoute) and every object it
// handles, with their operations (route queries, address flushes,
// altnames), batches, events, the namespaces links move between, and their
// text (format::to_json, `std::cout << route`, names for numbers).
//
//     #include <nlpp/rtnl.hpp>
//
//     nlpp::rtnl::IpRoute ipr = nlpp::rtnl::IpRoute::open().value();
//     for (const nlpp::rtnl::Route& route : ipr.dump<nlpp::rtnl::Route>().value()) std::cout << route << '\n';
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/format/json.hpp>
#include <nlpp/format/names.hpp>
#include <nlpp/netns/netns.hpp>
#include <nlpp/rtnl/address_flush.hpp>
#include <nlpp/rtnl/change_batch.hpp>
#include <nlpp/rtnl/events.hpp>
#include <nlpp/rtnl/ip_route.hpp>
#include <nlpp/rtnl/link_altnames.hpp>
#include <nlpp/rtnl/objects.hpp>
#include <nlpp/rtnl/route_query.hpp>
#include <nlpp/rtnl/tc_action_flush.hpp>
#include <nlpp/rtnl/tc_handle.hpp>

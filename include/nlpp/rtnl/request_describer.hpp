// How errors of RTNL requests name them and their attributes: through the
// schema's tables generated from the kernel's rt-* specs ("newroute",
// "linkinfo.data.id"). IpRoute installs it in its engine; a program that
// drives an io::RequestEngine of its own on NETLINK_ROUTE can too.
#pragma once

#include <nlpp/io/request_engine.hpp>

#include <memory>

namespace nlpp::rtnl {

/// The describer of NETLINK_ROUTE requests (io::RequestEngine::set_request_describer).
std::shared_ptr<const io::RequestDescriber> request_describer();

}  // namespace nlpp::rtnl

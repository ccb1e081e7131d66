// Generic netlink in one include: the session (genl::GenericNetlink) and
// the families the kernel registers, resolved through nlctrl.
//
//     #include <nlpp/genl.hpp>
//
//     nlpp::genl::GenericNetlink genl = nlpp::genl::GenericNetlink::open().value();
//     for (const nlpp::genl::Family& family : genl.dump<nlpp::genl::Family>().value())
//       std::cout << family.name << '\n';
#pragma once

#include <nlpp/genl/family.hpp>
#include <nlpp/genl/generic_netlink.hpp>

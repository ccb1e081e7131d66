// GenericNetlink: generic netlink's objects over one NETLINK_GENERIC
// socket (optionally in a namespace). It is io::Session with generic
// netlink's binding (binding.hpp), which resolves each family's id the
// first time it is used.
//
//     auto genl = genl::GenericNetlink::open().value();
//     uint16_t id = genl.binding().family_id(genl.engine(), "TASKSTATS").value();
#pragma once

#include <nlpp/genl/binding.hpp>
#include <nlpp/io/session.hpp>

namespace nlpp::genl {

/// One NETLINK_GENERIC socket and the typed operations on it. Not
/// thread-safe: one per thread.
using GenericNetlink = io::Session<GenlBinding>;

}  // namespace nlpp::genl

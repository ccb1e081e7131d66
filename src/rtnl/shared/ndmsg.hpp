// What Neighbour and FdbEntry share on the wire besides their header lines
// (each table has its own, neighbour_table.hpp and fdb_entry_table.hpp):
// the header of their get and dump requests, and NDA_CACHEINFO.
#pragma once

#include <nlpp/rtnl/neighbour_fields.hpp>

#include "codec/uncompared.hpp"
#include "codec/value_codecs.hpp"

#include <linux/neighbour.h>

#include <cstddef>
#include <cstdint>

namespace nlpp::rtnl {

/// The header of a get or dump request: the family, the link and the
/// flags that pick a table (NTF_PROXY, NTF_MASTER / NTF_SELF), nothing
/// else, as strict checking wants (neigh_valid_get_req(),
/// valid_fdb_get_strict()...).
ndmsg request_ndmsg(int family, uint32_t ifindex, NeighbourFlags flags) noexcept;

static_assert(sizeof(NeighbourCacheInfo) == sizeof(nda_cacheinfo) &&
                  offsetof(NeighbourCacheInfo, confirmed) == offsetof(nda_cacheinfo, ndm_confirmed) &&
                  offsetof(NeighbourCacheInfo, used) == offsetof(nda_cacheinfo, ndm_used) &&
                  offsetof(NeighbourCacheInfo, updated) == offsetof(nda_cacheinfo, ndm_updated) &&
                  offsetof(NeighbourCacheInfo, refcnt) == offsetof(nda_cacheinfo, ndm_refcnt),
              "NeighbourCacheInfo is carried as struct nda_cacheinfo");

/// NDA_CACHEINFO: ages the kernel reports, not what an entry is.
inline constexpr codec::Uncompared<codec::Native> ndm_cacheinfo{{NDA_CACHEINFO}};

}  // namespace nlpp::rtnl

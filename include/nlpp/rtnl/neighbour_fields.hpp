// The vocabulary of struct ndmsg messages, shared by IP neighbours
// (Neighbour) and bridge FDB entries (FdbEntry): NUD states, NTF flags and
// the cache information the kernel reports.
#pragma once

#include <nlpp/codec/flag_set.hpp>
#include <nlpp/rtnl/enum_text.hpp>

#include <linux/neighbour.h>

#include <cstdint>
#include <span>

namespace nlpp::rtnl {

/// NUD_* states (ndm_state). An entry is in one state, plus noarp or
/// permanent for static ones; filters take several. NUD_NONE is the empty set.
enum class NeighbourState : uint16_t {
  incomplete = NUD_INCOMPLETE,
  reachable = NUD_REACHABLE,
  stale = NUD_STALE,
  delay = NUD_DELAY,
  probe = NUD_PROBE,
  failed = NUD_FAILED,
  noarp = NUD_NOARP,
  permanent = NUD_PERMANENT,
};
using NeighbourStates = FlagSet<NeighbourState>;
/// iproute2's names ("permanent", "noarp"...), for NeighbourStates::to_string().
std::span<const FlagName<NeighbourState>> flag_names(NeighbourState) noexcept;

/// NTF_* flags (ndm_flags).
enum class NeighbourFlag : uint8_t {
  use = NTF_USE,                   ///< a request: mark the entry used (refresh it)
  self = NTF_SELF,                 ///< FDB: the device's own table (a vxlan's, or a port's address list)
  master = NTF_MASTER,             ///< FDB: the table of the bridge the device is a port of
  proxy = NTF_PROXY,               ///< a proxy entry (proxy ARP / proxy NDP)
  extern_learn = NTF_EXT_LEARNED,  ///< learned by something outside the kernel (a switch driver, a daemon)
  offloaded = NTF_OFFLOADED,
  sticky = NTF_STICKY,  ///< FDB: the entry does not move to another port
  router = NTF_ROUTER,  ///< IPv6: the neighbour is a router
};
using NeighbourFlags = FlagSet<NeighbourFlag>;
std::span<const FlagName<NeighbourFlag>> flag_names(NeighbourFlag) noexcept;

/// NTF_EXT_* flags (NDA_FLAGS_EXT, u32).
enum class NeighbourExtFlag : uint32_t {
  managed = NTF_EXT_MANAGED,  ///< the kernel keeps the entry reachable on the control plane's behalf
  locked = 1u << 1,           ///< NTF_EXT_LOCKED (Linux 6.2): FDB entry of a host on a locked port
};
using NeighbourExtFlags = FlagSet<NeighbourExtFlag>;
std::span<const FlagName<NeighbourExtFlag>> flag_names(NeighbourExtFlag) noexcept;

/// NDA_CACHEINFO, reported by the kernel: ages in hundredths of a second.
struct NeighbourCacheInfo {
  uint32_t confirmed = 0;  ///< since the entry was last confirmed reachable
  uint32_t used = 0;       ///< since it was last used
  uint32_t updated = 0;    ///< since it last changed
  uint32_t refcnt = 0;     ///< references the kernel holds

  friend bool operator==(const NeighbourCacheInfo&, const NeighbourCacheInfo&) = default;
};

}  // namespace nlpp::rtnl

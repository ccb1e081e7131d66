// The macvlan and macvtap kinds: IFLA_INFO_DATA (IFLA_MACVLAN_*) of a link
// with its own MAC address on top of its IFLA_LINK.
#pragma once

#include <nlpp/codec/ip_address.hpp>
#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/enum_text.hpp>

#include <linux/if_link.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace nlpp::rtnl::link {

/// How a macvlan reaches its siblings (MACVLAN_MODE_*).
enum class MacvlanMode : uint32_t {
  private_ = 1,  ///< no traffic between siblings
  vepa = 2,      ///< siblings reach each other through the external switch
  bridge = 4,    ///< siblings reach each other directly
  passthru = 8,  ///< the one macvlan takes over the device
  source = 16,   ///< receives only from the source MACs of macaddr_data
};

/// What a request does to a source-mode macvlan's MAC list (MACVLAN_MACADDR_*).
enum class MacvlanMacaddrMode : uint32_t { add = 0, del = 1, flush = 2, set = 3 };

/// "private", "vepa", "bridge", "passthru", "source" (iproute2's words), or the number.
std::string to_string(MacvlanMode mode);
/// "add", "del", "flush", "set" (`ip link ... macaddr`'s words), or the number.
std::string to_string(MacvlanMacaddrMode mode);

/// A macvlan or macvtap.
struct Macvlan {
  std::optional<MacvlanMode> mode{};                 ///< IFLA_MACVLAN_MODE
  std::optional<uint16_t> flags{};                   ///< IFLA_MACVLAN_FLAGS: MACVLAN_FLAG_NOPROMISC (1), _NODST (2)
  std::optional<MacvlanMacaddrMode> macaddr_mode{};  ///< IFLA_MACVLAN_MACADDR_MODE (request only)
  std::optional<MacAddress> macaddr{};               ///< IFLA_MACVLAN_MACADDR: the address macaddr_mode adds or deletes
  std::vector<MacAddress> macaddr_data{};            ///< IFLA_MACVLAN_MACADDR_DATA: source mode's addresses
  std::optional<uint32_t> macaddr_count{};           ///< IFLA_MACVLAN_MACADDR_COUNT, read-only
  std::optional<uint32_t> bc_queue_len{};            ///< IFLA_MACVLAN_BC_QUEUE_LEN
  std::optional<uint32_t> bc_queue_len_used{};       ///< IFLA_MACVLAN_BC_QUEUE_LEN_USED, read-only
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Macvlan&, const Macvlan&) = default;
};

}  // namespace nlpp::rtnl::link

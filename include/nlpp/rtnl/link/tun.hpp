// The tun kind: what the kernel reports of a tun or tap device
// (IFLA_INFO_DATA, IFLA_TUN_*), and what creating one asks for. The kernel
// creates tun/tap devices only through the TUNSETIFF ioctl on /dev/net/tun,
// never through RTM_NEWLINK; IpRoute::add() of a "tun" link does that ioctl
// (link.hpp).
#pragma once

#include <nlpp/core/result.hpp>
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

/// Layer 3 (tun) or layer 2 (tap): IFF_TUN / IFF_TAP.
enum class TunType : uint8_t { tun = 1, tap = 2 };

/// "tun" or "tap", or the number.
std::string to_string(TunType type);

/// A tun or tap device. On creation type is required and persist may only
/// be true (the device must outlive the descriptor that created it); owner,
/// group, pi, vnet_hdr and multi_queue are applied; the rest is read-only.
struct Tun {
  std::optional<uint32_t> owner{};                ///< IFLA_TUN_OWNER: the uid that may attach, absent for any
  std::optional<uint32_t> group{};                ///< IFLA_TUN_GROUP: the gid that may attach, absent for any
  std::optional<TunType> type{};                  ///< IFLA_TUN_TYPE
  std::optional<bool> pi{};                       ///< IFLA_TUN_PI: packets carry struct tun_pi (not IFF_NO_PI)
  std::optional<bool> vnet_hdr{};                 ///< IFLA_TUN_VNET_HDR: IFF_VNET_HDR
  std::optional<bool> persist{};                  ///< IFLA_TUN_PERSIST
  std::optional<bool> multi_queue{};              ///< IFLA_TUN_MULTI_QUEUE: IFF_MULTI_QUEUE
  std::optional<uint32_t> num_queues{};           ///< IFLA_TUN_NUM_QUEUES, read-only
  std::optional<uint32_t> num_disabled_queues{};  ///< IFLA_TUN_NUM_DISABLED_QUEUES, read-only
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Tun&, const Tun&) = default;
};

}  // namespace nlpp::rtnl::link

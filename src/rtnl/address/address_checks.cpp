// Input checks on addresses before anything is sent, and the values that
// iproute2 computes for the user (the broadcast of `brd +`).
#include <nlpp/rtnl/address.hpp>

#include <net/if.h>

namespace nlpp::rtnl {
namespace {

Error invalid(std::string_view field, const std::string& why) {
  return Error(errc::invalid_argument, "address " + std::string(field) + ": " + why);
}

// Fails when a companion address (peer, broadcast) is of another family than local.
Result<void> check_same_family(std::string_view field, const Address& address, const std::optional<IpAddress>& other) {
  if (other && other->family() != address.family())
    return invalid(field, other->to_string() + " is not of the family of " + address.local.to_string());
  return {};
}

}  // namespace

Result<void> ObjectTraits<Address>::validate(const Address& address) {
  if (address.ifindex == 0) return invalid("ifindex", "0 names no link");
  if (address.local.empty()) return invalid("local", "no address set");
  const unsigned bits = static_cast<unsigned>(address.local.size() * 8);
  if (address.prefix_length > bits)
    return invalid("prefix_length", std::to_string(address.prefix_length) + " is more than " + std::to_string(bits));
  if (Result<void> same = check_same_family("peer", address, address.peer); !same) return same;
  if (Result<void> same = check_same_family("broadcast", address, address.broadcast); !same) return same;
  if (address.broadcast && !address.local.is_v4()) return invalid("broadcast", "IPv6 has no broadcast");
  if (address.label) {
    if (!address.local.is_v4()) return invalid("label", "the kernel keeps labels of IPv4 addresses only");
    // IFA_LABEL's policy: a string of at most IFNAMSIZ - 1 characters.
    if (address.label->empty() || address.label->size() >= IFNAMSIZ)
      return invalid("label", "'" + *address.label + "' is not 1 to " + std::to_string(IFNAMSIZ - 1) + " characters");
    // A NUL would end the label early on the wire: the kernel would keep another one.
    if (address.label->find('\0') != std::string::npos) return invalid("label", "a label has no NUL byte");
  }
  // The kernel refuses these with EINVAL (inet_rtm_newaddr, inet6_addr_add).
  if (address.lifetimes && address.lifetimes->valid == 0) return invalid("lifetimes", "a valid lifetime of 0");
  if (address.lifetimes && address.lifetimes->preferred > address.lifetimes->valid)
    return invalid("lifetimes", "preferred lifetime " + std::to_string(address.lifetimes->preferred) +
                                    " is longer than the valid lifetime " + std::to_string(address.lifetimes->valid));
  return {};
}

std::optional<IpAddress> default_broadcast(const IpAddress& local, uint8_t prefix_length) {
  if (!local.is_v4() || prefix_length > 30) return std::nullopt;
  const uint32_t host_bits = prefix_length == 0 ? 0xffffffffu : (1u << (32 - prefix_length)) - 1;
  return IpAddress::v4(wire::network_to_host(wire::load<uint32_t>(local.bytes())) | host_bits);
}

Result<void> validate_label(std::string_view label, std::string_view link_name) {
  if (label.substr(0, link_name.size()) == link_name) return {};
  return Error(errc::invalid_argument, "address label '" + std::string(label) +
                                           "': does not start with the link's name '" + std::string(link_name) + "'");
}

}  // namespace nlpp::rtnl

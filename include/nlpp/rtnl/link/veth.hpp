// The veth kind: IFLA_INFO_DATA of a "veth" link, which names its peer
// (VETH_INFO_PEER: a struct ifinfomsg and link attributes) when the pair
// is created. The kernel reports no data for an existing veth; the peer is
// the link's IFLA_LINK (in IFLA_LINK_NETNSID's namespace when it is in
// another one).
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>
#include <nlpp/rtnl/link_ref.hpp>

#include <linux/veth.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace nlpp::rtnl {
struct Link;
struct LinkInfo;
}  // namespace nlpp::rtnl

namespace nlpp::rtnl::link {

/// The other end of a veth pair: a whole Link, so it can have its own
/// name, address, mtu, namespace (net_ns) and any other link attribute.
/// Held through a pointer because a Link holds its kind data and this is
/// kind data; copies are deep. A moved-from VethPeer may only be assigned
/// to or destroyed.
class VethPeer {
 public:
  VethPeer(Link link);  // NOLINT: implicit, so `Veth{.peer = Link{.name = "veth1"}}` reads naturally
  VethPeer(const VethPeer& other);
  VethPeer(VethPeer&& other) noexcept;
  VethPeer& operator=(const VethPeer& other);
  VethPeer& operator=(VethPeer&& other) noexcept;
  ~VethPeer();

  const Link& operator*() const noexcept { return *link_; }
  Link& operator*() noexcept { return *link_; }
  const Link* operator->() const noexcept { return link_.get(); }
  Link* operator->() noexcept { return link_.get(); }

  /// The peer's name, as diffs show it.
  std::string to_string() const;

  friend bool operator==(const VethPeer& a, const VethPeer& b);

 private:
  std::unique_ptr<Link> link_;
};

/// A veth pair, as created: the peer, if it is to be other than the
/// kernel's default (a name like veth0, a random address, this namespace).
struct Veth {
  std::optional<VethPeer> peer{};  ///< VETH_INFO_PEER
  std::vector<RawAttribute> unknown{};

  /// This data as a "veth" link's info: `Link{.name = "x", .info = link::Veth{...}}`.
  operator LinkInfo() const;  // NOLINT: implicit by design

  friend bool operator==(const Veth&, const Veth&) = default;
};

/// The links a veth's peer names (its master...), visited with the Link
/// that holds the veth (link_resolution.hpp resolves them).
template <SameOrConst<Veth> Data, class Visit>
void visit_links(Data& data, Visit&& visit) {
  if (data.peer) visit_links(**data.peer, visit);
}

}  // namespace nlpp::rtnl::link

#include <nlpp/rtnl/link/veth.hpp>

#include "rtnl/link/veth_table.hpp"

#include <nlpp/rtnl/link.hpp>

#include "link_codec.hpp"

namespace nlpp::rtnl::link {

VethPeer::VethPeer(Link link) : link_(std::make_unique<Link>(std::move(link))) {}
VethPeer::VethPeer(const VethPeer& other) : link_(std::make_unique<Link>(*other.link_)) {}
VethPeer::VethPeer(VethPeer&& other) noexcept = default;
VethPeer& VethPeer::operator=(const VethPeer& other) {
  if (this != &other) link_ = std::make_unique<Link>(*other.link_);
  return *this;
}
VethPeer& VethPeer::operator=(VethPeer&& other) noexcept = default;
VethPeer::~VethPeer() = default;

std::string VethPeer::to_string() const { return link_ ? link_->name.value_or("") : ""; }

bool operator==(const VethPeer& a, const VethPeer& b) {
  return a.link_ && b.link_ ? *a.link_ == *b.link_ : a.link_ == b.link_;
}

Result<void> VethPeerCodec::parse(const wire::Attribute& attribute, std::optional<VethPeer>& peer) const {
  Result<Link> link = parse_link_payload(attribute.payload());
  if (!link) return std::move(link).error();
  peer.emplace(std::move(*link));
  return {};
}

void VethPeerCodec::emit(const std::optional<VethPeer>& peer, wire::MessageBuilder& out) const {
  if (!peer) return;
  // A struct and then attributes: the kernel reads it as a binary payload.
  const wire::MessageBuilder::Nest nest = out.begin_nested_without_flag(type);
  emit_link_payload(**peer, out);
  out.end_nested(nest);
}

Result<void> KindTraits<Veth>::validate(const Veth& veth, std::string_view kind) {
  if (!veth.peer) return {};
  Result<void> valid = ObjectTraits<Link>::validate(**veth.peer);
  if (!valid) return Error(errc::invalid_argument, std::string(kind) + " peer: " + valid.error().context());
  return {};
}

}  // namespace nlpp::rtnl::link

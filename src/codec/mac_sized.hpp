// A link-layer address attribute read as a MAC address only when it is
// one: other sizes (a tunnel's IPv4 or IPv6 endpoint, InfiniBand's 20
// bytes) are left unclaimed, to the object's `unknown`, so they
// round-trip as they came instead of failing the parse.
#pragma once

#include <nlpp/wire/attribute.hpp>

#include "codec/value_codecs.hpp"

namespace nlpp::codec {

/// Native (an std::optional<MacAddress> member) for 6-byte payloads only:
/// `field("lladdr", &Neighbour::lladdr, MacSized{{NDA_LLADDR}})`.
struct MacSized : Native {
  bool accepts(const wire::Attribute& attribute) const noexcept { return attribute.payload().size() == 6; }
};

}  // namespace nlpp::codec

// Messages of RTNL objects in unit tests: golden ones parsed and emitted
// back the way the kernel sent them, emitted ones taken apart, and the
// values they are made of.
#pragma once

#include <nlpp/rtnl/ip_address.hpp>
#include <nlpp/rtnl/object_traits.hpp>

#include "unit/golden_file.hpp"

#include <cstddef>
#include <cstring>
#include <map>
#include <string_view>
#include <vector>

namespace nlpp::test {

inline rtnl::IpAddress ip(std::string_view text) { return rtnl::IpAddress::parse(text).value(); }
inline rtnl::MacAddress mac(std::string_view text) { return rtnl::MacAddress::parse(text).value(); }

/// The object T in a golden message; throws when it does not parse.
template <rtnl::RtnlObject T>
T parse_golden(const std::vector<std::byte>& bytes) {
  return rtnl::ObjectTraits<T>::parse(wire::Message(bytes)).value();
}

/// Parses bytes as T and emits the object again with the message's type and
/// flags, seq and port id copied over: the same bytes when nothing was lost.
template <rtnl::RtnlObject T>
std::vector<std::byte> parse_and_emit(const std::vector<std::byte>& bytes) {
  const wire::Message message(bytes);
  wire::MessageBuilder builder;
  rtnl::ObjectTraits<T>::emit(parse_golden<T>(bytes), builder, message.type(), message.flags());
  std::vector<std::byte> emitted(builder.bytes().begin(), builder.bytes().end());
  // nlmsg_seq and nlmsg_pid: the request engine's to stamp, not emit()'s.
  if (emitted.size() >= sizeof(nlmsghdr))
    std::memcpy(emitted.data() + offsetof(nlmsghdr, nlmsg_seq), bytes.data() + offsetof(nlmsghdr, nlmsg_seq),
                sizeof(uint32_t) * 2);
  return emitted;
}

/// The payloads of the attributes of the (first) message built, by type,
/// after a fixed header of header_size bytes.
inline std::map<uint16_t, std::vector<std::byte>> attributes_of(const wire::MessageBuilder& builder,
                                                                size_t header_size) {
  std::map<uint16_t, std::vector<std::byte>> found;
  for (const wire::Attribute& attribute : wire::Message(builder.bytes()).attributes(header_size).value())
    found[attribute.type()].assign(attribute.payload().begin(), attribute.payload().end());
  return found;
}

}  // namespace nlpp::test

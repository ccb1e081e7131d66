// The golden messages of tests/data/golden (see its README: bytes the
// kernel or `ip` sent, captured by the scripts there) and what the tests of
// RTNL objects do with them: parse them, emit them back the way the kernel
// sent them, compare requests byte for byte with ip's, and take emitted
// messages apart. ip(), mac() and prefix() come with it.
#pragma once

#include <nlpp/rtnl/object_traits.hpp>
#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>

#include "support/rtnl_values.hpp"

#include <gtest/gtest.h>

#include <linux/netlink.h>

#include <cstddef>
#include <cstring>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace nlpp::test {

/// The bytes of tests/data/golden/<name>.hex (hex text, '#' comment lines).
inline std::vector<std::byte> golden_bytes(const std::string& name) {
  std::ifstream in(std::string(NLPP_TEST_DATA_DIR) + "/golden/" + name + ".hex");
  if (!in) throw std::runtime_error("missing golden file " + name);
  std::vector<std::byte> bytes;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.front() == '#') continue;
    for (size_t i = 0; i + 1 < line.size(); i += 2)
      bytes.push_back(static_cast<std::byte>(std::stoul(line.substr(i, 2), nullptr, 16)));
  }
  return bytes;
}

/// The object T in a message; fails the test (and gives T{}) when it does
/// not parse.
template <rtnl::RtnlObject T>
T parse_golden(const std::vector<std::byte>& bytes, std::string_view what = "message") {
  Result<T> object = rtnl::ObjectTraits<T>::parse(wire::Message(bytes));
  if (!object) ADD_FAILURE() << what << ": " << object.error().describe();
  return object.value_or(T{});
}

/// The object T in tests/data/golden/<name>.hex, as parse_golden().
template <rtnl::RtnlObject T>
T parsed_golden(const std::string& name) {
  return parse_golden<T>(golden_bytes(name), name);
}

/// The message ObjectTraits<T>::emit() builds for object, of the type and
/// with the flags of the message like.
template <rtnl::RtnlObject T>
std::vector<std::byte> emitted(const T& object, const wire::Message& like) {
  wire::MessageBuilder builder;
  rtnl::ObjectTraits<T>::emit(object, builder, like.type(), like.flags());
  EXPECT_TRUE(builder.status());
  return {builder.bytes().begin(), builder.bytes().end()};
}

/// Parses bytes as T and emits the object again with the message's type and
/// flags, seq and port id copied over: the same bytes when nothing was lost.
template <rtnl::RtnlObject T>
std::vector<std::byte> parse_and_emit(const std::vector<std::byte>& bytes) {
  std::vector<std::byte> again = emitted(parse_golden<T>(bytes), wire::Message(bytes));
  // nlmsg_seq and nlmsg_pid: the request engine's to stamp, not emit()'s.
  if (again.size() >= sizeof(nlmsghdr) && bytes.size() >= sizeof(nlmsghdr))
    std::memcpy(again.data() + offsetof(nlmsghdr, nlmsg_seq), bytes.data() + offsetof(nlmsghdr, nlmsg_seq),
                sizeof(uint32_t) * 2);
  return again;
}

/// object sent as a message of type and parsed back (T{} when either fails).
template <rtnl::RtnlObject T>
T reparsed(const T& object, uint16_t type = rtnl::ObjectTraits<T>::new_type) {
  wire::MessageBuilder builder;
  rtnl::ObjectTraits<T>::emit(object, builder, type, 0);
  EXPECT_TRUE(builder.status());
  return parse_golden<T>({builder.bytes().begin(), builder.bytes().end()}, "reparsed");
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

/// The names of the fields that differ between two objects.
template <rtnl::RtnlObject T>
std::vector<std::string> differing_fields(const T& before, const T& after) {
  std::vector<std::string> names;
  for (const nlpp::FieldChange& change : rtnl::ObjectTraits<T>::diff(before, after)) names.emplace_back(change.field);
  return names;
}

/// What holds for every request `ip` sent (NAME.request.hex): nlpp sends
/// its very bytes for `sent` (an object with only what the ip command
/// said); parsing them gives `parsed` (the same with what ip filled in),
/// which is sent as the same bytes again.
template <rtnl::RtnlObject T>
void expect_request(const std::string& name, const T& sent, const T& parsed) {
  using Traits = rtnl::ObjectTraits<T>;
  const std::vector<std::byte> request = golden_bytes(name + ".request");
  const wire::Message message(request);
  const Result<void> valid = Traits::validate(sent);
  EXPECT_TRUE(valid) << (valid ? "" : valid.error().describe());
  EXPECT_EQ(emitted(sent, message), request) << name << ": nlpp's request differs from ip's";
  const T from_request = parsed_golden<T>(name + ".request");
  EXPECT_EQ(from_request, parsed) << ::testing::PrintToString(differing_fields(parsed, from_request));
  EXPECT_EQ(emitted(from_request, message), request) << name << ": the parsed request is not sent back as it came";
}

/// expect_request(), and the kernel's dump of the object (NAME.hex) has
/// the key of what was sent. Returns that dumped object.
template <rtnl::RtnlObject T>
T expect_golden(const std::string& name, const T& sent, const T& parsed) {
  expect_request(name, sent, parsed);
  const T dumped = parsed_golden<T>(name);
  EXPECT_TRUE(rtnl::ObjectTraits<T>::key(dumped) == rtnl::ObjectTraits<T>::key(sent))
      << name << ": the kernel's object has another key";
  return dumped;
}

}  // namespace nlpp::test

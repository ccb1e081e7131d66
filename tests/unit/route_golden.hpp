// What the golden tests of routes, nexthops and rules share: the messages
// tests/data/golden/capture_routes.py captured (a request `ip` sent, and the
// kernel's dump of the object it made), and the checks every one of them
// passes.
#pragma once

#include <nlpp/rtnl/object_traits.hpp>
#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>

#include "unit/golden_file.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <vector>

namespace nlpp::test {

/// The message ObjectTraits<T>::emit() builds for object, of the type and
/// with the flags of the message like.
template <rtnl::RtnlObject T>
std::vector<std::byte> emitted(const T& object, const wire::Message& like) {
  wire::MessageBuilder builder;
  rtnl::ObjectTraits<T>::emit(object, builder, like.type(), like.flags());
  EXPECT_TRUE(builder.status());
  return {builder.bytes().begin(), builder.bytes().end()};
}

/// object sent as a message of type and parsed back (empty when either fails).
template <rtnl::RtnlObject T>
T reparsed(const T& object, uint16_t type = rtnl::ObjectTraits<T>::new_type) {
  wire::MessageBuilder builder;
  rtnl::ObjectTraits<T>::emit(object, builder, type, 0);
  EXPECT_TRUE(builder.status());
  Result<T> parsed = rtnl::ObjectTraits<T>::parse(wire::Message(builder.bytes()));
  if (!parsed) ADD_FAILURE() << parsed.error().describe();
  return parsed.value_or(T{});
}

/// Parses a golden message; fails the test when it does not parse.
template <rtnl::RtnlObject T>
T parsed_golden(const std::string& name) {
  const std::vector<std::byte> bytes = golden_bytes(name);
  Result<T> object = rtnl::ObjectTraits<T>::parse(wire::Message(bytes));
  if (!object) ADD_FAILURE() << name << ": " << object.error().describe();
  return object.value_or(T{});
}

/// The names of the fields that differ between two objects.
template <rtnl::RtnlObject T>
std::vector<std::string> differing_fields(const T& before, const T& after) {
  std::vector<std::string> names;
  for (const rtnl::FieldChange& change : rtnl::ObjectTraits<T>::diff(before, after)) names.emplace_back(change.field);
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
  EXPECT_EQ(from_request, parsed) << testing::PrintToString(differing_fields(parsed, from_request));
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

// Internal: one member of a JSON object in one call, as iproute2's
// print_string / print_uint / print_bool / print_null do.
#pragma once

#include <nlpp/core/json_writer.hpp>

#include <concepts>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>

namespace nlpp::format::detail {

inline void text_field(JsonWriter& json, std::string_view key, std::string_view value) {
  json.key(key);
  json.string(value);
}

template <std::integral Number>
void number_field(JsonWriter& json, std::string_view key, Number value) {
  json.key(key);
  if constexpr (std::is_signed_v<Number>)
    json.number(static_cast<int64_t>(value));
  else
    json.number(static_cast<uint64_t>(value));
}

inline void bool_field(JsonWriter& json, std::string_view key, bool value) {
  json.key(key);
  json.boolean(value);
}

/// print_float(): C's "%g" (1e-06, 0.25, 3).
inline void float_field(JsonWriter& json, std::string_view key, double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  json.key(key);
  json.raw_number(text);
}

/// print_null(): a key whose presence is the information ("router": null).
inline void null_field(JsonWriter& json, std::string_view key) {
  json.key(key);
  json.null();
}

/// An array of strings.
template <class Strings>
void text_array(JsonWriter& json, std::string_view key, const Strings& values) {
  json.key(key);
  json.begin_array();
  for (const auto& value : values) json.string(value);
  json.end_array();
}

/// A JSON array of objects, each written by write(json, object).
template <class Objects, class Write>
std::string json_array(const Objects& objects, Write write) {
  // What a route or an address takes, about: a big table grows no more.
  constexpr size_t bytes_per_object = 128;
  JsonWriter json;
  json.reserve(std::size(objects) * bytes_per_object);
  json.begin_array();
  for (const auto& object : objects) write(json, object);
  json.end_array();
  return std::move(json).take();
}

}  // namespace nlpp::format::detail

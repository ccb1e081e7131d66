// A minimal streaming JSON writer, shared by the schema's generic JSON
// (schema/json.hpp) and the format layer (iproute2-style JSON). Compact
// output; commas are placed by the writer, so callers only say what comes
// next:
//
//     JsonWriter json;
//     json.begin_object();
//     json.key("ifname");
//     json.string("br0");
//     json.end_object();
//     std::string text = std::move(json).take();  // {"ifname":"br0"}
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace nlpp {

/// Writes one JSON document into a string.
class JsonWriter {
 public:
  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  /// The key of the next member of the current object.
  void key(std::string_view name);

  /// A string value. Control characters are escaped; bytes that are not
  /// UTF-8 become U+FFFD, so the document stays valid whatever the kernel
  /// (or a fuzzer) put in the text.
  void string(std::string_view text);
  void number(uint64_t value);
  void number(int64_t value);
  void boolean(bool value);
  /// null.
  void null();
  /// A number already written as JSON text, such as "0.04" (iproute2 prints
  /// timers with two decimals). The caller vouches that it is a JSON number.
  void raw_number(std::string_view text);

  /// Makes room for a document of about bytes, sparing a big one the
  /// copies of growing a byte at a time.
  void reserve(size_t bytes) { out_.reserve(bytes); }
  /// The document written so far.
  std::string take() && { return std::move(out_); }

 private:
  void open(char bracket);
  void close(char bracket);
  void separate();
  void quoted(std::string_view text);

  std::string out_;
  bool needs_comma_ = false;
};

}  // namespace nlpp

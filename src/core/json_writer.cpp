#include <nlpp/core/json_writer.hpp>

#include <algorithm>
#include <array>
#include <charconv>

namespace nlpp {
namespace {

bool is_continuation(unsigned char byte) noexcept { return (byte & 0xc0) == 0x80; }

// The length of the well-formed UTF-8 sequence at the start of text, or 0.
// Overlong forms, surrogates and code points above U+10FFFF are rejected
// (RFC 3629), as a strict JSON parser would reject them.
size_t utf8_sequence_length(std::string_view text) noexcept {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  size_t length = 0;
  unsigned char low = 0x80, high = 0xbf;  // the allowed range of the second byte
  if (lead >= 0xc2 && lead <= 0xdf)
    length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead == 0xe0) low = 0xa0;
    if (lead == 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead == 0xf0) low = 0x90;
    if (lead == 0xf4) high = 0x8f;
  } else {
    return 0;
  }
  if (text.size() < length || byte(1) < low || byte(1) > high) return 0;
  for (size_t i = 2; i < length; ++i)
    if (!is_continuation(byte(i))) return 0;
  return length;
}

template <class Integer>
void append_number(std::string& out, Integer value) {
  std::array<char, 24> digits;
  // 24 characters hold any 64-bit integer, so to_chars cannot fail.
  const char* end = std::to_chars(digits.data(), digits.data() + digits.size(), value).ptr;
  out.append(digits.data(), static_cast<size_t>(end - digits.data()));
}

}  // namespace

void JsonWriter::key(std::string_view name) {
  separate();
  quoted(name);
  out_ += ':';
  needs_comma_ = false;
}

void JsonWriter::string(std::string_view text) {
  separate();
  quoted(text);
}

void JsonWriter::number(uint64_t value) {
  separate();
  append_number(out_, value);
}

void JsonWriter::number(int64_t value) {
  separate();
  append_number(out_, value);
}

void JsonWriter::boolean(bool value) {
  separate();
  out_ += value ? "true" : "false";
}

void JsonWriter::null() {
  separate();
  out_ += "null";
}

void JsonWriter::raw_number(std::string_view text) {
  separate();
  out_ += text;
}

void JsonWriter::open(char bracket) {
  separate();
  out_ += bracket;
  needs_comma_ = false;
}

void JsonWriter::close(char bracket) {
  out_ += bracket;
  needs_comma_ = true;
}

void JsonWriter::separate() {
  if (needs_comma_) out_ += ',';
  needs_comma_ = true;
}

void JsonWriter::quoted(std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  out_ += '"';
  while (!text.empty()) {
    // Printable ASCII other than '"' and '\\' (nearly every byte of a
    // name or an address) is copied a run at a time: char by char, quoting
    // was a fifth of `nlpp -j route show`.
    const size_t plain = static_cast<size_t>(std::ranges::find_if(text, [](char byte) {
                                               const auto c = static_cast<unsigned char>(byte);
                                               return c < 0x20 || c >= 0x80 || c == '"' || c == '\\';
                                             }) -
                                             text.begin());
    out_.append(text.substr(0, plain));
    text.remove_prefix(plain);
    if (text.empty()) break;
    const auto c = static_cast<unsigned char>(text.front());
    size_t consumed = 1;
    switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\r':
        out_ += "\\r";
        break;
      case '\t':
        out_ += "\\t";
        break;
      default:
        if (c < 0x20) {
          out_ += "\\u00";
          out_ += hex[c >> 4];
          out_ += hex[c & 0xf];
        } else if (const size_t length = utf8_sequence_length(text); length != 0) {
          out_.append(text.substr(0, length));
          consumed = length;
        } else {
          out_ += "\xef\xbf\xbd";  // U+FFFD REPLACEMENT CHARACTER
        }
    }
    text.remove_prefix(consumed);
  }
  out_ += '"';
}

}  // namespace nlpp

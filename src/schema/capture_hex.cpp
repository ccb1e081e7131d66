// Hex dumps of netlink messages, as people paste them: plain hex bytes, or
// the lines of xxd, hexdump -C, od and Wireshark with their offsets and
// text columns (capture.hpp says what is accepted).
#include <nlpp/schema/capture.hpp>

#include <optional>
#include <string>

namespace nlpp::schema {
namespace {

struct Token {
  std::string_view text;
  size_t column = 0;      // 0-based, in its line
  size_t gap_before = 0;  // separators between it and the token before
};

bool is_separator(char c, bool commas) { return c == ' ' || c == '\t' || c == '\r' || (commas && c == ','); }

std::vector<Token> tokens_of(std::string_view line, bool commas) {
  std::vector<Token> tokens;
  size_t gap = 0;
  for (size_t i = 0; i < line.size();) {
    if (is_separator(line[i], commas)) {
      ++gap, ++i;
      continue;
    }
    const size_t start = i;
    while (i < line.size() && !is_separator(line[i], commas)) ++i;
    tokens.push_back({line.substr(start, i - start), start, gap});
    gap = 0;
  }
  return tokens;
}

std::optional<uint8_t> hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return std::nullopt;
}

bool is_hex(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos;
}

// Appends the bytes a token spells ("3c", "3c040000", "0x3c"); false, appending
// nothing, when it is not whole hex bytes.
bool append_hex(std::string_view token, std::vector<std::byte>& bytes) {
  if (token.starts_with("0x") || token.starts_with("0X")) token.remove_prefix(2);
  if (!is_hex(token) || token.size() % 2 != 0) return false;
  for (size_t i = 0; i < token.size(); i += 2)
    bytes.push_back(static_cast<std::byte>(*hex_digit(token[i]) << 4 | *hex_digit(token[i + 1])));
  return true;
}

// max_hex_dump_bytes as errors say it: "16 MiB".
std::string limit_text() { return std::to_string(max_hex_dump_bytes >> 20) + " MiB"; }

class HexDumpReader {
 public:
  explicit HexDumpReader(std::string_view text) : text_(text) {}

  Result<std::vector<std::byte>> read() {
    for (size_t start = 0; start < text_.size(); ++line_number_) {
      const size_t end = std::min(text_.find('\n', start), text_.size());
      line_start_ = start;
      const std::string_view line = text_.substr(start, end - start);
      start = end + 1;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos || line.front() == '#') continue;
      if (!style_) style_ = style_of(tokens_of(line, false));
      if (auto read = *style_ == Style::plain ? read_plain(line) : read_offset_line(line); !read)
        return std::move(read).error();
    }
    return std::move(bytes_);
  }

 private:
  enum class Style : uint8_t { plain, offset, offset_with_colon };

  // The first line decides: an offset is a token ending in ':' or one of
  // 4 digits or more, longer than the byte group after it (hexdump -C, od,
  // Wireshark).
  static Style style_of(const std::vector<Token>& tokens) {
    if (tokens.front().text.ends_with(':')) return Style::offset_with_colon;
    if (tokens.size() >= 2 && is_hex(tokens[0].text) && tokens[0].text.size() >= 4 &&
        tokens[0].text.size() > tokens[1].text.size())
      return Style::offset;
    return Style::plain;
  }

  Result<void> read_plain(std::string_view line) {
    for (const Token& token : tokens_of(line.substr(0, line.find('#')), true)) {
      if (!append_hex(token.text, bytes_)) return bad(token, "is not hex bytes");
      if (bytes_.size() > max_hex_dump_bytes) return too_long(token);
    }
    return {};
  }

  Result<void> read_offset_line(std::string_view line) {
    const std::vector<Token> tokens = tokens_of(line, false);
    Token offset_token = tokens.front();
    if (offset_token.text == "*") {
      repeat_ = true;  // lines like the one before, up to the next offset
      return {};
    }
    if (offset_token.text.ends_with(':')) offset_token.text.remove_suffix(1);
    if (!is_hex(offset_token.text) || offset_token.text.size() > 16)
      return bad(offset_token, "is not an offset, which starts every line of this dump");
    const uint64_t offset = std::stoull(std::string(offset_token.text), nullptr, 16);
    // A '*' repeats up to whatever the next offset claims: checked before
    // anything is allocated for it.
    if (repeat_ && offset > max_hex_dump_bytes)
      return bad(offset_token,
                 "is past " + limit_text() +
                     ", the most a hex dump decodes to: the '*' before it would repeat a line up to there");
    if (repeat_ && !previous_line_.empty()) {
      bytes_.reserve(offset);
      while (bytes_.size() + previous_line_.size() <= offset)
        bytes_.insert(bytes_.end(), previous_line_.begin(), previous_line_.end());
    }
    repeat_ = false;
    if (offset != bytes_.size())
      return bad(offset_token,
                 "is not the number of bytes the lines before it hold (" + std::to_string(bytes_.size()) + ")");
    // The bytes run while the groups keep the first one's width; the text
    // column starts after a wider gap (xxd: 2 spaces, others 3: hexdump -C
    // puts 2 in the middle of its bytes).
    const size_t widest_gap = *style_ == Style::offset_with_colon ? 1 : 2;
    const size_t line_start = bytes_.size();
    for (size_t i = 1; i < tokens.size(); ++i) {
      const Token& token = tokens[i];
      if (i > 1 && (token.gap_before > widest_gap || token.text.size() != tokens[1].text.size())) break;
      if (!append_hex(token.text, bytes_)) {
        if (i == 1) return bad(token, "is not hex bytes");
        break;
      }
      if (bytes_.size() > max_hex_dump_bytes) return too_long(token);
    }
    previous_line_.assign(bytes_.begin() + static_cast<std::ptrdiff_t>(line_start), bytes_.end());
    return {};
  }

  Error too_long(const Token& token) const {
    return bad(token, "takes the bytes past " + limit_text() + ", the most a hex dump decodes to");
  }

  Error bad(const Token& token, const std::string& what) const {
    return Error(errc::invalid_argument, "hex dump line " + std::to_string(line_number_) + ", column " +
                                             std::to_string(token.column + 1) + " (offset " +
                                             std::to_string(line_start_ + token.column) + "): \"" +
                                             std::string(token.text.substr(0, 32)) + "\" " + what);
  }

  std::string_view text_;
  size_t line_number_ = 1;
  size_t line_start_ = 0;
  std::optional<Style> style_;
  std::vector<std::byte> bytes_;
  std::vector<std::byte> previous_line_;
  bool repeat_ = false;
};

}  // namespace

Result<std::vector<CapturedPacket>> read_hex_dump(std::string_view text, int protocol) {
  Result<std::vector<std::byte>> bytes = HexDumpReader(text).read();
  if (!bytes) return std::move(bytes).error();
  std::vector<CapturedPacket> packets(1);
  packets.front().record.protocol = protocol;
  packets.front().bytes = std::move(*bytes);
  return packets;
}

}  // namespace nlpp::schema

#include "tc_bpf_bytecode.hpp"

#include "commands.hpp"
#include "words.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

namespace nlpp::cli {
namespace {

// The next field of text up to separator (which is consumed).
std::string_view next_field(std::string_view& text, char separator) {
  const size_t end = text.find(separator);
  const std::string_view field = text.substr(0, end);
  text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  return field;
}

// "c t f k", separated by blanks.
sock_filter parse_instruction(std::string_view text, size_t index) {
  constexpr std::string_view blanks = " \t";
  const std::string what = "bytecode instruction " + std::to_string(index);
  std::array<uint32_t, 4> numbers{};
  for (uint32_t& number : numbers) {
    const size_t start = text.find_first_not_of(blanks);
    if (start == std::string_view::npos) throw UsageError(what + " has fewer than 4 numbers (code jt jf k)");
    text.remove_prefix(start);
    const size_t end = std::min(text.find_first_of(blanks), text.size());
    number = parse_number<uint32_t>(text.substr(0, end), what);
    text.remove_prefix(end);
  }
  if (text.find_first_not_of(blanks) != std::string_view::npos)
    throw UsageError(what + " has more than 4 numbers (code jt jf k)");
  if (numbers[0] > UINT16_MAX || numbers[1] > UINT8_MAX || numbers[2] > UINT8_MAX)
    throw UsageError(what + ": code, jt or jf out of range");
  return sock_filter{.code = static_cast<uint16_t>(numbers[0]),
                     .jt = static_cast<uint8_t>(numbers[1]),
                     .jf = static_cast<uint8_t>(numbers[2]),
                     .k = numbers[3]};
}

}  // namespace

std::vector<sock_filter> parse_bpf_bytecode(std::string_view text) {
  if (text.find(',') == std::string_view::npos)
    throw UsageError("bytecode " + quoted(text) + ": expected 'N,code jt jf k,...'");
  const auto count = parse_number<uint16_t>(next_field(text, ','), "bytecode length");
  if (count == 0 || count > BPF_MAXINSNS)
    throw UsageError("bytecode length " + std::to_string(count) + " is not 1 to " + std::to_string(BPF_MAXINSNS));
  std::vector<sock_filter> program;
  // A comma at the very end ends the program, as in tc.
  while (!text.empty()) {
    if (program.size() == count) throw UsageError("the bytecode has more instructions than its length says");
    program.push_back(parse_instruction(next_field(text, ','), program.size()));
  }
  if (program.size() != count) throw UsageError("the bytecode has fewer instructions than its length says");
  return program;
}

std::vector<sock_filter> read_bpf_bytecode_file(std::string_view path) {
  std::ifstream file{std::string(path)};
  if (!file) throw UsageError("bytecode-file " + quoted(path) + ": " + std::strerror(errno));
  // As tc reads it: a newline is a comma (one for a run of them), and a run
  // of blanks is one.
  std::string text;
  char previous = ' ';
  for (auto it = std::istreambuf_iterator<char>(file); it != std::istreambuf_iterator<char>(); ++it) {
    const char c = *it;
    if (c == '\n') {
      if (previous != ',') text += ',';
      previous = ',';
    } else if (c == ' ' || c == '\t') {
      if (previous != ' ') text += c;
      previous = ' ';
    } else {
      text += c;
      previous = c;
    }
  }
  return parse_bpf_bytecode(text);
}

std::vector<sock_filter> read_classic_bpf(std::string_view mode, Words& words, std::string_view what) {
  if (is_command(mode, "bytecode") || mode == "bc") return parse_bpf_bytecode(words.value_after("bytecode"));
  if (is_command(mode, "bytecode-file") || mode == "bcf")
    return read_bpf_bytecode_file(words.value_after("bytecode-file"));
  if (is_command(mode, "object-file") || mode == "obj" || is_command(mode, "object-pinned") ||
      is_command(mode, "pinned") || is_command(mode, "fd"))
    throw UsageError(std::string(what) + ": eBPF programs (" + quoted(mode) +
                     ") are not supported yet; classic BPF is (bytecode, bytecode-file)");
  throw UsageError(std::string(what) + ": " + quoted(mode) +
                   " is neither a bpf option nor a program (bytecode, bytecode-file)");
}

}  // namespace nlpp::cli

#include "tc_words.hpp"

#include <nlpp/format/names.hpp>

#include "commands.hpp"

#include <strings.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>
#include <utility>

namespace nlpp::cli {
namespace {

// A number and what follows it, as strtod() splits them.
std::pair<double, std::string_view> number_and_unit(std::string_view word, std::string_view keyword,
                                                    std::string_view expected) {
  const std::string text(word);
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || !std::isfinite(value) || value < 0)
    throw UsageError(quoted(word) + " is not a valid " + std::string(keyword) + " (" + std::string(expected) + ")");
  return {value, word.substr(static_cast<size_t>(end - text.c_str()))};
}

bool same_letters(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// tc's rate units, in bits per second.
constexpr std::array<std::pair<std::string_view, double>, 18> rate_units{{
    {"bit", 1.},
    {"Kibit", 1024.},
    {"kbit", 1000.},
    {"mibit", 1024. * 1024.},
    {"mbit", 1000000.},
    {"gibit", 1024. * 1024. * 1024.},
    {"gbit", 1000000000.},
    {"tibit", 1024. * 1024. * 1024. * 1024.},
    {"tbit", 1000000000000.},
    {"Bps", 8.},
    {"KiBps", 8. * 1024.},
    {"KBps", 8000.},
    {"MiBps", 8. * 1024 * 1024},
    {"MBps", 8000000.},
    {"GiBps", 8. * 1024. * 1024. * 1024.},
    {"GBps", 8000000000.},
    {"TiBps", 8. * 1024. * 1024. * 1024. * 1024.},
    {"TBps", 8000000000000.},
}};

// tc's size units, in bytes.
constexpr std::array<std::pair<std::string_view, double>, 10> size_units{{
    {"b", 1.},
    {"k", 1024.},
    {"kb", 1024.},
    {"m", 1024. * 1024.},
    {"mb", 1024. * 1024.},
    {"g", 1024. * 1024. * 1024.},
    {"gb", 1024. * 1024. * 1024.},
    {"kbit", 1024. / 8},
    {"mbit", 1024. * 1024. / 8},
    {"gbit", 1024. * 1024. * 1024. / 8},
}};

constexpr std::array<std::pair<std::string_view, double>, 9> time_units{{
    {"s", 1000000.},
    {"sec", 1000000.},
    {"secs", 1000000.},
    {"ms", 1000.},
    {"msec", 1000.},
    {"msecs", 1000.},
    {"us", 1.},
    {"usec", 1.},
    {"usecs", 1.},
}};

// tc's get_time64() units, in nanoseconds.
constexpr std::array<std::pair<std::string_view, double>, 12> time64_units{{
    {"s", 1e9},
    {"sec", 1e9},
    {"secs", 1e9},
    {"ms", 1e6},
    {"msec", 1e6},
    {"msecs", 1e6},
    {"us", 1e3},
    {"usec", 1e3},
    {"usecs", 1e3},
    {"ns", 1.},
    {"nsec", 1.},
    {"nsecs", 1.},
}};

template <size_t N>
double scaled(std::string_view word, std::string_view keyword, std::string_view expected, double no_unit,
              const std::array<std::pair<std::string_view, double>, N>& units) {
  const auto [value, unit] = number_and_unit(word, keyword, expected);
  if (unit.empty()) return value * no_unit;
  for (const auto& [name, scale] : units)
    if (same_letters(unit, name)) return value * scale;
  throw UsageError(quoted(word) + " is not a valid " + std::string(keyword) + " (" + std::string(expected) + ")");
}

// lib/ll_proto.c's names, in its order (a number has its first name).

uint32_t whole_u32(double value, std::string_view word, std::string_view keyword) {
  if (value > UINT32_MAX || value != std::floor(value))
    throw UsageError(quoted(word) + " is not a valid " + std::string(keyword) +
                     ": not a whole number of bytes up to 4 GiB");
  return static_cast<uint32_t>(value);
}

}  // namespace

bool take_matching(Words& words, std::initializer_list<std::string_view> names) {
  if (words.empty()) return false;
  const std::string_view word = words.peek();
  if (std::ranges::none_of(names, [&](std::string_view name) { return is_command(word, name); })) return false;
  words.take("");
  return true;
}

uint64_t parse_rate(std::string_view word, std::string_view keyword) {
  if (word.find('%') != std::string_view::npos)
    throw UsageError(quoted(word) + ": rates as a percentage of the link's speed are not supported yet");
  return static_cast<uint64_t>(scaled(word, keyword, "a rate: 1mbit, 10Mbps...", 1., rate_units) / 8);
}

uint32_t parse_size(std::string_view word, std::string_view keyword) {
  const size_t slash = word.find('/');
  if (slash != std::string_view::npos) {
    const auto cell = parse_number<uint32_t>(word.substr(slash + 1), "cell size");
    if (cell == 0 || (cell & (cell - 1)) != 0) throw UsageError(quoted(word) + ": the cell size is not a power of two");
  }
  const std::string_view size = word.substr(0, slash);
  return whole_u32(scaled(size, keyword, "a size: 10k, 1mb, 1600b...", 1., size_units), word, keyword);
}

uint32_t parse_time(std::string_view word, std::string_view keyword) {
  return static_cast<uint32_t>(scaled(word, keyword, "a time: 50ms, 1s, 100us...", 1., time_units));
}

std::chrono::nanoseconds parse_time64(std::string_view word, std::string_view keyword) {
  constexpr std::string_view expected = "a time: 10ms, 1s, 500us, 100ns...";
  const double nanoseconds = scaled(word, keyword, expected, 1., time64_units);
  if (nanoseconds > static_cast<double>(std::numeric_limits<int64_t>::max()))
    throw UsageError(quoted(word) + " is not a valid " + std::string(keyword) + " (" + std::string(expected) + ")");
  return std::chrono::nanoseconds(static_cast<int64_t>(nanoseconds));
}

rtnl::tc::LinkLayer parse_linklayer(std::string_view word) {
  if (is_command(word, "ethernet")) return rtnl::tc::LinkLayer::ethernet;
  if (is_command(word, "atm") || is_command(word, "adsl")) return rtnl::tc::LinkLayer::atm;
  throw UsageError(quoted(word) + " is not a valid linklayer (ethernet, atm, adsl)");
}

rtnl::TcHandle parse_classid(std::string_view word, std::string_view keyword) {
  Result<rtnl::TcHandle> handle = rtnl::TcHandle::parse(word);
  if (!handle) throw UsageError(quoted(keyword) + ": " + handle.error().context());
  return *handle;
}

rtnl::TcHandle parse_qdisc_handle(std::string_view word, std::string_view keyword) {
  Result<rtnl::TcHandle> handle = rtnl::TcHandle::parse_qdisc(word);
  if (!handle) throw UsageError(quoted(keyword) + ": " + handle.error().context());
  return *handle;
}

uint16_t parse_ether_protocol(std::string_view word) {
  if (std::optional<uint16_t> protocol = format::ether_protocol_named(word)) return *protocol;
  return parse_number<uint16_t>(word, "protocol (ip, ipv6, all, arp, 802.1Q, 802.1ad... or a number)");
}

}  // namespace nlpp::cli

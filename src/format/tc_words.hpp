// Internal: tc objects in tc's own words, for the text tables: a kind's
// options as tc prints them ("rate 1Mbit burst 10Kb lat 50ms"), and the
// sizes, rates and hex numbers in tc's forms, which the JSON shares.
// Filters and actions: tc_filter_words.hpp.
#pragma once

#include <nlpp/rtnl/tc_handle.hpp>
#include <nlpp/rtnl/tc_options.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace nlpp::format::detail {

/// tc's sprint_size(): "10Kb", "2Mb", "1600b".
std::string tc_size_text(uint32_t size);
/// tc's print_rate(): "1Mbit", "250Kbit" (from bytes per second).
std::string tc_rate_text(uint64_t bytes_per_second);
/// tc's sprint_time(): "10ms", "1.5s", "800us" (from microseconds).
std::string tc_time_text(uint32_t microseconds);
/// tc's sprint_time64(): "1.5ms", "20us", "800ns" (from nanoseconds).
std::string tc_time64_text(int64_t nanoseconds);
/// sprint_linklayer(): "ethernet", "atm", "unknown".
std::string_view tc_linklayer_text(rtnl::tc::LinkLayer linklayer);
/// print_0xhex(): "%#llx", which prints 0 as "0".
std::string tc_hex_text(uint64_t value);
/// print_hex(): "%x", without a prefix ("a000001").
std::string tc_hex_digits(uint32_t value);
/// A qdisc's handle as tc prints it: its major in hex and a colon ("1:", "0:").
std::string tc_major_text(rtnl::TcHandle handle);
/// tc's "lat" of a tbf: the time a full queue takes to drain, less its
/// bucket's, in microseconds; negative when the limit is below the bucket.
double tbf_latency(const rtnl::tc::Tbf& tbf);

/// text(value) for the value a variant holds, when text takes it; ""
/// otherwise (monostate). text: a generic lambda whose return type names
/// the overload it calls, so that it takes only what that overload takes.
template <class Variant, class Text>
std::string variant_text(const Variant& variant, const Text& text) {
  return std::visit(
      [&](const auto& value) -> std::string {
        if constexpr (requires { text(value); })
          return text(value);
        else
          return "";
      },
      variant);
}

/// The options in tc's words; "" for none.
std::string tc_options_text(const rtnl::QdiscOptions& options);
std::string tc_options_text(const rtnl::ClassOptions& options);
/// Options nlpp keeps raw, of any object: their size.
std::string tc_options_text(const rtnl::tc::GenericOptions& options);

}  // namespace nlpp::format::detail

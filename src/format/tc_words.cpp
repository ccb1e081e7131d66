#include "tc_words.hpp"

#include "rtnl/tc/psched.hpp"
#include "tc_aqm.hpp"
#include "tc_classful.hpp"
#include "tc_netem.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <variant>

namespace nlpp::format::detail {
namespace {

// The kinds whose words are written in files of their own, beside those below.
using detail::options_text;

std::string time_text(double microseconds) {
  char text[32];
  if (microseconds >= 1000000)
    std::snprintf(text, sizeof text, "%.3gs", microseconds / 1000000);
  else if (microseconds >= 1000)
    std::snprintf(text, sizeof text, "%.3gms", microseconds / 1000);
  else
    std::snprintf(text, sizeof text, "%uus", static_cast<unsigned>(microseconds));
  return text;
}

std::string accounting_text(const rtnl::tc::Rate& rate) {
  std::string text;
  if (rate.overhead != 0) text += " overhead " + std::to_string(rate.overhead);
  if (rate.mpu != 0) text += " mpu " + tc_size_text(rate.mpu);
  if (rate.linklayer == rtnl::tc::LinkLayer::atm) text += " linklayer atm";
  return text;
}

std::string options_text(const rtnl::tc::Fifo& fifo) { return "limit " + std::to_string(fifo.limit); }

std::string options_text(const rtnl::tc::Prio& prio) {
  std::string text = "bands " + std::to_string(prio.bands) + " priomap";
  for (uint8_t band : prio.priomap) text += " " + std::to_string(band);
  return text;
}

std::string options_text(const rtnl::tc::Tbf& tbf) {
  std::string text = "rate " + tc_rate_text(tbf.rate.bytes_per_second) + " burst " + tc_size_text(tbf.burst);
  if (tbf.peakrate.bytes_per_second != 0)
    text += " peakrate " + tc_rate_text(tbf.peakrate.bytes_per_second) + " minburst " + tc_size_text(tbf.minburst);
  const double latency = tbf_latency(tbf);
  text += latency >= 0 ? " lat " + time_text(latency) : " limit " + tc_size_text(tbf.limit);
  return text + accounting_text(tbf.rate);
}

std::string options_text(const rtnl::tc::Htb& htb) {
  std::string text = "r2q " + std::to_string(htb.r2q) + " default " + tc_hex_text(htb.default_class) +
                     " direct_packets_stat " + std::to_string(htb.direct_packets_stat);
  if (htb.direct_qlen) text += " direct_qlen " + std::to_string(*htb.direct_qlen);
  if (htb.offload) text += " offload";
  return text;
}

std::string options_text(const rtnl::tc::HtbClass& htb) {
  std::string text;
  if (htb.level == 0) text += "prio " + std::to_string(htb.prio) + " ";
  text += "rate " + tc_rate_text(htb.rate.bytes_per_second) + " ceil " + tc_rate_text(htb.ceil.bytes_per_second) +
          " burst " + tc_size_text(htb.burst) + " cburst " + tc_size_text(htb.cburst);
  return text + accounting_text(htb.rate);
}

std::string options_text(const rtnl::tc::GenericOptions& options) {
  return std::to_string(options.payload.size()) + " bytes of options";
}

// Each kind's options_text() as one object, for variant_text().
constexpr auto kind_options_text = [](const auto& value) -> decltype(options_text(value)) {
  return options_text(value);
};

}  // namespace

std::string tc_size_text(uint32_t size) {
  constexpr double kilo = 1024;
  constexpr double mega = kilo * kilo;
  char text[32];
  if (size >= mega && std::fabs(mega * std::rint(size / mega) - size) < 1024)
    std::snprintf(text, sizeof text, "%gMb", std::rint(size / mega));
  else if (size >= kilo && std::fabs(kilo * std::rint(size / kilo) - size) < 16)
    std::snprintf(text, sizeof text, "%gKb", std::rint(size / kilo));
  else
    std::snprintf(text, sizeof text, "%ub", size);
  return text;
}

std::string tc_rate_text(uint64_t bytes_per_second) {
  constexpr std::array<std::string_view, 5> units{"", "K", "M", "G", "T"};
  constexpr uint64_t kilo = 1000;
  uint64_t rate = bytes_per_second * 8;
  size_t unit = 0;
  for (; unit < units.size() - 1; ++unit) {
    if (rate < kilo || (rate % kilo != 0 && rate < 1000 * kilo)) break;
    rate /= kilo;
  }
  return std::to_string(rate) + std::string(units[unit]) + "bit";
}

std::string_view tc_linklayer_text(rtnl::tc::LinkLayer linklayer) {
  switch (linklayer) {
    case rtnl::tc::LinkLayer::ethernet:
      return "ethernet";
    case rtnl::tc::LinkLayer::atm:
      return "atm";
    case rtnl::tc::LinkLayer::unaware:
      break;
  }
  return "unknown";
}

std::string tc_hex_text(uint64_t value) {
  char text[32];
  std::snprintf(text, sizeof text, "%#llx", static_cast<unsigned long long>(value));
  return text;
}

std::string tc_major_text(rtnl::TcHandle handle) {
  char text[16];
  std::snprintf(text, sizeof text, "%x:", handle.major_id());
  return text;
}

double tbf_latency(const rtnl::tc::Tbf& tbf) {
  constexpr double microseconds_per_second = 1000000;
  // Through the ticks the bucket is carried as, as tc computes it.
  const auto drain = [&](uint64_t rate, uint32_t bucket) {
    return microseconds_per_second * (tbf.limit / double(rate)) -
           rtnl::tc::ticks_to_microseconds(rtnl::tc::transmit_ticks(rate, bucket));
  };
  double latency = drain(tbf.rate.bytes_per_second, tbf.burst);
  if (tbf.peakrate.bytes_per_second != 0)
    latency = std::max(latency, drain(tbf.peakrate.bytes_per_second, tbf.minburst));
  return latency;
}

std::string tc_options_text(const rtnl::QdiscOptions& options) { return variant_text(options, kind_options_text); }
std::string tc_options_text(const rtnl::ClassOptions& options) { return variant_text(options, kind_options_text); }
std::string tc_options_text(const rtnl::tc::GenericOptions& options) { return options_text(options); }

std::string tc_time_text(uint32_t microseconds) { return time_text(microseconds); }

std::string tc_time64_text(int64_t nanoseconds) {
  constexpr double per_second = 1e9, per_millisecond = 1e6, per_microsecond = 1e3;
  const double time = double(nanoseconds);
  char text[32];
  if (time >= per_second)
    std::snprintf(text, sizeof text, "%.3gs", time / per_second);
  else if (time >= per_millisecond)
    std::snprintf(text, sizeof text, "%.3gms", time / per_millisecond);
  else if (time >= per_microsecond)
    std::snprintf(text, sizeof text, "%.3gus", time / per_microsecond);
  else
    std::snprintf(text, sizeof text, "%lldns", static_cast<long long>(nanoseconds));
  return text;
}

std::string tc_hex_digits(uint32_t value) {
  char text[16];
  std::snprintf(text, sizeof text, "%x", value);
  return text;
}

}  // namespace nlpp::format::detail

// Traffic control handles: the 32-bit numbers that name a qdisc (its
// major, "1:"), a class (major and minor, "1:10") and where a qdisc,
// class or filter hangs (its parent: a class, "root", the ingress hook).
// Written as tc writes them, in hex:
//
//     rtnl::TcHandle parent = rtnl::TcHandle::parse("1:a").value();  // class 0xa of qdisc 1
//     parent.major_id();  // 1
//     parent.to_string();  // "1:a"
//     rtnl::TcHandle::ingress().to_string();  // "ffff:fff1", as `tc -j qdisc show` prints its parent
#pragma once

#include <nlpp/core/result.hpp>

#include <linux/pkt_sched.h>

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace nlpp::rtnl {

/// A tc handle or parent: major (16 bits) and minor (16 bits) in one
/// number, as the kernel's tcmsg carries them.
class TcHandle {
 public:
  using wire_type = uint32_t;  ///< carried as the kernel's u32 (codecs, tcmsg)

  /// "none" (TC_H_UNSPEC): the kernel chooses, or nothing is named.
  constexpr TcHandle() noexcept = default;
  constexpr explicit TcHandle(uint32_t value) noexcept : value_(value) {}
  constexpr TcHandle(uint16_t major, uint16_t minor) noexcept : value_((uint32_t{major} << 16) | minor) {}

  /// The root of a link's egress (`tc qdisc add dev X root`).
  static constexpr TcHandle root() noexcept { return TcHandle(TC_H_ROOT); }
  /// Where an ingress or clsact qdisc hangs (the same number for both).
  static constexpr TcHandle ingress() noexcept { return TcHandle(TC_H_INGRESS); }
  /// A clsact qdisc's two hooks, the parents of its filters
  /// (`tc filter add dev X ingress | egress`).
  static constexpr TcHandle clsact_ingress() noexcept { return TcHandle(0xffff, TC_H_MIN_INGRESS); }
  static constexpr TcHandle clsact_egress() noexcept { return TcHandle(0xffff, TC_H_MIN_EGRESS); }

  /// tc's words for a class id or parent: "root", "none", "MAJOR:MINOR",
  /// "MAJOR:" (minor 0), ":MINOR" (major 0), each number hex and at most
  /// ffff; or one hex number, the whole handle ("10001" is "1:1").
  static Result<TcHandle> parse(std::string_view text);
  /// tc's words for a qdisc handle: "MAJOR:" or "MAJOR" (minor 0), or "none".
  static Result<TcHandle> parse_qdisc(std::string_view text);

  constexpr uint32_t value() const noexcept { return value_; }
  constexpr explicit operator uint32_t() const noexcept { return value_; }
  constexpr uint16_t major_id() const noexcept { return static_cast<uint16_t>(value_ >> 16); }
  constexpr uint16_t minor_id() const noexcept { return static_cast<uint16_t>(value_ & 0xffff); }

  /// As tc prints it: "root", "none", "1:", ":a", "1:a" (lower-case hex).
  std::string to_string() const;

  friend constexpr auto operator<=>(TcHandle, TcHandle) noexcept = default;

 private:
  uint32_t value_ = TC_H_UNSPEC;
};

}  // namespace nlpp::rtnl

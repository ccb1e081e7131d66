// The codecs of tc's rates and buckets: a tc::Rate in a struct's
// tc_ratespec and in its 64-bit attribute beside the struct, its rate table,
// and a bucket size in bytes carried as the ticks it takes at a rate.
#pragma once

#include <nlpp/codec/field_change.hpp>
#include <nlpp/rtnl/tc/rate.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/bytes.hpp>
#include <nlpp/wire/message_builder.hpp>

#include "codec/value_codecs.hpp"
#include "rtnl/tc/psched.hpp"

#include <array>
#include <cstdint>
#include <limits>
#include <string_view>

namespace nlpp::rtnl::tc {

inline constexpr uint64_t rate32_max = std::numeric_limits<uint32_t>::max();

/// A Rate in a struct's tc_ratespec field (a header line of StructIn). A
/// saturated 32-bit rate leaves a wider value the 64-bit attribute gave
/// first (tc sends that attribute before the struct; the kernel after it).
template <class Struct>
struct RateIn {
  tc_ratespec Struct::*spec;

  void read(const Struct& fixed, Rate& rate) const {
    const Rate read = rate_of(fixed.*spec);
    if (read.bytes_per_second == rate32_max && rate.bytes_per_second > rate32_max)
      rate = Rate{rate.bytes_per_second, read.overhead, read.mpu, read.linklayer};
    else
      rate = read;
  }
  void write(const Rate& rate, Struct& fixed) const { fixed.*spec = ratespec_of(rate); }
};

/// The 64-bit attribute of a Rate (TCA_HTB_RATE64...), sent when the rate
/// does not fit the struct's 32 bits. The struct's line compares the rate.
struct Rate64 {
  uint16_t type;
  static constexpr bool compared = false;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, Rate& rate) const {
    Result<uint64_t> value = codec::NativeValue<uint64_t>::parse(attribute);
    if (!value) return std::move(value).error();
    rate.bytes_per_second = *value;
    return {};
  }
  void emit(const Rate& rate, wire::MessageBuilder& out) const {
    if (rate.bytes_per_second > rate32_max) out.add_u64(type, rate.bytes_per_second);
  }
};

/// A Rate's table (TCA_HTB_RTAB...), which tc sends beside every rate and
/// the kernel never reports: sent for a set rate, dropped when read.
struct RateTable {
  uint16_t type;
  static constexpr bool compared = false;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  bool drops(const wire::Attribute&) const noexcept { return true; }
  Result<void> parse(const wire::Attribute&, Rate&) const { return {}; }
  void emit(const Rate& rate, wire::MessageBuilder& out) const {
    if (rate.bytes_per_second != 0) out.add_struct(type, rate_table(rate));
  }
};

/// A bucket of Owner, in bytes, carried in a struct's field as the ticks
/// it takes at one of Owner's rates (a header line of StructIn, on the
/// whole object: the rate is read before it).
template <class Owner, class Struct>
struct BucketIn {
  uint32_t Owner::*bytes;
  Rate Owner::*rate;
  uint32_t Struct::*ticks;

  void read(const Struct& fixed, Owner& owner) const {
    owner.*bytes = transmit_bytes((owner.*rate).bytes_per_second, fixed.*ticks);
  }
  void write(const Owner& owner, Struct& fixed) const {
    fixed.*ticks = transmit_ticks((owner.*rate).bytes_per_second, owner.*bytes);
  }
  void diff(std::string_view name, const Owner& before, const Owner& after, FieldDiff& changes) const {
    changes.field(name, before.*bytes, after.*bytes);
  }
};

}  // namespace nlpp::rtnl::tc

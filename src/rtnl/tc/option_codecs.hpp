// Codecs of the options the queueing kinds share: a time carried as a u32
// count of one unit, a boolean carried as a u32 (TCA_FQ_CODEL_ECN,
// TCA_PIE_BYTEMODE...), and a line reaching a member of a member
// (Red::constants.ewma_log).
#pragma once

#include <nlpp/codec/field_change.hpp>
#include <nlpp/core/result.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include "codec/value_codecs.hpp"

#include <array>
#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace nlpp::rtnl::tc {

/// An optional time in a u32 counting Duration's unit (microseconds for
/// codel's target, nanoseconds for fq's timer slack). Diffs show the count.
template <class Duration>
struct TimeAttribute {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, std::optional<Duration>& value) const {
    Result<uint32_t> count = codec::NativeValue<uint32_t>::parse(attribute);
    if (!count) return std::move(count).error();
    value = Duration(*count);
    return {};
  }
  void emit(const std::optional<Duration>& value, wire::MessageBuilder& out) const {
    if (value) out.add_u32(type, static_cast<uint32_t>(value->count()));
  }
  void diff(std::string_view name, const std::optional<Duration>& before, const std::optional<Duration>& after,
            FieldDiff& changes) const {
    changes.field(name, count_of(before), count_of(after));
  }

 private:
  static std::optional<typename Duration::rep> count_of(const std::optional<Duration>& value) {
    return value ? std::optional(value->count()) : std::nullopt;
  }
};

template <class Codec>
inline constexpr bool is_time_attribute = false;
template <class Duration>
inline constexpr bool is_time_attribute<TimeAttribute<Duration>> = true;

/// Every time the table `fields` carries in a TimeAttribute fits its u32;
/// the first that does not is named ("codel target: ...").
template <const auto& fields, class Options>
Result<void> times_fit(const Options& options, std::string_view kind) {
  Result<void> fit;
  std::apply(
      [&](const auto&... line) {
        (
            [&] {
              if constexpr (is_time_attribute<std::remove_cvref_t<decltype(line.codec)>>) {
                const auto& time = line.access.get(options);
                if (fit && time && (time->count() < 0 || time->count() > std::numeric_limits<uint32_t>::max()))
                  fit = Error(errc::invalid_argument, std::string(kind) + " " + std::string(line.name) + ": " +
                                                          std::to_string(time->count()) + " is not 0 to 4294967295");
              }
            }(),
            ...);
      },
      fields);
  return fit;
}

/// An optional boolean the kernel takes and reports as a u32 0 / 1.
struct BoolAsU32 {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, std::optional<bool>& value) const {
    Result<uint32_t> number = codec::NativeValue<uint32_t>::parse(attribute);
    if (!number) return std::move(number).error();
    value = *number != 0;
    return {};
  }
  void emit(const std::optional<bool>& value, wire::MessageBuilder& out) const {
    if (value) out.add_u32(type, *value ? 1 : 0);
  }
};

/// A line's value in a member of a member: `InnerMember{&Red::constants, &RedConstants::ewma_log}`.
template <class Owner, class Middle, class Value>
struct InnerMember {
  using owner_type = Owner;
  using value_type = Value;
  Middle Owner::*outer;
  Value Middle::*inner;

  constexpr const Value& get(const Owner& owner) const noexcept { return owner.*outer.*inner; }
  constexpr Value& edit(Owner& owner) const noexcept { return owner.*outer.*inner; }
};

template <class Owner, class Middle, class Value>
InnerMember(Middle Owner::*, Value Middle::*) -> InnerMember<Owner, Middle, Value>;

}  // namespace nlpp::rtnl::tc

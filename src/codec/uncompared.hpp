// A line for what the kernel reports about an object rather than what
// the object is (ages, counters, probes): carried both ways, so that a
// reported object emits back to the bytes it came in, but left out of
// diffs, so that an entry that only aged shows no change.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

namespace nlpp::codec {

/// Codec's attribute, not compared (field_table.hpp's diff_fields skips
/// it): `field("probes", &Neighbour::probes, Uncompared<Native>{{NDA_PROBES}})`.
template <class Codec>
struct Uncompared {
  static constexpr bool compared = false;
  Codec codec;

  constexpr auto types() const noexcept { return codec.types(); }
  template <class Value>
  Result<void> parse(const wire::Attribute& attribute, Value& value) const {
    return codec.parse(attribute, value);
  }
  template <class Value>
  void emit(const Value& value, wire::MessageBuilder& out) const {
    codec.emit(value, out);
  }
};

}  // namespace nlpp::codec

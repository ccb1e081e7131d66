// red and choke: struct tc_red_qopt (TCA_RED_PARMS, TCA_CHOKE_PARMS) over
// the limit, thresholds and constants, the idle damping table and max_P
// beside it, which tc always sends; red's flags in TCA_RED_FLAGS and its
// qevent blocks. sfq's RED shares the checks (red_checks()).
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/tc/red.hpp>

#include "codec/field.hpp"
#include "rtnl/tc/kind_traits.hpp"
#include "rtnl/tc/option_codecs.hpp"

#include <linux/netlink.h>
#include <linux/pkt_sched.h>

#include <algorithm>
#include <array>
#include <bit>
#include <string>
#include <string_view>
#include <tuple>

namespace nlpp::rtnl::tc {

/// The kernel's red_check_params() and red_validate_flags(): the
/// thresholds shifted by ewma_log fit 32 bits, max is not below min, the
/// table's shifts are below 32, and nodrop goes with ecn.
inline Result<void> red_checks(std::string_view kind, uint32_t min, uint32_t max, const RedConstants& constants,
                               const RedIdleDamping* idle_damping) {
  constexpr int bits = 32;
  const auto invalid = [&](std::string_view why) {
    return Error(errc::invalid_argument, std::string(kind) + ": " + std::string(why));
  };
  if (std::bit_width(max) + constants.ewma_log >= bits || std::bit_width(min) + constants.ewma_log >= bits)
    return invalid("min and max shifted by ewma_log do not fit 32 bits");
  if (constants.cell_log >= bits) return invalid("cell_log is not below 32");
  if (max < min) return invalid("max is below min");
  if (idle_damping && std::ranges::any_of(*idle_damping, [](uint8_t shift) { return shift >= bits; }))
    return invalid("an idle damping shift is not below 32");
  return {};
}

/// The lines of struct tc_red_qopt that red and choke share (not the flags).
template <class Owner>
inline constexpr auto red_qopt_lines = std::tuple{
    field("limit", &Owner::limit, in_header(&tc_red_qopt::limit)),
    field("min", &Owner::min, in_header(&tc_red_qopt::qth_min)),
    field("max", &Owner::max, in_header(&tc_red_qopt::qth_max)),
    field("ewma_log", InnerMember{&Owner::constants, &RedConstants::ewma_log}, in_header(&tc_red_qopt::Wlog)),
    field("probability_log", InnerMember{&Owner::constants, &RedConstants::probability_log},
          in_header(&tc_red_qopt::Plog)),
    field("cell_log", InnerMember{&Owner::constants, &RedConstants::cell_log}, in_header(&tc_red_qopt::Scell_log)),
};

/// One flag bit of a struct's flags byte, as a bool member.
template <class Struct>
struct FlagBitIn {
  unsigned char Struct::*flags;
  unsigned char bit;

  void read(const Struct& fixed, bool& on) const { on = (fixed.*flags & bit) != 0; }
  void write(bool on, Struct& fixed) const {
    if (on) fixed.*flags |= bit;
  }
};

/// The idle damping table (TCA_RED_STAB, TCA_CHOKE_STAB): always sent, as
/// tc sends it; the kernel never reports it.
struct IdleDampingTable {
  uint16_t type;
  static constexpr bool compared = false;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, RedIdleDamping& table) const {
    Result<RedIdleDamping> read = codec::NativeValue<RedIdleDamping>::parse(attribute);
    if (!read) return std::move(read).error();
    table = *read;
    return {};
  }
  void emit(const RedIdleDamping& table, wire::MessageBuilder& out) const { out.add_struct(type, table); }
};

/// TCA_RED_FLAGS, a struct nla_bitfield32 over red's four flags: sent with
/// every flag selected, as tc sends it. Each flag has its own line for diffs.
struct RedFlagsAttribute {
  uint16_t type;
  static constexpr bool compared = false;
  static constexpr uint32_t supported = TC_RED_ECN | TC_RED_HARDDROP | TC_RED_ADAPTATIVE | TC_RED_NODROP;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, Red& red) const {
    Result<nla_bitfield32> flags = codec::NativeValue<nla_bitfield32>::parse(attribute);
    if (!flags) return std::move(flags).error();
    red.ecn = (flags->value & TC_RED_ECN) != 0;
    red.harddrop = (flags->value & TC_RED_HARDDROP) != 0;
    red.adaptive = (flags->value & TC_RED_ADAPTATIVE) != 0;
    red.nodrop = (flags->value & TC_RED_NODROP) != 0;
    return {};
  }
  void emit(const Red& red, wire::MessageBuilder& out) const {
    const uint32_t value = (red.ecn ? TC_RED_ECN : 0) | (red.harddrop ? TC_RED_HARDDROP : 0) |
                           (red.adaptive ? TC_RED_ADAPTATIVE : 0) | (red.nodrop ? TC_RED_NODROP : 0);
    out.add_struct(type, nla_bitfield32{.value = value, .selector = supported});
  }
};

// red's struct leaves its flags byte 0, as tc does: the kernel takes flags
// from the byte or from TCA_RED_FLAGS, not both, and reports them in the latter.
inline constexpr auto red_parms = red_qopt_lines<Red>;

inline constexpr auto choke_parms = std::tuple_cat(
    red_qopt_lines<Choke>,
    std::tuple{field("ecn", &Choke::ecn, FlagBitIn<tc_red_qopt>{&tc_red_qopt::flags, TC_RED_ECN}),
               field("harddrop", &Choke::harddrop, FlagBitIn<tc_red_qopt>{&tc_red_qopt::flags, TC_RED_HARDDROP})});

template <>
struct KindTraits<Red> {
  static constexpr std::string_view kinds[] = {"red"};
  static constexpr auto fields = std::tuple{
      field("parms", WholeObject<Red>{}, StructIn<tc_red_qopt, red_parms>{TCA_RED_PARMS}),
      field("idle_damping", &Red::idle_damping, IdleDampingTable{TCA_RED_STAB}),
      field("max_probability", InnerMember{&Red::constants, &RedConstants::max_probability},
            codec::Always{TCA_RED_MAX_P}),
      field("flags", WholeObject<Red>{}, RedFlagsAttribute{TCA_RED_FLAGS}),
      field("early_drop_block", &Red::early_drop_block, TCA_RED_EARLY_DROP_BLOCK),
      field("mark_block", &Red::mark_block, TCA_RED_MARK_BLOCK),
      field("ecn", &Red::ecn, codec::Compared{}),
      field("harddrop", &Red::harddrop, codec::Compared{}),
      field("adaptive", &Red::adaptive, codec::Compared{}),
      field("nodrop", &Red::nodrop, codec::Compared{}),
  };

  static Result<void> validate(const Red& red, std::string_view kind) {
    if (red.nodrop && !red.ecn) return Error(errc::invalid_argument, "red nodrop: only with ecn");
    return red_checks(kind, red.min, red.max, red.constants, &red.idle_damping);
  }
};

template <>
struct KindTraits<Choke> {
  static constexpr std::string_view kinds[] = {"choke"};
  static constexpr auto fields = std::tuple{
      field("parms", WholeObject<Choke>{}, StructIn<tc_red_qopt, choke_parms>{TCA_CHOKE_PARMS}),
      field("idle_damping", &Choke::idle_damping, IdleDampingTable{TCA_CHOKE_STAB}),
      field("max_probability", InnerMember{&Choke::constants, &RedConstants::max_probability},
            codec::Always{TCA_CHOKE_MAX_P}),
  };

  static Result<void> validate(const Choke& choke, std::string_view kind) {
    constexpr uint32_t most_packets = 128 * 1024;  // CHOKE_MAX_QUEUE
    if (choke.limit > most_packets)
      return Error(errc::invalid_argument, "choke limit: " + std::to_string(choke.limit) + " is above 131072");
    return red_checks(kind, choke.min, choke.max, choke.constants, &choke.idle_damping);
  }
};

}  // namespace nlpp::rtnl::tc

// How each action kind maps onto TCA_ACT_OPTIONS. Every kind's options
// are a parms struct with the kernel's tc_gen members (index, control,
// reference counts: Action's members, handled once in action_codec.cpp;
// police's struct names them alike), its timestamps (struct tcf_t),
// padding, and attributes of its own. A kind's ActionKind says which
// attribute types these are, what its parms struct holds beyond tc_gen
// (read after the kind's attributes), its own attributes (a field table),
// the control tc sends when the words leave it out, and optionally:
//
//     static std::optional<std::string> refusal(const T&);  // why the options are wrong, for validate
//     static constexpr bool parms_last = true;  // the parms after the attributes, as tc sends them
//     static constexpr std::array parms_types{...};  // parms in several attribute types (pedit)
//     static void read(const Parms&, wire::Bytes payload, T&);  // parms going on past the struct
//     static void emit_parms(const T&, Parms& head, wire::MessageBuilder&);  // their own parms
//
// The kinds beyond gact, mirred and police are in action_kinds_*.hpp,
// included at the end so that every user of the table sees every kind.
#pragma once

#include <nlpp/rtnl/tc/action.hpp>

#include "codec/field.hpp"
#include "codec/value_codecs.hpp"
#include "rtnl/tc/psched.hpp"
#include "rtnl/tc/rate_codecs.hpp"

#include <linux/pkt_cls.h>
#include <linux/tc_act/tc_gact.h>
#include <linux/tc_act/tc_mirred.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace nlpp::rtnl::tc {

template <class Options>
struct ActionKind;

/// gact's random verdict: struct tc_gact_p in TCA_GACT_PROB.
struct GactRandomIn {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, std::optional<Gact::Random>& random) const {
    const tc_gact_p fixed = codec::NativeValue<tc_gact_p>::parse(attribute).value();
    random = Gact::Random{fixed.ptype, fixed.pval, Control(fixed.paction)};
    return {};
  }
  void emit(const std::optional<Gact::Random>& random, wire::MessageBuilder& out) const {
    if (random) out.add_struct(type, tc_gact_p{random->type, random->value, random->control.value()});
  }
};

template <>
struct ActionKind<Gact> {
  static constexpr std::string_view kinds[] = {"gact"};
  using Parms = tc_gact;
  static constexpr uint16_t parms_type = TCA_GACT_PARMS, times_type = TCA_GACT_TM, pad_type = TCA_GACT_PAD;
  static constexpr auto fields = std::tuple{codec::field("random", &Gact::random, GactRandomIn{TCA_GACT_PROB})};

  static void read(const Parms&, Gact&) {}
  static void write(const Gact&, Parms&) {}
  static Control default_control(const Gact&) { return Control::pass(); }
};

template <>
struct ActionKind<Mirred> {
  static constexpr std::string_view kinds[] = {"mirred"};
  using Parms = tc_mirred;
  static constexpr uint16_t parms_type = TCA_MIRRED_PARMS, times_type = TCA_MIRRED_TM, pad_type = TCA_MIRRED_PAD;
  static constexpr std::tuple<> fields{};

  static void read(const Parms& parms, Mirred& mirred) {
    mirred.direction = static_cast<Mirred::Direction>(parms.eaction);
    mirred.ifindex = parms.ifindex;
  }
  static void write(const Mirred& mirred, Parms& parms) {
    parms.eaction = static_cast<int>(mirred.direction);
    parms.ifindex = mirred.ifindex;
  }
  /// A redirect takes the packet (stolen); a mirror lets it go on (pipe).
  static Control default_control(const Mirred& mirred) {
    const bool redirect = mirred.direction == Mirred::Direction::egress_redirect ||
                          mirred.direction == Mirred::Direction::ingress_redirect;
    return redirect ? Control::stolen() : Control::pipe();
  }
  static std::optional<std::string> refusal(const Mirred& mirred) {
    if (mirred.ifindex == LinkRef()) return "the target link is required";
    return std::nullopt;
  }
};

/// police's conform verdict, TCA_POLICE_RESULT: sent unless it is the
/// kernel's default (pass), as tc sends it only when the words give it.
struct ConformIn {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, Control& conform) const {
    Result<int32_t> value = codec::NativeValue<int32_t>::parse(attribute);
    if (!value) return std::move(value).error();
    conform = Control(*value);
    return {};
  }
  void emit(Control conform, wire::MessageBuilder& out) const {
    if (conform != Control::pass()) out.add_s32(type, conform.value());
  }
};

template <>
struct ActionKind<Police> {
  static constexpr std::string_view kinds[] = {"police"};
  using Parms = tc_police;
  static constexpr uint16_t parms_type = TCA_POLICE_TBF, times_type = TCA_POLICE_TM, pad_type = TCA_POLICE_PAD;
  // In tc's order (m_police.c), after the parms.
  static constexpr auto fields = std::tuple{
      codec::field("rate_table", &Police::rate, RateTable{TCA_POLICE_RATE}),
      codec::field("rate64", &Police::rate, Rate64{TCA_POLICE_RATE64}),
      codec::field("peakrate_table", &Police::peakrate, RateTable{TCA_POLICE_PEAKRATE}),
      codec::field("peakrate64", &Police::peakrate, Rate64{TCA_POLICE_PEAKRATE64}),
      codec::field("avrate", &Police::avrate, codec::NonDefault{TCA_POLICE_AVRATE}),
      codec::field("conform", &Police::conform, ConformIn{TCA_POLICE_RESULT}),
  };

  // Read after the attributes: a 64-bit rate they gave stays, and the
  // bucket is converted at it.
  static void read(const Parms& parms, Police& police) {
    RateIn<tc_police>{&tc_police::rate}.read(parms, police.rate);
    RateIn<tc_police>{&tc_police::peakrate}.read(parms, police.peakrate);
    police.burst = transmit_bytes(police.rate.bytes_per_second, parms.burst);
    police.mtu = parms.mtu;
  }
  static void write(const Police& police, Parms& parms) {
    parms.rate = ratespec_of(police.rate);
    parms.burst = transmit_ticks(police.rate.bytes_per_second, police.burst);
    parms.mtu = police.mtu;
    parms.peakrate = ratespec_of(police.peakrate);
  }
  static Control default_control(const Police&) { return Control::reclassify(); }
  /// tc's checks of its police words (m_police.c), whose refusals the
  /// kernel would otherwise make less clearly or not at all.
  static std::optional<std::string> refusal(const Police& police) {
    const bool rate = police.rate.bytes_per_second != 0;
    if (!rate && police.avrate == 0 && police.mtu == 0) return "a rate, an average rate (avrate) or an mtu is required";
    if (rate && police.avrate != 0) return "a rate or an average rate, not both";
    if (rate && police.burst == 0) return "the rate needs a burst";
    if (police.peakrate.bytes_per_second != 0 && (!rate || police.mtu == 0))
      return "a peak rate needs a rate and an mtu";
    return std::nullopt;
  }
};

}  // namespace nlpp::rtnl::tc

#include "rtnl/tc/action_kinds_bpf.hpp"
#include "rtnl/tc/action_kinds_edit.hpp"
#include "rtnl/tc/action_kinds_flow.hpp"

// How each action kind maps onto TCA_ACT_OPTIONS. Every kind's options
// are a parms struct that starts with the kernel's tc_gen (index, control,
// reference counts: Action's members, handled once in action_codec.cpp),
// its timestamps (struct tcf_t), padding, and attributes of its own. A
// kind's ActionKind says which attribute types these are, what its
// parms struct holds beyond tc_gen, its own attributes (a field table), and
// the control tc sends when the words leave it out.
#pragma once

#include <nlpp/rtnl/tc/action.hpp>

#include "codec/field.hpp"
#include "codec/value_codecs.hpp"

#include <linux/tc_act/tc_gact.h>
#include <linux/tc_act/tc_mirred.h>

#include <array>
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
};

}  // namespace nlpp::rtnl::tc

// The action kinds that edit the packet or what the kernel keeps beside
// it: skbedit, vlan, csum, nat, pedit (see action_kinds.hpp for what an
// ActionKind says). Their attributes are listed in the order tc sends them.
#pragma once

#include <nlpp/rtnl/tc/action.hpp>

#include "codec/field.hpp"
#include "codec/object_accessors.hpp"
#include "codec/value_codecs.hpp"
#include "rtnl/tc/action_kinds.hpp"

#include <linux/tc_act/tc_csum.h>
#include <linux/tc_act/tc_nat.h>
#include <linux/tc_act/tc_pedit.h>
#include <linux/tc_act/tc_skbedit.h>
#include <linux/tc_act/tc_vlan.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace nlpp::rtnl::tc {

template <>
struct ActionKind<Skbedit> {
  static constexpr std::string_view kinds[] = {"skbedit"};
  using Parms = tc_skbedit;
  static constexpr uint16_t parms_type = TCA_SKBEDIT_PARMS, times_type = TCA_SKBEDIT_TM, pad_type = TCA_SKBEDIT_PAD;
  static constexpr auto fields = std::tuple{
      codec::field("queue_mapping", &Skbedit::queue_mapping, TCA_SKBEDIT_QUEUE_MAPPING),
      codec::field("priority", &Skbedit::priority, TCA_SKBEDIT_PRIORITY),
      codec::field("mark", &Skbedit::mark, TCA_SKBEDIT_MARK),
      codec::field("mask", &Skbedit::mask, TCA_SKBEDIT_MASK),
      codec::field("ptype", &Skbedit::ptype, TCA_SKBEDIT_PTYPE),
      codec::field("flags", &Skbedit::flags, codec::NonDefault{TCA_SKBEDIT_FLAGS}),
  };

  static void read(const Parms&, Skbedit&) {}
  static void write(const Skbedit&, Parms&) {}
  static Control default_control(const Skbedit&) { return Control::pipe(); }
  static std::optional<std::string> refusal(const Skbedit& skbedit);
};

template <>
struct ActionKind<Vlan> {
  static constexpr std::string_view kinds[] = {"vlan"};
  using Parms = tc_vlan;
  static constexpr uint16_t parms_type = TCA_VLAN_PARMS, times_type = TCA_VLAN_TM, pad_type = TCA_VLAN_PAD;
  static constexpr auto fields = std::tuple{
      codec::field("id", &Vlan::id, TCA_VLAN_PUSH_VLAN_ID),
      codec::field("protocol", &Vlan::protocol, codec::BigEndian{TCA_VLAN_PUSH_VLAN_PROTOCOL}),
      codec::field("priority", &Vlan::priority, TCA_VLAN_PUSH_VLAN_PRIORITY),
      codec::field("destination", &Vlan::destination, TCA_VLAN_PUSH_ETH_DST),
      codec::field("source", &Vlan::source, TCA_VLAN_PUSH_ETH_SRC),
  };

  static void read(const Parms& parms, Vlan& vlan) { vlan.operation = static_cast<Vlan::Operation>(parms.v_action); }
  static void write(const Vlan& vlan, Parms& parms) { parms.v_action = static_cast<int>(vlan.operation); }
  static Control default_control(const Vlan&) { return Control::pipe(); }
  static std::optional<std::string> refusal(const Vlan& vlan);
};

template <>
struct ActionKind<Csum> {
  static constexpr std::string_view kinds[] = {"csum"};
  using Parms = tc_csum;
  static constexpr uint16_t parms_type = TCA_CSUM_PARMS, times_type = TCA_CSUM_TM, pad_type = TCA_CSUM_PAD;
  static constexpr std::tuple<> fields{};

  static void read(const Parms& parms, Csum& csum) { csum.update_flags = parms.update_flags; }
  static void write(const Csum& csum, Parms& parms) { parms.update_flags = csum.update_flags; }
  static Control default_control(const Csum&) { return Control::pass(); }
  static std::optional<std::string> refusal(const Csum& csum);
};

template <>
struct ActionKind<Nat> {
  static constexpr std::string_view kinds[] = {"nat"};
  using Parms = tc_nat;
  static constexpr uint16_t parms_type = TCA_NAT_PARMS, times_type = TCA_NAT_TM, pad_type = TCA_NAT_PAD;
  static constexpr std::tuple<> fields{};

  static void read(const Parms& parms, Nat& nat);
  static void write(const Nat& nat, Parms& parms);
  static Control default_control(const Nat&) { return Control::pass(); }
  static std::optional<std::string> refusal(const Nat& nat);
};

/// TCA_PEDIT_KEYS_EX: each key's header and command, in the keys' order;
/// there, the keys are extended. The keys' other members are the parms'
/// (read after this).
struct PeditKeysExIn {
  uint16_t type;
  static constexpr bool compared = false;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, Pedit& pedit) const;
  void emit(const Pedit& pedit, wire::MessageBuilder& out) const;
};

/// pedit's parms are struct tc_pedit_sel followed by its keys, in
/// TCA_PEDIT_PARMS, or TCA_PEDIT_PARMS_EX for extended keys.
template <>
struct ActionKind<Pedit> {
  static constexpr std::string_view kinds[] = {"pedit"};
  using Parms = tc_pedit_sel;
  static constexpr uint16_t parms_type = TCA_PEDIT_PARMS, times_type = TCA_PEDIT_TM, pad_type = TCA_PEDIT_PAD;
  static constexpr std::array<uint16_t, 2> parms_types{TCA_PEDIT_PARMS, TCA_PEDIT_PARMS_EX};
  static constexpr auto fields =
      std::tuple{codec::field("keys_ex", codec::WholeObject<Pedit>{}, PeditKeysExIn{TCA_PEDIT_KEYS_EX})};

  static void read(const Parms& parms, wire::Bytes payload, Pedit& pedit);
  static void emit_parms(const Pedit& pedit, Parms& head, wire::MessageBuilder& out);
  static Control default_control(const Pedit&) { return Control::pass(); }
  static std::optional<std::string> refusal(const Pedit& pedit);
};

}  // namespace nlpp::rtnl::tc

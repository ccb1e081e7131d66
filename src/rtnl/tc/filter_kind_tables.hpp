// The filter kinds whose options are plain attribute sets: matchall, fw,
// bpf (u32, with its selector, has u32_table.hpp). Each table lists the
// attributes in the order tc sends them.
#pragma once

#include <nlpp/rtnl/tc/bpf_filter.hpp>
#include <nlpp/rtnl/tc/fw.hpp>
#include <nlpp/rtnl/tc/matchall.hpp>

#include "codec/reported.hpp"
#include "codec/uncompared.hpp"
#include "rtnl/tc/action_codec.hpp"
#include "rtnl/tc/kind_traits.hpp"

#include <linux/pkt_cls.h>

#include <array>
#include <string_view>
#include <tuple>
#include <vector>

namespace nlpp::rtnl::tc {

template <>
struct KindTraits<Matchall> {
  static constexpr std::string_view kinds[] = {"matchall"};
  static constexpr auto fields = std::tuple{
      field("classid", &Matchall::classid, TCA_MATCHALL_CLASSID),
      field("actions", &Matchall::actions, ActionsIn{TCA_MATCHALL_ACT}),
      field("flags", &Matchall::flags, TCA_MATCHALL_FLAGS),
      field("hits", &Matchall::hits, codec::Uncompared<codec::Reported>{{TCA_MATCHALL_PCNT}}),
      codec::padding<Matchall>(TCA_MATCHALL_PAD),
  };
  static Result<void> validate(const Matchall& matchall, std::string_view) {
    return validate_actions(matchall.actions, "matchall action");
  }
};

template <>
struct KindTraits<Fw> {
  static constexpr std::string_view kinds[] = {"fw"};
  static constexpr auto fields = std::tuple{
      field("mask", &Fw::mask, TCA_FW_MASK),
      field("classid", &Fw::classid, TCA_FW_CLASSID),
      field("indev", &Fw::indev, TCA_FW_INDEV),
      field("actions", &Fw::actions, ActionsIn{TCA_FW_ACT}),
  };
  static Result<void> validate(const Fw& fw, std::string_view) { return validate_actions(fw.actions, "fw action"); }
};

/// TCA_BPF_OPS_LEN and TCA_BPF_OPS (the bpf action's TCA_ACT_BPF_*):
/// classic bytecode, its length first.
struct ClassicBpfIn {
  uint16_t length_type;
  uint16_t ops_type;

  constexpr std::array<uint16_t, 2> types() const noexcept { return {length_type, ops_type}; }
  Result<void> parse(const wire::Attribute& attribute, std::vector<sock_filter>& program) const;
  void emit(const std::vector<sock_filter>& program, wire::MessageBuilder& out) const;
  /// One change: "4 instructions" (sock_filter has no ==).
  void diff(std::string_view name, const std::vector<sock_filter>& before, const std::vector<sock_filter>& after,
            FieldDiff& changes) const;
};

/// Two classic programs are the same instructions.
bool same_program(const std::vector<sock_filter>& a, const std::vector<sock_filter>& b);

/// TCA_BPF_FD: sent, never reported (the kernel reports the program's id).
struct ProgramFdIn {
  uint16_t type;
  static constexpr bool compared = false;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, int& fd) const;
  void emit(int fd, wire::MessageBuilder& out) const {
    if (fd >= 0) out.add_u32(type, static_cast<uint32_t>(fd));
  }
};

/// TCA_BPF_FLAGS's one flag, direct action.
struct DirectActionIn {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, bool& direct) const;
  void emit(bool direct, wire::MessageBuilder& out) const {
    if (direct) out.add_u32(type, TCA_BPF_FLAG_ACT_DIRECT);
  }
};

template <>
struct KindTraits<BpfFilter> {
  static constexpr std::string_view kinds[] = {"bpf"};
  static constexpr auto fields = std::tuple{
      field("classic", &BpfFilter::classic, ClassicBpfIn{TCA_BPF_OPS_LEN, TCA_BPF_OPS}),
      field("fd", &BpfFilter::fd, ProgramFdIn{TCA_BPF_FD}),
      field("name", &BpfFilter::name, TCA_BPF_NAME),
      field("classid", &BpfFilter::classid, TCA_BPF_CLASSID),
      field("actions", &BpfFilter::actions, ActionsIn{TCA_BPF_ACT}),
      field("flags", &BpfFilter::flags, TCA_BPF_FLAGS_GEN),
      field("direct_action", &BpfFilter::direct_action, DirectActionIn{TCA_BPF_FLAGS}),
      field("id", &BpfFilter::id, codec::Uncompared<codec::Reported>{{TCA_BPF_ID}}),
      field("tag", &BpfFilter::tag, codec::Uncompared<codec::Reported>{{TCA_BPF_TAG}}),
  };
  static Result<void> validate(const BpfFilter& bpf, std::string_view);
};

}  // namespace nlpp::rtnl::tc

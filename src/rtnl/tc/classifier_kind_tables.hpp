// The classifiers route, flow and cgroup (cls_route, cls_flow,
// cls_cgroup): plain attribute sets, each table in the order tc sends its
// words' attributes (f_route.c, f_flow.c, f_cgroup.c).
#pragma once

#include <nlpp/rtnl/tc/cgroup_filter.hpp>
#include <nlpp/rtnl/tc/flow_filter.hpp>
#include <nlpp/rtnl/tc/route_filter.hpp>

#include "rtnl/tc/action_codec.hpp"
#include "rtnl/tc/kind_traits.hpp"

#include <linux/pkt_cls.h>

#include <array>
#include <string_view>
#include <tuple>

namespace nlpp::rtnl::tc {

template <>
struct KindTraits<Route> {
  static constexpr std::string_view kinds[] = {"route"};
  static constexpr auto fields = std::tuple{
      field("from", &Route::from, TCA_ROUTE4_FROM),
      field("iif", &Route::iif, TCA_ROUTE4_IIF),
      field("to", &Route::to, TCA_ROUTE4_TO),
      field("classid", &Route::classid, TCA_ROUTE4_CLASSID),
      field("actions", &Route::actions, ActionsIn{TCA_ROUTE4_ACT}),
  };
  static Result<void> validate(const Route& route, std::string_view);
  /// The handle is what the filter matches: a filter added with none gets
  /// this one, as tc sends it.
  static uint32_t implied_handle(const Route& route) { return route_handle(route); }
};

/// TCA_FLOW_MASK or TCA_FLOW_XOR: sent, both, only when they change the
/// key (what the kernel reports too; tc sends them so).
struct FlowBitsIn {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, uint32_t& bits) const;
  void emit(uint32_t bits, wire::MessageBuilder& out, const Flow& flow) const;
};

template <>
struct KindTraits<Flow> {
  static constexpr std::string_view kinds[] = {"flow"};
  // tc sends the words' attributes as it reads them, then the mode, the
  // mask and the xor it composed from `and`, `or` and `xor`.
  static constexpr auto fields = std::tuple{
      field("keys", &Flow::keys, codec::NonDefault{TCA_FLOW_KEYS}),
      field("rshift", &Flow::rshift, TCA_FLOW_RSHIFT),
      field("addend", &Flow::addend, TCA_FLOW_ADDEND),
      field("divisor", &Flow::divisor, TCA_FLOW_DIVISOR),
      field("baseclass", &Flow::baseclass, TCA_FLOW_BASECLASS),
      field("perturb", &Flow::perturb, TCA_FLOW_PERTURB),
      field("actions", &Flow::actions, ActionsIn{TCA_FLOW_ACT}),
      field("mode", &Flow::mode, codec::Always{TCA_FLOW_MODE}),
      field("mask", &Flow::mask, FlowBitsIn{TCA_FLOW_MASK}),
      field("xor", &Flow::xor_bits, FlowBitsIn{TCA_FLOW_XOR}),
  };
  static Result<void> validate(const Flow& flow, std::string_view);
};

template <>
struct KindTraits<Cgroup> {
  static constexpr std::string_view kinds[] = {"cgroup"};
  static constexpr auto fields = std::tuple{
      field("actions", &Cgroup::actions, ActionsIn{TCA_CGROUP_ACT}),
  };
  static Result<void> validate(const Cgroup& cgroup, std::string_view) {
    return validate_actions(cgroup.actions, "cgroup action");
  }
};

}  // namespace nlpp::rtnl::tc

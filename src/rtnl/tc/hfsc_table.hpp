// hfsc: the qdisc's TCA_OPTIONS is struct tc_hfsc_qopt; a class's holds
// its service curves (each a struct tc_service_curve), in tc's order:
// real-time, link-share, upper limit.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/tc/hfsc.hpp>

#include "rtnl/tc/kind_traits.hpp"

#include <linux/pkt_sched.h>

#include <array>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

namespace nlpp::rtnl::tc {

template <>
struct KindTraits<Hfsc> {
  static constexpr std::string_view kinds[] = {"hfsc"};
  using Struct = tc_hfsc_qopt;
  static constexpr auto fields = std::tuple{field("default", &Hfsc::default_class, in_header(&tc_hfsc_qopt::defcls))};
};

// One service curve in its attribute, sent when set.
struct ServiceCurveIn {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, std::optional<ServiceCurve>& curve) const {
    const wire::Bytes payload = attribute.payload();
    if (payload.size() < sizeof(tc_service_curve)) return codec::wrong_size(attribute, sizeof(tc_service_curve));
    tc_service_curve read{};
    std::memcpy(&read, payload.data(), sizeof read);
    curve = ServiceCurve{.m1 = read.m1, .d = read.d, .m2 = read.m2};
    return {};
  }
  void emit(const std::optional<ServiceCurve>& curve, wire::MessageBuilder& out) const {
    if (curve) out.add_struct(type, tc_service_curve{.m1 = curve->m1, .d = curve->d, .m2 = curve->m2});
  }
};

template <>
struct KindTraits<HfscClass> {
  static constexpr std::string_view kinds[] = {"hfsc"};
  static constexpr auto fields = std::tuple{
      field("rsc", &HfscClass::rsc, ServiceCurveIn{TCA_HFSC_RSC}),
      field("fsc", &HfscClass::fsc, ServiceCurveIn{TCA_HFSC_FSC}),
      field("usc", &HfscClass::usc, ServiceCurveIn{TCA_HFSC_USC}),
  };

  // tc's checks (the kernel takes a curve of two zero slopes as none, and
  // makes no class without a real-time or link-share curve).
  static Result<void> validate(const HfscClass& options, std::string_view) {
    if (!options.rsc && !options.fsc && !options.usc)
      return Error(errc::invalid_argument, "hfsc class: a service curve is required (rsc, fsc or usc)");
    if (options.usc && !options.fsc)
      return Error(errc::invalid_argument, "hfsc class usc: an upper limit needs a link-share curve (fsc)");
    const std::array<std::pair<std::string_view, const std::optional<ServiceCurve>*>, 3> curves{
        {{"rsc", &options.rsc}, {"fsc", &options.fsc}, {"usc", &options.usc}}};
    for (const auto& [name, curve] : curves)
      if (*curve && (*curve)->m1 == 0 && (*curve)->m2 == 0)
        return Error(errc::invalid_argument, "hfsc class " + std::string(name) + ": both slopes are 0");
    return {};
  }
};

}  // namespace nlpp::rtnl::tc

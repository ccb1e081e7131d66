// tbf: TCA_TBF_PARMS (struct tc_tbf_qopt) and, in tc's order, the burst
// in bytes, the 64-bit rates and the rate tables.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/tc/tbf.hpp>

#include "codec/uncompared.hpp"
#include "rtnl/tc/kind_traits.hpp"

#include <linux/pkt_sched.h>

#include <string_view>
#include <tuple>

namespace nlpp::rtnl::tc {

inline constexpr auto tbf_parms = std::tuple{
    field("rate", &Tbf::rate, RateIn<tc_tbf_qopt>{&tc_tbf_qopt::rate}),
    field("peakrate", &Tbf::peakrate, RateIn<tc_tbf_qopt>{&tc_tbf_qopt::peakrate}),
    field("limit", &Tbf::limit, in_header(&tc_tbf_qopt::limit)),
    field("burst", WholeObject<Tbf>{}, BucketIn<Tbf, tc_tbf_qopt>{&Tbf::burst, &Tbf::rate, &tc_tbf_qopt::buffer}),
    field("minburst", WholeObject<Tbf>{},
          BucketIn<Tbf, tc_tbf_qopt>{&Tbf::minburst, &Tbf::peakrate, &tc_tbf_qopt::mtu}),
};

// TCA_TBF_PBURST: the peak bucket in bytes, with a peak rate only.
struct PeakBurst {
  uint16_t type;
  static constexpr bool compared = false;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, Tbf& tbf) const {
    Result<uint32_t> bytes = codec::NativeValue<uint32_t>::parse(attribute);
    if (!bytes) return std::move(bytes).error();
    tbf.minburst = *bytes;
    return {};
  }
  void emit(const Tbf& tbf, wire::MessageBuilder& out) const {
    if (tbf.peakrate.bytes_per_second != 0) out.add_u32(type, tbf.minburst);
  }
};

template <>
struct KindTraits<Tbf> {
  static constexpr std::string_view kinds[] = {"tbf"};
  static constexpr auto fields = std::tuple{
      field("parms", WholeObject<Tbf>{}, StructIn<tc_tbf_qopt, tbf_parms>{TCA_TBF_PARMS}),
      field("burst", &Tbf::burst, codec::Uncompared<codec::Always>{{TCA_TBF_BURST}}),
      field("rate64", &Tbf::rate, Rate64{TCA_TBF_RATE64}),
      field("rtab", &Tbf::rate, RateTable{TCA_TBF_RTAB}),
      field("prate64", &Tbf::peakrate, Rate64{TCA_TBF_PRATE64}),
      field("pburst", WholeObject<Tbf>{}, PeakBurst{TCA_TBF_PBURST}),
      field("ptab", &Tbf::peakrate, RateTable{TCA_TBF_PTAB}),
  };

  static Result<void> validate(const Tbf& tbf, std::string_view) {
    if (tbf.rate.bytes_per_second == 0) return Error(errc::invalid_argument, "tbf rate: required");
    if (tbf.burst == 0) return Error(errc::invalid_argument, "tbf burst: required");
    if (tbf.limit == 0) return Error(errc::invalid_argument, "tbf limit: required");
    if (tbf.peakrate.bytes_per_second != 0 && tbf.minburst == 0)
      return Error(errc::invalid_argument, "tbf minburst (mtu): required with a peakrate");
    return {};
  }
};

}  // namespace nlpp::rtnl::tc

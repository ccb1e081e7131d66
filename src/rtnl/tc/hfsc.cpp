#include <nlpp/rtnl/tc/hfsc.hpp>

namespace nlpp::rtnl::tc {

std::string to_string(const ServiceCurve& curve) {
  return "m1 " + std::to_string(curve.m1) + "B/s d " + std::to_string(curve.d) + "us m2 " + std::to_string(curve.m2) +
         "B/s";
}

}  // namespace nlpp::rtnl::tc

// The matchall filter: every packet, to a class or through actions (the
// usual way to mirror a whole port, or to police it).
#pragma once

#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/tc/action.hpp>
#include <nlpp/rtnl/tc_handle.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace nlpp::rtnl::tc {

/// A matchall filter's options.
struct Matchall {
  std::optional<TcHandle> classid{};  ///< TCA_MATCHALL_CLASSID
  std::optional<uint32_t> flags{};    ///< TCA_MATCHALL_FLAGS: TCA_CLS_FLAGS_SKIP_HW...
  std::vector<Action> actions{};      ///< TCA_MATCHALL_ACT, in order
  /// TCA_MATCHALL_PCNT (reported): packets matched in software.
  std::optional<uint64_t> hits{};
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Matchall&, const Matchall&) = default;
};

}  // namespace nlpp::rtnl::tc

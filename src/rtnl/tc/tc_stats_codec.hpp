// TCA_STATS2 -> TcStats: read, never sent, not compared.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/tc_stats.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <array>
#include <cstdint>
#include <optional>

namespace nlpp::rtnl::tc {

TcStats parse_stats(const wire::Attribute& stats2);

struct StatsIn {
  uint16_t type;
  static constexpr bool compared = false;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, std::optional<TcStats>& stats) const {
    stats = parse_stats(attribute);
    return {};
  }
  void emit(const std::optional<TcStats>&, wire::MessageBuilder&) const {}
};

}  // namespace nlpp::rtnl::tc

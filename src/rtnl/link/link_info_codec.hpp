// IFLA_LINKINFO to and from LinkInfo: the kind strings, and the kind data
// through the registry (link_data.hpp).
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/codec/field_change.hpp>
#include <nlpp/rtnl/link_info.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <array>
#include <cstdint>
#include <optional>

namespace nlpp::rtnl::link {

/// The codec of Link's IFLA_LINKINFO line (see codec/field.hpp).
struct LinkInfoCodec {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, std::optional<LinkInfo>& info) const;
  void emit(const std::optional<LinkInfo>& info, wire::MessageBuilder& out) const;
};

/// Each data's struct serves its kind and passes the kind's checks.
Result<void> validate_link_info(const LinkInfo& info);

/// "kind", "data.*", "slave_kind", "slave_data.*" changes; an absent
/// LinkInfo compares as an empty one.
void diff_link_info(const std::optional<LinkInfo>& before, const std::optional<LinkInfo>& after, FieldDiff& diff);

}  // namespace nlpp::rtnl::link

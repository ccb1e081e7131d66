// The kind registry: IFLA_INFO_DATA and IFLA_INFO_SLAVE_DATA to and from
// LinkData / SlaveData, each kind through its KindTraits table (the engine
// is codec/kind_data.hpp's, which tc's options share). Which
// struct serves a kind is read off the variants' alternatives (their
// KindTraits<T>::kinds), so link_info.hpp's variants are the one list.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/codec/field_change.hpp>
#include <nlpp/rtnl/link_info.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <string_view>

namespace nlpp::rtnl::link {

/// The data of kind: the struct that serves the kind, or GenericData when
/// none does, or when the attributes do not fit the struct (nothing the
/// kernel sent is lost, and one odd link does not fail a whole dump).
/// data is the whole IFLA_INFO_DATA (IFLA_INFO_SLAVE_DATA) attribute.
LinkData parse_link_data(std::string_view kind, const wire::Attribute& data);
SlaveData parse_slave_data(std::string_view slave_kind, const wire::Attribute& data);

/// A nested attribute of type holding the data's attributes; nothing for monostate.
void emit_data(const LinkData& data, uint16_t type, wire::MessageBuilder& out);
void emit_data(const SlaveData& data, uint16_t type, wire::MessageBuilder& out);

/// The data's struct serves kind (GenericData serves any), and passes its
/// kind's own checks. field names the kind in errors ("link info kind").
Result<void> validate_data(const LinkData& data, std::string_view kind, std::string_view field);
Result<void> validate_data(const SlaveData& data, std::string_view kind, std::string_view field);

/// Member by member ("data.vni", "slave_data.cost") when both hold the same
/// struct; otherwise one change of "data" / "slave_data".
void diff_data(const LinkData& before, const LinkData& after, FieldDiff& diff);
void diff_data(const SlaveData& before, const SlaveData& after, FieldDiff& diff);

}  // namespace nlpp::rtnl::link

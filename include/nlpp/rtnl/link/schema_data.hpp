// Kind data by the names the kernel's YNL spec (rt-link's linkinfo-data-msg
// and linkinfo-member-data-msg) gives its attributes: the way to the kinds
// nlpp has no struct for (hsr, netkit, ovpn, erspan...), so that nothing
// the kernel documents is out of reach. The spec says each attribute's id
// and wire type; these calls encode and decode GenericData through it.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/enum_text.hpp>
#include <nlpp/rtnl/link/generic_data.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace nlpp::rtnl::link {

/// Which nest the data is: a link's IFLA_INFO_DATA (by its kind), or a
/// port's IFLA_INFO_SLAVE_DATA (by its master's kind).
enum class DataNest { data, slave_data };

/// "data", "slave-data": the nests' names in the spec (rt-link's linkinfo
/// attributes), or the number.
std::string to_string(DataNest nest);

/// A value as the spec's types hold it: an unsigned (u8...u64, uint) or
/// signed (s8...s64, sint) integer in host order, text (string), bytes
/// (binary), or presence (flag).
using SchemaValue = std::variant<uint64_t, int64_t, std::string, std::vector<std::byte>, bool>;

/// Appends attribute `name` of kind's set to data, encoded as the spec says
/// (an integer at its width and byte order, a NUL-terminated string...).
/// errc::invalid_argument when the spec has no such kind or attribute, the
/// value is not of the attribute's type or does not fit its width, or the
/// attribute is a nest (build those with RawAttribute).
Result<void> add_attribute(GenericData& data, std::string_view kind, std::string_view name, const SchemaValue& value,
                           DataNest nest = DataNest::data);

/// The value of attribute `name` of kind's set in data, decoded as the spec
/// says; errc::not_found when data does not have it, errc::invalid_argument
/// as for add_attribute(), errc::malformed_attribute when its payload does
/// not fit its type.
Result<SchemaValue> find_attribute(const GenericData& data, std::string_view kind, std::string_view name,
                                   DataNest nest = DataNest::data);

}  // namespace nlpp::rtnl::link

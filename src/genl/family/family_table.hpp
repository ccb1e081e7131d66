// How genl::Family maps onto nlctrl's attributes: the field tables the
// engine (codec/field_table.hpp) parses and emits it through.
#pragma once

#include <nlpp/genl/family.hpp>

#include "codec/field.hpp"
#include "codec/indexed_nests.hpp"
#include "codec/value_codecs.hpp"

#include <linux/genetlink.h>

#include <tuple>

namespace nlpp::genl {

inline constexpr auto operation_fields = std::tuple{
    codec::field("command", &FamilyOperation::command, codec::NonDefault{CTRL_ATTR_OP_ID}),
    codec::field("flags", &FamilyOperation::flags, codec::NonDefault{CTRL_ATTR_OP_FLAGS}),
};

inline constexpr auto multicast_group_fields = std::tuple{
    codec::field("name", &MulticastGroup::name, codec::NonDefault{CTRL_ATTR_MCAST_GRP_NAME}),
    codec::field("id", &MulticastGroup::id, codec::NonDefault{CTRL_ATTR_MCAST_GRP_ID}),
};

inline constexpr auto family_fields = std::tuple{
    codec::field("id", &Family::id, codec::NonDefault{CTRL_ATTR_FAMILY_ID}),
    codec::field("name", &Family::name, codec::NonDefault{CTRL_ATTR_FAMILY_NAME}),
    codec::field("version", &Family::version, codec::NonDefault{CTRL_ATTR_VERSION}),
    codec::field("header_size", &Family::header_size, codec::NonDefault{CTRL_ATTR_HDRSIZE}),
    codec::field("max_attribute", &Family::max_attribute, codec::NonDefault{CTRL_ATTR_MAXATTR}),
    codec::field("operations", &Family::operations,
                 codec::IndexedNests<FamilyOperation, operation_fields>{CTRL_ATTR_OPS, "operation"}),
    codec::field("multicast_groups", &Family::multicast_groups,
                 codec::IndexedNests<MulticastGroup, multicast_group_fields>{CTRL_ATTR_MCAST_GROUPS,
                                                                              "multicast group"}),
};

}  // namespace nlpp::genl

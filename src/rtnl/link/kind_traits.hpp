// How a link kind's typed data maps onto IFLA_INFO_DATA (or, for the ports
// of a bridge or bond, IFLA_INFO_SLAVE_DATA). Each kind's <kind>_table.hpp
// specialises KindTraits once; link_info.hpp's LinkData / SlaveData list the
// structs, and the one engine behind them (codec/kind_data.hpp, which tc's
// options share) parses, emits, validates and diffs every kind.
#pragma once

#include "codec/field.hpp"
#include "codec/header_codecs.hpp"
#include "codec/kind_data.hpp"
#include "codec/value_codecs.hpp"

#include <string_view>
#include <type_traits>

namespace nlpp::rtnl::link {

// The table vocabulary every kind's table writes in.
using codec::BigEndian;
using codec::field;
using codec::FlagReportedAsU8;
using codec::IpPair;
using codec::Native;
using codec::NativeValue;
using codec::NestedList;

/// Specialised per kind data type Data:
///
///     // The IFLA_INFO_KIND (or IFLA_INFO_SLAVE_KIND) values Data serves.
///     static constexpr std::string_view kinds[] = {"gre", "gretap"};
///     // One line per member (codec/field.hpp): std::tuple{field("ttl", &Gre::ttl, IFLA_GRE_TTL), ...}.
///     static constexpr auto fields = std::tuple{...};
///     // Optional: checks before anything is sent, naming the field; kind
///     // is the IFLA_INFO_KIND the data goes with.
///     static Result<void> validate(const Data&, std::string_view kind);
///
/// Data itself is an aggregate whose members are the kind's attributes plus
/// `std::vector<RawAttribute> unknown`, which keeps the attributes no line
/// claims so that nothing the kernel sent is lost.
template <class Data>
struct KindTraits;

/// An alternative of LinkData / SlaveData that is a kind's struct (not
/// std::monostate or GenericData).
template <class T>
concept Modelled = codec::ModelledKind<KindTraits, T>;

/// Which alternative serves kind, for codec::with_alternative().
inline auto serving(std::string_view kind) { return codec::serving<KindTraits>(kind); }

}  // namespace nlpp::rtnl::link

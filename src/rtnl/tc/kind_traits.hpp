// How a tc kind's typed options map onto TCA_OPTIONS. Each kind's
// <kind>_table.hpp specialises KindTraits once (codec/kind_data.hpp says
// what it holds: the kinds served, the lines, and for a kind whose options
// are a struct, the struct); tc_options.hpp's QdiscOptions / ClassOptions
// list the structs, and the engine shared with link kinds parses, emits,
// validates and diffs them.
#pragma once

#include "codec/field.hpp"
#include "codec/header_codecs.hpp"
#include "codec/kind_data.hpp"
#include "codec/object_accessors.hpp"
#include "codec/struct_codecs.hpp"
#include "codec/value_codecs.hpp"
#include "rtnl/tc/rate_codecs.hpp"

namespace nlpp::rtnl::tc {

// The table vocabulary every kind's table writes in.
using codec::field;
using codec::in_header;
using codec::StructIn;
using codec::WholeObject;

template <class Options>
struct KindTraits;

}  // namespace nlpp::rtnl::tc

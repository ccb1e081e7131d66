// The words after the classful kinds hfsc, drr, ets and mqprio, as tc's
// q_hfsc.c, q_drr.c, q_ets.c and q_mqprio.c read them: the same keywords,
// defaults and units, and their errors as UsageError before anything is
// sent.
#pragma once

#include "words.hpp"

#include <nlpp/rtnl/tc_options.hpp>

#include <optional>
#include <string_view>

namespace nlpp::cli {

/// The qdisc options of kind when it is one of these kinds; nullopt otherwise.
std::optional<rtnl::QdiscOptions> parse_classful_qdisc_options(std::string_view kind, Words& words);
/// The class options of kind when it is one of these kinds (mqprio's classes take none); nullopt otherwise.
std::optional<rtnl::ClassOptions> parse_classful_class_options(std::string_view kind, Words& words);

}  // namespace nlpp::cli

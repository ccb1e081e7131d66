// The words after the queue management kinds codel, fq_codel, fq, sfq,
// pie, fq_pie, red and choke, as tc's q_*.c read them: the same keywords
// (whole words, as tc compares them), defaults and units, and their
// errors as UsageError before anything is sent. RED's constants are the
// library's (Red::sized(), Choke::sized(), SfqRed::sized()), from the
// terms the words give.
#pragma once

#include "words.hpp"

#include <nlpp/rtnl/tc_options.hpp>

#include <optional>
#include <string_view>

namespace nlpp::cli {

/// The qdisc options of kind when it is one of these kinds; nullopt otherwise.
std::optional<rtnl::QdiscOptions> parse_aqm_qdisc_options(std::string_view kind, Words& words);

}  // namespace nlpp::cli

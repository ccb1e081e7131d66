// The words after a qdisc's or class's kind, as each of tc's q_*.c reads
// them (tbf: "rate 1mbit burst 10k latency 50ms"), into the kind's typed
// options. A kind nlpp has no struct for takes no words: it is added with
// the kernel's defaults.
#pragma once

#include "words.hpp"

#include <nlpp/rtnl/tc_options.hpp>

#include <string_view>

namespace nlpp::cli {

rtnl::QdiscOptions parse_qdisc_options(std::string_view kind, Words& words);
rtnl::ClassOptions parse_class_options(std::string_view kind, Words& words);

}  // namespace nlpp::cli

// The words after a filter's kind, as each of tc's f_*.c reads them, into
// the kind's typed options, and the filter's `handle` in the kind's terms.
// One table of kinds (u32, matchall, fw, bpf, flower): adding a kind is a line
// there and its parser.
#pragma once

#include "session.hpp"
#include "tc_filter_words.hpp"
#include "words.hpp"

#include <nlpp/rtnl/tc_filter_options.hpp>

#include <cstdint>
#include <string_view>

namespace nlpp::cli {

/// Whether nlpp reads the words of filter kind `kind`.
bool is_known_filter_kind(std::string_view kind);

/// Reads handle.word (if any) into handle.value, then the words after the
/// kind (all of them) into its options. No words: no options (monostate),
/// as tc sends none. A kind nlpp does not know takes no words (a delete
/// may name it) and a handle only as a number.
rtnl::FilterOptions parse_filter_options(std::string_view kind, Session& session, Words& words, FilterHandle& handle);

/// A handle as kind reads it ("800::800" for u32, a mark for fw); without
/// a kind (show), u32's form when it holds a ':', else a number.
uint32_t parse_filter_handle(std::string_view kind, std::string_view word);

}  // namespace nlpp::cli

// Classic BPF programs as tc takes them (lib/bpf_legacy.c): `bytecode
// 'N,c t f k,c t f k,...'` (the count, then each instruction's code, jump
// if true, jump if false and constant, in decimal: what `tcpdump -ddd`
// prints, commas for its newlines) or `bytecode-file FILE` (the same, one
// instruction a line allowed).
#pragma once

#include "words.hpp"

#include <linux/filter.h>

#include <string_view>
#include <vector>

namespace nlpp::cli {

/// The instructions of "N,c t f k,..."; N must be their number (1 to
/// BPF_MAXINSNS). UsageError naming what is wrong.
std::vector<sock_filter> parse_bpf_bytecode(std::string_view text);

/// The instructions of FILE, whose newlines count as commas.
std::vector<sock_filter> read_bpf_bytecode_file(std::string_view path);

/// The program whose first word, `mode`, was just read: `bytecode
/// 'N,...'` (`bc`) or `bytecode-file FILE` (`bcf`); eBPF programs
/// (`object-file`, `object-pinned`, `fd`) are refused as not supported yet.
/// `what` names the program's user in messages ("bpf").
std::vector<sock_filter> read_classic_bpf(std::string_view mode, Words& words, std::string_view what);

}  // namespace nlpp::cli

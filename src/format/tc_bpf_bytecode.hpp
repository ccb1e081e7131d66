// Internal: classic BPF bytecode as tc prints it (lib/bpf_legacy.c
// bpf_print_ops()), for the bpf filter and the bpf action.
#pragma once

#include <nlpp/core/json_writer.hpp>

#include <linux/filter.h>

#include <string>
#include <vector>

namespace nlpp::format::detail {

/// "bytecode":{"length":N,"insns":[{"code":...,"jt":...,"jf":...,"k":...}]}.
void write_bpf_bytecode(JsonWriter& json, const std::vector<sock_filter>& program);
/// "bytecode 'N,c t f k,...'", as tc takes and prints it.
std::string bpf_bytecode_text(const std::vector<sock_filter>& program);

}  // namespace nlpp::format::detail

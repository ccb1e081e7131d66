// BPF in one include: maps and programs through bpf(2) (no libbpf), and
// the instructions to write small programs by hand (docs/BPF.md).
#pragma once

#include <nlpp/bpf/instructions.hpp>
#include <nlpp/bpf/map.hpp>
#include <nlpp/bpf/program.hpp>

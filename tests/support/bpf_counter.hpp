// The BPF program the tests count with: it adds 1 to the u64 at key 0 of
// an array map and returns TC_ACT_OK, so that as a clsact direct-action
// filter it counts the packets it sees and lets them through. Written with
// include/nlpp/bpf/instructions.hpp, as that header's example.
#pragma once

#include <nlpp/bpf/instructions.hpp>
#include <nlpp/bpf/map.hpp>
#include <nlpp/bpf/program.hpp>

#include <linux/bpf.h>
#include <linux/pkt_cls.h>

#include <array>

namespace nlpp::test {

/// The counting program over the map whose fd this is; 12 slots.
inline std::array<bpf_insn, 12> counting_program(int map_fd) {
  using namespace bpf;
  return instructions(mov64_imm(Reg::r1, 0), stx_mem(Size::word, Reg::r10, Reg::r1, -4),  // u32 key = 0, on the stack
                      mov64_reg(Reg::r2, Reg::r10), alu64_imm(AluOp::add, Reg::r2, -4),   // r2 = &key
                      ld_map_fd(Reg::r1, map_fd),                                         // r1 = the map
                      call_helper(BPF_FUNC_map_lookup_elem),                              // r0 = &value, or null
                      jmp_imm(JmpOp::equal, Reg::r0, 0, 2),                               // null: skip the add
                      mov64_imm(Reg::r1, 1), atomic_add(Size::double_word, Reg::r0, Reg::r1, 0),  // *r0 += 1
                      mov64_imm(Reg::r0, TC_ACT_OK), exit_insn());
}

/// An array map holding the one counter (key u32 0, value u64), "counter".
inline Result<bpf::Map> create_counter_map() {
  return bpf::Map::create(
      {.type = BPF_MAP_TYPE_ARRAY, .key_size = 4, .value_size = 8, .max_entries = 1, .name = "counter"});
}

/// The counting program over map, loaded for tc (BPF_PROG_TYPE_SCHED_CLS)
/// as "count_packets".
inline Result<bpf::Program> load_counting_program(const bpf::Map& map) {
  const std::array<bpf_insn, 12> program = counting_program(map.fd());
  return bpf::Program::load({.type = BPF_PROG_TYPE_SCHED_CLS, .instructions = program, .name = "count_packets"});
}

}  // namespace nlpp::test

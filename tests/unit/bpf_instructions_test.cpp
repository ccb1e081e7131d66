// eBPF instructions built by include/nlpp/bpf/instructions.hpp, checked
// byte for byte against the kernel's instruction format
// (Documentation/bpf/standardization/instruction-set.rst): the opcode byte
// (class | size or operation | mode or source), the registers' byte (dst in
// the low nibble, src in the high one, as struct bpf_insn's bitfields lie
// on a little-endian machine), the 16-bit offset and the 32-bit immediate,
// little-endian. The expected bytes are what `llvm-objdump -d` (LLVM 14)
// prints for the same instructions assembled by clang -target bpf; those
// its assembler does not take (a store of an immediate, BPF_JSET) are
// the kernel's opcode table's.
#include <nlpp/bpf/instructions.hpp>

#include "support/bpf_counter.hpp"

#include <gtest/gtest.h>
#include <linux/pkt_cls.h>

#include <array>
#include <bit>
#include <cstdio>
#include <span>
#include <string>

namespace nlpp::bpf {
namespace {

// "bf a2 00 00 00 00 00 00", slot after slot separated by " | ".
std::string bytes(std::span<const bpf_insn> program) {
  std::string text;
  for (const bpf_insn& insn : program) {
    if (!text.empty()) text += " | ";
    for (uint8_t byte : std::bit_cast<std::array<uint8_t, sizeof(bpf_insn)>>(insn)) {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%02x ", byte);
      text += hex;
    }
    text.pop_back();
  }
  return text;
}
std::string bytes(const bpf_insn& insn) { return bytes(std::span(&insn, 1)); }

class BpfInstructions : public ::testing::Test {
 protected:
  void SetUp() override {
    if constexpr (std::endian::native != std::endian::little)
      GTEST_SKIP() << "the expected bytes are a little-endian machine's";
  }
};

TEST_F(BpfInstructions, sizes_and_fields_are_the_kernels) {
  static_assert(sizeof(bpf_insn) == 8);
  constexpr bpf_insn load = ldx_mem(Size::half_word, Reg::r3, Reg::r7, -6);
  static_assert(load.code == (BPF_LDX | BPF_H | BPF_MEM));
  static_assert(load.dst_reg == BPF_REG_3 && load.src_reg == BPF_REG_7);
  static_assert(load.off == -6 && load.imm == 0);
  static_assert(static_cast<uint8_t>(Reg::frame_pointer) == BPF_REG_10);
}

TEST_F(BpfInstructions, moves_and_arithmetic_are_alu64_with_the_source_bit) {
  EXPECT_EQ(bytes(mov64_imm(Reg::r1, 1)), "b7 01 00 00 01 00 00 00");                        // r1 = 1
  EXPECT_EQ(bytes(mov64_imm(Reg::r0, -1)), "b7 00 00 00 ff ff ff ff");                       // r0 = -1
  EXPECT_EQ(bytes(mov64_reg(Reg::r2, Reg::r10)), "bf a2 00 00 00 00 00 00");                 // r2 = r10
  EXPECT_EQ(bytes(alu64_imm(AluOp::add, Reg::r2, -4)), "07 02 00 00 fc ff ff ff");           // r2 += -4
  EXPECT_EQ(bytes(alu64_reg(AluOp::mul, Reg::r3, Reg::r4)), "2f 43 00 00 00 00 00 00");      // r3 *= r4
  EXPECT_EQ(bytes(alu64_imm(AluOp::arsh, Reg::r5, 3)), "c7 05 00 00 03 00 00 00");           // r5 s>>= 3
  EXPECT_EQ(bytes(alu64_reg(AluOp::bit_xor, Reg::r6, Reg::r6)), "af 66 00 00 00 00 00 00");  // r6 ^= r6
}

TEST_F(BpfInstructions, a_64_bit_immediate_takes_two_slots_low_half_first) {
  // r0 = 0x1122334455667788 ll: the second slot's opcode is 0.
  EXPECT_EQ(bytes(ld_imm64(Reg::r0, 0x1122334455667788)), "18 00 00 00 88 77 66 55 | 00 00 00 00 44 33 22 11");
  // A map by fd: src_reg BPF_PSEUDO_MAP_FD (1) says what the immediate is.
  EXPECT_EQ(bytes(ld_map_fd(Reg::r1, 7)), "18 11 00 00 07 00 00 00 | 00 00 00 00 00 00 00 00");
  constexpr std::array<bpf_insn, 2> map = ld_map_fd(Reg::r1, 7);
  static_assert(map[0].src_reg == BPF_PSEUDO_MAP_FD && map[1].code == 0 && map[1].src_reg == 0);
}

TEST_F(BpfInstructions, memory_accesses_carry_size_mode_and_offset) {
  EXPECT_EQ(bytes(ldx_mem(Size::word, Reg::r0, Reg::r1, 0)), "61 10 00 00 00 00 00 00");   // r0 = *(u32 *)(r1 + 0)
  EXPECT_EQ(bytes(ldx_mem(Size::byte, Reg::r2, Reg::r1, 12)), "71 12 0c 00 00 00 00 00");  // r2 = *(u8 *)(r1 + 12)
  EXPECT_EQ(bytes(stx_mem(Size::double_word, Reg::r10, Reg::r1, -8)),
            "7b 1a f8 ff 00 00 00 00");                                              // *(u64 *)(r10 - 8) = r1
  EXPECT_EQ(bytes(st_mem(Size::word, Reg::r10, -4, 0)), "62 0a fc ff 00 00 00 00");  // *(u32 *)(r10 - 4) = 0
  EXPECT_EQ(bytes(st_mem(Size::half_word, Reg::r10, -2, 0x1234)),
            "6a 0a fe ff 34 12 00 00");  // *(u16 *)(r10 - 2) = 0x1234
}

TEST_F(BpfInstructions, an_atomic_add_is_stx_atomic_with_the_operation_in_the_immediate) {
  // lock *(u64 *)(r0 + 0) += r1, and the 32-bit form: imm BPF_ADD (0), no BPF_FETCH.
  EXPECT_EQ(bytes(atomic_add(Size::double_word, Reg::r0, Reg::r1, 0)), "db 10 00 00 00 00 00 00");
  EXPECT_EQ(bytes(atomic_add(Size::word, Reg::r2, Reg::r3, 16)), "c3 32 10 00 00 00 00 00");
}

TEST_F(BpfInstructions, jumps_calls_and_exit) {
  EXPECT_EQ(bytes(jmp_imm(JmpOp::equal, Reg::r0, 0, 2)), "15 00 02 00 00 00 00 00");          // if r0 == 0 goto +2
  EXPECT_EQ(bytes(jmp_imm(JmpOp::signed_less, Reg::r1, -1, 5)), "c5 01 05 00 ff ff ff ff");   // if r1 s< -1 goto +5
  EXPECT_EQ(bytes(jmp_reg(JmpOp::greater, Reg::r1, Reg::r2, 3)), "2d 21 03 00 00 00 00 00");  // if r1 > r2 goto +3
  EXPECT_EQ(bytes(jmp_reg(JmpOp::any_bit_set, Reg::r4, Reg::r5, -2)), "4d 54 fe ff 00 00 00 00");  // if r4 & r5
  EXPECT_EQ(bytes(jmp_always(-1)), "05 00 ff ff 00 00 00 00");                                     // goto -1
  EXPECT_EQ(bytes(call_helper(BPF_FUNC_map_lookup_elem)), "85 00 00 00 01 00 00 00");              // call 1
  EXPECT_EQ(bytes(call_helper(BPF_FUNC_ktime_get_ns)), "85 00 00 00 05 00 00 00");                 // call 5
  EXPECT_EQ(bytes(exit_insn()), "95 00 00 00 00 00 00 00");
}

TEST_F(BpfInstructions, instructions_joins_single_and_double_slots_in_order) {
  constexpr auto program = instructions(mov64_imm(Reg::r0, TC_ACT_OK), ld_imm64(Reg::r1, 1), exit_insn());
  static_assert(program.size() == 4);
  EXPECT_EQ(bytes(program),
            "b7 00 00 00 00 00 00 00 | 18 01 00 00 01 00 00 00 | 00 00 00 00 00 00 00 00 | "
            "95 00 00 00 00 00 00 00");
  // An array built before is a part like any other.
  constexpr auto longer = instructions(program, exit_insn());
  static_assert(longer.size() == 5 && longer[4].code == (BPF_JMP | BPF_EXIT));
}

TEST_F(BpfInstructions, the_counting_program_is_what_clang_compiles_for_it) {
  // tests/support/bpf_counter.hpp's, with map fd 3. clang -O2 -target bpf
  // compiles
  //   __u32 key = 0; __u64 *value = bpf_map_lookup_elem(&map, &key);
  //   if (value) __sync_fetch_and_add(value, 1); return TC_ACT_OK;
  // into the same bytes, but for the map's load: a relocation there (src 0,
  // imm 0), which libbpf turns into BPF_PSEUDO_MAP_FD and the fd.
  const std::array<bpf_insn, 12> counter = test::counting_program(3);
  EXPECT_EQ(bytes(counter),
            "b7 01 00 00 00 00 00 00 | 63 1a fc ff 00 00 00 00 | "
            "bf a2 00 00 00 00 00 00 | 07 02 00 00 fc ff ff ff | "
            "18 11 00 00 03 00 00 00 | 00 00 00 00 00 00 00 00 | 85 00 00 00 01 00 00 00 | "
            "15 00 02 00 00 00 00 00 | b7 01 00 00 01 00 00 00 | db 10 00 00 00 00 00 00 | "
            "b7 00 00 00 00 00 00 00 | 95 00 00 00 00 00 00 00");
}

}  // namespace
}  // namespace nlpp::bpf

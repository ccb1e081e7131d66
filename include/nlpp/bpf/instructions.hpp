// eBPF instructions written by hand: constexpr functions that build struct
// bpf_insn as the kernel's own macros do (include/linux/filter.h,
// samples/bpf), named after them in lower case (BPF_MOV64_IMM ->
// mov64_imm, BPF_LD_MAP_FD -> ld_map_fd), with registers, sizes and
// operations as enums so that an immediate cannot pass for a register.
// Enough for the small programs tests and tools write without a compiler;
// programs in ELF objects are libbpf's business (docs/BPF.md).
//
// Each function returns one instruction, except the 64-bit immediate loads
// (ld_imm64, ld_map_fd), which take two slots: instructions() joins both
// kinds into one array. A jump's offset counts slots, from the instruction
// after the jump.
//
//     #include <nlpp/bpf/instructions.hpp>
//     using namespace nlpp::bpf;
//
//     // Adds 1 to the u64 at key 0 of the array map map_fd, and lets the packet pass.
//     const auto counter = instructions(
//         mov64_imm(Reg::r1, 0),                            // u32 key = 0, on the stack
//         stx_mem(Size::word, Reg::r10, Reg::r1, -4),
//         mov64_reg(Reg::r2, Reg::r10),                     // r2 = &key
//         alu64_imm(AluOp::add, Reg::r2, -4),
//         ld_map_fd(Reg::r1, map_fd),                       // r1 = the map (two slots)
//         call_helper(BPF_FUNC_map_lookup_elem),            // r0 = &value, or null
//         jmp_imm(JmpOp::equal, Reg::r0, 0, 2),             // null: skip the add
//         mov64_imm(Reg::r1, 1),
//         atomic_add(Size::double_word, Reg::r0, Reg::r1, 0),
//         mov64_imm(Reg::r0, TC_ACT_OK),
//         exit_insn());  // 12 slots, as clang -O2 -target bpf compiles the same in C
#pragma once

#include <linux/bpf.h>
#include <linux/bpf_common.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace nlpp::bpf {

/// The eBPF registers (BPF_REG_0..BPF_REG_10): r0 holds a helper's and the
/// program's return value, r1-r5 a helper's arguments (r1 the program's
/// context on entry), r6-r9 survive calls, r10 is the read-only frame
/// pointer (the stack is the 512 bytes below it).
enum class Reg : uint8_t {
  r0 = BPF_REG_0,
  r1 = BPF_REG_1,
  r2 = BPF_REG_2,
  r3 = BPF_REG_3,
  r4 = BPF_REG_4,
  r5 = BPF_REG_5,
  r6 = BPF_REG_6,
  r7 = BPF_REG_7,
  r8 = BPF_REG_8,
  r9 = BPF_REG_9,
  r10 = BPF_REG_10,
  frame_pointer = BPF_REG_10,
};

/// The width of a memory access (BPF_SIZE of the opcode).
enum class Size : uint8_t {
  byte = BPF_B,         ///< 8 bits
  half_word = BPF_H,    ///< 16 bits
  word = BPF_W,         ///< 32 bits
  double_word = BPF_DW  ///< 64 bits
};

/// Two-operand arithmetic (BPF_OP of a BPF_ALU64 opcode). Moves are
/// mov64_imm() and mov64_reg().
enum class AluOp : uint8_t {
  add = BPF_ADD,
  sub = BPF_SUB,
  mul = BPF_MUL,
  div = BPF_DIV,  ///< unsigned; by zero gives 0
  bit_or = BPF_OR,
  bit_and = BPF_AND,
  lsh = BPF_LSH,  ///< shift left
  rsh = BPF_RSH,  ///< logical shift right
  mod = BPF_MOD,  ///< unsigned; by zero leaves dst as it was
  bit_xor = BPF_XOR,
  arsh = BPF_ARSH,  ///< arithmetic (sign-extending) shift right
};

/// Conditions of a jump (BPF_OP of a BPF_JMP opcode), comparing dst with an
/// immediate or a register.
enum class JmpOp : uint8_t {
  equal = BPF_JEQ,
  not_equal = BPF_JNE,
  greater = BPF_JGT,  ///< unsigned >
  greater_equal = BPF_JGE,
  less = BPF_JLT,
  less_equal = BPF_JLE,
  signed_greater = BPF_JSGT,
  signed_greater_equal = BPF_JSGE,
  signed_less = BPF_JSLT,
  signed_less_equal = BPF_JSLE,
  any_bit_set = BPF_JSET,  ///< dst & operand != 0
};

namespace detail {

/// One instruction from its fields (the kernel's BPF_RAW_INSN).
constexpr bpf_insn raw_insn(int code, Reg dst, Reg src, int16_t off, int32_t imm) {
  bpf_insn insn{};
  insn.code = static_cast<uint8_t>(code);
  insn.dst_reg = static_cast<uint8_t>(dst);
  insn.src_reg = static_cast<uint8_t>(src);
  insn.off = off;
  insn.imm = imm;
  return insn;
}

/// BPF_LD | BPF_DW | BPF_IMM: the first slot holds the low 32 bits and says
/// what the value is (src: 0 a number, BPF_PSEUDO_MAP_FD a map's fd); the
/// second, an otherwise empty instruction, the high 32 bits.
constexpr std::array<bpf_insn, 2> ld_imm64_raw(Reg dst, uint8_t src, uint64_t imm) {
  bpf_insn low = raw_insn(BPF_LD | BPF_DW | BPF_IMM, dst, Reg::r0, 0, static_cast<int32_t>(imm & 0xffffffffu));
  low.src_reg = src;  // what the immediate is, not a register
  return {low, raw_insn(0, Reg::r0, Reg::r0, 0, static_cast<int32_t>(imm >> 32))};
}

template <class T>
inline constexpr bool is_insn_array = false;
template <std::size_t n>
inline constexpr bool is_insn_array<std::array<bpf_insn, n>> = true;

template <class T>
constexpr std::size_t slots() {
  if constexpr (std::is_same_v<T, bpf_insn>)
    return 1;
  else
    return std::tuple_size_v<T>;
}

}  // namespace detail

/// An instruction (bpf_insn) or consecutive ones (std::array<bpf_insn, n>:
/// a 64-bit load, or a part of a program built before).
template <class T>
concept Instructions = std::is_same_v<T, bpf_insn> || detail::is_insn_array<T>;

/// dst = imm, sign-extended to 64 bits (BPF_MOV64_IMM).
constexpr bpf_insn mov64_imm(Reg dst, int32_t imm) {
  return detail::raw_insn(BPF_ALU64 | BPF_MOV | BPF_K, dst, Reg::r0, 0, imm);
}
/// dst = src (BPF_MOV64_REG).
constexpr bpf_insn mov64_reg(Reg dst, Reg src) { return detail::raw_insn(BPF_ALU64 | BPF_MOV | BPF_X, dst, src, 0, 0); }
/// dst = dst op imm, in 64 bits (BPF_ALU64_IMM).
constexpr bpf_insn alu64_imm(AluOp op, Reg dst, int32_t imm) {
  return detail::raw_insn(BPF_ALU64 | static_cast<int>(op) | BPF_K, dst, Reg::r0, 0, imm);
}
/// dst = dst op src, in 64 bits (BPF_ALU64_REG).
constexpr bpf_insn alu64_reg(AluOp op, Reg dst, Reg src) {
  return detail::raw_insn(BPF_ALU64 | static_cast<int>(op) | BPF_X, dst, src, 0, 0);
}

/// dst = imm, a full 64-bit value: two slots (BPF_LD_IMM64).
constexpr std::array<bpf_insn, 2> ld_imm64(Reg dst, uint64_t imm) { return detail::ld_imm64_raw(dst, 0, imm); }
/// dst = the map whose fd this is (BPF_LD_MAP_FD): two slots, which the
/// verifier rewrites into the map's address when it loads the program.
constexpr std::array<bpf_insn, 2> ld_map_fd(Reg dst, int map_fd) {
  return detail::ld_imm64_raw(dst, BPF_PSEUDO_MAP_FD, static_cast<uint32_t>(map_fd));
}

/// dst = *(size *)(src + off) (BPF_LDX_MEM).
constexpr bpf_insn ldx_mem(Size size, Reg dst, Reg src, int16_t off) {
  return detail::raw_insn(BPF_LDX | static_cast<int>(size) | BPF_MEM, dst, src, off, 0);
}
/// *(size *)(dst + off) = src (BPF_STX_MEM).
constexpr bpf_insn stx_mem(Size size, Reg dst, Reg src, int16_t off) {
  return detail::raw_insn(BPF_STX | static_cast<int>(size) | BPF_MEM, dst, src, off, 0);
}
/// *(size *)(dst + off) = imm (BPF_ST_MEM).
constexpr bpf_insn st_mem(Size size, Reg dst, int16_t off, int32_t imm) {
  return detail::raw_insn(BPF_ST | static_cast<int>(size) | BPF_MEM, dst, Reg::r0, off, imm);
}
/// *(size *)(dst + off) += src, atomically (BPF_ATOMIC_OP(size, BPF_ADD,
/// ...), formerly BPF_XADD): the operation is in the immediate. The
/// verifier takes Size::word and Size::double_word only.
constexpr bpf_insn atomic_add(Size size, Reg dst, Reg src, int16_t off) {
  return detail::raw_insn(BPF_STX | static_cast<int>(size) | BPF_ATOMIC, dst, src, off, BPF_ADD);
}

/// if (dst op imm) skip off slots (BPF_JMP_IMM).
constexpr bpf_insn jmp_imm(JmpOp op, Reg dst, int32_t imm, int16_t off) {
  return detail::raw_insn(BPF_JMP | static_cast<int>(op) | BPF_K, dst, Reg::r0, off, imm);
}
/// if (dst op src) skip off slots (BPF_JMP_REG).
constexpr bpf_insn jmp_reg(JmpOp op, Reg dst, Reg src, int16_t off) {
  return detail::raw_insn(BPF_JMP | static_cast<int>(op) | BPF_X, dst, src, off, 0);
}
/// Skip off slots unconditionally (BPF_JMP_A).
constexpr bpf_insn jmp_always(int16_t off) { return detail::raw_insn(BPF_JMP | BPF_JA, Reg::r0, Reg::r0, off, 0); }

/// r0 = helper(r1, ..., r5): a kernel helper by its number
/// (BPF_FUNC_map_lookup_elem...; BPF_EMIT_CALL). Clobbers r1-r5.
constexpr bpf_insn call_helper(bpf_func_id helper) {
  return detail::raw_insn(BPF_JMP | BPF_CALL, Reg::r0, Reg::r0, 0, static_cast<int32_t>(helper));
}
/// Return r0 (BPF_EXIT_INSN).
constexpr bpf_insn exit_insn() { return detail::raw_insn(BPF_JMP | BPF_EXIT, Reg::r0, Reg::r0, 0, 0); }

/// The instructions and arrays of instructions given, in order, as one
/// array: a program for LoadOptions::instructions.
template <Instructions... Parts>
constexpr std::array<bpf_insn, (detail::slots<Parts>() + ... + 0)> instructions(const Parts&... parts) {
  std::array<bpf_insn, (detail::slots<Parts>() + ... + 0)> program{};
  std::size_t next = 0;
  auto append = [&](const auto& part) {
    if constexpr (std::is_same_v<std::decay_t<decltype(part)>, bpf_insn>)
      program[next++] = part;
    else
      for (const bpf_insn& insn : part) program[next++] = insn;
  };
  (append(parts), ...);
  return program;
}

}  // namespace nlpp::bpf

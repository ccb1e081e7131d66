// What of the verifier's log a refused program's Error carries
// (src/bpf/verifier_log.hpp). The logs are what kernel 6.18's verifier
// wrote at log level 1 for two refused programs.
#include "bpf/verifier_log.hpp"

#include <gtest/gtest.h>

#include <string>

namespace nlpp::bpf {
namespace {

// r0 = r2; exit, r2 never written.
constexpr std::string_view uninitialised_register =
    "0: R1=ctx() R10=fp0\n"
    "0: (bf) r0 = r2\n"
    "R2 !read_ok\n"
    "processed 1 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n";

TEST(BpfVerifierLog, keeps_the_last_lines_before_the_statistics) {
  EXPECT_EQ(verifier_log_tail(uninitialised_register), "0: R1=ctx() R10=fp0 | 0: (bf) r0 = r2 | R2 !read_ok");
  EXPECT_EQ(verifier_log_tail(uninitialised_register, 1), "R2 !read_ok");
}

TEST(BpfVerifierLog, takes_fewer_lines_than_asked_and_a_buffer_with_nuls_after_the_text) {
  // A map lookup with a number for its key's address.
  std::string log =
      "0: R1=ctx() R10=fp0\n"
      "3: (85) call bpf_map_lookup_elem#1\n"
      "R2 type=scalar expected=fp, pkt, pkt_meta, map_key, map_value\n"
      "processed 3 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n";
  log.append(64, '\0');
  EXPECT_EQ(verifier_log_tail(log, 10),
            "0: R1=ctx() R10=fp0 | 3: (85) call bpf_map_lookup_elem#1 | "
            "R2 type=scalar expected=fp, pkt, pkt_meta, map_key, map_value");
}

TEST(BpfVerifierLog, an_empty_log_or_one_without_statistics_or_newline) {
  EXPECT_EQ(verifier_log_tail(""), "");
  EXPECT_EQ(verifier_log_tail(std::string(16, '\0')), "");
  EXPECT_EQ(verifier_log_tail("unknown opcode 8d\n\n"), "unknown opcode 8d");
  EXPECT_EQ(verifier_log_tail("a\nb"), "a | b");
}

}  // namespace
}  // namespace nlpp::bpf

// The CPU lists of /sys/devices/system/cpu/possible, counted as per-CPU
// maps size their values (src/bpf/cpu_list.hpp).
#include "bpf/cpu_list.hpp"

#include <gtest/gtest.h>

namespace nlpp::bpf {
namespace {

TEST(BpfCpuList, counts_ranges_and_single_cpus) {
  EXPECT_EQ(count_cpu_list("0\n"), 1u);
  EXPECT_EQ(count_cpu_list("0-1\n"), 2u);
  EXPECT_EQ(count_cpu_list("0-63"), 64u);
  EXPECT_EQ(count_cpu_list("0,2-3,8-11\n"), 7u);
}

TEST(BpfCpuList, anything_else_is_not_a_list) {
  for (std::string_view text : {"", "\n", "a", "0-", "-1", "3-1", "0,,1", "0,", "0-1x", "0 1"})
    EXPECT_EQ(count_cpu_list(text), std::nullopt) << '"' << text << '"';
}

}  // namespace
}  // namespace nlpp::bpf

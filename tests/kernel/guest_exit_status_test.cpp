// The guest tier's proof that a failing test fails the whole run:
// tests/vm/selftest.sh runs this test in the QEMU guest with
// NLPP_VM_SELFTEST_FAIL=1 and expects tests/vm/run.sh to exit non-zero.
// Everywhere else the variable is unset and the test passes.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string_view>

namespace {

TEST(GuestExitStatus, fails_only_when_nlpp_vm_selftest_fail_is_set) {
  const char* fail = std::getenv("NLPP_VM_SELFTEST_FAIL");
  EXPECT_FALSE(fail != nullptr && std::string_view(fail) == "1") << "NLPP_VM_SELFTEST_FAIL=1: failing on purpose";
}

}  // namespace

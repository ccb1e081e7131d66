#include <nlpp/core/error.hpp>
#include <nlpp/core/result.hpp>

#include <gtest/gtest.h>

#include <cerrno>

namespace nlpp {
namespace {

TEST(Error, kernel_errno_keeps_system_category_and_names_the_errno) {
  const Error error = Error::from_errno(EEXIST, "RTM_NEWLINK");
  EXPECT_EQ(error.code(), std::error_code(EEXIST, std::system_category()));
  EXPECT_EQ(error.describe(), "RTM_NEWLINK: File exists (EEXIST)");
}

TEST(Error, describe_includes_extended_ack_text_and_attribute_path) {
  ExtendedAck ack;
  ack.message = "Unknown device type";
  ack.offset = 40;
  ack.attribute_path = "linkinfo.kind";
  const Error error(std::error_code(EOPNOTSUPP, std::system_category()), "RTM_NEWLINK", ack);
  EXPECT_EQ(error.describe(),
            "RTM_NEWLINK: Operation not supported (EOPNOTSUPP): Unknown device type [attribute linkinfo.kind]");
  EXPECT_EQ(error.ext_ack().offset, 40u);
}

TEST(Error, enobufs_is_an_overrun_and_nothing_else_is) {
  EXPECT_TRUE(Error::from_errno(ENOBUFS).is_overrun());
  EXPECT_FALSE(Error::from_errno(EAGAIN).is_overrun());
  EXPECT_FALSE(Error(errc::truncated_message, "x").is_overrun());
}

TEST(Error, nlpp_conditions_live_in_their_own_category) {
  const Error error(errc::dump_interrupted, "RTM_GETROUTE");
  EXPECT_EQ(error.code(), errc::dump_interrupted);
  EXPECT_STREQ(error.code().category().name(), "nlpp");
  EXPECT_NE(error.code(), std::error_code(static_cast<int>(errc::dump_interrupted), std::system_category()));
}

TEST(Result, holds_a_value_or_an_error) {
  Result<int> good = 42;
  ASSERT_TRUE(good);
  EXPECT_EQ(*good, 42);
  Result<int> bad = Error(errc::not_found, "link eth9");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code(), errc::not_found);
  EXPECT_EQ(bad.value_or(7), 7);
  EXPECT_THROW((void)bad.value(), std::system_error);
}

TEST(Result, void_result_reports_failure) {
  Result<void> ok;
  EXPECT_TRUE(ok);
  EXPECT_NO_THROW(ok.value());
  Result<void> failed = Error::from_errno(EPERM);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code().value(), EPERM);
  EXPECT_THROW(failed.value(), std::system_error);
}

}  // namespace
}  // namespace nlpp

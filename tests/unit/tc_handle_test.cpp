// tc handles in tc's words (include/nlpp/rtnl/tc_handle.hpp): the texts
// are what `tc -j qdisc show` and `tc class show` printed on Debian's
// iproute2 6.1 for an htb tree ("1:", "1:a", "1:1ff"), a pfifo under a
// class ("20:" with parent "1:1ff"), ingress and clsact qdiscs (handle
// "ffff:", parent "ffff:fff1").
#include <nlpp/rtnl/tc_handle.hpp>

#include <gtest/gtest.h>

namespace nlpp::rtnl {
namespace {

TcHandle parsed(std::string_view text) {
  Result<TcHandle> handle = TcHandle::parse(text);
  EXPECT_TRUE(handle) << text << ": " << handle.error().describe();
  return handle.value_or(TcHandle());
}

TEST(TcHandle, reads_and_prints_what_tc_prints) {
  for (const char* text : {"1:", "20:", "1:a", "1:1ff", "ffff:", "ffff:fff1", ":a", "root", "none"})
    EXPECT_EQ(parsed(text).to_string(), text);
  EXPECT_EQ(parsed("1:1ff"), TcHandle(1, 0x1ff));
  EXPECT_EQ(parsed("1:1ff").major_id(), 1);
  EXPECT_EQ(parsed("1:1ff").minor_id(), 0x1ff);
}

TEST(TcHandle, root_ingress_and_the_clsact_hooks_are_the_kernels_numbers) {
  EXPECT_EQ(parsed("root").value(), 0xffffffffu);
  EXPECT_EQ(TcHandle::ingress().to_string(), "ffff:fff1");
  EXPECT_EQ(TcHandle::clsact_ingress().to_string(), "ffff:fff2");
  EXPECT_EQ(TcHandle::clsact_egress().to_string(), "ffff:fff3");
  EXPECT_EQ(TcHandle().value(), 0u);
}

TEST(TcHandle, takes_tcs_other_spellings) {
  EXPECT_EQ(parsed("10001"), TcHandle(1, 1));  // one hex number: the whole handle
  EXPECT_EQ(parsed("A:B"), TcHandle(0xa, 0xb));
  EXPECT_EQ(TcHandle::parse_qdisc("1").value(), TcHandle(1, 0));
  EXPECT_EQ(TcHandle::parse_qdisc("ffff:").value(), TcHandle(0xffff, 0));
  EXPECT_EQ(TcHandle::parse_qdisc("none").value(), TcHandle());
}

TEST(TcHandle, refuses_what_is_not_a_handle_and_says_why) {
  for (const char* text : {"", "x", "1:10000", "10000:1", "1:2:3", "1:g", "1 :2"}) {
    Result<TcHandle> handle = TcHandle::parse(text);
    ASSERT_FALSE(handle) << text;
    EXPECT_EQ(handle.error().code(), make_error_code(errc::invalid_argument)) << text;
    EXPECT_NE(handle.error().describe().find(text), std::string::npos) << handle.error().describe();
  }
  for (const char* text : {"", ":", "1:1", "10000:", "root"}) EXPECT_FALSE(TcHandle::parse_qdisc(text)) << text;
}

}  // namespace
}  // namespace nlpp::rtnl

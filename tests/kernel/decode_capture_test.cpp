// `nlpp decode` on traffic the kernel really carried: an nlmon device in the
// test's namespace sees every netlink message there; the test records what
// crosses it while `nlpp link add` creates a dummy link, writes it as a pcap
// the way libpcap does (a cooked header from each packet's sockaddr_ll), and
// decodes it with the tool. Needs the nlmon and dummy modules: the guest
// tier runs it (tests/vm/must_run.txt); elsewhere it skips.
#include "support/iproute2.hpp"
#include "support/netns_fixture.hpp"
#include "support/nlpp_cli.hpp"
#include "support/subprocess.hpp"

#include <nlpp/core/unique_fd.hpp>
#include <nlpp/netns/netns.hpp>
#include <nlpp/wire/bytes.hpp>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#ifdef NLPP_CLI_PATH
namespace nlpp::test {
namespace {

// Files a test writes, removed with it.
class TempFiles {
 public:
  TempFiles() = default;
  TempFiles(const TempFiles&) = delete;
  TempFiles& operator=(const TempFiles&) = delete;
  ~TempFiles() {
    for (const std::string& path : paths_) std::remove(path.c_str());
  }

  // Writes text to a file of its own; returns its path.
  std::string write(const std::string& text) {
    std::string path = "/tmp/nlpp-decode-XXXXXX";
    const UniqueFd fd(mkstemp(path.data()));
    EXPECT_GE(fd.get(), 0);
    paths_.push_back(path);
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

 private:
  std::vector<std::string> paths_;
};

class DecodeCapture : public NetnsTest {
 protected:
  void SetUp() override {
    NetnsTest::SetUp();
    const Result<CommandOutput> added = run_command({"ip", "-n", ns_name(), "link", "add", "nlmon0", "type", "nlmon"});
    ASSERT_TRUE(added);
    if (added->exit_code != 0) GTEST_SKIP() << "this kernel has no nlmon: " << added->err;
    ip_run(ns_name(), "link set nlmon0 up");
    const nlohmann::json nlmon = ip_json(ns_name(), "link show nlmon0");
    ASSERT_TRUE(nlmon.is_array() && !nlmon.empty());
    Result<UniqueFd> packet_socket = netns::open_socket(ns_ref(), AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
    ASSERT_TRUE(packet_socket) << packet_socket.error().describe();
    socket_ = std::move(*packet_socket);
    sockaddr_ll address{};
    address.sll_family = AF_PACKET;
    address.sll_protocol = htons(ETH_P_ALL);
    address.sll_ifindex = nlmon[0]["ifindex"].get<int>();
    ASSERT_EQ(bind(socket_.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
  }

  // Every packet nlmon0 carried since SetUp, as a nanosecond pcap of
  // LINKTYPE_NETLINK (timestamps left at zero: they are not what is tested).
  std::string capture_pcap() {
    std::string pcap;
    auto put = [&](const auto& value) { pcap.append(reinterpret_cast<const char*>(&value), sizeof value); };
    put(uint32_t{0xa1b23c4d}), put(uint16_t{2}), put(uint16_t{4}), put(int32_t{0}), put(uint32_t{0});
    put(uint32_t{65535}), put(uint32_t{253});
    std::vector<char> buffer(1 << 16);
    for (pollfd ready{socket_.get(), POLLIN, 0}; poll(&ready, 1, 200) == 1;) {
      sockaddr_ll from{};
      socklen_t from_length = sizeof from;
      const ssize_t length =
          recvfrom(socket_.get(), buffer.data(), buffer.size(), 0, reinterpret_cast<sockaddr*>(&from), &from_length);
      if (length < 0) break;
      put(uint32_t{0}), put(uint32_t{0}), put(static_cast<uint32_t>(length + 16)),
          put(static_cast<uint32_t>(length + 16));
      // The cooked header, big endian: packet type, ARPHRD_ type, address length, address, protocol.
      put(htons(from.sll_pkttype)), put(htons(from.sll_hatype)), put(htons(0)), put(uint64_t{0});
      put(from.sll_protocol);  // already in network byte order
      pcap.append(buffer.data(), static_cast<size_t>(length));
    }
    return pcap;
  }

  nlohmann::json decode(const std::vector<std::string>& words) {
    std::vector<std::string> argv{NLPP_CLI_PATH, "decode"};
    argv.insert(argv.end(), words.begin(), words.end());
    const Result<CommandOutput> ran = run_command(argv);
    EXPECT_TRUE(ran && ran->exit_code == 0) << command_line(argv) << ": " << (ran ? ran->err : "");
    return ran && nlohmann::json::accept(ran->out) ? nlohmann::json::parse(ran->out) : nlohmann::json();
  }

  TempFiles files_;

 private:
  UniqueFd socket_;
};

// The message nlpp sent to create `name`, from `nlpp decode`'s output.
nlohmann::json find_newlink_request(const nlohmann::json& decoded, const std::string& name) {
  for (const nlohmann::json& message : decoded)
    if (message["direction"] == "request" && message["message"]["message"] == "newlink" &&
        message["message"]["attributes"]["ifname"] == name)
      return message;
  return nullptr;
}

TEST_F(DecodeCapture, nlpp_decode_shows_the_link_add_nlpp_sent_and_the_kernels_ack) {
  const CommandOutput added = run_nlpp(ns_name(), "link add dummy0 mtu 1400 type dummy");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  const nlohmann::json link = ip_json(ns_name(), "link show dummy0");
  ASSERT_TRUE(link.is_array() && link.size() == 1);
  ASSERT_EQ(link[0]["linkinfo"]["info_kind"], "dummy");

  const std::string pcap = capture_pcap();
  const nlohmann::json decoded = decode({files_.write(pcap)});
  ASSERT_TRUE(decoded.is_array()) << decoded;
  const nlohmann::json request = find_newlink_request(decoded, "dummy0");
  ASSERT_TRUE(request.is_object()) << decoded.dump(1);
  EXPECT_EQ(request["protocol"], "route");
  EXPECT_EQ(request["message"]["attributes"]["mtu"], 1400);
  EXPECT_EQ(request["message"]["attributes"]["linkinfo"]["kind"], "dummy");
  bool acked = false;
  for (const nlohmann::json& message : decoded)
    acked = acked || (message["direction"] == "reply" && message["message"]["message"] == "error" &&
                      message["message"]["header"]["error"] == 0 &&
                      message["message"]["header"]["msg-seq"] == request["message"]["nlmsg_seq"]);
  EXPECT_TRUE(acked) << "no ACK of the request in " << decoded.dump(1);

  // The same request as a hex dump: the bytes after its cooked header.
  const size_t at = request["offset"].get<size_t>();
  const uint32_t length = wire::load<uint32_t>(wire::bytes_of(std::string_view(pcap).substr(at)));
  std::string hex;
  for (const char byte : pcap.substr(at, length)) {
    static constexpr char digits[] = "0123456789abcdef";
    hex += digits[static_cast<uint8_t>(byte) >> 4];
    hex += digits[static_cast<uint8_t>(byte) & 15];
    hex += ' ';
  }
  const nlohmann::json from_hex = decode({"hex", "--protocol", "route", files_.write(hex)});
  ASSERT_TRUE(from_hex.is_array() && from_hex.size() == 1) << from_hex;
  EXPECT_EQ(from_hex[0]["message"], request["message"]);
}

// The tool on stored input, which needs no nlmon: it runs everywhere.
class DecodeCommand : public NetnsTest {
 protected:
  static CommandOutput decode(const std::vector<std::string>& words) { return run({NLPP_CLI_PATH}, words); }
  // The same with an address space of at most `bytes`, as `ulimit -v` sets.
  static CommandOutput decode_within(size_t bytes, const std::vector<std::string>& words) {
    return run({"prlimit", "--as=" + std::to_string(bytes), NLPP_CLI_PATH}, words);
  }
  static CommandOutput run(std::vector<std::string> argv, const std::vector<std::string>& words) {
    argv.insert(argv.end(), words.begin(), words.end());
    const Result<CommandOutput> ran = run_command(argv);
    EXPECT_TRUE(ran) << command_line(argv);
    return ran ? *ran : CommandOutput{};
  }
  static std::string data(const std::string& name) { return std::string(NLPP_TEST_DATA_DIR) + "/capture/" + name; }
};

TEST_F(DecodeCommand, decodes_a_stored_nlmon_capture_and_hexdump_output) {
  const CommandOutput pcap = decode({"-p", "decode", "pcap", data("nlmon_link_add.pcap")});
  ASSERT_EQ(pcap.exit_code, 0) << pcap.err;
  const nlohmann::json messages = nlohmann::json::parse(pcap.out);
  ASSERT_EQ(messages.size(), 10u);
  EXPECT_EQ(messages[2]["message"]["attributes"]["linkinfo"]["kind"], "dummy");
  const CommandOutput hex = decode({"decode", "--protocol", "route", data("newlink_dummy0.hexdump")});
  ASSERT_EQ(hex.exit_code, 0) << hex.err;
  EXPECT_EQ(nlohmann::json::parse(hex.out)[0]["message"], messages[7]["message"]);
}

TEST_F(DecodeCommand, bad_input_and_bad_words_are_usage_errors_that_say_where) {
  std::ifstream in(data("nlmon_link_add.pcap"), std::ios::binary);
  const std::string whole(std::istreambuf_iterator<char>(in), {});
  std::string cut_path = "/tmp/nlpp-decode-cut-XXXXXX";
  const UniqueFd fd(mkstemp(cut_path.data()));
  ASSERT_GE(fd.get(), 0);
  ASSERT_EQ(write(fd.get(), whole.data(), 1000), 1000);
  const CommandOutput cut = decode({"decode", cut_path});
  std::remove(cut_path.c_str());
  EXPECT_EQ(cut.exit_code, 2);
  EXPECT_EQ(cut.err,
            "nlpp: pcap record at offset 564: length 1100 runs past the end of the input (420 bytes left): "
            "invalid argument\n");
  EXPECT_EQ(cut.out, "");

  const CommandOutput protocol = decode({"decode", "--protocol", "routing", data("newlink_dummy0.xxd")});
  EXPECT_EQ(protocol.exit_code, 2);
  EXPECT_NE(protocol.err.find("\"routing\" is not a netlink protocol"), std::string::npos) << protocol.err;
  const CommandOutput pcap_protocol = decode({"decode", "pcap", "--protocol", "route", data("nlmon_link_add.pcap")});
  EXPECT_EQ(pcap_protocol.exit_code, 2);
  const CommandOutput not_hex = decode({"decode", "hex", data("README.md")});
  EXPECT_EQ(not_hex.exit_code, 2);
  // Its first line is a '#' comment, its second empty.
  EXPECT_EQ(not_hex.err,
            "nlpp: hex dump line 3, column 1 (offset 28): \"Inputs\" is not hex bytes: invalid argument\n");
  const CommandOutput missing = decode({"decode", data("no_such_file")});
  EXPECT_EQ(missing.exit_code, 1);
}

// What one input may take is bounded: below, each would need gigabytes
// without the bounds, and gets a 256 MiB address space.
constexpr size_t mebibyte = size_t{1} << 20;

// hexdump -C lines of zeros, each followed by a '*', each offset just under
// 16 MiB after the one before: about 80 bytes of text claim 16 MiB.
std::string starred_hex_dump(size_t text_size) {
  std::string text;
  for (size_t offset = 0; text.size() < text_size; offset += 0xfffff0) {
    char line[96];
    std::snprintf(line, sizeof line, "%08zx  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n*\n",
                  offset);
    text += line;
  }
  return text;
}

TEST_F(DecodeCommand, a_12_KB_starred_hex_dump_is_refused_under_a_256_MiB_memory_limit_with_exit_2) {
  TempFiles files;
  const CommandOutput decoded = decode_within(256 * mebibyte, {"decode", files.write(starred_hex_dump(12 * 1024))});
  EXPECT_EQ(decoded.exit_code, 2) << decoded.err;
  EXPECT_EQ(decoded.err,
            "nlpp: hex dump line 5, column 1 (offset 162): \"01ffffe0\" is past 16 MiB, the most a hex dump decodes "
            "to: the '*' before it would repeat a line up to there: invalid argument\n");
  EXPECT_EQ(decoded.out, "");
}

TEST_F(DecodeCommand, a_forced_pcap_is_refused_at_its_magic_number_before_the_rest_is_read) {
  // /dev/zero never ends: read whole first, it takes all the memory there is.
  const CommandOutput decoded = decode_within(256 * mebibyte, {"decode", "pcap", "/dev/zero"});
  EXPECT_EQ(decoded.exit_code, 2) << decoded.err;
  EXPECT_EQ(decoded.err,
            "nlpp: pcap file header at offset 0: not a pcap or pcapng magic number (a1b2c3d4, a1b23c4d, 0a0d0d0a): "
            "invalid argument\n");
}

TEST_F(DecodeCommand, running_out_of_memory_is_exit_status_1_and_a_message_not_an_abort) {
  // 16 MiB of NLMSG_NOOP headers as od -A x -t x1 prints them: within the
  // bound, but a million messages to decode, more than the limit holds.
  TempFiles files;
  const std::string path = files.write("000000 10 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00\n*\n1000000\n");
  const CommandOutput decoded = decode_within(128 * mebibyte, {"decode", path});
  EXPECT_EQ(decoded.exit_code, 1) << decoded.err;
  EXPECT_EQ(decoded.err,
            "nlpp: " + path + ": decoding it needs more memory than nlpp may take: Cannot allocate memory\n");
  EXPECT_EQ(decoded.out, "");
}

}  // namespace
}  // namespace nlpp::test
#endif  // NLPP_CLI_PATH

// Reading captures of netlink traffic (schema/capture.hpp) and decoding
// them (schema/decoded_capture.hpp), on what the kernel really sent:
// tests/data/capture (an nlmon capture of `ip link add dummy0 type dummy`,
// with xxd and hexdump -C renderings of its RTM_NEWLINK reply; README.md
// there says how they were made) and the golden messages of tests/data/golden.
#include <nlpp/schema/capture.hpp>
#include <nlpp/schema/decoded_capture.hpp>
#include <nlpp/schema/protocol_name.hpp>
#include <nlpp/wire/bytes.hpp>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <vector>

namespace nlpp::schema {
namespace {

using Bytes = std::vector<std::byte>;

std::string data_file(const std::string& path) {
  std::ifstream in(std::string(NLPP_TEST_DATA_DIR) + "/" + path, std::ios::binary);
  if (!in) throw std::runtime_error("missing test data " + path);
  return {std::istreambuf_iterator<char>(in), {}};
}

Bytes bytes_of(const std::string& text) {
  const auto* begin = reinterpret_cast<const std::byte*>(text.data());
  return {begin, begin + text.size()};
}

const Bytes& nlmon_pcap() {
  static const Bytes pcap = bytes_of(data_file("capture/nlmon_link_add.pcap"));
  return pcap;
}

std::vector<CapturedPacket> packets_of(wire::Bytes input) { return read_pcap(input).value(); }

std::vector<CapturedMessage> decoded(wire::Bytes input) { return decode_capture(packets_of(input)).value(); }

// The index of the first message of this type, direction and link name.
size_t find_link_message(const std::vector<CapturedMessage>& messages, uint16_t type, Direction direction,
                         const std::string& ifname) {
  for (size_t i = 0; i < messages.size(); ++i) {
    const DecodedMessage& message = messages[i].message;
    const DecodedAttribute* name = message.find("ifname");
    if (message.nlmsg_type == type && messages[i].direction == direction && name != nullptr &&
        name->get<String>() != nullptr && name->get<String>()->text == ifname)
      return i;
  }
  ADD_FAILURE() << "no message of type " << type << " for " << ifname;
  return 0;
}

std::string kind_of(const DecodedMessage& message) {
  const DecodedAttribute* kind = message.find("linkinfo.kind");
  return kind != nullptr && kind->get<String>() != nullptr ? kind->get<String>()->text : "";
}

// The capture again in another classic variant: the same records with the
// header fields in the other byte order and/or microsecond timestamps.
Bytes reframed(const Bytes& pcap, bool swap, bool microseconds) {
  auto u32 = [&](size_t offset) { return wire::load<uint32_t>(wire::Bytes(pcap).subspan(offset)); };
  Bytes out;
  auto put = [&](auto value) {
    if (swap) value = wire::byteswap(value);
    const wire::Bytes bytes = wire::bytes_of(value);
    out.insert(out.end(), bytes.begin(), bytes.end());
  };
  put(uint32_t{microseconds ? 0xa1b2c3d4 : 0xa1b23c4d});
  put(uint16_t{2}), put(uint16_t{4}), put(0u), put(0u), put(u32(16)), put(u32(20));
  for (size_t offset = 24; offset < pcap.size();) {
    const uint32_t length = u32(offset + 8);
    put(u32(offset)), put(microseconds ? u32(offset + 4) / 1000 : u32(offset + 4)), put(length), put(u32(offset + 12));
    out.insert(out.end(), pcap.begin() + static_cast<long>(offset + 16),
               pcap.begin() + static_cast<long>(offset + 16 + length));
    offset += 16 + length;
  }
  return out;
}

// The capture's packets as pcapng: a section header, one interface of
// LINKTYPE_NETLINK with nanosecond timestamps (if_tsresol 9), an enhanced
// packet block each.
Bytes as_pcapng(const Bytes& pcap) {
  Bytes out;
  auto put = [&](uint32_t value) {
    const wire::Bytes bytes = wire::bytes_of(value);
    out.insert(out.end(), bytes.begin(), bytes.end());
  };
  put(0x0a0d0d0a), put(28), put(0x1a2b3c4d), put(0x00000001), put(0xffffffff), put(0xffffffff), put(28);
  put(1), put(28), put(253), put(0), put(0x00010009), put(0x00000009),
      put(28);  // LINKTYPE_NETLINK, snaplen, if_tsresol 9
  for (const CapturedPacket& packet : packets_of(pcap)) {
    const size_t frame = 16 + packet.bytes.size();
    const auto block = static_cast<uint32_t>(32 + wire::align4(frame));
    const uint64_t ticks = static_cast<uint64_t>(packet.record.timestamp->count());
    put(6), put(block), put(0), put(static_cast<uint32_t>(ticks >> 32)), put(static_cast<uint32_t>(ticks));
    put(static_cast<uint32_t>(frame)), put(static_cast<uint32_t>(frame));
    const size_t cooked = packet.offset - 16;  // the cooked header, as captured
    out.insert(out.end(), nlmon_pcap().begin() + static_cast<long>(cooked),
               nlmon_pcap().begin() + static_cast<long>(packet.offset + packet.bytes.size()));
    out.resize(out.size() + wire::align4(frame) - frame);
    put(block);
  }
  return out;
}

// The bytes of a pcapng block: type, total length, body padded to 4, total length.
Bytes pcapng_block(uint32_t type, const Bytes& body) {
  const auto length = static_cast<uint32_t>(12 + wire::align4(body.size()));
  Bytes block;
  for (const uint32_t value : {type, length}) {
    const wire::Bytes bytes = wire::bytes_of(value);
    block.insert(block.end(), bytes.begin(), bytes.end());
  }
  block.insert(block.end(), body.begin(), body.end());
  block.resize(8 + wire::align4(body.size()));
  const wire::Bytes trailer = wire::bytes_of(length);
  block.insert(block.end(), trailer.begin(), trailer.end());
  return block;
}

// An input read as a stream is: `data` a byte at a time, counted, then what
// `after` says (the end, zero bytes without end, or a read error).
class CountingInput : public std::streambuf {
 public:
  enum class After : uint8_t { end, zeros, error };
  CountingInput(const Bytes& data, After after) : data_(data), after_(after) {}
  size_t handed_out() const { return handed_out_; }

 protected:
  int_type underflow() override {
    if (handed_out_ < data_.size()) {
      current_ = static_cast<char>(data_[handed_out_]);
    } else if (after_ == After::zeros) {
      current_ = 0;
    } else if (after_ == After::error) {
      throw std::runtime_error("the disk is gone");  // what std::filebuf does on EIO
    } else {
      return traits_type::eof();
    }
    ++handed_out_;
    setg(&current_, &current_, &current_ + 1);
    return traits_type::to_int_type(current_);
  }

 private:
  Bytes data_;
  After after_;
  size_t handed_out_ = 0;
  char current_ = 0;
};

Result<std::vector<CapturedPacket>> read_stream(const Bytes& data, std::optional<CaptureFormat> format) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data.data()), data.size()));
  return read_capture(in, format, NETLINK_ROUTE);
}

// Reads a capture that starts with start and goes on with zeros for ever,
// expecting a refusal: its text, and that no more than start (and the byte
// looked at past it) was read.
std::string refusal_of_endless(const Bytes& start) {
  CountingInput endless(start, CountingInput::After::zeros);
  std::istream in(&endless);
  const Result<std::vector<CapturedPacket>> packets = read_capture(in, std::nullopt, NETLINK_ROUTE);
  EXPECT_FALSE(packets);
  EXPECT_LE(endless.handed_out(), start.size() + 1) << "read past the length it refused";
  return packets ? std::string() : packets.error().context();
}

TEST(Capture, reads_every_record_of_an_nlmon_pcap_with_its_protocol_and_kernel_timestamp) {
  const std::vector<CapturedPacket> packets = packets_of(nlmon_pcap());
  ASSERT_EQ(packets.size(), 10u);
  for (const CapturedPacket& packet : packets) EXPECT_EQ(packet.record.protocol, NETLINK_ROUTE);
  EXPECT_EQ(packets[0].offset, 24u + 16 + 16);  // file header, record header, cooked header
  EXPECT_EQ(packets[0].record.timestamp, std::chrono::nanoseconds(1795852789'592190362));
  EXPECT_EQ(packets[7].bytes.size(), 1084u);
}

TEST(Capture, decodes_the_link_add_request_its_ack_and_the_link_dump_reply) {
  const std::vector<CapturedMessage> messages = decoded(nlmon_pcap());
  ASSERT_EQ(messages.size(), 10u);
  const CapturedMessage& add = messages[find_link_message(messages, RTM_NEWLINK, Direction::request, "dummy0")];
  EXPECT_EQ(add.message.nlmsg_flags, NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE);
  EXPECT_EQ(kind_of(add.message), "dummy");
  const CapturedMessage& ack = messages[3];
  EXPECT_EQ(ack.message.nlmsg_type, NLMSG_ERROR);
  EXPECT_EQ(ack.message.nlmsg_seq, add.message.nlmsg_seq);
  const CapturedMessage& reply = messages[find_link_message(messages, RTM_NEWLINK, Direction::reply, "dummy0")];
  EXPECT_EQ(kind_of(reply.message), "dummy");
  ASSERT_NE(reply.message.message_type, nullptr);
  EXPECT_EQ(reply.message.message_type->name, "newlink");  // what RTM_NEWLINK is, whichever request it answers
}

TEST(Capture, reads_both_byte_orders_and_both_timestamp_units_alike) {
  const std::vector<CapturedPacket> original = packets_of(nlmon_pcap());
  for (const bool swap : {false, true}) {
    for (const bool microseconds : {false, true}) {
      SCOPED_TRACE(std::string(swap ? "swapped" : "host order") + (microseconds ? ", microseconds" : ", nanoseconds"));
      const std::vector<CapturedPacket> packets = packets_of(reframed(nlmon_pcap(), swap, microseconds));
      ASSERT_EQ(packets.size(), original.size());
      for (size_t i = 0; i < packets.size(); ++i) {
        EXPECT_EQ(packets[i].bytes, original[i].bytes);
        const auto expected = microseconds
                                  ? std::chrono::floor<std::chrono::microseconds>(*original[i].record.timestamp)
                                  : *original[i].record.timestamp;
        EXPECT_EQ(packets[i].record.timestamp, expected);
      }
    }
  }
}

TEST(Capture, reads_pcapng_packets_with_their_interface_timestamp_resolution) {
  const Bytes pcapng = as_pcapng(nlmon_pcap());
  EXPECT_EQ(detect_capture_format(pcapng), CaptureFormat::pcap);
  const std::vector<CapturedPacket> original = packets_of(nlmon_pcap());
  const std::vector<CapturedPacket> packets = packets_of(pcapng);
  ASSERT_EQ(packets.size(), original.size());
  for (size_t i = 0; i < packets.size(); ++i) {
    EXPECT_EQ(packets[i].bytes, original[i].bytes);
    EXPECT_EQ(packets[i].record.timestamp, original[i].record.timestamp);
  }
}

TEST(Capture, reads_the_xxd_and_hexdump_renderings_of_a_kernel_reply_as_its_bytes) {
  const Bytes reply = packets_of(nlmon_pcap())[7].bytes;
  for (const char* file : {"capture/newlink_dummy0.xxd", "capture/newlink_dummy0.hexdump"}) {
    SCOPED_TRACE(file);
    const std::string text = data_file(file);
    EXPECT_EQ(detect_capture_format(bytes_of(text)), CaptureFormat::hex);
    const std::vector<CapturedPacket> packets = read_hex_dump(text, NETLINK_ROUTE).value();
    ASSERT_EQ(packets.size(), 1u);
    EXPECT_EQ(packets[0].bytes, reply);
  }
}

TEST(Capture, reads_plain_hex_with_0x_prefixes_commas_comments_or_run_together) {
  const Bytes expected = {std::byte{0x3c}, std::byte{0x04}, std::byte{0x00}, std::byte{0xff}};
  for (const char* text : {"3c 04 00 ff", "0x3c, 0x04, 0x00, 0xFF,", "# a comment\n3c04\n00ff # bytes\n", "3c0400ff"}) {
    SCOPED_TRACE(text);
    EXPECT_EQ(read_hex_dump(text, NETLINK_ROUTE).value()[0].bytes, expected);
  }
  // od -A x -t x1: an offset without a colon, single spaces, the total last.
  EXPECT_EQ(read_hex_dump("000000 3c 04\n000002 00 ff\n000004\n", NETLINK_ROUTE).value()[0].bytes, expected);
}

TEST(Capture, decodes_a_hex_dump_in_the_protocol_it_is_given) {
  const std::string golden = data_file("golden/nlctrl_getfamily_netdev.hex");
  const std::vector<CapturedMessage> as_generic =
      decode_capture(read_hex_dump(golden, NETLINK_GENERIC).value()).value();
  ASSERT_EQ(as_generic.size(), 1u);
  ASSERT_NE(as_generic[0].genl_family, nullptr);
  EXPECT_EQ(as_generic[0].genl_family->name, "nlctrl");
  EXPECT_NE(as_generic[0].message.find("family-name"), nullptr);
  const std::vector<CapturedMessage> as_route = decode_capture(read_hex_dump(golden, NETLINK_ROUTE).value()).value();
  EXPECT_EQ(as_route[0].message.find("family-name"), nullptr);  // RTM_NEWLINK's ifname is type 3, not 2
}

TEST(Capture, learns_a_generic_netlink_family_id_from_the_nlctrl_answer_before_it) {
  // Both from one run of capture.py: nlctrl named netdev's id, then a netdev request used it.
  const std::string text =
      data_file("golden/nlctrl_getfamily_netdev.hex") + data_file("golden/error_missing_attribute.request.hex");
  const std::vector<CapturedMessage> messages = decode_capture(read_hex_dump(text, NETLINK_GENERIC).value()).value();
  ASSERT_EQ(messages.size(), 2u);
  ASSERT_NE(messages[1].genl_family, nullptr);
  EXPECT_EQ(messages[1].genl_family->name, "netdev");
  EXPECT_EQ(messages[1].direction, Direction::request);
  ASSERT_NE(messages[1].message.message_type, nullptr);
  EXPECT_EQ(messages[1].message.message_type->name, "dev-get");
}

TEST(Capture, prints_a_json_array_of_messages_with_offset_timestamp_protocol_and_direction) {
  const nlohmann::json json = nlohmann::json::parse(to_json(decoded(nlmon_pcap())));
  ASSERT_TRUE(json.is_array());
  ASSERT_EQ(json.size(), 10u);
  EXPECT_EQ(json[0]["offset"], 56);
  EXPECT_DOUBLE_EQ(json[0]["timestamp"].get<double>(), 1795852789.592190362);
  EXPECT_EQ(json[0]["protocol"], "route");
  EXPECT_EQ(json[2]["direction"], "request");
  EXPECT_EQ(json[2]["message"]["attributes"]["ifname"], "dummy0");
  EXPECT_EQ(json[2]["message"]["attributes"]["linkinfo"]["kind"], "dummy");
  EXPECT_EQ(json[7]["direction"], "reply");
  EXPECT_EQ(json[7]["message"]["attributes"]["ifname"], "dummy0");
  EXPECT_EQ(json[7]["message"]["attributes"]["linkinfo"]["kind"], "dummy");
}

TEST(Capture, a_pcap_cut_anywhere_but_between_records_is_an_error_naming_an_offset) {
  const Bytes& pcap = nlmon_pcap();
  std::vector<size_t> record_ends = {24};
  for (size_t offset = 24; offset < pcap.size();) {
    offset += 16 + wire::load<uint32_t>(wire::Bytes(pcap).subspan(offset + 8));
    record_ends.push_back(offset);
  }
  for (size_t length = 0; length < pcap.size(); ++length) {
    const Result<std::vector<CapturedPacket>> packets = read_pcap(wire::Bytes(pcap).first(length));
    const bool whole_records = std::find(record_ends.begin(), record_ends.end(), length) != record_ends.end();
    ASSERT_EQ(packets.has_value(), whole_records) << "cut at " << length;
    if (!packets) {
      ASSERT_NE(packets.error().context().find(" at offset "), std::string::npos) << packets.error().context();
    }
  }
  EXPECT_EQ(read_pcap(wire::Bytes(pcap).first(pcap.size() - 1)).error().context(),
            "pcap record at offset 1764: length 1468 runs past the end of the input (1467 bytes left)");
}

TEST(Capture, a_message_cut_anywhere_is_an_error_naming_its_offset) {
  const Bytes reply = packets_of(nlmon_pcap())[7].bytes;
  for (size_t length = 1; length < reply.size(); ++length) {
    std::vector<CapturedPacket> packets(1);
    packets[0].bytes.assign(reply.begin(), reply.begin() + static_cast<long>(length));
    packets[0].offset = 100;
    const Result<std::vector<CapturedMessage>> messages = decode_capture(packets);
    ASSERT_FALSE(messages) << "cut at " << length;
    ASSERT_TRUE(messages.error().context().starts_with("netlink message at offset 100: "))
        << messages.error().context();
  }
  std::vector<CapturedPacket> two(1);
  two[0].bytes = reply;
  two[0].bytes.insert(two[0].bytes.end(), reply.begin(), reply.begin() + 20);
  EXPECT_EQ(decode_capture(two).error().context(),
            "netlink message at offset 1084: nlmsg_len 1084 runs past the end of the data (20 bytes left)");
}

TEST(Capture, rejects_what_is_not_an_nlmon_capture_saying_where_and_what) {
  Bytes pcap = nlmon_pcap();
  pcap[20] = std::byte{1};  // LINKTYPE_ETHERNET
  EXPECT_EQ(read_pcap(pcap).error().context(),
            "pcap file header at offset 20: link type 1, not LINKTYPE_NETLINK (253): not a capture of an nlmon device");
  pcap = nlmon_pcap();
  pcap[24 + 16 + 2] = std::byte{0};  // ARPHRD_ type of the first packet: 824 -> 56
  EXPECT_EQ(read_pcap(pcap).error().context(),
            "pcap record at offset 24: hardware type 56 in its cooked header, not ARPHRD_NETLINK (824)");
  const Bytes text = bytes_of("hello");
  EXPECT_EQ(read_pcap(text).error().context(),
            "pcap file header at offset 0: not a pcap or pcapng magic number (a1b2c3d4, a1b23c4d, 0a0d0d0a)");
  EXPECT_EQ(read_hex_dump("3c 04\n00 zz\n", NETLINK_ROUTE).error().context(),
            "hex dump line 2, column 4 (offset 9): \"zz\" is not hex bytes");
  EXPECT_EQ(read_hex_dump("3c 0", NETLINK_ROUTE).error().context(),
            "hex dump line 1, column 4 (offset 3): \"0\" is not hex bytes");
  EXPECT_EQ(
      read_hex_dump("00000000: 3c04\n00000004: 00ff\n", NETLINK_ROUTE).error().context(),
      "hex dump line 2, column 1 (offset 15): \"00000004\" is not the number of bytes the lines before it hold (2)");
}

TEST(Capture, garbage_gives_errors_never_a_crash) {
  std::mt19937 random(5);
  const Bytes& pcap = nlmon_pcap();
  const Bytes pcapng = as_pcapng(pcap);
  for (int round = 0; round < 2000; ++round) {
    for (const Bytes* original : {&pcap, &pcapng}) {
      Bytes input = *original;
      for (int flips = 0; flips < 4; ++flips) input[random() % input.size()] = static_cast<std::byte>(random());
      input.resize(random() % (input.size() + 1));
      if (Result<std::vector<CapturedPacket>> packets = read_pcap(input)) {
        if (Result<std::vector<CapturedMessage>> messages = decode_capture(*packets))
          EXPECT_TRUE(nlohmann::json::accept(to_json(*messages)));
        else
          EXPECT_NE(messages.error().context().find(" at offset "), std::string::npos);
      } else {
        EXPECT_NE(packets.error().context().find("offset"), std::string::npos) << packets.error().context();
      }
    }
    std::string text(random() % 64, ' ');
    for (char& c : text) c = "0123456789abcdefx:|* \n#,"[random() % 24];
    if (Result<std::vector<CapturedPacket>> packets = read_hex_dump(text, NETLINK_ROUTE); !packets) {
      EXPECT_NE(packets.error().context().find("offset"), std::string::npos) << packets.error().context();
    }
  }
}

TEST(Capture, reads_a_capture_from_a_stream_as_from_memory) {
  const std::vector<CapturedPacket> original = packets_of(nlmon_pcap());
  for (const Bytes& capture : {nlmon_pcap(), as_pcapng(nlmon_pcap())}) {
    for (const std::optional<CaptureFormat> format :
         {std::optional<CaptureFormat>(), std::optional(CaptureFormat::pcap)}) {
      const std::vector<CapturedPacket> packets = read_stream(capture, format).value();
      ASSERT_EQ(packets.size(), original.size());
      for (size_t i = 0; i < packets.size(); ++i) {
        EXPECT_EQ(packets[i].bytes, original[i].bytes);
        EXPECT_EQ(packets[i].record.timestamp, original[i].record.timestamp);
      }
    }
  }
  EXPECT_EQ(read_stream(nlmon_pcap(), std::nullopt).value()[3].offset, original[3].offset);
  const Bytes hexdump = bytes_of(data_file("capture/newlink_dummy0.hexdump"));
  EXPECT_EQ(read_stream(hexdump, std::nullopt).value()[0].bytes, original[7].bytes);
  EXPECT_EQ(read_stream(hexdump, CaptureFormat::hex).value()[0].bytes, original[7].bytes);
}

TEST(Capture, a_stream_forced_to_be_pcap_is_refused_at_its_magic_number_without_reading_on) {
  CountingInput zeros({}, CountingInput::After::zeros);
  std::istream in(&zeros);
  const Result<std::vector<CapturedPacket>> packets = read_capture(in, CaptureFormat::pcap, NETLINK_ROUTE);
  ASSERT_FALSE(packets);
  EXPECT_EQ(packets.error().context(),
            "pcap file header at offset 0: not a pcap or pcapng magic number (a1b2c3d4, a1b23c4d, 0a0d0d0a)");
  EXPECT_LE(zeros.handed_out(), 5u);
}

TEST(Capture, a_record_longer_than_libpcap_captures_is_refused_before_its_bytes_are_read) {
  Bytes pcap(nlmon_pcap().begin(), nlmon_pcap().begin() + 24 + 16);
  const uint32_t claimed = 0x7fffffff;  // captured and original length
  for (const long field : {24 + 8, 24 + 12}) std::copy_n(wire::bytes_of(claimed).begin(), 4, pcap.begin() + field);
  const std::string refusal = refusal_of_endless(pcap);
  EXPECT_EQ(refusal,
            "pcap record at offset 24: length 2147483647 is more than 262144, the longest packet libpcap captures");
  EXPECT_EQ(read_pcap(pcap).error().context(), refusal);
}

TEST(Capture, a_pcapng_packet_block_longer_than_libpcap_reads_is_refused_and_other_blocks_are_skipped_unread) {
  const Bytes pcapng = as_pcapng(nlmon_pcap());
  constexpr std::ptrdiff_t first_packet = 28 + 28;  // after the section header and interface blocks
  Bytes with_custom(pcapng.begin(), pcapng.begin() + first_packet);
  const Bytes custom = pcapng_block(0x00000bad, Bytes(1 << 20));  // a custom block of 1 MiB: skipped
  with_custom.insert(with_custom.end(), custom.begin(), custom.end());
  with_custom.insert(with_custom.end(), pcapng.begin() + first_packet, pcapng.end());
  EXPECT_EQ(read_stream(with_custom, std::nullopt).value().size(), 10u);

  Bytes huge(pcapng.begin(), pcapng.begin() + first_packet + 12);
  const uint32_t length = 0x7ffffff0;
  std::copy_n(wire::bytes_of(length).begin(), 4, huge.begin() + first_packet + 4);
  EXPECT_EQ(refusal_of_endless(huge),
            "pcapng block at offset 56: length 2147483632 is more than 393248, the longest libpcap reads");

  huge[first_packet] = std::byte{0xad};  // the same length on a block to skip: skipped up to the end of the input
  huge[first_packet + 1] = std::byte{0x0b};
  EXPECT_EQ(read_stream(huge, std::nullopt).error().context(),
            "pcapng block at offset 56: length 2147483632 runs past the end of the input (12 bytes left)");
}

TEST(Capture, a_stream_that_fails_is_an_io_error_naming_the_offset) {
  // It fails 10 bytes into the first record's 48.
  CountingInput failing(Bytes(nlmon_pcap().begin(), nlmon_pcap().begin() + 24 + 16 + 10), CountingInput::After::error);
  std::istream in(&failing);
  const Result<std::vector<CapturedPacket>> packets = read_capture(in, std::nullopt, NETLINK_ROUTE);
  ASSERT_FALSE(packets);
  EXPECT_EQ(packets.error().code(), std::errc::io_error);
  EXPECT_EQ(packets.error().context(), "reading the input at offset 40");
}

TEST(Capture, a_hex_dump_decodes_to_16_MiB_at_most_whatever_its_star_lines_claim) {
  // od -A x -t x1 of 16 MiB of zeros: one line, a '*', the total.
  const std::string line = "000000 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n";
  EXPECT_EQ(read_hex_dump(line + "*\n1000000\n", NETLINK_ROUTE).value()[0].bytes.size(), max_hex_dump_bytes);
  EXPECT_EQ(read_hex_dump(line + "*\n1000010\n", NETLINK_ROUTE).error().context(),
            "hex dump line 3, column 1 (offset 57): \"1000010\" is past 16 MiB, the most a hex dump decodes to: "
            "the '*' before it would repeat a line up to there");
  // hexdump -C: each '*' just under 16 MiB, so 200 of them in 12 KB would claim 3 GiB.
  const std::string hexdump =
      "00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n*\n"
      "00fffff0  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n*\n"
      "01ffffe0  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n*\n";
  EXPECT_EQ(read_hex_dump(hexdump, NETLINK_ROUTE).error().context(),
            "hex dump line 5, column 1 (offset 162): \"01ffffe0\" is past 16 MiB, the most a hex dump decodes to: "
            "the '*' before it would repeat a line up to there");
  const std::string plain(2 * max_hex_dump_bytes + 2, '0');
  EXPECT_EQ(read_hex_dump(plain, NETLINK_ROUTE).error().context(),
            "hex dump line 1, column 1 (offset 0): \"00000000000000000000000000000000\" takes the bytes past 16 MiB, "
            "the most a hex dump decodes to");
}

TEST(Capture, names_netlink_protocols_both_ways) {
  EXPECT_EQ(protocol_name(NETLINK_ROUTE), "route");
  EXPECT_EQ(protocol_name(NETLINK_GENERIC), "generic");
  EXPECT_EQ(protocol_name(NETLINK_SOCK_DIAG), "sock_diag");
  EXPECT_EQ(protocol_name(31), "31");
  EXPECT_EQ(find_protocol("netfilter"), NETLINK_NETFILTER);
  EXPECT_EQ(find_protocol("inet_diag"), NETLINK_SOCK_DIAG);
  EXPECT_EQ(find_protocol("16"), NETLINK_GENERIC);
  EXPECT_EQ(find_protocol("32"), std::nullopt);
  EXPECT_EQ(find_protocol("routes"), std::nullopt);
}

}  // namespace
}  // namespace nlpp::schema

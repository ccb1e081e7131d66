// nlpp decode [pcap|hex] [--protocol NAME] [FILE|-]: netlink messages
// recorded elsewhere (a pcap of an nlmon device, or a hex dump) decoded
// through the schema tables into a JSON array, one object per message.
// The library reads and decodes (schema/capture.hpp, decoded_capture.hpp);
// this reads the words and the input, and prints.
#include "commands.hpp"

#include <nlpp/format/json.hpp>
#include <nlpp/schema/decoded_capture.hpp>
#include <nlpp/schema/protocol_name.hpp>

#include <linux/netlink.h>

#include <cerrno>
#include <fstream>
#include <iostream>
#include <new>
#include <optional>
#include <ostream>
#include <string>
#include <system_error>
#include <vector>

namespace nlpp::cli {
namespace {

struct DecodeWords {
  std::optional<schema::CaptureFormat> format;  ///< nullopt: told by the input's magic
  std::optional<int> protocol;                  ///< of a hex dump; route when not given
  std::string_view file = "-";
};

DecodeWords parse_decode_words(Words& words) {
  DecodeWords parsed;
  bool file_given = false;
  while (!words.empty()) {
    const std::string_view word = words.take("");
    if (!file_given && !parsed.format && word == "pcap") {
      parsed.format = schema::CaptureFormat::pcap;
    } else if (!file_given && !parsed.format && word == "hex") {
      parsed.format = schema::CaptureFormat::hex;
    } else if (word == "--protocol" || word == "-protocol" || word == "protocol") {
      const std::string_view name = words.value_of(word);
      parsed.protocol = schema::find_protocol(name);
      if (!parsed.protocol)
        throw UsageError(
            "protocol: " + quoted(name) +
            " is not a netlink protocol (route, generic, netfilter, sock_diag, xfrm, audit... or 0 to 31)");
    } else if (!file_given) {
      parsed.file = word;
      file_given = true;
    } else {
      throw UsageError("decode: " + quoted(word) + " after the file " + quoted(parsed.file) + " (nlpp decode help)");
    }
  }
  if (parsed.protocol && parsed.format == schema::CaptureFormat::pcap)
    throw UsageError("protocol: a pcap capture gives each packet's protocol; --protocol is for hex dumps");
  return parsed;
}

// The value, or the error as std::system_error whose text is the error's
// context (which says where in the input) and what its code means, once.
template <class T>
T value_or_throw(Result<T> result) {
  if (!result) throw std::system_error(result.error().code(), result.error().context());
  return std::move(result).value();
}

// The input's messages as a JSON array; the packets and the decoded
// messages are let go on the way, the input being read once.
std::string decoded_json(std::istream& input, const DecodeWords& parsed) {
  const std::vector<schema::CapturedMessage> messages = value_or_throw(schema::decode_capture(
      value_or_throw(schema::read_capture(input, parsed.format, parsed.protocol.value_or(NETLINK_ROUTE)))));
  return schema::to_json(messages);
}

}  // namespace

void run_decode(Session& session, std::string_view command, Words& words) {
  // `command` is the first word after "decode", one of the words like any other.
  std::vector<std::string_view> all;
  if (!command.empty()) all.push_back(command);
  all.insert(all.end(), words.rest().begin(), words.rest().end());
  Words decode_words(all);
  const DecodeWords parsed = parse_decode_words(decode_words);
  std::ifstream file;
  if (parsed.file != "-") {
    file.open(std::string(parsed.file), std::ios::binary);
    if (!file) throw std::system_error(errno, std::system_category(), std::string(parsed.file));
  }
  // The library bounds what an input may expand to and says what is wrong
  // with it; what is left is an input larger than the memory this process
  // may take (ulimit -v): a runtime error, exit status 1, not an abort.
  try {
    const std::string json = decoded_json(parsed.file == "-" ? std::cin : file, parsed);
    session.out() << (session.options().pretty ? format::indented_json(json) : json) << '\n';
  } catch (const std::bad_alloc&) {
    throw std::system_error(std::make_error_code(std::errc::not_enough_memory),
                            std::string(parsed.file) + ": decoding it needs more memory than nlpp may take");
  }
}

}  // namespace nlpp::cli

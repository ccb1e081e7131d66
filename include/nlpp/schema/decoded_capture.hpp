// The messages of a capture (capture.hpp), decoded through the descriptor
// tables like any message (decoder.hpp), and printed as one JSON array:
// what `nlpp decode` shows.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/schema/capture.hpp>
#include <nlpp/schema/decoded_message.hpp>
#include <nlpp/schema/registry.hpp>

#include <span>
#include <string>
#include <vector>

namespace nlpp::schema {

/// One netlink message of a capture, decoded.
struct CapturedMessage {
  CaptureRecord record;  ///< what the capture says about its datagram
  size_t offset = 0;     ///< where its nlmsghdr starts in the input (bytes)
  /// request when it carries NLM_F_REQUEST (user space to the kernel), reply
  /// otherwise (answers and notifications): the direction it was decoded in.
  Direction direction = Direction::reply;
  /// The generic netlink family it was decoded with; nullptr for other
  /// protocols, and for a family id the capture did not name.
  const Family* genl_family = nullptr;
  DecodedMessage message;
};

/// Splits each packet into its messages and decodes them in order. Generic
/// netlink family ids are handed out at run time, so they are learnt as a
/// decoder does: nlctrl is at its fixed id (GENL_ID_CTRL), and each nlctrl
/// answer in the capture names the id of a family nlpp has tables for; a
/// message of an id not named yet decodes with its genlmsghdr only. Fails
/// (errc::invalid_argument, naming the offset in the input) when a message
/// does not fit the bytes of its packet.
Result<std::vector<CapturedMessage>> decode_capture(std::span<const CapturedPacket> packets);

/// The messages as a JSON array, one object each (not compiled):
///
///     {"offset":40,"timestamp":1795852789.592190362,"protocol":"route",
///      "direction":"request","message":{...}}
///
/// "message" is the decoded message's to_json() object; "timestamp"
/// (seconds since the Unix epoch) appears when the capture has one, and
/// "genl_family" for a generic netlink message of a known family.
std::string to_json(std::span<const CapturedMessage> messages);

}  // namespace nlpp::schema

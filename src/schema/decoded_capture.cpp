#include <nlpp/schema/decoded_capture.hpp>

#include <nlpp/core/json_writer.hpp>
#include <nlpp/schema/decoder.hpp>
#include <nlpp/schema/json.hpp>
#include <nlpp/schema/protocol_name.hpp>

#include <linux/genetlink.h>
#include <linux/netlink.h>

#include <cstdio>
#include <map>

namespace nlpp::schema {
namespace {

std::string where(size_t offset) { return "netlink message at offset " + std::to_string(offset); }

// Generic netlink families by the ids this capture gave them.
class GenlFamilies {
 public:
  GenlFamilies() {
    if (const Family* nlctrl = find_family("nlctrl")) by_id_[GENL_ID_CTRL] = nlctrl;
  }

  const Family* find(uint16_t id) const {
    const auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : it->second;
  }

  // An nlctrl answer (CTRL_CMD_NEWFAMILY) names a family's id.
  void learn(const CapturedMessage& captured) {
    if (captured.genl_family == nullptr || captured.genl_family->name != "nlctrl" ||
        captured.direction != Direction::reply)
      return;
    const DecodedAttribute* id = captured.message.find("family-id");
    const DecodedAttribute* name = captured.message.find("family-name");
    if (id == nullptr || name == nullptr || id->get<Unsigned>() == nullptr || name->get<String>() == nullptr) return;
    if (const Family* family = find_family(name->get<String>()->text))
      by_id_[static_cast<uint16_t>(id->get<Unsigned>()->value)] = family;
  }

 private:
  std::map<uint16_t, const Family*> by_id_;
};

Result<CapturedMessage> decode_one(const CaptureRecord& record, size_t offset, const wire::Message& message,
                                   const GenlFamilies& genl) {
  CapturedMessage captured{.record = record,
                           .offset = offset,
                           .direction = message.flags() & NLM_F_REQUEST ? Direction::request : Direction::reply,
                           .genl_family = nullptr,
                           .message = {}};
  if (record.protocol == NETLINK_GENERIC && message.type() >= NLMSG_MIN_TYPE)
    captured.genl_family = genl.find(message.type());
  Result<DecodedMessage> decoded = captured.genl_family != nullptr
                                       ? decode(*captured.genl_family, message, captured.direction)
                                       : decode(record.protocol, message, captured.direction);
  if (!decoded) return Error(decoded.error().code(), where(offset) + ": " + decoded.error().context());
  captured.message = std::move(*decoded);
  return captured;
}

// "1795852789.592190362": seconds since the epoch, nanoseconds exact.
std::string seconds_text(std::chrono::nanoseconds since_epoch) {
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since_epoch);
  char fraction[16];
  std::snprintf(fraction, sizeof fraction, ".%09lld", static_cast<long long>((since_epoch - seconds).count()));
  return std::to_string(seconds.count()) + fraction;
}

}  // namespace

Result<std::vector<CapturedMessage>> decode_capture(std::span<const CapturedPacket> packets) {
  std::vector<CapturedMessage> messages;
  GenlFamilies genl;
  for (const CapturedPacket& packet : packets) {
    const wire::Bytes bytes = packet.bytes;
    for (size_t at = 0; at < bytes.size();) {
      const size_t left = bytes.size() - at;
      const size_t offset = packet.offset + at;
      if (left < wire::Message::header_size)
        return Error(errc::invalid_argument, where(offset) + ": its 16-byte header runs past the end of the data (" +
                                                 std::to_string(left) + " bytes left)");
      const uint32_t length = wire::load<uint32_t>(bytes.subspan(at));
      if (length < wire::Message::header_size)
        return Error(errc::invalid_argument,
                     where(offset) + ": nlmsg_len " + std::to_string(length) + " is shorter than its 16-byte header");
      if (length > left)
        return Error(errc::invalid_argument, where(offset) + ": nlmsg_len " + std::to_string(length) +
                                                 " runs past the end of the data (" + std::to_string(left) +
                                                 " bytes left)");
      Result<CapturedMessage> captured =
          decode_one(packet.record, offset, wire::Message(bytes.subspan(at, length)), genl);
      if (!captured) return std::move(captured).error();
      genl.learn(*captured);
      messages.push_back(std::move(*captured));
      at += std::min(wire::align4(length), left);
    }
  }
  return messages;
}

std::string to_json(std::span<const CapturedMessage> messages) {
  JsonWriter json;
  json.begin_array();
  for (const CapturedMessage& captured : messages) {
    json.begin_object();
    json.key("offset");
    json.number(uint64_t{captured.offset});
    if (captured.record.timestamp) {
      json.key("timestamp");
      json.raw_number(seconds_text(*captured.record.timestamp));
    }
    json.key("protocol");
    json.string(protocol_name(captured.record.protocol));
    if (captured.genl_family != nullptr) {
      json.key("genl_family");
      json.string(captured.genl_family->name);
    }
    json.key("direction");
    json.string(captured.direction == Direction::request ? "request" : "reply");
    json.key("message");
    write_json(json, captured.message);
    json.end_object();
  }
  json.end_array();
  return std::move(json).take();
}

}  // namespace nlpp::schema

#include <nlpp/wire/message.hpp>

#include <string>

namespace nlpp::wire {

Error Message::truncated(size_t needed) const noexcept {
  return Error(errc::truncated_message, "message type " + std::to_string(type()) + ": payload of " +
                                            std::to_string(payload().size()) + " bytes, fixed header needs " +
                                            std::to_string(needed));
}

Result<void> MessageRange::validate() const noexcept {
  const size_t tiled = detail::tiled_length<Message, uint32_t>(bytes_);
  if (tiled == bytes_.size()) return {};
  return Error(errc::truncated_message, "bad message header at offset " + std::to_string(tiled));
}

}  // namespace nlpp::wire

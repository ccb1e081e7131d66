#include <nlpp/wire/attribute.hpp>

#include <string>

namespace nlpp::wire {

Error Attribute::malformed(size_t expected_size) const noexcept {
  return Error(errc::malformed_attribute, "attribute type " + std::to_string(type()) + ": payload of " +
                                              std::to_string(payload().size()) + " bytes, expected " +
                                              std::to_string(expected_size));
}

Result<uint64_t> Attribute::uint() const noexcept {
  if (payload().size() == sizeof(uint32_t)) return uint64_t{load<uint32_t>(payload())};
  if (payload().size() == sizeof(uint64_t)) return load<uint64_t>(payload());
  return malformed(sizeof(uint64_t));
}

std::string_view Attribute::string() const noexcept {
  const Bytes text = payload();
  const std::string_view all(reinterpret_cast<const char*>(text.data()), text.size());
  return all.substr(0, all.find('\0'));
}

Result<void> AttributeRange::validate() const noexcept {
  const size_t tiled = detail::tiled_length<Attribute, uint16_t>(bytes_);
  if (tiled == bytes_.size()) return {};
  return Error(errc::malformed_attribute, "bad attribute header at offset " + std::to_string(tiled));
}

}  // namespace nlpp::wire

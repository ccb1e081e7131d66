#include <nlpp/schema/decoder.hpp>

#include <nlpp/schema/integer_codec.hpp>

#include <linux/netlink.h>

#include <cstring>
#include <limits>
#include <string>

namespace nlpp::schema {
namespace {

void append(std::vector<std::byte>& out, wire::Bytes bytes) { out.insert(out.end(), bytes.begin(), bytes.end()); }

// Writes a decoded tree back to bytes. Each value carries its own wire
// layout (integer sizes and byte order, string terminators, struct bytes),
// so no descriptor is needed: the tree is the whole truth.
class Encoder {
 public:
  explicit Encoder(std::vector<std::byte>& out) : out_(out) {}

  Result<void> attributes(const std::vector<DecodedAttribute>& attributes) {
    for (const DecodedAttribute& attribute : attributes)
      if (auto written = this->attribute(attribute); !written) return written;
    return {};
  }

 private:
  Result<void> attribute(const DecodedAttribute& attribute) {
    const size_t start = out_.size();
    out_.resize(start + NLA_HDRLEN);
    if (auto written = std::visit([&](const auto& value) { return payload(value); }, attribute.value); !written)
      return Error(errc::invalid_argument, "attribute " + attribute.name() + ": " + written.error().context());
    const size_t length = out_.size() - start;
    if (length > std::numeric_limits<uint16_t>::max())
      return Error(errc::invalid_argument, "attribute " + attribute.name() + " is longer than nla_len allows");
    const nlattr header{.nla_len = static_cast<uint16_t>(length), .nla_type = attribute.raw_type};
    std::memcpy(out_.data() + start, &header, sizeof header);
    out_.resize(wire::align4(out_.size()));
    return {};
  }

  Result<void> payload(const Flag&) { return {}; }
  Result<void> payload(const Unsigned& number) { return integer(number.value, number.size, number.byte_order); }
  Result<void> payload(const Signed& number) {
    return integer(static_cast<uint64_t>(number.value), number.size, number.byte_order);
  }
  Result<void> payload(const String& string) {
    // c_str() supplies the terminator.
    return verbatim({reinterpret_cast<const std::byte*>(string.text.c_str()),
                     string.text.size() + (string.nul_terminated ? 1 : 0)});
  }
  Result<void> payload(const Binary& binary) { return verbatim(binary.bytes); }
  Result<void> payload(const Raw& raw) { return verbatim(raw.bytes); }
  Result<void> payload(const DecodedStruct& decoded) { return verbatim(decoded.bytes); }
  Result<void> payload(const Bitfield32& bitfield) {
    const uint32_t words[] = {bitfield.value, bitfield.selector};
    return verbatim(wire::bytes_of(words));
  }
  Result<void> payload(const Nested& nested) { return attributes(nested.attributes); }
  Result<void> payload(const SubMessageValue& sub_message) {
    if (sub_message.fixed_header) append(out_, sub_message.fixed_header->bytes);
    return attributes(sub_message.attributes);
  }

  Result<void> verbatim(wire::Bytes bytes) {
    append(out_, bytes);
    return {};
  }
  Result<void> integer(uint64_t bits, size_t size, ByteOrder byte_order) {
    if (write_integer(bits, size, byte_order, out_)) return {};
    return Error(errc::invalid_argument, "an integer of " + std::to_string(size) + " bytes");
  }

  std::vector<std::byte>& out_;
};

}  // namespace

Result<std::vector<std::byte>> encode(const DecodedMessage& message) {
  std::vector<std::byte> out(NLMSG_HDRLEN);
  if (message.genl_header) append(out, message.genl_header->bytes);
  if (message.fixed_header) append(out, message.fixed_header->bytes);
  if (auto written = Encoder(out).attributes(message.attributes); !written) return std::move(written).error();
  append(out, message.unparsed);
  const nlmsghdr header{.nlmsg_len = static_cast<uint32_t>(out.size()),
                        .nlmsg_type = message.nlmsg_type,
                        .nlmsg_flags = message.nlmsg_flags,
                        .nlmsg_seq = message.nlmsg_seq,
                        .nlmsg_pid = message.nlmsg_pid};
  std::memcpy(out.data(), &header, sizeof header);
  return out;
}

}  // namespace nlpp::schema

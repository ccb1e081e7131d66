#include <nlpp/wire/message_builder.hpp>

#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message.hpp>

#include <limits>

namespace nlpp::wire {
namespace {

constexpr size_t max_attribute_length = std::numeric_limits<uint16_t>::max();

}  // namespace

MessageBuilder& MessageBuilder::begin_message(uint16_t type, uint16_t flags) {
  if (open_nests_ != 0) failure_ = "a message was started while a nested attribute was still open";
  message_start_ = buffer_.size();
  ++message_count_;
  const nlmsghdr header{.nlmsg_len = sizeof(nlmsghdr), .nlmsg_type = type, .nlmsg_flags = flags, .nlmsg_seq = 0,
                        .nlmsg_pid = 0};
  append(bytes_of(header));
  return *this;
}

MessageBuilder& MessageBuilder::append_header_bytes(Bytes header) {
  append(header);
  pad();
  update_message_length();
  return *this;
}

MessageBuilder& MessageBuilder::add(uint16_t type, Bytes payload) {
  if (Attribute::header_size + payload.size() > max_attribute_length) {
    failure_ = "an attribute payload is larger than the 16-bit nla_len allows";
    return *this;
  }
  const nlattr header{.nla_len = static_cast<uint16_t>(Attribute::header_size + payload.size()), .nla_type = type};
  append(bytes_of(header));
  append(payload);
  pad();
  update_message_length();
  return *this;
}

MessageBuilder& MessageBuilder::add_string(uint16_t type, std::string_view text) {
  if (Attribute::header_size + text.size() + 1 > max_attribute_length) {
    failure_ = "a string attribute is longer than the 16-bit nla_len allows";
    return *this;
  }
  const nlattr header{.nla_len = static_cast<uint16_t>(Attribute::header_size + text.size() + 1), .nla_type = type};
  append(bytes_of(header));
  append(bytes_of(text));
  buffer_.push_back(std::byte{0});
  pad();
  update_message_length();
  return *this;
}

MessageBuilder::Nest MessageBuilder::begin_nested(uint16_t type) {
  return begin_nested_without_flag(static_cast<uint16_t>(type | NLA_F_NESTED));
}

MessageBuilder::Nest MessageBuilder::begin_nested_without_flag(uint16_t type) {
  const Nest nest{buffer_.size()};
  add(type, {});
  ++open_nests_;
  return nest;
}

MessageBuilder& MessageBuilder::end_nested(Nest nest) {
  if (open_nests_ == 0 || nest.offset < message_start_ || nest.offset >= buffer_.size()) {
    failure_ = "end_nested() without a matching begin_nested()";
    return *this;
  }
  --open_nests_;
  const size_t length = buffer_.size() - nest.offset;
  if (length > max_attribute_length) {
    failure_ = "a nested attribute is larger than the 16-bit nla_len allows";
    return *this;
  }
  const auto nla_len = static_cast<uint16_t>(length);
  std::memcpy(buffer_.data() + nest.offset, &nla_len, sizeof nla_len);
  return *this;
}

Result<void> MessageBuilder::status() const {
  if (failure_ != nullptr) return Error(errc::invalid_argument, failure_);
  if (open_nests_ != 0) return Error(errc::invalid_argument, "a nested attribute was never closed");
  return {};
}

void MessageBuilder::clear() noexcept {
  buffer_.clear();
  message_start_ = 0;
  message_count_ = 0;
  open_nests_ = 0;
  failure_ = nullptr;
}

void MessageBuilder::append(Bytes bytes) {
  if (message_count_ == 0) failure_ = "an append came before begin_message()";
  buffer_.insert(buffer_.end(), bytes.begin(), bytes.end());
}

void MessageBuilder::pad() { buffer_.resize(align4(buffer_.size())); }

void MessageBuilder::update_message_length() noexcept {
  const auto length = static_cast<uint32_t>(buffer_.size() - message_start_);
  std::memcpy(buffer_.data() + message_start_, &length, sizeof length);
}

}  // namespace nlpp::wire

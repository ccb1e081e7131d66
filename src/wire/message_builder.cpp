#include <nlpp/wire/message_builder.hpp>

#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message.hpp>

#include <algorithm>
#include <limits>

namespace nlpp::wire {
namespace {

constexpr size_t max_attribute_length = std::numeric_limits<uint16_t>::max();

}  // namespace

MessageBuilder& MessageBuilder::begin_message(uint16_t type, uint16_t flags) {
  if (!open_nests_.empty()) {
    fail("a message was started while a nested attribute was still open");
    // Their lengths already stop at the end of the previous message; growing
    // them into this one would make both unparsable.
    open_nests_.clear();
  }
  message_start_ = buffer_.size();
  ++message_count_;
  const nlmsghdr header{
      .nlmsg_len = sizeof(nlmsghdr), .nlmsg_type = type, .nlmsg_flags = flags, .nlmsg_seq = 0, .nlmsg_pid = 0};
  append(bytes_of(header));
  return *this;
}

MessageBuilder& MessageBuilder::append_header_bytes(Bytes header) {
  if (!can_append(header.size())) return *this;
  append(header);
  pad();
  update_lengths();
  return *this;
}

MessageBuilder& MessageBuilder::add(uint16_t type, Bytes payload) {
  append_attribute(type, payload, {});
  return *this;
}

MessageBuilder& MessageBuilder::add_string(uint16_t type, std::string_view text) {
  constexpr std::byte nul{0};
  append_attribute(type, bytes_of(text), bytes_of(nul));
  return *this;
}

MessageBuilder::Nest MessageBuilder::begin_nested(uint16_t type) {
  return begin_nested_without_flag(static_cast<uint16_t>(type | NLA_F_NESTED));
}

MessageBuilder::Nest MessageBuilder::begin_nested_without_flag(uint16_t type) {
  const Nest nest{buffer_.size()};
  if (append_attribute(type, {}, {})) open_nests_.push_back(nest.offset);
  return nest;
}

MessageBuilder& MessageBuilder::end_nested(Nest nest) {
  if (open_nests_.empty() || std::find(open_nests_.begin(), open_nests_.end(), nest.offset) == open_nests_.end()) {
    fail("end_nested() without a matching begin_nested()");
  } else if (open_nests_.back() != nest.offset) {
    fail("end_nested() closed a nest that is not the innermost open one");
  } else {
    // Its nla_len is already final: update_lengths() kept it current.
    open_nests_.pop_back();
  }
  return *this;
}

Result<void> MessageBuilder::status() const {
  if (failure_ != nullptr) return Error(errc::invalid_argument, failure_);
  if (!open_nests_.empty()) return Error(errc::invalid_argument, "a nested attribute was never closed");
  return {};
}

void MessageBuilder::clear() noexcept {
  buffer_.clear();
  message_start_ = 0;
  message_count_ = 0;
  open_nests_.clear();
  failure_ = nullptr;
}

// Whether length more bytes (before padding) can be written without leaving
// the bytes unparsable; if not, records why.
bool MessageBuilder::can_append(size_t length) {
  if (message_count_ == 0) {
    fail("an append came before begin_message()");
    return false;
  }
  // The outermost open nest is the longest, so it alone can overflow.
  if (!open_nests_.empty() && align4(buffer_.size() + length) - open_nests_.front() > max_attribute_length) {
    fail("a nested attribute would grow larger than the 16-bit nla_len allows");
    return false;
  }
  return true;
}

bool MessageBuilder::append_attribute(uint16_t type, Bytes payload, Bytes terminator) {
  const size_t length = Attribute::header_size + payload.size() + terminator.size();
  if (length > max_attribute_length) {
    fail("an attribute is larger than the 16-bit nla_len allows");
    return false;
  }
  if (!can_append(length)) return false;
  const nlattr header{.nla_len = static_cast<uint16_t>(length), .nla_type = type};
  append(bytes_of(header));
  append(payload);
  append(terminator);
  pad();
  update_lengths();
  return true;
}

void MessageBuilder::append(Bytes bytes) { buffer_.insert(buffer_.end(), bytes.begin(), bytes.end()); }

void MessageBuilder::pad() { buffer_.resize(align4(buffer_.size())); }

void MessageBuilder::update_lengths() noexcept {
  const auto message_length = static_cast<uint32_t>(buffer_.size() - message_start_);
  std::memcpy(buffer_.data() + message_start_, &message_length, sizeof message_length);
  for (const size_t nest : open_nests_) {
    const auto nla_len = static_cast<uint16_t>(buffer_.size() - nest);
    std::memcpy(buffer_.data() + nest, &nla_len, sizeof nla_len);
  }
}

void MessageBuilder::fail(const char* why) noexcept {
  if (failure_ == nullptr) failure_ = why;
}

}  // namespace nlpp::wire

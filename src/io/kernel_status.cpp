#include "kernel_status.hpp"

#include <linux/netlink.h>

namespace nlpp::io {
namespace {

Result<ExtendedAck> parse_ext_ack(wire::AttributeRange attributes) {
  if (auto valid = attributes.validate(); !valid) return std::move(valid).error();
  ExtendedAck ack;
  for (const wire::Attribute& attribute : attributes) {
    switch (attribute.type()) {
      case NLMSGERR_ATTR_MSG:
        ack.message = attribute.string();
        break;
      case NLMSGERR_ATTR_OFFS:
        if (auto offset = attribute.u32()) ack.offset = *offset;
        break;
      case NLMSGERR_ATTR_COOKIE:
        ack.cookie.assign(attribute.payload().begin(), attribute.payload().end());
        break;
      case NLMSGERR_ATTR_MISS_TYPE:
        if (auto type = attribute.u32()) ack.missing_type = static_cast<uint16_t>(*type);
        break;
      case NLMSGERR_ATTR_MISS_NEST:
        if (auto nest = attribute.u32()) ack.missing_nest = *nest;
        break;
      default:  // NLMSGERR_ATTR_POLICY and anything newer: not needed to explain the error
        break;
    }
  }
  return ack;
}

Result<KernelStatus> with_ext_ack(int error, const wire::Message& message, size_t tlv_offset) {
  KernelStatus status{error, {}};
  if (!(message.flags() & NLM_F_ACK_TLVS)) return status;
  const wire::Bytes payload = message.payload();
  if (tlv_offset > payload.size()) return Error(errc::truncated_message, "extended ACK past the end of the message");
  Result<ExtendedAck> ack = parse_ext_ack(wire::AttributeRange(payload.subspan(tlv_offset)));
  if (!ack) return std::move(ack).error();
  status.ack = std::move(*ack);
  return status;
}

}  // namespace

Result<KernelStatus> parse_error_message(const wire::Message& message) {
  Result<nlmsgerr> header = message.fixed_header<nlmsgerr>();
  if (!header) return std::move(header).error();
  // The echoed request is cut to its header when the socket has
  // NETLINK_CAP_ACK (the kernel then sets NLM_F_CAPPED) or on success.
  const size_t echoed = (message.flags() & NLM_F_CAPPED) ? sizeof(nlmsghdr) : header->msg.nlmsg_len;
  return with_ext_ack(header->error, message, wire::align4(sizeof(int) + echoed));
}

Result<KernelStatus> parse_done_message(const wire::Message& message) {
  if (message.payload().empty()) return KernelStatus{};
  Result<int> error = message.fixed_header<int>();
  if (!error) return std::move(error).error();
  return with_ext_ack(*error, message, sizeof(int));
}

}  // namespace nlpp::io

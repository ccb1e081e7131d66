// Internal: reading the status the kernel reports at the end of a request
// (NLMSG_ERROR, which is also the ACK) or of a dump (NLMSG_DONE).
#pragma once

#include <nlpp/core/error.hpp>
#include <nlpp/core/result.hpp>
#include <nlpp/wire/message.hpp>

namespace nlpp::io {

/// The kernel's verdict: 0 or a negative errno, and the extended ACK.
struct KernelStatus {
  int error = 0;
  ExtendedAck ack;
};

/// Reads an NLMSG_ERROR message: struct nlmsgerr, the echoed request (only
/// its header when NLM_F_CAPPED is set), then NLMSGERR_ATTR_* attributes
/// when NLM_F_ACK_TLVS is set.
Result<KernelStatus> parse_error_message(const wire::Message& message);

/// Reads an NLMSG_DONE message: an int error, then NLMSGERR_ATTR_*
/// attributes when NLM_F_ACK_TLVS is set. An empty payload means success.
Result<KernelStatus> parse_done_message(const wire::Message& message);

}  // namespace nlpp::io

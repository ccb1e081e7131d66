// Batch framing, a policy a protocol's session installs in its engine.
// nfnetlink applies changes only inside a batch: NFNL_MSG_BATCH_BEGIN, the
// messages, NFNL_MSG_BATCH_END, in one datagram, all of them or none. The
// engine knows no protocol; the policy says which requests go inside a
// frame and what opens and closes it.
#pragma once

#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>

namespace nlpp::io {

/// Which requests travel inside a frame, and the frame's messages. The
/// engine stamps their seq, port id and NLM_F_REQUEST.
class BatchFraming {
 public:
  virtual ~BatchFraming() = default;
  /// Whether request must be framed (nfnetlink: an nf_tables change, not a
  /// get or a dump).
  virtual bool frames(const wire::Message& request) const = 0;
  /// Appends the message that opens the frame around request to out.
  virtual void begin(const wire::Message& request, wire::MessageBuilder& out) const = 0;
  /// Appends the message that closes it.
  virtual void end(const wire::Message& request, wire::MessageBuilder& out) const = 0;
};

}  // namespace nlpp::io

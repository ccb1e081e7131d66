// The request engine: sends requests over a Transport and matches what comes
// back by sequence number and port id. Acks, errors with extended ACK,
// multipart dumps (with NLM_F_DUMP_INTR retries) and pipelined batches.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/io/batch_framing.hpp>
#include <nlpp/io/receiver.hpp>
#include <nlpp/io/socket.hpp>
#include <nlpp/io/transport.hpp>
#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace nlpp::io {

struct KernelStatus;

/// A successful request. The kernel may attach a warning (an extended ACK
/// message on a zero error), which is kept here.
struct Ack {
  std::string warning;
};

/// Called with each message of a reply or dump, in order. The view points
/// into the engine's receive buffer: copy what must outlive the call.
using MessageHandler = std::function<void(const wire::Message&)>;

/// Called when a dump was interrupted (NLM_F_DUMP_INTR) and is about to be
/// repeated: forget every message delivered so far.
using RestartHandler = std::function<void()>;

/// Tuning for send_batch().
struct BatchOptions {
  /// Requests per sendmsg at most. The kernel handles a datagram before
  /// sendmsg returns, so a chunk's replies are all queued by then; a chunk
  /// is also cut short where the replies it could cause (every request
  /// refused) would not fit the socket's receive buffer, which is grown
  /// for them first, so that no answer is lost.
  size_t chunk_size = 1024;
  /// Ask for an ACK on every request rather than the last of each chunk.
  /// The kernel reports a failing request either way; acking only the last
  /// is about a quarter faster.
  bool ack_each = false;
  /// Send no chunk after one in which a request failed (or its outcome
  /// was lost): the requests after that chunk are not_sent. The kernel
  /// cannot stop within a chunk, so the rest of that chunk was handled.
  bool stop_after_failure = false;
};

/// What became of one request of a batch.
enum class Outcome : uint8_t {
  applied,   ///< the kernel did it (its ACK, or no error before a later request's ACK)
  refused,   ///< the kernel answered with an error: errno and extended ACK
  unknown,   ///< the kernel handled it but its answer was lost: applied or not, nobody can say
  not_sent,  ///< it never reached the kernel: the batch stopped before it
};

/// Requests first, first + 1, ..., last of a batch.
struct IndexRange {
  size_t first;
  size_t last;
  friend bool operator==(const IndexRange&, const IndexRange&) = default;
};

class RequestEngine;

/// The outcome of a batch, one per request, stored compactly: only
/// refusals take space each; lost answers and unsent requests are ranges.
class BatchResult {
 public:
  explicit BatchResult(size_t count) : count_(count), sent_(count) {}

  size_t size() const noexcept { return count_; }
  Outcome outcome(size_t index) const noexcept;
  /// Success for an applied request; otherwise an Error: the kernel's
  /// (refused), errc::outcome_unknown or errc::not_sent with the reason.
  Result<void> operator[](size_t index) const;

  /// The requests the kernel refused, in request order: (index, error).
  const std::vector<std::pair<size_t, Error>>& refusals() const noexcept { return refusals_; }
  /// The requests whose answers were lost, in request order, each range
  /// with why (errc::outcome_unknown). The kernel drops the answers that do
  /// not fit a full receive buffer; send_batch sizes its chunks so that
  /// this does not happen, and says so when it does all the same.
  const std::vector<std::pair<IndexRange, Error>>& unknown() const noexcept { return unknown_; }
  /// Requests [0, sent()) reached the kernel; the rest are not_sent, for
  /// the reason not_sent_reason() gives.
  size_t sent() const noexcept { return sent_; }
  const std::optional<Error>& not_sent_reason() const noexcept { return not_sent_reason_; }

  /// Requests not known to be applied: refused, unknown or not sent.
  size_t failed() const noexcept;
  size_t applied() const noexcept { return count_ - failed(); }
  bool all_succeeded() const noexcept { return failed() == 0; }

 private:
  friend class BatchRun;
  // Recorded in increasing index order.
  void record_refusal(size_t index, Error error) { refusals_.emplace_back(index, std::move(error)); }
  void record_unknown(IndexRange range, Error reason) { unknown_.emplace_back(range, std::move(reason)); }
  void record_not_sent(size_t first, Error reason);

  size_t count_;
  std::vector<std::pair<size_t, Error>> refusals_;
  std::vector<std::pair<IndexRange, Error>> unknown_;
  size_t sent_;
  std::optional<Error> not_sent_reason_;
};

/// Counters of what the engine had to ignore.
struct EngineStats {
  uint64_t foreign_datagrams = 0;  ///< sender port id was not 0 (not the kernel)
  uint64_t stale_messages = 0;     ///< seq or port id did not match a pending request
};

/// What a protocol knows of its requests, for the errors the engine
/// reports: the request's name and the names of the attributes an extended
/// ACK points at. The protocol's session installs it (rtnl::IpRoute: the
/// schema's RTNL tables), so the engine knows no protocol; without one an
/// error names the message type by number and the ACK keeps its offsets.
class RequestDescriber {
 public:
  virtual ~RequestDescriber() = default;
  /// The request's name ("newroute"); empty when unknown.
  virtual std::string name(const wire::Message& request) const = 0;
  /// Fills ack's attribute_path and missing_attribute from its offsets.
  virtual void name_attributes(ExtendedAck& ack, const wire::Message& request) const = 0;
};

/// Sends requests and collects their replies. Not thread-safe: use one engine
/// per thread (sockets are cheap).
class RequestEngine {
 public:
  /// Takes over a transport (a Socket, or a test's fake kernel); a null one
  /// is a programming error and throws std::invalid_argument.
  explicit RequestEngine(std::unique_ptr<Transport> transport);
  /// Opens a Socket of the protocol and an engine on it.
  static Result<RequestEngine> open(int protocol, const SocketOptions& options = {});

  RequestEngine(RequestEngine&&) noexcept;
  RequestEngine& operator=(RequestEngine&&) noexcept;
  ~RequestEngine();

  /// Sends one request (NLM_F_REQUEST | NLM_F_ACK are added) and waits for
  /// its ack. Messages the kernel sends before the ack (the reply to a get)
  /// go to on_reply.
  Result<Ack> request(wire::MessageBuilder& message, const MessageHandler& on_reply = {});

  /// Dumps (NLM_F_REQUEST | NLM_F_DUMP are added): on_message gets every
  /// message up to NLMSG_DONE. The dump is always read to its end. When the
  /// kernel flags it inconsistent (NLM_F_DUMP_INTR), on_restart is called and
  /// the dump repeated, up to max_dump_retries times; then, or at once when
  /// on_restart is empty, the result is errc::dump_interrupted.
  Result<void> dump(wire::MessageBuilder& request, const MessageHandler& on_message,
                    const RestartHandler& on_restart = {});

  /// Sends every message in the builder, many per sendmsg (BatchOptions),
  /// and returns the outcome of each: applied, refused (errno and extended
  /// ACK), unknown or not sent (BatchResult), whatever the number of
  /// refusals. A transport error ends the batch: what it left unanswered
  /// is unknown, the rest not sent. An error is returned only for a batch
  /// that cannot be sent at all (a builder in error, chunk_size 0).
  Result<BatchResult> send_batch(wire::MessageBuilder& messages, const BatchOptions& options = {});

  /// How many times an interrupted dump is repeated (default 5).
  void set_max_dump_retries(unsigned retries) noexcept { max_dump_retries_ = retries; }
  /// How requests are framed (none by default; nfnetlink's sessions install
  /// nfnl::batch_framing()). A request the policy frames goes to the kernel
  /// between the frame's messages, in one datagram, and an error the kernel
  /// reports for any of the three is the request's. send_batch() refuses
  /// framed requests (errc::invalid_argument): an all-or-nothing batch
  /// reports its outcomes otherwise than a pipelined one.
  void set_batch_framing(std::shared_ptr<const BatchFraming> framing) noexcept { framing_ = std::move(framing); }
  /// How the errors name requests and their attributes (none by default).
  void set_request_describer(std::shared_ptr<const RequestDescriber> describer) noexcept {
    describer_ = std::move(describer);
  }

  Transport& transport() noexcept { return receiver_.transport(); }
  /// The socket's descriptor, for poll/epoll (-1 over a fake transport).
  int fileno() const noexcept { return receiver_.transport().fileno(); }
  EngineStats stats() const noexcept {
    return {.foreign_datagrams = receiver_.stats().foreign_datagrams, .stale_messages = stale_messages_};
  }

 private:
  friend class BatchRun;
  uint32_t next_seq(size_t count) noexcept;
  // Sets seq (counting up from first_seq), port id and extra flags on every message.
  void stamp(wire::MessageBuilder& messages, uint32_t first_seq, uint16_t flags) noexcept;
  // The messages of the next datagram from the kernel, checked to tile it.
  Result<wire::MessageRange> receive_from_kernel();
  // The next one already queued, without waiting; nullopt when none is.
  Result<std::optional<wire::MessageRange>> receive_queued_from_kernel();
  // True for a reply to one of the seqs in [first_seq, last_seq]; counts the rest.
  bool is_reply_to(const wire::Message& message, uint32_t first_seq, uint32_t last_seq);
  // request() of a request the framing policy frames.
  Result<Ack> request_framed(wire::MessageBuilder& message, const MessageHandler& on_reply);
  // Reads replies to the messages sent (seqs first_seq on) until the ACK
  // of ack_seq or an error for any of them; data messages go to on_reply.
  Result<Ack> await_ack(const wire::MessageRange& sent, uint32_t first_seq, uint32_t ack_seq,
                        const MessageHandler& on_reply);
  Error kernel_error(const KernelStatus& status, const wire::Message& request) const;
  // The request's name for errors: the describer's, else "nlmsg_type N".
  std::string request_name(const wire::Message& request) const;

  Receiver receiver_;
  uint32_t seq_ = 0;
  unsigned max_dump_retries_ = 5;
  std::shared_ptr<const RequestDescriber> describer_;
  std::shared_ptr<const BatchFraming> framing_;
  uint64_t stale_messages_ = 0;
};

}  // namespace nlpp::io

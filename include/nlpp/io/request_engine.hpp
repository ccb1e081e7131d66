// The request engine: sends requests over a Transport and matches what comes
// back by sequence number and port id. Acks, errors with extended ACK,
// multipart dumps (with NLM_F_DUMP_INTR retries) and pipelined batches.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/io/socket.hpp>
#include <nlpp/io/transport.hpp>
#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace nlpp::schema {
struct MessageType;
}

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
  /// Requests per sendmsg. The kernel handles a datagram synchronously, so
  /// a chunk's replies are all queued when sendmsg returns.
  size_t chunk_size = 1024;
  /// Ask for an ACK on every request rather than the last of each chunk.
  /// The kernel reports a failing request either way; acking only the last
  /// is about a quarter faster.
  bool ack_each = false;
};

/// The outcome of a batch: one result per request, stored compactly (only
/// failures take space).
class RequestEngine;

class BatchResult {
 public:
  explicit BatchResult(size_t count) : count_(count) {}

  size_t size() const noexcept { return count_; }
  size_t failed() const noexcept { return failures_.size(); }
  bool all_succeeded() const noexcept { return failures_.empty(); }
  /// The result of request number index (0-based, in batch order).
  Result<void> operator[](size_t index) const;
  /// The failures, in request order: (index, error).
  const std::vector<std::pair<size_t, Error>>& failures() const noexcept { return failures_; }


 private:
  friend class RequestEngine;
  // Failures are recorded in increasing index order.
  void record_failure(size_t index, Error error) { failures_.emplace_back(index, std::move(error)); }
  // Marks every request from index first on that has no failure yet as failed with error.
  void fail_unsettled(size_t first, const Error& error);

  size_t count_;
  std::vector<std::pair<size_t, Error>> failures_;
};

/// Counters of what the engine had to ignore.
struct EngineStats {
  uint64_t foreign_datagrams = 0;  ///< sender port id was not 0 (not the kernel)
  uint64_t stale_messages = 0;     ///< seq or port id did not match a pending request
};

/// Describes a request message for naming the attribute an extended ACK
/// points at; returns nullptr when unknown.
using RequestDescriber = std::function<const schema::MessageType*(const wire::Message& request)>;

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

  /// Sends every message in the builder, chunk_size per sendmsg, and returns
  /// one result per request. Transport errors (overrun included) end the batch
  /// and mark every request whose outcome is unknown as failed with that error.
  Result<BatchResult> send_batch(wire::MessageBuilder& messages, const BatchOptions& options = {});

  /// How many times an interrupted dump is repeated (default 5).
  void set_max_dump_retries(unsigned retries) noexcept { max_dump_retries_ = retries; }
  /// Replaces how requests are described for extended ACK attribute paths
  /// (default: the schema registry by protocol and message type).
  void set_request_describer(RequestDescriber describer) { describe_ = std::move(describer); }

  Transport& transport() noexcept { return *transport_; }
  const EngineStats& stats() const noexcept { return stats_; }

 private:
  uint32_t next_seq(size_t count) noexcept;
  // Sets seq (counting up from first_seq), port id and extra flags on every message.
  void stamp(wire::MessageBuilder& messages, uint32_t first_seq, uint16_t flags) noexcept;
  // The next datagram from the kernel (other senders are counted and skipped).
  Result<wire::MessageRange> receive_from_kernel();
  // True for a reply to one of the seqs in [first_seq, last_seq]; counts the rest.
  bool is_reply_to(const wire::Message& message, uint32_t first_seq, uint32_t last_seq);
  Error kernel_error(const KernelStatus& status, const wire::Message& request) const;

  std::unique_ptr<Transport> transport_;
  std::vector<std::byte> buffer_;
  uint32_t seq_ = 0;
  unsigned max_dump_retries_ = 5;
  RequestDescriber describe_;
  EngineStats stats_;
};

}  // namespace nlpp::io

// The one receive loop of io. Requests, dumps, batches and subscriptions
// all read the kernel through a Receiver: it owns the transport and the
// buffer, believes only datagrams the kernel sent (port id 0) and waits
// with or without a deadline.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/io/transport.hpp>
#include <nlpp/wire/bytes.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace nlpp::io {

/// What a receiver counted.
struct ReceiveStats {
  uint64_t datagrams = 0;          ///< datagrams received from the kernel
  uint64_t foreign_datagrams = 0;  ///< datagrams from another port than the kernel's, dropped
};

/// Reads datagrams from the kernel into a buffer of its own. What it hands
/// out points into that buffer and is valid until the next receive. Not
/// thread-safe.
class Receiver {
 public:
  /// Takes over a transport; a null one is a programming error and throws
  /// std::invalid_argument.
  explicit Receiver(std::unique_ptr<Transport> transport);

  Receiver(Receiver&&) noexcept;
  Receiver& operator=(Receiver&&) noexcept;
  ~Receiver();

  /// The next datagram from the kernel, waiting as long as it takes.
  /// Errors are the transport's: ENOBUFS (an overrun), a datagram larger
  /// than the buffer (errc::truncated_message), EAGAIN on a non-blocking
  /// socket with nothing queued...
  Result<wire::Bytes> receive();
  /// The next datagram from the kernel already queued, without waiting;
  /// nullopt when none is.
  Result<std::optional<wire::Bytes>> receive_queued();
  /// The next datagram from the kernel, waiting up to timeout (negative: no
  /// limit) for the descriptor to be readable; nullopt when none came. A
  /// transport without a descriptor (a test's fake) is read directly.
  Result<std::optional<wire::Bytes>> receive_within(std::chrono::milliseconds timeout);

  Transport& transport() noexcept { return *transport_; }
  const Transport& transport() const noexcept { return *transport_; }
  const ReceiveStats& stats() const noexcept { return stats_; }

 private:
  // The datagram's bytes when the kernel sent it; counts it either way.
  std::optional<wire::Bytes> from_kernel(const Datagram& datagram);

  std::unique_ptr<Transport> transport_;
  std::vector<std::byte> buffer_;
  ReceiveStats stats_;
};

}  // namespace nlpp::io

#include <nlpp/io/receiver.hpp>

#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <stdexcept>

namespace nlpp::io {
namespace {

using Clock = std::chrono::steady_clock;

// Waits until deadline (none: no limit) for fd to be readable or in error
// (an overrun shows as POLLERR). Returns false when the deadline passed.
Result<bool> wait_readable(int fd, std::optional<Clock::time_point> deadline) {
  for (;;) {
    int wait_ms = -1;
    if (deadline) {
      const auto left = std::chrono::ceil<std::chrono::milliseconds>(*deadline - Clock::now());
      wait_ms = static_cast<int>(std::max<std::chrono::milliseconds::rep>(left.count(), 0));
    }
    pollfd descriptor{.fd = fd, .events = POLLIN, .revents = 0};
    const int ready = ::poll(&descriptor, 1, wait_ms);
    if (ready > 0) return true;
    if (ready == 0) return false;
    if (errno != EINTR) return Error::from_errno(errno, "poll netlink socket");
  }
}

}  // namespace

Receiver::Receiver(std::unique_ptr<Transport> transport)
    : transport_(std::move(transport)), buffer_(max_datagram_size) {
  if (!transport_) throw std::invalid_argument("a netlink receiver needs a transport");
}

Receiver::Receiver(Receiver&&) noexcept = default;
Receiver& Receiver::operator=(Receiver&&) noexcept = default;
Receiver::~Receiver() = default;

Result<wire::Bytes> Receiver::receive() {
  for (;;) {
    Result<Datagram> datagram = transport_->receive(buffer_);
    if (!datagram) return std::move(datagram).error();
    if (std::optional<wire::Bytes> bytes = from_kernel(*datagram)) return *bytes;
  }
}

Result<std::optional<wire::Bytes>> Receiver::receive_queued() {
  for (;;) {
    Result<std::optional<Datagram>> datagram = transport_->receive_queued(buffer_);
    if (!datagram) return std::move(datagram).error();
    if (!*datagram) return std::optional<wire::Bytes>();
    if (std::optional<wire::Bytes> bytes = from_kernel(**datagram)) return bytes;
  }
}

Result<std::optional<wire::Bytes>> Receiver::receive_within(std::chrono::milliseconds timeout) {
  if (transport_->fileno() < 0) {
    Result<wire::Bytes> bytes = receive();
    if (!bytes) return std::move(bytes).error();
    return std::optional<wire::Bytes>(*bytes);
  }
  std::optional<Clock::time_point> deadline;
  if (timeout.count() >= 0) deadline = Clock::now() + timeout;
  for (;;) {
    Result<bool> ready = wait_readable(transport_->fileno(), deadline);
    if (!ready) return std::move(ready).error();
    if (!*ready) return std::optional<wire::Bytes>();
    // Readable may still leave nothing to read (a foreign datagram was
    // dropped, or another reader of a shared descriptor took it): wait
    // again until the deadline.
    Result<std::optional<wire::Bytes>> queued = receive_queued();
    if (!queued || *queued || timeout.count() == 0) return queued;
  }
}

std::optional<wire::Bytes> Receiver::from_kernel(const Datagram& datagram) {
  // Only the kernel (port id 0) may answer or notify; anything else is
  // another process's datagram, or a spoof, and is not ours to believe.
  if (datagram.sender_port_id != 0) {
    ++stats_.foreign_datagrams;
    return std::nullopt;
  }
  ++stats_.datagrams;
  return wire::Bytes(buffer_).first(datagram.length);
}

}  // namespace nlpp::io

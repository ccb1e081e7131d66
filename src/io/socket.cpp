#include <nlpp/io/socket.hpp>

#include <fcntl.h>
#include <linux/netlink.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <limits>

namespace nlpp::io {
namespace {

// The kernel's protocol table has MAX_LINKS (32) slots.
constexpr int protocol_count = 32;

Result<UniqueFd> open_descriptor(int protocol, const SocketOptions& options) {
  constexpr int type = SOCK_RAW | SOCK_CLOEXEC;
  if (options.netns) return netns::open_socket(*options.netns, AF_NETLINK, type, protocol);
  UniqueFd fd(::socket(AF_NETLINK, type, protocol));
  if (!fd) return Error::from_errno(errno, "socket(AF_NETLINK, " + std::to_string(protocol) + ")");
  return fd;
}

bool enable(int fd, int option) {
  const int on = 1;
  return ::setsockopt(fd, SOL_NETLINK, option, &on, sizeof on) == 0;
}

}  // namespace

Result<Socket> Socket::open(int protocol, const SocketOptions& options) {
  if (protocol < 0 || protocol >= protocol_count)
    return Error(errc::invalid_argument, "netlink protocol " + std::to_string(protocol) + " is out of range");
  Result<UniqueFd> fd = open_descriptor(protocol, options);
  if (!fd) return std::move(fd).error();
  Socket socket(std::move(*fd), protocol);
  if (auto configured = socket.configure(options); !configured) return std::move(configured).error();
  return socket;
}

Result<void> Socket::configure(const SocketOptions& options) {
  const sockaddr_nl local{.nl_family = AF_NETLINK, .nl_pad = 0, .nl_pid = 0, .nl_groups = 0};
  if (::bind(fd_.get(), reinterpret_cast<const sockaddr*>(&local), sizeof local) != 0)
    return Error::from_errno(errno, "bind netlink socket");
  sockaddr_nl bound{};
  socklen_t length = sizeof bound;
  if (::getsockname(fd_.get(), reinterpret_cast<sockaddr*>(&bound), &length) != 0)
    return Error::from_errno(errno, "getsockname on netlink socket");
  port_id_ = bound.nl_pid;

  // Each option is best effort: an older kernel refuses what it lacks and
  // the socket still works, only with less detail in errors.
  features_.extended_ack = options.extended_ack && enable(fd_.get(), NETLINK_EXT_ACK);
  features_.capped_ack = options.capped_ack && enable(fd_.get(), NETLINK_CAP_ACK);
  features_.strict_checking = options.strict_checking && enable(fd_.get(), NETLINK_GET_STRICT_CHK);

  if (options.receive_buffer > 0) {
    if (auto set = set_receive_buffer(options.receive_buffer); !set) return std::move(set).error();
  }
  if (options.nonblocking) return set_nonblocking(true);
  return {};
}

Result<void> Socket::join_group(uint32_t group) {
  if (::setsockopt(fd_.get(), SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &group, sizeof group) != 0)
    return Error::from_errno(errno, "join netlink group " + std::to_string(group));
  return {};
}

Result<void> Socket::leave_group(uint32_t group) {
  if (::setsockopt(fd_.get(), SOL_NETLINK, NETLINK_DROP_MEMBERSHIP, &group, sizeof group) != 0)
    return Error::from_errno(errno, "leave netlink group " + std::to_string(group));
  return {};
}

Result<void> Socket::set_nonblocking(bool nonblocking) {
  const int flags = ::fcntl(fd_.get(), F_GETFL);
  if (flags < 0) return Error::from_errno(errno, "fcntl(F_GETFL)");
  const int wanted = nonblocking ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK);
  if (::fcntl(fd_.get(), F_SETFL, wanted) != 0) return Error::from_errno(errno, "fcntl(F_SETFL)");
  return {};
}

Result<int> Socket::set_receive_buffer(int bytes) {
  if (bytes <= 0) return Error(errc::invalid_argument, "receive buffer size must be positive");
  if (::setsockopt(fd_.get(), SOL_SOCKET, SO_RCVBUFFORCE, &bytes, sizeof bytes) != 0 &&
      ::setsockopt(fd_.get(), SOL_SOCKET, SO_RCVBUF, &bytes, sizeof bytes) != 0)
    return Error::from_errno(errno, "set receive buffer to " + std::to_string(bytes));
  return receive_buffer_size();
}

Result<int> Socket::receive_buffer_size() const {
  int size = 0;
  socklen_t length = sizeof size;
  if (::getsockopt(fd_.get(), SOL_SOCKET, SO_RCVBUF, &size, &length) != 0)
    return Error::from_errno(errno, "getsockopt(SO_RCVBUF)");
  return size;
}

size_t Socket::reserve_receive_buffer(size_t bytes) {
  const Result<int> current = receive_buffer_size();
  if (!current) return 0;
  if (static_cast<size_t>(*current) >= bytes) return static_cast<size_t>(*current);
  // The kernel doubles what it is asked for (bookkeeping overhead) and
  // reports the doubled size; without CAP_NET_ADMIN, net.core.rmem_max caps it.
  const auto asked = static_cast<int>(std::min<size_t>((bytes + 1) / 2, std::numeric_limits<int>::max() / 2));
  const Result<int> grown = set_receive_buffer(asked);
  return static_cast<size_t>(std::max(grown.value_or(0), *current));
}

Result<void> Socket::send(wire::Bytes bytes) {
  const sockaddr_nl kernel{.nl_family = AF_NETLINK, .nl_pad = 0, .nl_pid = 0, .nl_groups = 0};
  for (;;) {
    const ssize_t sent = ::sendto(fd_.get(), bytes.data(), bytes.size(), 0,
                                  reinterpret_cast<const sockaddr*>(&kernel), sizeof kernel);
    if (sent >= 0) return {};
    if (errno != EINTR) return Error::from_errno(errno, "send to kernel");
  }
}

Result<Datagram> Socket::receive(std::span<std::byte> buffer) { return receive_with(buffer, 0); }

Result<std::optional<Datagram>> Socket::receive_queued(std::span<std::byte> buffer) {
  Result<Datagram> datagram = receive_with(buffer, MSG_DONTWAIT);
  if (datagram) return std::optional<Datagram>(*datagram);
  if (datagram.error().code() == std::errc::resource_unavailable_try_again) return std::optional<Datagram>();
  return std::move(datagram).error();
}

Result<Datagram> Socket::receive_with(std::span<std::byte> buffer, int flags) {
  sockaddr_nl sender{};
  iovec vector{.iov_base = buffer.data(), .iov_len = buffer.size()};
  msghdr header{};
  header.msg_name = &sender;
  header.msg_namelen = sizeof sender;
  header.msg_iov = &vector;
  header.msg_iovlen = 1;
  for (;;) {
    // MSG_TRUNC makes recvmsg return the datagram's real length, so a
    // datagram larger than the buffer is detected instead of silently cut.
    const ssize_t received = ::recvmsg(fd_.get(), &header, MSG_TRUNC | flags);
    if (received < 0) {
      if (errno == EINTR) continue;
      if (errno == ENOBUFS)
        return Error::from_errno(ENOBUFS, "receive: the kernel dropped messages (socket receive buffer overrun)");
      return Error::from_errno(errno, "receive from kernel");
    }
    if (static_cast<size_t>(received) > buffer.size())
      return Error(errc::truncated_message, "a datagram of " + std::to_string(received) +
                                                " bytes did not fit the receive buffer of " +
                                                std::to_string(buffer.size()));
    return Datagram{static_cast<size_t>(received), sender.nl_pid, sender.nl_groups};
  }
}

}  // namespace nlpp::io

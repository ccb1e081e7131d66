#include <nlpp/io/subscription.hpp>

#include <linux/netlink.h>

namespace nlpp::io {

Subscription::Subscription(Socket socket) : socket_(std::move(socket)), buffer_(max_datagram_size) {}

Result<Subscription> Subscription::open(int protocol, std::span<const uint32_t> groups, const SocketOptions& options) {
  Result<Socket> socket = Socket::open(protocol, options);
  if (!socket) return std::move(socket).error();
  for (const uint32_t group : groups)
    if (auto joined = socket->join_group(group); !joined) return std::move(joined).error();
  return Subscription(std::move(*socket));
}

Result<size_t> Subscription::receive(const MessageHandler& on_message) {
  for (;;) {
    Result<Datagram> datagram = socket_.receive(buffer_);
    if (!datagram) return std::move(datagram).error();
    if (datagram->sender_port_id != 0) continue;
    const wire::MessageRange messages(wire::Bytes(buffer_).first(datagram->length));
    if (auto valid = messages.validate(); !valid) return std::move(valid).error();
    size_t delivered = 0;
    for (const wire::Message& message : messages) {
      if (message.type() < NLMSG_MIN_TYPE) continue;
      if (on_message) on_message(message);
      ++delivered;
    }
    return delivered;
  }
}

}  // namespace nlpp::io

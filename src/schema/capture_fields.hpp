// Internal: what the pcap and pcapng readers share: integers in the file's
// byte order, errors that say where, and the cooked header that starts
// every packet of LINKTYPE_NETLINK.
#pragma once

#include <nlpp/schema/capture.hpp>

#include <string>

namespace nlpp::schema::detail {

/// LINKTYPE_NETLINK: packets of an nlmon device, each after a cooked header.
inline constexpr uint32_t linktype_netlink = 253;

/// Integers of a capture file, in the byte order its magic number gave.
/// Callers check the bounds first.
class CaptureFields {
 public:
  CaptureFields(wire::Bytes input, bool swapped) noexcept : input_(input), swapped_(swapped) {}

  uint16_t u16(size_t offset) const noexcept { return order(wire::load<uint16_t>(input_.subspan(offset))); }
  uint32_t u32(size_t offset) const noexcept { return order(wire::load<uint32_t>(input_.subspan(offset))); }

 private:
  template <class T>
  T order(T value) const noexcept {
    return swapped_ ? wire::byteswap(value) : value;
  }
  wire::Bytes input_;
  bool swapped_;
};

/// "<what> at offset <offset>", how every error of a capture starts.
std::string at(std::string_view what, size_t offset);

/// The input ended inside something: `what` at `offset` needed `needed`
/// bytes and `left` remain.
Error cut_short(std::string_view what, size_t offset, std::string_view needed, size_t left);

/// A captured packet of LINKTYPE_NETLINK (`frame`, starting at `offset` in
/// the input) without its 16-byte cooked header, which gives its protocol;
/// errors start with `record` (at(), naming the record that holds it).
Result<CapturedPacket> netlink_packet(wire::Bytes frame, size_t offset, const std::string& record);

/// read_pcap() of a pcapng file (capture_pcapng.cpp).
Result<std::vector<CapturedPacket>> read_pcapng(wire::Bytes input);

}  // namespace nlpp::schema::detail

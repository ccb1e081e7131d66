// An attribute an object does not model, kept so nothing the kernel sent is
// lost: it is emitted again as it came (parse -> emit round trips).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace nlpp {

/// An attribute kept as bytes: its type as sent (flags included) and payload.
struct RawAttribute {
  uint16_t type = 0;
  std::vector<std::byte> payload;

  friend bool operator==(const RawAttribute&, const RawAttribute&) = default;
  friend auto operator<=>(const RawAttribute&, const RawAttribute&) = default;
};

/// "type 9: 0a000001": the type and the payload in hex, for diffs and messages.
std::string to_string(const RawAttribute& attribute);

}  // namespace nlpp

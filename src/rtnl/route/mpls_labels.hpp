// MPLS label stacks as RTNL carries them (RTA_DST and RTA_NEWDST of AF_MPLS
// routes, MPLS_IPTUNNEL_DST): 4-byte big-endian label stack entries, label
// in the top 20 bits, the bottom-of-stack bit set on the last. Traffic
// class and TTL must be zero (the kernel refuses others).
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nlpp::rtnl {

/// The labels of a stack, outermost first; false when the size is not a
/// non-zero multiple of 4.
bool read_labels(const wire::Attribute& attribute, std::vector<uint32_t>& out);

/// The single label of an AF_MPLS route's RTA_DST; false unless 4 bytes.
bool read_label(const wire::Attribute& attribute, std::optional<uint32_t>& out) noexcept;

/// Appends a label stack attribute (bottom-of-stack bit on the last label).
void emit_labels(wire::MessageBuilder& builder, uint16_t type, std::span<const uint32_t> labels);

/// Checks that every label fits in 20 bits; the error names field and label.
Result<void> validate_labels(std::string_view field, std::span<const uint32_t> labels);

/// "100/200", as iproute2 prints a stack.
std::string labels_to_string(std::span<const uint32_t> labels);

}  // namespace nlpp::rtnl

#include "mpls_labels.hpp"

#include "codec/attributes.hpp"
#include "codec/checks.hpp"

#include <nlpp/rtnl/route_encap.hpp>

namespace nlpp::rtnl {
namespace {

constexpr unsigned label_shift = 12;           // MPLS_LS_LABEL_SHIFT
constexpr uint32_t bottom_of_stack = 1u << 8;  // MPLS_LS_S_MASK

}  // namespace

bool read_labels(const wire::Attribute& attribute, std::vector<uint32_t>& out) {
  const wire::Bytes payload = attribute.payload();
  if (payload.empty() || payload.size() % sizeof(uint32_t) != 0) return false;
  out.clear();
  out.reserve(payload.size() / sizeof(uint32_t));
  for (size_t offset = 0; offset < payload.size(); offset += sizeof(uint32_t))
    out.push_back(wire::network_to_host(wire::load<uint32_t>(payload.subspan(offset))) >> label_shift);
  return true;
}

bool read_label(const wire::Attribute& attribute, std::optional<uint32_t>& out) noexcept {
  uint32_t entry = 0;
  if (!codec::read(attribute, entry)) return false;
  out = wire::network_to_host(entry) >> label_shift;
  return true;
}

void emit_labels(wire::MessageBuilder& builder, uint16_t type, std::span<const uint32_t> labels) {
  std::vector<uint32_t> entries;
  entries.reserve(labels.size());
  for (size_t i = 0; i < labels.size(); ++i) {
    const uint32_t entry = labels[i] << label_shift | (i + 1 == labels.size() ? bottom_of_stack : 0);
    entries.push_back(wire::host_to_network(entry));
  }
  builder.add(type, std::as_bytes(std::span(entries)));
}

Result<void> validate_labels(std::string_view field, std::span<const uint32_t> labels) {
  for (const uint32_t label : labels)
    if (label > max_mpls_label)
      return codec::invalid(field, "label " + std::to_string(label) + " does not fit in 20 bits (at most " +
                                std::to_string(max_mpls_label) + ")");
  return {};
}

std::string labels_to_string(std::span<const uint32_t> labels) {
  std::string text;
  for (const uint32_t label : labels) {
    if (!text.empty()) text += '/';
    text += std::to_string(label);
  }
  return text;
}

}  // namespace nlpp::rtnl

#include "encap_json.hpp"

#include "json_fields.hpp"

namespace nlpp::format::detail {

std::string mpls_labels(const std::vector<uint32_t>& labels) {
  std::string text;
  for (const uint32_t label : labels) {
    if (!text.empty()) text += '/';
    text += std::to_string(label);
  }
  return text;
}

void write_encap(JsonWriter& json, const std::optional<rtnl::Encap>& encap) {
  const auto* mpls = encap ? std::get_if<rtnl::MplsEncap>(&*encap) : nullptr;
  if (!mpls) return;
  text_field(json, "encap", "mpls");
  if (!mpls->labels.empty()) text_field(json, "dst", mpls_labels(mpls->labels));
  if (mpls->ttl) number_field(json, "ttl", *mpls->ttl);
}

}  // namespace nlpp::format::detail

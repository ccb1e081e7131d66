#include <nlpp/rtnl/link/tunnel_encap.hpp>

#include "rtnl/link/tunnel_encap_table.hpp"

#include "codec/value_codecs.hpp"

namespace nlpp::rtnl::link {

std::string TunnelEncap::to_string() const {
  return std::to_string(type) + "/" + std::to_string(flags) + " " + std::to_string(sport) + "->" +
         std::to_string(dport);
}

Result<void> EncapFields::parse(const wire::Attribute& attribute, std::optional<TunnelEncap>& value) const {
  Result<uint16_t> number = NativeValue<uint16_t>::parse(attribute);
  if (!number) return std::move(number).error();
  TunnelEncap& encap = value ? *value : value.emplace();
  const uint16_t id = attribute.type();
  if (id == type_id)
    encap.type = *number;
  else if (id == flags_id)
    encap.flags = *number;
  else if (id == sport_id)
    encap.sport = wire::network_to_host(*number);
  else
    encap.dport = wire::network_to_host(*number);
  return {};
}

void EncapFields::emit(const std::optional<TunnelEncap>& value, wire::MessageBuilder& out) const {
  if (!value) return;
  out.add_u16(type_id, value->type)
      .add_u16(flags_id, value->flags)
      .add_be16(sport_id, value->sport)
      .add_be16(dport_id, value->dport);
}

}  // namespace nlpp::rtnl::link

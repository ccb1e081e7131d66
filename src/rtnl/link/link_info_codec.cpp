#include "link_info_codec.hpp"

#include "codec/attributes.hpp"
#include "link_data.hpp"

#include <linux/if_link.h>

namespace nlpp::rtnl::link {

Result<void> LinkInfoCodec::parse(const wire::Attribute& attribute, std::optional<LinkInfo>& info) const {
  const wire::AttributeRange nested = attribute.nested();
  if (Result<void> valid = nested.validate(); !valid) return valid;
  LinkInfo parsed;
  // The kinds decide how the data parse, wherever they come in the nest.
  if (const auto kind = nested.find(IFLA_INFO_KIND)) parsed.kind = kind->string();
  if (const auto slave_kind = nested.find(IFLA_INFO_SLAVE_KIND)) parsed.slave_kind = slave_kind->string();
  for (const wire::Attribute& entry : nested) {
    switch (entry.type()) {
      case IFLA_INFO_KIND:
      case IFLA_INFO_SLAVE_KIND:
        break;
      case IFLA_INFO_DATA:
      case IFLA_INFO_SLAVE_DATA: {
        // A malformed data nest is refused like a malformed IFLA_LINKINFO:
        // kept raw, its tail would be lost and the link read differently
        // after one trip through emit.
        if (Result<void> valid = entry.nested().validate(); !valid) return valid;
        if (entry.type() == IFLA_INFO_DATA)
          parsed.data = parse_link_data(parsed.kind, entry);
        else
          parsed.slave_data = parse_slave_data(parsed.slave_kind, entry);
        break;
      }
      default:
        codec::keep_unknown(parsed.unknown, entry);
    }
  }
  info = std::move(parsed);
  return {};
}

void LinkInfoCodec::emit(const std::optional<LinkInfo>& info, wire::MessageBuilder& out) const {
  if (!info) return;
  // Without NLA_F_NESTED, as iproute2 sends IFLA_LINKINFO and the data nests:
  // the kernel parses them leniently, and ip's bytes stay a byte-exact oracle.
  const wire::MessageBuilder::Nest nest = out.begin_nested_without_flag(type);
  // The kinds without a NUL, as iproute2 sends them (NLA_STRING takes both).
  if (!info->kind.empty()) out.add(IFLA_INFO_KIND, wire::bytes_of(std::string_view(info->kind)));
  emit_data(info->data, IFLA_INFO_DATA, out);
  if (!info->slave_kind.empty()) out.add(IFLA_INFO_SLAVE_KIND, wire::bytes_of(std::string_view(info->slave_kind)));
  emit_data(info->slave_data, IFLA_INFO_SLAVE_DATA, out);
  codec::emit_unknown(info->unknown, out);
  out.end_nested(nest);
}

Result<void> validate_link_info(const LinkInfo& info) {
  if (Result<void> valid = validate_data(info.data, info.kind, "link kind"); !valid) return valid;
  return validate_data(info.slave_data, info.slave_kind, "link slave_kind");
}

void diff_link_info(const std::optional<LinkInfo>& before, const std::optional<LinkInfo>& after, FieldDiff& diff) {
  const LinkInfo none;
  const LinkInfo& old_info = before ? *before : none;
  const LinkInfo& new_info = after ? *after : none;
  diff.field("kind", old_info.kind, new_info.kind);
  diff_data(old_info.data, new_info.data, diff);
  diff.field("slave_kind", old_info.slave_kind, new_info.slave_kind);
  diff_data(old_info.slave_data, new_info.slave_data, diff);
}

}  // namespace nlpp::rtnl::link

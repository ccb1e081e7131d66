#include "link_data.hpp"

#include "codec/kind_data.hpp"
#include "rtnl/link/kind_tables.hpp"

#include <string>

namespace nlpp::rtnl::link {

// A kind without a struct: its attributes, kept as they came.
template <>
struct KindTraits<GenericData> {
  static GenericData raw(const wire::Attribute& data) {
    GenericData generic;
    for (const wire::Attribute& attribute : data.nested()) codec::keep_unknown(generic.attributes, attribute);
    return generic;
  }
  static void emit_raw(const GenericData& generic, uint16_t type, wire::MessageBuilder& out) {
    const wire::MessageBuilder::Nest nest = out.begin_nested_without_flag(type);
    codec::emit_unknown(generic.attributes, out);
    out.end_nested(nest);
  }
  static std::string size_text(const GenericData& generic) {
    return std::to_string(generic.attributes.size()) + " attributes";
  }
};

namespace {
constexpr std::string_view data_prefix = "data.";
constexpr std::string_view slave_data_prefix = "slave_data.";
}  // namespace

LinkData parse_link_data(std::string_view kind, const wire::Attribute& data) {
  return codec::parse_kind_data<KindTraits, LinkData>(kind, data);
}
SlaveData parse_slave_data(std::string_view slave_kind, const wire::Attribute& data) {
  return codec::parse_kind_data<KindTraits, SlaveData>(slave_kind, data);
}

void emit_data(const LinkData& data, uint16_t type, wire::MessageBuilder& out) {
  codec::emit_kind_data<KindTraits>(data, type, out);
}
void emit_data(const SlaveData& data, uint16_t type, wire::MessageBuilder& out) {
  codec::emit_kind_data<KindTraits>(data, type, out);
}

Result<void> validate_data(const LinkData& data, std::string_view kind, std::string_view field) {
  return codec::validate_kind_data<KindTraits>(data, kind, field);
}
Result<void> validate_data(const SlaveData& data, std::string_view kind, std::string_view field) {
  return codec::validate_kind_data<KindTraits>(data, kind, field);
}

void diff_data(const LinkData& before, const LinkData& after, FieldDiff& diff) {
  codec::diff_kind_data<KindTraits, data_prefix>(before, after, diff);
}
void diff_data(const SlaveData& before, const SlaveData& after, FieldDiff& diff) {
  codec::diff_kind_data<KindTraits, slave_data_prefix>(before, after, diff);
}

}  // namespace nlpp::rtnl::link

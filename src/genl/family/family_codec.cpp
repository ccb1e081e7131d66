// CTRL_CMD_NEWFAMILY <-> Family, through the family's table (family_table.hpp).
#include <nlpp/genl/family.hpp>

#include "codec/field_table.hpp"
#include "family_table.hpp"

namespace nlpp::genl {

Result<Family> ObjectTraits<Family>::parse(const wire::Message& message) {
  Family family;
  Result<genlmsghdr> parsed = codec::parse_message<family_fields, genlmsghdr>(message, family, name);
  if (!parsed) return std::move(parsed).error();
  return family;
}

Result<void> ObjectTraits<Family>::emit_key(const Family& query, wire::MessageBuilder& builder) {
  if (!query.name.empty()) {
    if (query.name.size() >= GENL_NAMSIZ)
      return Error(errc::invalid_argument,
                   "family name: '" + query.name + "' is longer than " + std::to_string(GENL_NAMSIZ - 1) + " bytes");
    builder.add_string(CTRL_ATTR_FAMILY_NAME, query.name);
  } else if (query.id != 0) {
    builder.add_u16(CTRL_ATTR_FAMILY_ID, query.id);
  } else {
    return Error(errc::invalid_argument, "family: a get needs a name or an id");
  }
  return {};
}

}  // namespace nlpp::genl

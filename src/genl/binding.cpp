// Family ids resolved through nlctrl and kept per session.
#include <nlpp/genl/binding.hpp>

#include <nlpp/io/request_object.hpp>
#include <nlpp/schema/attribute_path.hpp>
#include <nlpp/schema/registry.hpp>

#include <map>
#include <optional>

namespace nlpp::genl {

class FamilyIds {
 public:
  std::optional<uint16_t> find(std::string_view family) const {
    if (const auto found = ids_.find(family); found != ids_.end()) return found->second;
    return std::nullopt;
  }
  void remember(std::string_view family, uint16_t id) { ids_.emplace(std::string(family), id); }
  // The family an id was resolved for, empty when none was.
  std::string_view name_of(uint16_t id) const {
    for (const auto& [family, known] : ids_)
      if (known == id) return family;
    return {};
  }

 private:
  std::map<std::string, uint16_t, std::less<>> ids_{{"nlctrl", GENL_ID_CTRL}};
};

namespace {

// Names a request by the family the session resolved its id for and, where
// the family has YNL tables, by the operation and the attributes an
// extended ACK points at ("nlctrl getfamily"); "FAMILY command N" otherwise.
class GenlRequestDescriber final : public io::RequestDescriber {
 public:
  explicit GenlRequestDescriber(std::shared_ptr<const FamilyIds> ids) : ids_(std::move(ids)) {}

  std::string name(const wire::Message& request) const override {
    const std::string_view family = ids_->name_of(request.type());
    const wire::Bytes payload = request.payload();
    if (family.empty() || payload.empty()) return {};
    if (const schema::MessageType* type = type_of(family, request)) return std::string(family) + " " + std::string(type->name);
    return std::string(family) + " command " + std::to_string(static_cast<unsigned>(payload[0]));
  }
  void name_attributes(ExtendedAck& ack, const wire::Message& request) const override {
    if (const schema::MessageType* type = type_of(ids_->name_of(request.type()), request))
      schema::name_ack_attributes(ack, *type, request, schema::FamilyKind::genetlink);
  }

 private:
  // The YNL description of the request's command, if its family has one.
  static const schema::MessageType* type_of(std::string_view family, const wire::Message& request) {
    const schema::Family* described = family.empty() ? nullptr : schema::find_family(family);
    const wire::Bytes payload = request.payload();
    if (described == nullptr || described->kind != schema::FamilyKind::genetlink || payload.empty()) return nullptr;
    return described->find_request(static_cast<uint8_t>(payload[0]));
  }

  std::shared_ptr<const FamilyIds> ids_;
};

}  // namespace

GenlBinding::GenlBinding() : ids_(std::make_shared<FamilyIds>()) {}

std::shared_ptr<const io::RequestDescriber> GenlBinding::describer() const {
  return std::make_shared<GenlRequestDescriber>(ids_);
}

uint16_t GenlBinding::known_id(std::string_view family) const noexcept {
  return ids_->find(family).value_or(0);
}

Result<uint16_t> GenlBinding::family_id(io::RequestEngine& engine, std::string_view family) {
  if (std::optional<uint16_t> known = ids_->find(family)) return *known;
  wire::MessageBuilder request;
  if (Result<void> begun = begin_request<Family>(engine, 0, request); !begun) return std::move(begun).error();
  if (Result<void> key = ObjectTraits<Family>::emit_key(Family{.name = std::string(family)}, request); !key)
    return std::move(key).error();
  Result<Family> found = io::request_object<Family>(engine, *this, request);
  if (!found) {
    const Error& error = found.error();
    return Error(error.code(), "generic netlink family '" + std::string(family) + "': " + error.context(),
                 error.ext_ack());
  }
  ids_->remember(family, found->id);
  return found->id;
}

}  // namespace nlpp::genl

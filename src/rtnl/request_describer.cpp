#include <nlpp/rtnl/request_describer.hpp>

#include <nlpp/schema/attribute_path.hpp>
#include <nlpp/schema/registry.hpp>

#include <linux/netlink.h>

namespace nlpp::rtnl {
namespace {

class SchemaDescriber final : public io::RequestDescriber {
 public:
  std::string name(const wire::Message& request) const override {
    const schema::MessageType* type = type_of(request);
    return type != nullptr ? std::string(type->name) : std::string();
  }
  void name_attributes(ExtendedAck& ack, const wire::Message& request) const override {
    if (const schema::MessageType* type = type_of(request)) schema::name_ack_attributes(ack, *type, request);
  }

 private:
  static const schema::MessageType* type_of(const wire::Message& request) {
    return schema::find_message(NETLINK_ROUTE, request.type(), schema::Direction::request);
  }
};

}  // namespace

std::shared_ptr<const io::RequestDescriber> request_describer() {
  static const auto describer = std::make_shared<const SchemaDescriber>();
  return describer;
}

}  // namespace nlpp::rtnl

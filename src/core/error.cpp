#include <nlpp/core/error.hpp>

#include <cerrno>
#include <cstring>

namespace nlpp {
namespace {

class Category final : public std::error_category {
 public:
  const char* name() const noexcept override { return "nlpp"; }
  std::string message(int value) const override {
    switch (static_cast<errc>(value)) {
      case errc::truncated_message: return "truncated netlink message";
      case errc::malformed_attribute: return "malformed netlink attribute";
      case errc::dump_interrupted: return "dump interrupted by concurrent changes on every retry";
      case errc::invalid_argument: return "invalid argument";
      case errc::protocol_error: return "netlink protocol error";
      case errc::not_found: return "not found";
      case errc::outcome_unknown: return "outcome unknown: the kernel's answer was lost";
      case errc::not_sent: return "not sent";
      case errc::not_applied: return "not applied: the kernel does not hold what it acknowledged";
      case errc::undo_incomplete: return "undo incomplete";
    }
    return "unknown nlpp error";
  }
};

}  // namespace

const std::error_category& category() noexcept {
  static const Category instance;
  return instance;
}

std::error_code make_error_code(errc e) noexcept { return {static_cast<int>(e), category()}; }

Error::Error(std::error_code code, std::string context)
    : code_(code), detail_(context.empty() ? nullptr : std::make_shared<const Detail>(Detail{std::move(context), {}})) {}

Error::Error(std::error_code code, std::string context, ExtendedAck ack)
    : code_(code), detail_(std::make_shared<const Detail>(Detail{std::move(context), std::move(ack)})) {}

Error Error::from_errno(int err, std::string context) {
  return Error(std::error_code(err, std::system_category()), std::move(context));
}

const Error::Detail& Error::detail() const noexcept {
  static const Detail none{};
  return detail_ ? *detail_ : none;
}

const std::string& Error::context() const noexcept { return detail().context; }

const ExtendedAck& Error::ext_ack() const noexcept { return detail().ack; }

bool Error::is_overrun() const noexcept { return code_ == std::error_code(ENOBUFS, std::system_category()); }

std::string Error::describe() const {
  std::string text = context();
  if (!text.empty()) text += ": ";
  text += code_.message();
  if (code_.category() == std::system_category()) {
    if (const char* name = strerrorname_np(code_.value())) {
      text += " (";
      text += name;
      text += ')';
    }
  }
  const ExtendedAck& ack = ext_ack();
  if (!ack.message.empty()) text += ": " + ack.message;
  if (!ack.attribute_path.empty()) text += " [attribute " + ack.attribute_path + "]";
  else if (ack.offset) text += " [offset " + std::to_string(*ack.offset) + "]";
  if (!ack.missing_attribute.empty()) text += " [missing " + ack.missing_attribute + "]";
  else if (ack.missing_type) text += " [missing attribute type " + std::to_string(*ack.missing_type) + "]";
  return text;
}

Exception::Exception(Error error)
    : std::system_error(error.code()), error_(std::move(error)), text_(error_.describe()) {}

}  // namespace nlpp

// One error model for the whole library: an errno-style std::error_code plus,
// when the kernel sent one, the structured extended ACK.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace nlpp {

/// Conditions nlpp itself detects. Kernel errors keep the kernel's errno in
/// std::system_category(); these live in nlpp::category().
enum class errc : int {
  truncated_message = 1,  ///< a length field points past the end of the buffer
  malformed_attribute,    ///< an attribute header is invalid or its payload has the wrong size
  dump_interrupted,       ///< NLM_F_DUMP_INTR persisted through every retry
  invalid_argument,       ///< bad input caught before anything was sent; the context names the field
  protocol_error,         ///< the kernel answered something the protocol does not allow
  not_found,              ///< a lookup (name, family, attribute) found nothing
  outcome_unknown,        ///< the kernel handled a request, but its answer was lost (receive buffer overrun)
  not_sent,               ///< a request of a batch never reached the kernel: the batch stopped before it
  not_applied,            ///< the kernel acknowledged a change but does not hold it (IPDB's verification)
  undo_incomplete,        ///< undoing a failed transaction left objects other than they were (IPDB)
};

/// The category of nlpp::errc values ("nlpp").
const std::error_category& category() noexcept;

/// Makes an error_code in nlpp::category().
std::error_code make_error_code(errc e) noexcept;

/// What the kernel's extended ACK (NLMSGERR_ATTR_*) said about a request.
struct ExtendedAck {
  std::string message;                   ///< NLMSGERR_ATTR_MSG: the kernel's text
  std::optional<uint32_t> offset;        ///< NLMSGERR_ATTR_OFFS: byte offset in the request
  std::string attribute_path;            ///< offset mapped through the schema, "linkinfo.data.id"
  std::optional<uint16_t> missing_type;  ///< NLMSGERR_ATTR_MISS_TYPE
  std::optional<uint32_t> missing_nest;  ///< NLMSGERR_ATTR_MISS_NEST: offset of the nest
  std::string missing_attribute;         ///< missing attribute named through the schema
  std::vector<std::byte> cookie;         ///< NLMSGERR_ATTR_COOKIE, raw

  bool empty() const noexcept {
    return message.empty() && !offset && !missing_type && cookie.empty();
  }
};

/// An error: a code, what nlpp was doing (or which input field was bad), and
/// the kernel's extended ACK when there was one. Cheap to copy and to move.
class Error {
 public:
  Error() = default;
  explicit Error(std::error_code code, std::string context = {});
  Error(std::error_code code, std::string context, ExtendedAck ack);
  Error(errc code, std::string context) : Error(make_error_code(code), std::move(context)) {}

  /// A kernel errno (positive) in std::system_category().
  static Error from_errno(int err, std::string context = {});

  std::error_code code() const noexcept { return code_; }
  /// What was being done, or the name of the offending input field.
  const std::string& context() const noexcept;
  /// The kernel's extended ACK; empty when it sent none.
  const ExtendedAck& ext_ack() const noexcept;

  /// ENOBUFS on a receive: the kernel dropped messages for this socket.
  bool is_overrun() const noexcept;

  /// One line for people: "context: strerror (ENAME): kernel text [at path]".
  std::string describe() const;

 private:
  struct Detail {
    std::string context;
    ExtendedAck ack;
  };
  const Detail& detail() const noexcept;

  std::error_code code_;
  std::shared_ptr<const Detail> detail_;
};

/// What Result::value() throws: a std::system_error with the error's code,
/// whose what() is Error::describe() (said once: std::system_error's own
/// text would repeat the code's message after it), and which keeps the
/// Error, extended ACK included.
class Exception : public std::system_error {
 public:
  explicit Exception(Error error);
  const char* what() const noexcept override { return text_.c_str(); }
  const Error& error() const noexcept { return error_; }

 private:
  Error error_;
  std::string text_;
};

}  // namespace nlpp

template <>
struct std::is_error_code_enum<nlpp::errc> : std::true_type {};

// How a generic netlink object maps onto its family's messages. Each object
// specialises ObjectTraits once; the binding (binding.hpp) resolves the
// family's id at run time and writes every request the same way.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <concepts>
#include <cstdint>
#include <string_view>

namespace nlpp::genl {

/// Specialised per object type T; see GenlObject for what it provides.
template <class T>
struct ObjectTraits;

/// What ObjectTraits<T> must provide (not compiled):
///
///     static constexpr std::string_view name;         // "family": for errors
///     static constexpr std::string_view family;       // the generic netlink family: "nlctrl"
///     static constexpr uint8_t version;               // genlmsghdr.version it speaks
///     static constexpr uint8_t get_command;           // asks for one, or dumps (CTRL_CMD_GETFAMILY)
///     static constexpr uint8_t reply_command;         // the command of its replies (CTRL_CMD_NEWFAMILY)
///     using Filter = ...;                             // what a dump selects on
///
///     static Result<T> parse(const wire::Message&);  // a reply (after the genlmsghdr) -> object
///     static Result<void> emit_key(const T&, wire::MessageBuilder&);  // a get's attributes, checked
///     static void emit_dump_filter(const Filter&, wire::MessageBuilder&);
///     static bool matches(const Filter&, const T&);
///
/// Objects that requests change add their commands in their own issue's
/// terms; a family's description (Family) is only read.
template <class T>
concept GenlObject = requires(const T& object, const wire::Message& message, wire::MessageBuilder& builder,
                              const typename ObjectTraits<T>::Filter& filter) {
  { ObjectTraits<T>::name } -> std::convertible_to<std::string_view>;
  { ObjectTraits<T>::family } -> std::convertible_to<std::string_view>;
  { ObjectTraits<T>::version } -> std::convertible_to<uint8_t>;
  { ObjectTraits<T>::get_command } -> std::convertible_to<uint8_t>;
  { ObjectTraits<T>::reply_command } -> std::convertible_to<uint8_t>;
  { ObjectTraits<T>::parse(message) } -> std::same_as<Result<T>>;
  { ObjectTraits<T>::emit_key(object, builder) } -> std::same_as<Result<void>>;
  ObjectTraits<T>::emit_dump_filter(filter, builder);
  { ObjectTraits<T>::matches(filter, object) } -> std::same_as<bool>;
};

}  // namespace nlpp::genl

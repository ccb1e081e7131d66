// What qdiscs and classes share beyond their table: their dump requests,
// the filters' common checks, and the kind a request resolves to.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/tc_handle.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <linux/rtnetlink.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nlpp::rtnl::tc {

/// A request's tcmsg: family AF_UNSPEC, as tc sends it.
tcmsg request_tcmsg(uint32_t ifindex, TcHandle handle, TcHandle parent) noexcept;

/// A request's kind is given or implied by its options' struct; it may be
/// left out only without options (a delete or a get: whatever is there).
Result<void> check_kind(std::string_view resolved_kind, bool has_options, std::string_view what);

/// Whether a filter's optional value is unset or equal.
template <class T, class U>
bool selects(const std::optional<T>& wanted, const U& value) {
  return !wanted || *wanted == value;
}

}  // namespace nlpp::rtnl::tc

// What qdiscs and classes share beyond their table: their dump requests,
// the filters' common checks, and the kind a request resolves to; what
// filters and chains share: their place, a link's qdisc or class or a
// shared block.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/link_ref.hpp>
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

/// The tcmsg of a filter or a chain: in a shared block (tcm_ifindex
/// TCM_IFINDEX_MAGIC_BLOCK, the block's index in tcm_parent's place), or
/// on a link's qdisc or class.
tcmsg place_tcmsg(uint32_t ifindex, const std::optional<uint32_t>& block, TcHandle parent, uint32_t handle = 0,
                  uint32_t info = 0) noexcept;

/// The place such a tcmsg gives: the block, or the link and the parent.
template <class Object>
void read_place(const tcmsg& header, Object& object) {
  if (static_cast<uint32_t>(header.tcm_ifindex) == TCM_IFINDEX_MAGIC_BLOCK) {
    object.block = header.tcm_block_index;
  } else {
    object.ifindex = static_cast<uint32_t>(header.tcm_ifindex);
    object.parent = TcHandle(header.tcm_parent);
  }
}

/// A filter's or a chain's place (what: "filter", "chain"): a link or a
/// shared block, not both; a block's index is not 0.
Result<void> check_place(const LinkRef& ifindex, const std::optional<uint32_t>& block, std::string_view what);

/// A request's kind is given or implied by its options' struct; it may be
/// left out only without options (a delete or a get: whatever is there).
Result<void> check_kind(std::string_view resolved_kind, bool has_options, std::string_view what);

/// Whether a filter's optional value is unset or equal.
template <class T, class U>
bool selects(const std::optional<T>& wanted, const U& value) {
  return !wanted || *wanted == value;
}

}  // namespace nlpp::rtnl::tc

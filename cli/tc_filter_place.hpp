// The words `tc filter` and `tc chain` both take before a kind
// (tc/tc_filter.c tc_filter_modify(), tc_filter_list()): the link or the
// shared block, the parent, and which filter or chain of it.
#pragma once

#include "session.hpp"
#include "words.hpp"

#include <nlpp/rtnl/link_ref.hpp>
#include <nlpp/rtnl/tc_handle.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace nlpp::cli {

/// `dev DEV | block N`, `root | ingress | egress | parent ID`, `handle H`,
/// `pref N`, `protocol P`, `chain N`, each at most once where tc says so.
struct FilterPlace {
  std::optional<rtnl::LinkRef> ifindex{};
  std::optional<uint32_t> block{};
  std::optional<rtnl::TcHandle> parent{};
  std::optional<uint16_t> priority{};
  std::optional<uint16_t> protocol{};
  std::optional<uint32_t> chain{};
  std::optional<std::string_view> handle{};  // read by the kind

  /// Reads one of them (and its value), if the next word is one; tc's
  /// keywords, abbreviated as it takes them ("pref", "prio", "proto").
  bool take(Session& session, Words& words);
  /// UsageError unless `dev` or `block` was given.
  void require_link_or_block() const;

 private:
  void place(rtnl::TcHandle where, std::string_view word);
};

}  // namespace nlpp::cli

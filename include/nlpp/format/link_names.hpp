// Link names by ifindex: what iproute2 prints instead of an ifindex ("dev":
// "br0", "master": "br0").
#pragma once

#include <nlpp/rtnl/link.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>

namespace nlpp::format {

/// The names of a dump's links, by ifindex.
class LinkNames {
 public:
  LinkNames() = default;
  explicit LinkNames(std::span<const rtnl::Link> links);

  /// The link's name; as iproute2's ll_index_to_name(), "*" for 0 and
  /// "if<ifindex>" for a link not in the dump. A link a request names by
  /// name (not resolved yet) is that name.
  std::string name(rtnl::LinkRef link) const;
  /// Whether the link is known and down: iproute2 marks a link whose parent
  /// is down "M-DOWN".
  bool is_down(uint32_t ifindex) const;

 private:
  struct Known {
    std::string name;
    bool up = false;
  };
  std::unordered_map<uint32_t, Known> links_;
};

}  // namespace nlpp::format

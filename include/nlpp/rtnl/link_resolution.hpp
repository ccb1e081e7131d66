// Resolving the links a request names (LinkRef) to their ifindexes, in the
// namespace of the session that sends it, just before it is sent. Each
// object and filter that refers to links says which through visit_links()
// (beside its type); RtnlBinding calls resolve_links() on what it emits.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/io/request_engine.hpp>
#include <nlpp/rtnl/link_ref.hpp>

#include <cstdint>
#include <string_view>
#include <utility>

namespace nlpp::rtnl {

/// Whether T says which links it refers to: visit_links(object, visit)
/// calls visit with each LinkRef it holds (those of optional fields when
/// set), as LinkRef& or const LinkRef& as object is.
template <class T>
concept RefersToLinks = requires(T& object) { visit_links(object, [](auto&) {}); };

/// The ifindex of the link named name (its name or an altname), asked of
/// the kernel through engine: ENODEV "link 'br9': no such link" when there
/// is none, invalid_argument for a name no link can have.
Result<uint32_t> ifindex_of(io::RequestEngine& engine, std::string_view name);

/// Whether object names a link instead of giving its ifindex.
template <class T>
bool names_a_link(const T& object) {
  bool named = false;
  if constexpr (RefersToLinks<const T>)
    visit_links(object, [&](const LinkRef& link) { named = named || link.is_name(); });
  return named;
}

/// Replaces every link object names with its ifindex; the first that
/// cannot be resolved is the error.
template <class T>
Result<void> resolve_links(io::RequestEngine& engine, T& object) {
  Result<void> resolved;
  if constexpr (RefersToLinks<T>) {
    visit_links(object, [&](LinkRef& link) {
      if (!resolved || !link.is_name()) return;
      Result<uint32_t> ifindex = ifindex_of(engine, link.name());
      if (ifindex) link = *ifindex;
      else resolved = std::move(ifindex).error();
    });
  }
  return resolved;
}

}  // namespace nlpp::rtnl

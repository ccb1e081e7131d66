// Resolving the links a request names (LinkRef) to their ifindexes, in the
// namespace of the session that sends it, just before it is sent. Each
// object and filter that refers to links says which through visit_links()
// (beside its type); RtnlBinding calls resolve_links() on what it emits.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/io/request_engine.hpp>
#include <nlpp/rtnl/link_ref.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

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

// Both are defined out of line (link_resolution.cpp) for the objects and
// filters that refer to links, so that a program sending requests does not
// compile a copy of each object and the lookup into every verb it uses.

/// Replaces every link filter names with its ifindex, in place; the first
/// that cannot be resolved is the error. For the filters of dumps.
template <RefersToLinks Filter>
Result<void> resolve_links(io::RequestEngine& engine, Filter& filter);

/// What to send for object: object itself when it names no link, otherwise
/// a copy made in storage with every link it names replaced by its
/// ifindex (the first that cannot be resolved is the error). For the
/// objects of requests, which the caller keeps as it wrote them.
template <RefersToLinks T>
Result<const T*> links_resolved(io::RequestEngine& engine, const T& object, std::optional<T>& storage);

}  // namespace nlpp::rtnl

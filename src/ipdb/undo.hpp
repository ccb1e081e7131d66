// Internal: undoing a failed commit. The journal holds every change the
// cache applied while the commit ran (the transaction's, and what the
// kernel did along with them: the local routes of an address, the routes
// of a deleted link...); undo() makes each object it names what it was
// before its first change there, and checks the result in the cache.
#pragma once

#include <nlpp/core/result.hpp>

#include "ipdb/change_log.hpp"

namespace nlpp::ipdb {

namespace detail {
struct CacheState;
}

/// Restores the objects journal touched, through the cache's session, in
/// a few pipelined sends (removals of what was not there, most dependent
/// first; then re-creations and changes back, links first), until the
/// cache shows them as they were. Objects the kernel manages by itself
/// (dynamic neighbour entries) are left to it. The error says what still
/// differs.
Result<void> undo(detail::CacheState& cache, const Journal& journal);

}  // namespace nlpp::ipdb

// How a dump's result vector grows. A dump cannot know how many objects
// will come, and for a big table the cost of growing std::vector the usual
// way is not the copying but the kernel faulting in fresh pages: every
// doubling writes the whole table again into memory never touched before
// (at 100,000 routes, 2.3 times the result's size; a fresh 4 KiB page costs
// about as much as parsing ten routes). Address space that is reserved but
// never written costs no memory, so past a megabyte the vector reserves
// far ahead instead: a table of a million routes is moved twice past that
// point, not seven times, and the memory written is 1.3 times its size.
#pragma once

#include <cstddef>
#include <vector>

namespace nlpp::io {

/// Up to this size a result grows as std::vector does (doubling).
inline constexpr size_t dump_growth_small_bytes = size_t{1} << 20;
/// Past dump_growth_small_bytes the capacity grows by this factor...
inline constexpr size_t dump_growth_large_factor = 16;
/// ...as long as the reservation stays under this much address space;
/// beyond, doubling again.
inline constexpr size_t dump_growth_reserve_limit = size_t{1} << 30;

/// The capacity a full result of `capacity` objects, object_size bytes
/// each, grows to by the policy above.
constexpr size_t grown_dump_capacity(size_t capacity, size_t object_size) noexcept {
  if (capacity * object_size < dump_growth_small_bytes) return capacity == 0 ? 1 : capacity * 2;
  const size_t far_ahead = capacity * dump_growth_large_factor;
  return far_ahead * object_size <= dump_growth_reserve_limit ? far_ahead : capacity * 2;
}

/// Makes room for one more object at the end of objects, by the policy
/// above. A result's spare capacity is address space only: the kernel backs
/// the pages that are written, so a dump of 100,000 routes takes 10 MB of
/// memory in a reservation of 23 MB. shrink_to_fit() hands it back, at the
/// price of one more copy.
template <class T>
void reserve_for_one_more(std::vector<T>& objects) {
  if (objects.size() == objects.capacity()) objects.reserve(grown_dump_capacity(objects.capacity(), sizeof(T)));
}

}  // namespace nlpp::io

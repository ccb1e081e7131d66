// The one iterator behind AttributeRange and MessageRange: both walk
// length-prefixed records aligned to 4 bytes, whose length field comes first.
#pragma once

#include <nlpp/wire/bytes.hpp>

#include <algorithm>
#include <iterator>

namespace nlpp::wire::detail {

/// Walks records of type View (constructible from the record's bytes, with a
/// static header_size) whose first field is a length of type Length.
/// Stops at the end or before the first record whose length is impossible.
template <class View, class Length>
class TlvIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = View;
  using difference_type = std::ptrdiff_t;
  using pointer = const View*;
  using reference = const View&;

  TlvIterator() noexcept = default;
  explicit TlvIterator(Bytes rest) noexcept : rest_(rest) { settle(); }

  const View& operator*() const noexcept { return current_; }
  const View* operator->() const noexcept { return &current_; }
  TlvIterator& operator++() noexcept {
    rest_ = rest_.subspan(std::min(align4(current_.bytes().size()), rest_.size()));
    settle();
    return *this;
  }
  TlvIterator operator++(int) noexcept {
    TlvIterator before = *this;
    ++*this;
    return before;
  }
  friend bool operator==(const TlvIterator& a, const TlvIterator& b) noexcept {
    return a.rest_.data() == b.rest_.data() && a.rest_.size() == b.rest_.size();
  }

 private:
  // Views the record at the front of rest_, or becomes the end iterator (an
  // empty rest_ at the end of the span) when no whole record is there.
  void settle() noexcept {
    if (rest_.size() >= View::header_size) {
      const size_t length = load<Length>(rest_);
      if (length >= View::header_size && length <= rest_.size()) {
        current_ = View(rest_.first(length));
        return;
      }
    }
    rest_ = rest_.last(0);
  }

  Bytes rest_;
  View current_;
};

/// Where the records of a span stop tiling it: bytes.size() when they cover
/// it exactly, else the offset of the first bad record.
template <class View, class Length>
size_t tiled_length(Bytes bytes) noexcept {
  size_t offset = 0;
  for (TlvIterator<View, Length> it(bytes), end(bytes.last(0)); it != end; ++it)
    offset = static_cast<size_t>(it->bytes().data() - bytes.data()) + align4(it->bytes().size());
  return std::min(offset, bytes.size());
}

}  // namespace nlpp::wire::detail

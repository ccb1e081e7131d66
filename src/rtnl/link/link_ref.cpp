#include <nlpp/rtnl/link_ref.hpp>

#include <deque>
#include <mutex>
#include <ostream>
#include <unordered_map>

namespace nlpp::rtnl {
namespace {

// The names LinkRefs have held, each once, for the life of the process: a
// LinkRef is then a number, and a name a program uses again costs a lookup.
// A deque keeps each string where it is as more are added.
class InternedNames {
 public:
  uint32_t number_of(std::string_view name) {
    std::lock_guard lock(mutex_);
    const auto [slot, added] = numbers_.try_emplace(std::string(name), static_cast<uint32_t>(names_.size()));
    if (added) names_.push_back(slot->first);
    return slot->second;
  }
  std::string_view name_of(uint32_t number) const {
    std::lock_guard lock(mutex_);
    return names_.at(number);
  }

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, uint32_t> numbers_;
  std::deque<std::string_view> names_;  // views of numbers_' keys, which stay put
};

InternedNames& interned_names() {
  static InternedNames names;
  return names;
}

}  // namespace

LinkRef::LinkRef(std::string_view name) : value_(name_bit | interned_names().number_of(name)) {}

std::string_view LinkRef::name() const {
  return is_name() ? interned_names().name_of(value_ & ~name_bit) : std::string_view();
}

std::string to_string(LinkRef link) { return link.is_name() ? std::string(link.name()) : std::to_string(uint32_t{link}); }

std::ostream& operator<<(std::ostream& out, LinkRef link) { return out << to_string(link); }

}  // namespace nlpp::rtnl

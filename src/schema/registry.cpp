#include <nlpp/schema/registry.hpp>

#include <nlpp/schema/generated/families.hpp>
#include <nlpp/schema/handwritten.hpp>

#include <algorithm>
#include <array>

namespace nlpp::schema {
namespace {

template <size_t generated_count, size_t handwritten_count>
constexpr auto concat(const std::array<const Family*, generated_count>& generated,
                      const std::array<const Family*, handwritten_count>& handwritten) {
  std::array<const Family*, generated_count + handwritten_count> all{};
  std::copy(generated.begin(), generated.end(), all.begin());
  std::copy(handwritten.begin(), handwritten.end(), all.begin() + generated_count);
  return all;
}

constexpr auto all_families = concat(family::all_generated, family::all_handwritten);

}  // namespace

std::span<const Family* const> families() noexcept { return all_families; }

const Family* find_family(std::string_view name) noexcept {
  const auto it =
      std::find_if(all_families.begin(), all_families.end(), [&](const Family* f) { return f->name == name; });
  return it == all_families.end() ? nullptr : *it;
}

const MessageType* find_message(int protocol, uint16_t nlmsg_type, Direction direction) noexcept {
  // Generic netlink message types are family ids the kernel hands out at run
  // time: only the other kinds can be found by type alone.
  for (const Family* candidate : all_families) {
    if (candidate->kind == FamilyKind::genetlink || candidate->protocol != protocol) continue;
    const MessageType* message =
        direction == Direction::request ? candidate->find_request(nlmsg_type) : candidate->find_reply(nlmsg_type);
    if (message != nullptr) return message;
  }
  return nullptr;
}

}  // namespace nlpp::schema

// EventGroup -> RTNLGRP_* numbers and names, gathered from the groups each
// object of rtnl::EventObjects lists in its traits.
#include <nlpp/rtnl/event.hpp>

#include <array>
#include <bit>

namespace nlpp::rtnl {
namespace {

constexpr size_t bit_count = 8 * sizeof(EventGroups::Bits);

constexpr size_t bit_of(EventGroup group) { return static_cast<size_t>(std::countr_zero(EventGroups{group}.bits())); }

// Each group as the objects list it, by bit; unnamed where no object lists one.
constexpr std::array<NotificationGroup, bit_count> groups_by_bit = [] {
  std::array<NotificationGroup, bit_count> table{};
  for_each_object(EventObjects{}, [&]<class T>(std::type_identity<T>) {
    for (const NotificationGroup& entry : ObjectTraits<T>::groups) table[bit_of(entry.group)] = entry;
  });
  return table;
}();

// Objects that share a group (neighbours and FDB entries) must say the same of it.
constexpr bool shared_groups_agree() {
  bool agree = true;
  for_each_object(EventObjects{}, [&]<class T>(std::type_identity<T>) {
    for (const NotificationGroup& entry : ObjectTraits<T>::groups) {
      const NotificationGroup& kept = groups_by_bit[bit_of(entry.group)];
      agree = agree && kept.rtnlgrp == entry.rtnlgrp && kept.name == entry.name;
    }
  });
  return agree;
}
static_assert(shared_groups_agree(), "two objects give one EventGroup different RTNLGRP_* numbers or names");
static_assert(std::has_single_bit(all_events.bits() + 1u), "every EventGroup belongs to an object");

constexpr size_t group_count = static_cast<size_t>(std::popcount(all_events.bits()));

constexpr std::array<FlagName<EventGroup>, group_count> group_names = [] {
  std::array<FlagName<EventGroup>, group_count> names{};
  for (size_t i = 0; i < group_count; ++i) names[i] = {groups_by_bit[i].group, groups_by_bit[i].name};
  return names;
}();

}  // namespace

std::span<const FlagName<EventGroup>> flag_names(EventGroup) noexcept { return group_names; }

std::vector<uint32_t> multicast_groups(EventGroups groups) {
  std::vector<uint32_t> numbers;
  for (const FlagName<EventGroup>& entry : group_names)
    if (groups.contains(entry.flag)) numbers.push_back(groups_by_bit[bit_of(entry.flag)].rtnlgrp);
  return numbers;
}

}  // namespace nlpp::rtnl

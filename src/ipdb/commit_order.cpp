#include "ipdb/commit_order.hpp"
#include "ipdb/kind_order.hpp"

#include <nlpp/rtnl/link_resolution.hpp>

#include <algorithm>
#include <numeric>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

namespace nlpp::ipdb {
namespace {

// The names of the links a step makes: an added link's, and its veth peer's.
std::vector<std::string_view> names_made(const Transaction::Step& step) {
  std::vector<std::string_view> names;
  const rtnl::Link* link = step.object.get_if<rtnl::Link>();
  if (step.verb == io::Verb::del || !link || !link->name) return names;
  names.push_back(*link->name);
  if (link->info)
    if (const auto* veth = std::get_if<rtnl::link::Veth>(&link->info->data); veth && veth->peer && (*veth->peer)->name)
      names.push_back(*(*veth->peer)->name);
  return names;
}

// The names of the links a step needs: those its object refers to, and a
// changed link's own.
std::vector<std::string_view> names_needed(const Transaction::Step& step) {
  std::vector<std::string_view> names;
  step.object.visit([&]<class T>(const T& object) {
    if constexpr (rtnl::RefersToLinks<const T>)
      visit_links(object, [&](const rtnl::LinkRef& link) {
        if (link.is_name()) names.push_back(link.name());
      });
    if constexpr (std::is_same_v<T, rtnl::Link>)
      if (step.verb != io::Verb::add && object.ifindex == 0 && object.name) names.push_back(*object.name);
  });
  return names;
}

// How many steps of the transaction a step waits for, one after the
// other: 0 for a bridge, 1 for a port added into it or the veth peer of a
// link added, 2 for a vlan on that port... (at most the number of steps).
std::vector<size_t> depths(std::span<const Transaction::Step> steps) {
  std::unordered_map<std::string_view, std::vector<size_t>> makers_of;  // by name
  for (size_t step = 0; step < steps.size(); ++step)
    for (const std::string_view name : names_made(steps[step])) makers_of[name].push_back(step);
  std::vector<std::vector<size_t>> makers(steps.size());  // the steps making what each needs
  if (makers_of.empty()) return std::vector<size_t>(steps.size(), 0);
  for (size_t step = 0; step < steps.size(); ++step)
    for (const std::string_view needed : names_needed(steps[step]))
      if (const auto found = makers_of.find(needed); found != makers_of.end())
        for (const size_t maker : found->second)
          if (maker != step) makers[step].push_back(maker);
  // Relaxed until nothing changes (a chain of links is short); a cycle
  // stops after as many rounds as there are steps.
  std::vector<size_t> depth(steps.size(), 0);
  for (size_t round = 0, changed = 1; changed != 0 && round < steps.size(); ++round) {
    changed = 0;
    for (size_t step = 0; step < steps.size(); ++step)
      for (const size_t maker : makers[step])
        if (const size_t after = std::min(depth[maker] + 1, steps.size()); after > depth[step]) {
          depth[step] = after;
          ++changed;
        }
  }
  return depth;
}

// A change's place among the kinds, what is depended on first
// (kind_order.hpp); a nexthop group after the nexthops it groups.
size_t kind_rank(const AnyObject& object) {
  return object.visit([]<class T>(const T& value) -> size_t {
    size_t rank = 2 * dependency_rank<T>();
    if constexpr (std::is_same_v<T, rtnl::Nexthop>) rank += value.group.empty() ? 0 : 1;
    return rank;
  });
}
constexpr size_t last_kind_rank = 2 * kind_count - 1;

// Whether a step goes with the creations and changes, after what they
// depend on: every verb but del; and a vlan del, which changes a port's
// vid set (a port the transaction makes has the default vid to remove
// only once it joined its bridge).
bool goes_forward(const Transaction::Step& step) {
  return step.verb != io::Verb::del || step.object.get_if<rtnl::BridgeVlan>() != nullptr;
}

struct Rank {
  bool creation;  // removals (false) go first
  size_t kind;
  size_t depth;
  bool change;  // of what exists: after the additions of its rank (a bridge's mtu once its ports joined)
  auto operator<=>(const Rank&) const = default;
};

}  // namespace

std::vector<size_t> commit_order(std::span<const Transaction::Step> steps) {
  const std::vector<size_t> depth = depths(steps);
  std::vector<Rank> ranks;
  for (size_t step = 0; step < steps.size(); ++step) {
    const bool creation = goes_forward(steps[step]);
    const size_t kind = kind_rank(steps[step].object);
    // Removals run backwards: the most dependent kind and the deepest link first.
    ranks.push_back(creation ? Rank{true, kind, depth[step], steps[step].verb != io::Verb::add}
                             : Rank{false, last_kind_rank - kind, steps.size() - depth[step], false});
  }
  std::vector<size_t> order(steps.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::ranges::stable_sort(order, [&](size_t a, size_t b) { return ranks[a] < ranks[b]; });
  return order;
}

}  // namespace nlpp::ipdb

#include <nlpp/format/link_names.hpp>

namespace nlpp::format {

LinkNames::LinkNames(std::span<const rtnl::Link> links) {
  for (const rtnl::Link& link : links) links_.emplace(link.ifindex, Known{link.name.value_or(""), link.is_up()});
}

std::string LinkNames::name(rtnl::LinkRef link) const {
  if (link.is_name()) return std::string(link.name());
  const uint32_t ifindex = link;
  if (ifindex == 0) return "*";
  const auto found = links_.find(ifindex);
  return found != links_.end() ? found->second.name : "if" + std::to_string(ifindex);
}

bool LinkNames::is_down(uint32_t ifindex) const {
  const auto found = links_.find(ifindex);
  return found != links_.end() && !found->second.up;
}

}  // namespace nlpp::format

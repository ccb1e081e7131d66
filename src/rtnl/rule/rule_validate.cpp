// Input checks before a rule is sent; each error names the field.
#include <nlpp/rtnl/rule.hpp>

#include "codec/attributes.hpp"
#include "codec/checks.hpp"
#include "rule_defaults.hpp"

#include <linux/if.h>

namespace nlpp::rtnl {
namespace {

using codec::invalid;

Result<void> validate_ifname(std::string_view field, const std::string& name) {
  if (name.size() >= IFNAMSIZ) return codec::invalid(field, "'" + name + "' is longer than 15 bytes");
  if (name.find('\0') != std::string::npos) return codec::invalid(field, "a link name has no NUL byte");
  return {};
}

Result<void> validate_range(std::string_view field, const auto& range) {
  if (range && range->start > range->end) return codec::invalid(field, "the range starts after it ends");
  return {};
}

}  // namespace

Result<void> ObjectTraits<Rule>::validate(const Rule& rule) {
  const int family = rule.resolved_family();
  if (family != AF_INET && family != AF_INET6) return codec::invalid("rule family", "must be AF_INET or AF_INET6");
  if (static_cast<unsigned>(rule.action) > FR_ACT_MAX)
    return codec::invalid("rule action", std::to_string(static_cast<unsigned>(rule.action)) + " is not an FR_ACT_* action");
  for (const Result<void>& check :
       {codec::validate_prefix("rule src", rule.src, family, "rule"),
        codec::validate_prefix("rule dst", rule.dst, family, "rule"), validate_ifname("rule iifname", rule.iifname),
        validate_ifname("rule oifname", rule.oifname), validate_range("rule uid_range", rule.uid_range),
        validate_range("rule sport", rule.sport), validate_range("rule dport", rule.dport)})
    if (!check) return check;
  if (rule.l3mdev && rule.table != RT_TABLE_UNSPEC)
    return codec::invalid("rule l3mdev", "takes the VRF's table: it excludes table");
  if ((rule.action == RuleAction::goto_) != rule.goto_target.has_value())
    return codec::invalid("rule goto_target", "a goto rule needs a target, and only a goto rule has one");
  if (rule.goto_target && rule.priority && *rule.goto_target <= *rule.priority)
    return codec::invalid("rule goto_target", "the kernel only jumps forward, to a priority after the rule's own");
  if (rule.fwmask && !rule.fwmark) return codec::invalid("rule fwmask", "a mask needs a fwmark");
  return {};
}

}  // namespace nlpp::rtnl

// nlpp rule add | del | show, in `ip rule`'s words.
#include "commands.hpp"
#include "names.hpp"
#include "output.hpp"

#include <nlpp/format/names.hpp>
#include <nlpp/rtnl/rule.hpp>

#include <array>

namespace nlpp::cli {
namespace {

using rtnl::Rule;
using rtnl::RuleAction;

nlpp::IpPrefix parse_prefix(std::string_view keyword, std::string_view word) {
  Result<nlpp::IpPrefix> prefix = nlpp::IpPrefix::parse(word);
  if (!prefix) throw UsageError(quoted(keyword) + ": " + prefix.error().context());
  return *prefix;
}

// "N" or "N-M" (uidrange, sport, dport): an inclusive range.
template <class Range, class Number>
Range parse_range(std::string_view keyword, std::string_view word) {
  const size_t dash = word.find('-');
  const Number start = parse_number<Number>(word.substr(0, dash), keyword);
  const Number end = dash == std::string_view::npos ? start : parse_number<Number>(word.substr(dash + 1), keyword);
  if (end < start) throw UsageError(quoted(keyword) + ": " + quoted(word) + " ends before it starts");
  return Range{start, end};
}

// `fwmark MARK[/MASK]`.
void parse_fwmark(Rule& rule, std::string_view word) {
  const size_t slash = word.find('/');
  rule.fwmark = parse_number<uint32_t>(word.substr(0, slash), "fwmark");
  if (slash != std::string_view::npos) rule.fwmask = parse_number<uint32_t>(word.substr(slash + 1), "fwmark mask");
}

// `tos`/`dsfield` take hex, with or without 0x (rtnl_dsfield_a2n()).
uint8_t parse_tos(std::string_view word) {
  const std::string_view digits = word.starts_with("0x") || word.starts_with("0X") ? word.substr(2) : word;
  uint8_t tos = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), tos, 16);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size())
    throw UsageError(quoted(word) + " is not a valid tos (hex 0 to ff)");
  return tos;
}

uint8_t parse_ip_protocol(std::string_view word) {
  const std::optional<uint8_t> named = format::ip_protocol_named(word);
  return named ? *named : parse_number<uint8_t>(word, "ipproto (tcp, udp, icmp, ipv6-icmp, sctp or 0-255)");
}

// The action words of `ip rule` (rtnl_rtntype_a2n() and nop), `type` optional.
constexpr std::array<std::pair<std::string_view, RuleAction>, 5> actions{{
    {"unicast", RuleAction::to_tbl},
    {"blackhole", RuleAction::blackhole},
    {"unreachable", RuleAction::unreachable},
    {"prohibit", RuleAction::prohibit},
    {"nop", RuleAction::nop},
}};

std::optional<RuleAction> action_named(std::string_view word) {
  for (const auto& [name, action] : actions)
    if (name == word) return action;
  return std::nullopt;
}

// The words of `ip rule add|del`: selectors, then what to do.
Rule parse_rule(Words& words, int family) {
  Rule rule{.family = static_cast<uint8_t>(family)};
  while (!words.empty()) {
    if (words.take_if("not")) {
      rule.flags |= FIB_RULE_INVERT;
    } else if (words.take_if("from")) {
      const std::string_view word = words.value_of("from");
      if (word != "all") rule.src = parse_prefix("from", word);
    } else if (words.take_if("to")) {
      const std::string_view word = words.value_of("to");
      if (word != "all") rule.dst = parse_prefix("to", word);
    } else if (words.take_if("priority") || words.take_if("preference") || words.take_if("pref") ||
               words.take_if("order")) {
      rule.priority = words.number_of<uint32_t>("priority");
    } else if (words.take_if("tos") || words.take_if("dsfield")) {
      rule.tos = parse_tos(words.value_of("tos"));
    } else if (words.take_if("fwmark")) {
      parse_fwmark(rule, words.value_of("fwmark"));
    } else if (words.take_if("table") || words.take_if("lookup")) {
      rule.table = parse_table(words.value_of("table"));
      if (rule.action == RuleAction::unspec) rule.action = RuleAction::to_tbl;
    } else if (words.take_if("suppress_prefixlength")) {
      rule.suppress_prefixlen = words.number_of<uint32_t>("suppress_prefixlength");
    } else if (words.take_if("suppress_ifgroup")) {
      const std::string_view group = words.value_of("suppress_ifgroup");
      rule.suppress_ifgroup = group == "default" ? 0 : parse_number<uint32_t>(group, "suppress_ifgroup");
    } else if (words.take_if("iif") || words.take_if("dev")) {
      rule.iifname = words.value_of("iif");
    } else if (words.take_if("oif")) {
      rule.oifname = words.value_of("oif");
    } else if (words.take_if("l3mdev")) {
      rule.l3mdev = true;
    } else if (words.take_if("uidrange")) {
      rule.uid_range = parse_range<rtnl::UidRange, uint32_t>("uidrange", words.value_of("uidrange"));
    } else if (words.take_if("sport")) {
      rule.sport = parse_range<rtnl::PortRange, uint16_t>("sport", words.value_of("sport"));
    } else if (words.take_if("dport")) {
      rule.dport = parse_range<rtnl::PortRange, uint16_t>("dport", words.value_of("dport"));
    } else if (words.take_if("ipproto")) {
      rule.ip_proto = parse_ip_protocol(words.value_of("ipproto"));
    } else if (words.take_if("tun_id")) {
      rule.tun_id = words.number_of<uint64_t>("tun_id");
    } else if (words.take_if("protocol") || words.take_if("proto")) {
      rule.protocol = parse_protocol(words.value_of("protocol"));
    } else if (words.take_if("goto")) {
      rule.action = RuleAction::goto_;
      rule.goto_target = words.number_of<uint32_t>("goto");
    } else if (words.peek() == "nat" || words.peek() == "map-to") {
      // The kernel dropped route NAT in Linux 2.6.9; iproute2 still sends it.
      throw UsageError(quoted(words.peek()) + ": route NAT is not supported by the kernel");
    } else {
      words.take_if("type");
      const std::optional<RuleAction> action = action_named(words.peek());
      if (!action) words.unknown();
      words.take("");
      rule.action = *action;
    }
  }
  return rule;
}

// `ip rule show` lists IPv4 rules unless -6 says otherwise.
void show(Session& session, Words& words) {
  const int family = session.options().family;
  rtnl::RuleFilter filter{.family = static_cast<uint8_t>(family != AF_UNSPEC ? family : AF_INET)};
  while (!words.empty()) {
    if (words.take_if("table") || words.take_if("lookup"))
      filter.table = parse_table(words.value_of("table"));
    else if (words.take_if("priority") || words.take_if("preference") || words.take_if("pref"))
      filter.priority = words.number_of<uint32_t>("priority");
    else if (words.take_if("protocol") || words.take_if("proto"))
      filter.protocol = parse_protocol(words.value_of("protocol"));
    else if (words.take_if("iif") || words.take_if("dev"))
      filter.iifname = std::string(words.value_of("iif"));
    else
      words.unknown();
  }
  print_rules(session, session.ipr().dump<Rule>(filter).value());
}

}  // namespace

void run_rule(Session& session, std::string_view command, Words& words) {
  if (command.empty() || is_command(command, "show") || is_command(command, "list")) return show(session, words);
  const auto rule = [&] { return parse_rule(words, session.options().family); };
  if (is_command(command, "add")) return session.apply(Verb::add, rule());
  if (is_command(command, "delete")) return session.apply(Verb::del, rule());
  throw UsageError("rule has no command " + quoted(command) + " (show, add, del)");
}

}  // namespace nlpp::cli

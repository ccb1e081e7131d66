// nlpp address add | replace | del | flush | show
#include "commands.hpp"
#include "flag_words.hpp"
#include "names.hpp"
#include "output.hpp"

#include <nlpp/rtnl/address.hpp>
#include <nlpp/rtnl/address_flush.hpp>
#include <nlpp/rtnl/link.hpp>

#include <algorithm>

namespace nlpp::cli {
namespace {

nlpp::IpPrefix parse_prefix(std::string_view word, std::string_view keyword) {
  Result<nlpp::IpPrefix> prefix = nlpp::IpPrefix::parse(word);
  if (!prefix) throw UsageError(quoted(keyword) + ": " + prefix.error().context());
  return *prefix;
}

uint32_t parse_lifetime(Words& words, std::string_view keyword) {
  if (words.peek() == "forever") {
    words.take("");
    return rtnl::AddressLifetimes::forever;
  }
  return words.number_of<uint32_t>(keyword);
}

// `PREFIX [peer PREFIX] [broadcast ADDRESS|+] [label L] [scope S] [metric N]
// [proto P] [valid_lft N] [preferred_lft N] [FLAG...] dev DEV`.
rtnl::Address parse_address(Session& session, Words& words) {
  rtnl::Address address;
  std::optional<nlpp::IpPrefix> local;
  bool default_broadcast = false;
  std::string_view label;
  rtnl::AddressLifetimes lifetimes;
  while (!words.empty()) {
    if (words.take_if("dev")) {
      address.ifindex = session.link_ref(words.value_of("dev"));
    } else if (words.take_if("local")) {
      local = parse_prefix(words.value_of("local"), "local");
    } else if (words.take_if("peer") || words.take_if("remote")) {
      const nlpp::IpPrefix peer = parse_prefix(words.value_of("peer"), "peer");
      address.peer = peer.address;
      address.prefix_length = peer.length;
    } else if (words.take_if("broadcast") || words.take_if("brd")) {
      const std::string_view value = words.value_of("broadcast");
      if (value == "+") {
        default_broadcast = true;
      } else {
        Result<nlpp::IpAddress> broadcast = nlpp::IpAddress::parse(value);
        if (!broadcast) throw UsageError("\"broadcast\": " + broadcast.error().context());
        address.broadcast = *broadcast;
      }
    } else if (words.take_if("label")) {
      label = words.value_of("label");
      address.label = std::string(label);
    } else if (words.take_if("scope")) {
      address.scope = parse_scope(words.value_of("scope"));
    } else if (words.take_if("metric") || words.take_if("priority")) {
      address.rt_priority = words.number_of<uint32_t>("metric");
    } else if (words.take_if("proto")) {
      address.proto = parse_protocol(words.value_of("proto"));
    } else if (words.take_if("valid_lft")) {
      lifetimes.valid = parse_lifetime(words, "valid_lft");
      address.lifetimes = lifetimes;
    } else if (words.take_if("preferred_lft")) {
      lifetimes.preferred = parse_lifetime(words, "preferred_lft");
      address.lifetimes = lifetimes;
    } else if (!take_flag(words, address.flags)) {
      if (local) words.unknown();
      local = parse_prefix(words.take(""), "address");
    }
  }
  if (!local) throw UsageError("the command needs an address");
  if (address.ifindex == 0) throw UsageError("the command needs \"dev DEVICE\"");
  address.local = local->address;
  if (!address.peer) address.prefix_length = local->length;
  if (!label.empty()) {
    if (Result<void> valid = rtnl::validate_label(label, session.link_names().name(address.ifindex)); !valid)
      throw UsageError(valid.error().context());
  }
  if (default_broadcast) address.broadcast = rtnl::default_broadcast(address.local, address.prefix_length);
  return address;
}

// `[dev DEV] [scope S] [label L]`: what show and flush select.
rtnl::AddressFilter parse_filter(Session& session, Words& words) {
  rtnl::AddressFilter filter{.family = session.options().family};
  while (!words.empty()) {
    if (words.take_if("scope"))
      filter.scope = parse_scope(words.value_of("scope"));
    else if (words.take_if("label"))
      filter.label = std::string(words.value_of("label"));
    else if (words.take_if("dev") || !filter.ifindex)
      filter.ifindex = session.ifindex(words.take("\"dev\" needs a value"));
    else
      words.unknown();
  }
  return filter;
}

void show(Session& session, Words& words) {
  const rtnl::AddressFilter filter = parse_filter(session, words);
  rtnl::LinkFilter links;
  if (filter.ifindex) links.name = session.link_names().name(*filter.ifindex);
  print_addresses(session, session.ipr().dump<rtnl::Link>(links).value(),
                  session.ipr().dump<rtnl::Address>(filter).value());
}

void flush(Session& session, Words& words) {
  const rtnl::AddressFilter filter = parse_filter(session, words);
  if (!filter.ifindex) throw UsageError("\"address flush\" needs \"dev DEVICE\"");
  session.ipr().run(rtnl::AddressFlush{filter}).value();
}

}  // namespace

void run_address(Session& session, std::string_view command, Words& words) {
  if (command.empty() || is_command(command, "show") || is_command(command, "list")) return show(session, words);
  if (is_command(command, "add")) return session.apply(Verb::add, parse_address(session, words));
  if (is_command(command, "replace")) return session.apply(Verb::replace, parse_address(session, words));
  if (is_command(command, "change")) return session.apply(Verb::set, parse_address(session, words));
  if (is_command(command, "delete")) return session.apply(Verb::del, parse_address(session, words));
  if (is_command(command, "flush")) return flush(session, words);
  throw UsageError("address has no command " + quoted(command) + " (show, add, replace, change, del, flush)");
}

}  // namespace nlpp::cli

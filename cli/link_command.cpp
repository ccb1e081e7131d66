// nlpp link add | set | del | show
#include "commands.hpp"
#include "kind_arguments.hpp"
#include "link_arguments.hpp"
#include "output.hpp"

#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/link_name.hpp>

namespace nlpp::cli {
namespace {

// `[dev] NAME`, the link a command is about.
std::string_view device_word(Words& words) {
  words.take_if("dev");
  return words.take("the command needs a device name");
}

// The link options, then `type KIND [KIND OPTIONS]` to the end of the line.
void parse_link(Words& words, Session& session, rtnl::Link& link, bool name_allowed) {
  while (!words.empty()) {
    if (parse_link_option(words, session, link)) continue;
    if (words.take_if("type")) {
      link.info.emplace().kind = std::string(words.value_of("type"));
      parse_kind_arguments(words, session, *link.info);
      return;
    }
    if (name_allowed && !link.name) {
      words.take_if("dev");
      const std::string_view name = words.take("");
      if (Result<void> valid = rtnl::validate_link_name(name, "name"); !valid)
        throw UsageError(valid.error().context());
      link.name = std::string(name);
      continue;
    }
    words.unknown();
  }
}

// `link add` and `link replace`: a new link (or one that takes the place of
// the link of that name).
void add(Session& session, Words& words, Verb verb) {
  rtnl::Link link;
  parse_link(words, session, link, true);
  const std::string command = "\"link " + std::string(rtnl::verb_name(verb)) + "\"";
  if (!link.name) throw UsageError(command + " needs a name");
  if (!link.info) throw UsageError(command + " needs \"type KIND\"");
  session.apply(verb, link);
  session.forget_links();
}

// The link a set or del is about: its ifindex; in an atomic batch, a
// link an earlier line makes by its name (Session::link_ref()).
void identify(Session& session, std::string_view device, rtnl::Link& link) {
  const rtnl::LinkRef ref = session.link_ref(device);
  if (!ref.is_name()) {
    link.ifindex = ref;
    return;
  }
  if (link.name && link.name != device)
    throw UsageError("-atomic: link " + quoted(device) + " is made by an earlier line; it cannot be renamed in the same batch");
  link.name = std::string(device);
}

void set(Session& session, Words& words) {
  rtnl::Link link;
  const std::string_view device = device_word(words);
  parse_link(words, session, link, false);
  identify(session, device, link);
  session.apply(Verb::set, link);
  session.forget_links();
}

void del(Session& session, Words& words) {
  rtnl::Link link;
  identify(session, device_word(words), link);
  if (words.take_if("type")) words.value_of("type");  // iproute2 accepts and ignores it
  if (!words.empty()) words.unknown();
  session.apply(Verb::del, link);
  session.forget_links();
}

void show(Session& session, Words& words) {
  rtnl::LinkFilter filter;
  while (!words.empty()) {
    if (words.take_if("type")) {
      filter.kind = std::string(words.value_of("type"));
    } else if (words.take_if("master")) {
      filter.master = session.ifindex(words.value_of("master"));
    } else if (words.take_if("group")) {
      filter.group = words.number_of<uint32_t>("group");
    } else if (!filter.name) {
      filter.name = std::string(device_word(words));
    } else {
      words.unknown();
    }
  }
  std::vector<rtnl::Link> links = session.ipr().dump<rtnl::Link>(filter).value();
  if (filter.name && links.empty())
    throw std::system_error(ENODEV, std::system_category(), "Device \"" + *filter.name + "\" does not exist.");
  print_links(session, links);
}

}  // namespace

void run_link(Session& session, std::string_view command, Words& words) {
  if (command.empty() || is_command(command, "show") || is_command(command, "list")) return show(session, words);
  if (is_command(command, "add")) return add(session, words, Verb::add);
  if (is_command(command, "replace")) return add(session, words, Verb::replace);
  if (is_command(command, "set") || is_command(command, "change")) return set(session, words);
  if (is_command(command, "delete")) return del(session, words);
  throw UsageError("link has no command " + quoted(command) + " (show, add, replace, set, del)");
}

}  // namespace nlpp::cli

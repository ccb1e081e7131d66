// nlpp class add | del | replace | change | show, in `tc class`'s words
// (tc/tc_class.c).
#include "commands.hpp"
#include "output.hpp"
#include "tc_kind_arguments.hpp"
#include "tc_words.hpp"

#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/tc_class.hpp>

namespace nlpp::cli {
namespace {

using rtnl::TcClass;
using rtnl::TcHandle;

// `dev DEV [classid ID] [root | parent ID] [KIND [OPTIONS]]`.
TcClass parse_class(Session& session, Words& words, bool kind_required) {
  TcClass tc_class;
  bool placed = false;
  while (!words.empty() && tc_class.kind.empty()) {
    if (words.take_if("dev")) {
      tc_class.ifindex = session.link_ref(words.value_of("dev"));
    } else if (words.take_if("classid")) {
      tc_class.handle = parse_classid(words.value_of("classid"), "classid");
    } else if (words.peek() == "root" || words.peek() == "parent") {
      if (placed) throw UsageError("a class hangs at one place: root or parent ID, once");
      placed = true;
      tc_class.parent =
          words.take_if("root") ? TcHandle::root() : parse_classid(words.value_of(words.take("")), "parent");
    } else if (words.peek() == "estimator") {
      throw UsageError("\"estimator\" is not supported yet");
    } else {
      tc_class.kind = words.take("");
    }
  }
  if (tc_class.ifindex == rtnl::LinkRef()) throw UsageError("the command needs \"dev DEVICE\"");
  if (!placed) throw UsageError("the command needs where the class hangs: root or parent ID");
  if (tc_class.kind.empty() && kind_required) throw UsageError("the command needs the class's kind (htb...)");
  tc_class.options = parse_class_options(tc_class.kind, words);
  return tc_class;
}

// `[dev DEV] [root | parent ID] [classid ID]`; without a device, every link's.
void show(Session& session, Words& words) {
  rtnl::TcClassFilter filter;
  while (!words.empty()) {
    if (words.take_if("dev"))
      filter.ifindex = session.ifindex(words.value_of("dev"));
    else if (words.take_if("root"))
      filter.parent = TcHandle::root();
    else if (words.take_if("parent"))
      filter.parent = parse_classid(words.value_of("parent"), "parent");
    else if (words.take_if("classid"))
      filter.handle = parse_classid(words.value_of("classid"), "classid");
    else
      words.unknown();
  }
  std::vector<TcClass> classes;
  if (filter.ifindex) {
    classes = session.ipr().dump<TcClass>(filter).value();
  } else {
    // The kernel dumps one link's classes at a time.
    for (const rtnl::Link& link : session.ipr().dump<rtnl::Link>().value()) {
      filter.ifindex = link.ifindex;
      for (TcClass& tc_class : session.ipr().dump<TcClass>(filter).value()) classes.push_back(std::move(tc_class));
    }
    filter.ifindex.reset();
  }
  print_classes(session, classes, filter.ifindex.has_value());
}

}  // namespace

void run_class(Session& session, std::string_view command, Words& words) {
  if (command.empty() || is_command(command, "show") || is_command(command, "list") || command == "ls")
    return show(session, words);
  if (is_command(command, "add")) return session.apply(Verb::add, parse_class(session, words, true));
  if (is_command(command, "delete")) return session.apply(Verb::del, parse_class(session, words, false));
  if (is_command(command, "replace")) return session.apply(Verb::replace, parse_class(session, words, true));
  if (is_command(command, "change")) return session.apply(Verb::set, parse_class(session, words, true));
  throw UsageError("class has no command " + quoted(command) + " (show, add, del, replace, change)");
}

}  // namespace nlpp::cli

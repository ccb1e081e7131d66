// nlpp qdisc add | del | replace | change | link | show, in `tc qdisc`'s
// words (tc/tc_qdisc.c).
#include "commands.hpp"
#include "output.hpp"
#include "tc_kind_arguments.hpp"
#include "tc_words.hpp"

#include <nlpp/rtnl/qdisc.hpp>

namespace nlpp::cli {
namespace {

using rtnl::Qdisc;
using rtnl::TcHandle;

// `dev DEV [handle H] [root | ingress | clsact | parent ID] [ingress_block N]
// [egress_block N] [KIND [OPTIONS]]`: the kind is the first other word.
Qdisc parse_qdisc(Session& session, Words& words, bool kind_required) {
  Qdisc qdisc;
  bool placed = false;
  const auto place = [&](TcHandle parent) {
    if (placed) throw UsageError("a qdisc hangs at one place: root, ingress, clsact or parent ID, once");
    placed = true;
    qdisc.parent = parent;
  };
  while (!words.empty() && qdisc.kind.empty()) {
    if (words.take_if("dev")) {
      qdisc.ifindex = session.link_ref(words.value_of("dev"));
    } else if (words.take_if("handle")) {
      qdisc.handle = parse_qdisc_handle(words.value_of("handle"), "handle");
    } else if (words.take_if("root")) {
      place(TcHandle::root());
    } else if (words.peek() == "ingress" || words.peek() == "clsact") {
      place(TcHandle::ingress());
      qdisc.kind = words.take("");
      qdisc.handle = TcHandle(0xffff, 0);
    } else if (words.take_if("parent")) {
      place(parse_classid(words.value_of("parent"), "parent"));
    } else if (words.take_if("ingress_block")) {
      qdisc.ingress_block = words.number_of<uint32_t>("ingress_block");
    } else if (words.take_if("egress_block")) {
      qdisc.egress_block = words.number_of<uint32_t>("egress_block");
    } else if (words.peek() == "estimator" || words.peek() == "stab") {
      throw UsageError(quoted(words.peek()) + " is not supported yet");
    } else {
      qdisc.kind = words.take("");
    }
  }
  if (qdisc.ifindex == rtnl::LinkRef()) throw UsageError("the command needs \"dev DEVICE\"");
  if (!placed) throw UsageError("the command needs where the qdisc hangs: root, ingress, clsact or parent ID");
  if (qdisc.kind.empty() && kind_required) throw UsageError("the command needs the qdisc's kind (htb, tbf, pfifo...)");
  qdisc.options = parse_qdisc_options(qdisc.kind, words);
  return qdisc;
}

// `[dev DEV] [root | ingress | clsact | parent ID | handle H] [invisible]`.
void show(Session& session, Words& words) {
  rtnl::QdiscFilter filter;
  while (!words.empty()) {
    if (words.take_if("dev"))
      filter.ifindex = session.ifindex(words.value_of("dev"));
    else if (words.take_if("root"))
      filter.parent = TcHandle::root();
    else if (words.take_if("ingress") || words.take_if("clsact"))
      filter.parent = TcHandle::ingress();
    else if (words.take_if("parent"))
      filter.parent = parse_classid(words.value_of("parent"), "parent");
    else if (words.take_if("handle"))
      filter.handle = parse_qdisc_handle(words.value_of("handle"), "handle");
    else if (words.take_if("invisible"))
      filter.invisible = true;
    else
      words.unknown();
  }
  print_qdiscs(session, session.ipr().dump<Qdisc>(filter).value(), filter.ifindex.has_value());
}

}  // namespace

void run_qdisc(Session& session, std::string_view command, Words& words) {
  if (command.empty() || is_command(command, "show") || is_command(command, "list") || command == "ls")
    return show(session, words);
  if (is_command(command, "add")) return session.apply(Verb::add, parse_qdisc(session, words, true));
  if (is_command(command, "delete")) return session.apply(Verb::del, parse_qdisc(session, words, false));
  if (is_command(command, "replace")) return session.apply(Verb::replace, parse_qdisc(session, words, true));
  if (is_command(command, "change")) return session.apply(Verb::set, parse_qdisc(session, words, true));
  throw UsageError("qdisc has no command " + quoted(command) + " (show, add, del, replace, change)");
}

}  // namespace nlpp::cli

// nlpp chain add | del | get | show, in `tc chain`'s words (tc/tc_filter.c
// do_chain(), which reads them as `tc filter` does). A template is a filter
// kind and its words, read as a filter's (tc_filter_arguments.hpp).
#include "commands.hpp"
#include "output.hpp"
#include "tc_filter_arguments.hpp"
#include "tc_filter_place.hpp"

#include <nlpp/rtnl/tc_chain.hpp>

#include <span>
#include <string>

namespace nlpp::cli {
namespace {

using rtnl::TcChain;
using rtnl::TcHandle;

// tc takes a filter's words for a chain too and sends them, which the
// kernel ignores: nlpp refuses them rather than send what means nothing.
// A flower template's protocol means its ethertype key, as a filter's.
void refuse_filter_words(const FilterPlace& place, std::string_view kind = {}) {
  const auto refuse = [](std::string_view word) {
    throw UsageError("chain: " + quoted(word) + " is a filter's word; a chain has its place and its index only");
  };
  if (place.priority) refuse("pref");
  if (place.protocol && kind != "flower") refuse("protocol");
  if (place.handle) refuse("handle");
}

// What a command takes after the place.
enum class Use {
  create,  // add: a template, a filter kind and its words
  name,    // del, get: nothing more
};

// `dev DEV|block N [root|ingress|egress|parent ID] [chain N] [KIND [OPTIONS]]`:
// the kind is the first other word.
TcChain parse_chain(Session& session, Words& words, Use use, FilterPlace& place) {
  std::string_view kind;
  while (!words.empty() && kind.empty()) {
    if (place.take(session, words)) continue;
    if (words.peek() == "estimator") throw UsageError("\"estimator\" is not supported yet");
    kind = words.take("");
  }
  place.require_link_or_block();
  refuse_filter_words(place, kind);
  if (!kind.empty() && use == Use::name)
    throw UsageError("chain: " + quoted(kind) +
                     " is not read; the kernel finds a chain by its place and index alone (a template is for add)");
  rtnl::FilterOptions options;
  if (!kind.empty() && !is_known_filter_kind(kind) && !words.empty())
    throw UsageError("chain template: the words of " + quoted(kind) + " are not supported yet (" +
                     quoted(words.peek()) +
                     " is not read); nlpp reads those of u32, matchall, fw, bpf and flower, the one kind the kernel "
                     "takes templates of");
  // tc sends a template's protocol as 0 unless given (flower's ethertype key then).
  FilterHandle template_place{.protocol = place.protocol.value_or(0), .parent = place.parent.value_or(TcHandle())};
  if (!kind.empty()) options = parse_filter_options(kind, session, words, template_place);
  return TcChain{.ifindex = place.ifindex.value_or(rtnl::LinkRef()),
                 .block = place.block,
                 .parent = place.parent.value_or(TcHandle()),
                 .chain = place.chain.value_or(0),
                 .kind = std::string(kind),
                 .options = std::move(options)};
}

TcChain parse_chain(Session& session, Words& words, Use use) {
  FilterPlace place;
  return parse_chain(session, words, use, place);
}

// One chain: tc asks for a link's parent (a block's needs none).
void get(Session& session, Words& words) {
  FilterPlace place;
  const TcChain chain = parse_chain(session, words, Use::name, place);
  if (place.ifindex && !place.parent) throw UsageError("chain get needs \"parent ID\" (or root, ingress, egress)");
  const TcChain found = session.ipr().get(chain).value();
  print_chains(session, std::span(&found, 1), {.block = place.block});  // tc names only the link or block
}

// `dev DEV|block N [root|ingress|egress|parent ID] [chain N]`: the chains of
// one block of filters (the root qdisc's when no parent is named).
void show(Session& session, Words& words) {
  FilterPlace place;
  while (!words.empty())
    if (!place.take(session, words)) words.unknown();
  place.require_link_or_block();
  refuse_filter_words(place);
  const rtnl::TcChainSelector selector{
      .ifindex = place.ifindex, .block = place.block, .parent = place.parent, .chain = place.chain};
  print_chains(session, session.ipr().dump<TcChain>(selector).value(), selector);
}

}  // namespace

void run_chain(Session& session, std::string_view command, Words& words) {
  if (command.empty() || is_command(command, "show") || is_command(command, "list") || command == "ls" ||
      command == "lst")
    return show(session, words);
  if (is_command(command, "add")) return session.apply(Verb::add, parse_chain(session, words, Use::create));
  if (is_command(command, "delete")) return session.apply(Verb::del, parse_chain(session, words, Use::name));
  if (is_command(command, "get")) return get(session, words);
  throw UsageError("chain has no command " + quoted(command) + " (show, add, del, get)");
}

}  // namespace nlpp::cli

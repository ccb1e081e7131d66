#include "tc_filter_place.hpp"

#include "commands.hpp"
#include "tc_words.hpp"

namespace nlpp::cli {

using rtnl::TcHandle;

bool FilterPlace::take(Session& session, Words& words) {
  if (words.take_if("dev")) {
    if (block) throw UsageError("\"dev\" and \"block\" are mutually exclusive");
    ifindex = session.link_ref(words.value_of("dev"));
  } else if (take_matching(words, {"block"})) {
    if (ifindex) throw UsageError("\"dev\" and \"block\" are mutually exclusive");
    block = words.number_of<uint32_t>("block");
    if (*block == 0) throw UsageError("\"block\": 0 is not a block index");
  } else if (words.take_if("root")) {
    place(TcHandle::root(), "root");
  } else if (words.take_if("ingress")) {
    place(TcHandle::clsact_ingress(), "ingress");
  } else if (words.take_if("egress")) {
    place(TcHandle::clsact_egress(), "egress");
  } else if (words.take_if("parent")) {
    place(parse_classid(words.value_of("parent"), "parent"), "parent");
  } else if (words.take_if("handle")) {
    handle = words.value_of("handle");
  } else if (take_matching(words, {"preference", "priority"})) {
    priority = words.number_of<uint16_t>("priority");
  } else if (take_matching(words, {"protocol"})) {
    protocol = parse_ether_protocol(words.value_of("protocol"));
  } else if (take_matching(words, {"chain"})) {
    chain = words.number_of<uint32_t>("chain");
  } else {
    return false;
  }
  return true;
}

void FilterPlace::require_link_or_block() const {
  if (!ifindex && !block) throw UsageError("the command needs \"dev DEVICE\" or \"block BLOCK_INDEX\"");
}

void FilterPlace::place(TcHandle where, std::string_view word) {
  if (parent) throw UsageError(quoted(word) + " is duplicate parent ID (root, ingress, egress or parent ID, once)");
  parent = where;
}

}  // namespace nlpp::cli

#include "link_arguments.hpp"

#include <nlpp/netns/netns.hpp>
#include <nlpp/rtnl/link_name.hpp>
#include <nlpp/rtnl/link_netns.hpp>

namespace nlpp::cli {
namespace {

template <class T>
T checked(Result<T> value, std::string_view keyword) {
  if (!value) throw UsageError(quoted(keyword) + ": " + value.error().context());
  return std::move(value).value();
}

nlpp::MacAddress parse_mac(Words& words, std::string_view keyword) {
  return checked(nlpp::MacAddress::parse(words.value_of(keyword)), keyword);
}

// A namespace by `ip netns` name, or by pid when the word is a number (as iproute2 does).
rtnl::LinkNetns parse_netns(Words& words) {
  const std::string_view word = words.value_of("netns");
  if (!word.empty() && word.find_first_not_of("0123456789") == std::string_view::npos)
    return rtnl::LinkNetns::pid(parse_number<pid_t>(word, "netns pid"));
  Result<rtnl::LinkNetns> opened = rtnl::LinkNetns::open(netns::Ref::name(std::string(word)));
  if (!opened)
    throw std::system_error(opened.error().code(),
                            "Invalid \"netns\" value " + quoted(word) + ": " + opened.error().describe());
  return std::move(opened).value();
}

}  // namespace

bool parse_on_off(Words& words, std::string_view keyword) {
  const std::string_view value = words.value_of(keyword);
  if (value == "on") return true;
  if (value == "off") return false;
  throw UsageError(quoted(keyword) + " takes on or off, not " + quoted(value));
}

bool parse_link_option(Words& words, Session& session, rtnl::Link& link) {
  const std::string_view word = words.peek();
  if (word == "up" || word == "down") {
    link.set_up(words.take("") == "up");
  } else if (words.take_if("name")) {
    const std::string_view name = words.value_of("name");
    checked(rtnl::validate_link_name(name, "name"), "name");
    link.name = std::string(name);
  } else if (words.take_if("address")) {
    link.address = parse_mac(words, "address");
  } else if (words.take_if("broadcast") || words.take_if("brd")) {
    link.broadcast = parse_mac(words, "broadcast");
  } else if (words.take_if("mtu")) {
    link.mtu = words.number_of<uint32_t>("mtu");
  } else if (words.take_if("txqueuelen") || words.take_if("txqlen") || words.take_if("qlen")) {
    link.txqlen = words.number_of<uint32_t>("txqueuelen");
  } else if (words.take_if("numtxqueues")) {
    link.num_tx_queues = words.number_of<uint32_t>("numtxqueues");
  } else if (words.take_if("numrxqueues")) {
    link.num_rx_queues = words.number_of<uint32_t>("numrxqueues");
  } else if (words.take_if("alias")) {
    link.alias = std::string(words.value_of("alias"));
  } else if (words.take_if("group")) {
    link.group = words.number_of<uint32_t>("group");
  } else if (words.take_if("master")) {
    link.master = session.link_ref(words.value_of("master"));
  } else if (words.take_if("nomaster")) {
    link.master = 0;
  } else if (words.take_if("link")) {
    link.link = session.link_ref(words.value_of("link"));
  } else if (words.take_if("netns")) {
    link.net_ns = parse_netns(words);
  } else if (words.take_if("promisc")) {
    link.set_flag(IFF_PROMISC, parse_on_off(words, "promisc"));
  } else if (words.take_if("allmulticast")) {
    link.set_flag(IFF_ALLMULTI, parse_on_off(words, "allmulticast"));
  } else if (words.take_if("arp")) {
    link.set_flag(IFF_NOARP, !parse_on_off(words, "arp"));
  } else {
    return false;
  }
  return true;
}

}  // namespace nlpp::cli

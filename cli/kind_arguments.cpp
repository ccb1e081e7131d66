#include "kind_arguments.hpp"

#include "link_arguments.hpp"

#include <nlpp/rtnl/link.hpp>
#include <nlpp/rtnl/link/field_text.hpp>
#include <nlpp/rtnl/link/schema_data.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

namespace nlpp::cli {
namespace {

// How an iproute2 word maps onto an option of the kind's struct.
enum class Meaning {
  value,    // the next word is the option's value
  link,     // the next word is a link name, set as its ifindex
  set,      // no value: the option is on
  cleared,  // no value: the option is off
};

struct Alias {
  std::string_view kind;
  std::string_view word;
  std::string_view option;
  Meaning meaning;
};

// iproute2's words that are not the option's name in nlpp's tables.
constexpr std::array aliases{
    Alias{"vxlan", "id", "vni", Meaning::value},
    Alias{"vxlan", "remote", "group", Meaning::value},
    Alias{"vxlan", "dev", "link", Meaning::link},
    Alias{"vxlan", "dstport", "port", Meaning::value},
    Alias{"vxlan", "learning", "learning", Meaning::set},
    Alias{"vxlan", "nolearning", "learning", Meaning::cleared},
    Alias{"vxlan", "udpcsum", "udp_csum", Meaning::set},
    Alias{"vxlan", "noudpcsum", "udp_csum", Meaning::cleared},
    Alias{"vxlan", "external", "collect_metadata", Meaning::set},
    Alias{"geneve", "id", "vni", Meaning::value},
    Alias{"geneve", "dstport", "port", Meaning::value},
    Alias{"geneve", "external", "collect_metadata", Meaning::set},
    Alias{"gre", "dev", "link", Meaning::link},
    Alias{"gretap", "dev", "link", Meaning::link},
    Alias{"ipip", "dev", "link", Meaning::link},
    Alias{"sit", "dev", "link", Meaning::link},
    Alias{"ip6tnl", "dev", "link", Meaning::link},
    Alias{"ip6gre", "dev", "link", Meaning::link},
    Alias{"vti", "dev", "link", Meaning::link},
    Alias{"xfrm", "dev", "link", Meaning::link},
    Alias{"bond", "lacp_rate", "ad_lacp_rate", Meaning::value},
};

void check(Result<void> outcome, std::string_view word) {
  if (!outcome) throw UsageError(quoted(word) + ": " + outcome.error().context());
}

// Reads the option `word` (and its value) into the kind's struct.
void parse_modelled_option(std::string_view word, Words& words, Session& session, rtnl::LinkInfo& info, bool port) {
  const std::string_view kind = port ? info.slave_kind : info.kind;
  const auto set = [&](std::string_view option, std::string_view value) {
    check(port ? rtnl::link::set_port_option(info, option, value) : rtnl::link::set_kind_option(info, option, value),
          word);
  };
  const auto alias = std::ranges::find_if(aliases, [&](const Alias& a) { return a.kind == kind && a.word == word; });
  if (alias == aliases.end())
    set(word, words.value_of(word));
  else if (alias->meaning == Meaning::value)
    set(alias->option, words.value_of(word));
  else if (alias->meaning == Meaning::link)
    set(alias->option, std::to_string(session.ifindex(words.value_of(word))));
  else
    set(alias->option, alias->meaning == Meaning::set ? "1" : "0");
}

// A value word as the spec's types hold it, by its form: an integer, an IP
// or MAC address (binary), or text.
rtnl::link::SchemaValue spec_value(std::string_view word) {
  if (!word.empty() && word.find_first_not_of("0123456789") == std::string_view::npos)
    return parse_number<uint64_t>(word, "number");
  if (word.starts_with("0x")) return parse_number<uint64_t>(word, "number");
  const auto bytes = [](wire::Bytes b) { return std::vector<std::byte>(b.begin(), b.end()); };
  if (Result<nlpp::IpAddress> ip = nlpp::IpAddress::parse(word)) return bytes(ip->bytes());
  if (Result<nlpp::MacAddress> mac = nlpp::MacAddress::parse(word)) return bytes(mac->bytes());
  return std::string(word);
}

// An option of a kind nlpp has no struct for, by its name in the kernel's
// spec (`_` for `-`): a flag stands alone, anything else takes a value.
void parse_spec_option(std::string_view word, Words& words, rtnl::LinkInfo& info, bool port) {
  using rtnl::link::DataNest;
  using rtnl::link::GenericData;
  const DataNest nest = port ? DataNest::slave_data : DataNest::data;
  const std::string_view kind = port ? info.slave_kind : info.kind;
  if (port && !std::holds_alternative<GenericData>(info.slave_data)) info.slave_data = GenericData{};
  if (!port && !std::holds_alternative<GenericData>(info.data)) info.data = GenericData{};
  GenericData& generic = port ? std::get<GenericData>(info.slave_data) : std::get<GenericData>(info.data);
  std::string attribute(word);
  std::ranges::replace(attribute, '_', '-');
  if (rtnl::link::add_attribute(generic, kind, attribute, true, nest)) return;
  check(rtnl::link::add_attribute(generic, kind, attribute, spec_value(words.value_of(word)), nest), word);
}

}  // namespace

void parse_kind_arguments(Words& words, Session& session, rtnl::LinkInfo& info) {
  // The kind's words are a section of their own: a tun's `type tap`, a
  // veth peer's `address`, are not the link's `type` and `address` again.
  words.begin_section();
  if (info.kind == "veth") {
    if (words.empty()) return;
    if (!words.take_if("peer")) words.unknown();
    rtnl::Link peer;
    words.take_if("name");
    peer.name = std::string(words.take("\"peer\" needs a name"));
    while (!words.empty())
      if (!parse_link_option(words, session, peer)) words.unknown();
    info.data = rtnl::link::Veth{.peer = std::move(peer)};
    return;
  }
  // `type bridge_slave cost 5`: the options of a port, by its master's kind.
  const bool port = info.kind.ends_with("_slave");
  if (port) {
    info.slave_kind = info.kind.substr(0, info.kind.size() - std::string_view("_slave").size());
    info.kind.clear();
  }
  const bool modelled = port ? rtnl::link::has_port_struct(info.slave_kind) : rtnl::link::has_kind_struct(info.kind);
  while (!words.empty()) {
    const std::string_view word = words.take("");
    if (modelled)
      parse_modelled_option(word, words, session, info, port);
    else
      parse_spec_option(word, words, info, port);
  }
}

}  // namespace nlpp::cli

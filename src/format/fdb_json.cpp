// Bridge FDB entries as `bridge -j fdb show` (bridge/fdb.c print_fdb())
// prints them, member for member in its order; without -s, so no ages.
#include <nlpp/format/json.hpp>

#include "iproute2_words.hpp"
#include "json_fields.hpp"

#include <linux/neighbour.h>

namespace nlpp::format {
namespace {

using namespace detail;
using rtnl::NeighbourFlag;

// fdb_print_flags(): in iproute2's order; master is a request flag the
// kernel does not report (a bridge's entries carry "master" instead).
std::vector<std::string_view> fdb_flag_names(const rtnl::FdbEntry& entry) {
  static constexpr std::pair<NeighbourFlag, std::string_view> names[] = {
      {NeighbourFlag::self, "self"},       {NeighbourFlag::router, "router"},
      {NeighbourFlag::extern_learn, "extern_learn"}, {NeighbourFlag::offloaded, "offload"},
      {NeighbourFlag::master, "master"},   {NeighbourFlag::sticky, "sticky"},
  };
  std::vector<std::string_view> flags;
  for (const auto& [flag, name] : names)
    if (entry.flags.contains(flag)) flags.push_back(name);
  if (entry.ext_flags && entry.ext_flags->contains(rtnl::NeighbourExtFlag::locked)) flags.push_back("locked");
  return flags;
}

}  // namespace

void write_fdb_entry(JsonWriter& json, const rtnl::FdbEntry& entry, const LinkNames& names, FdbView view) {
  json.begin_object();
  text_field(json, "mac", entry.lladdr.to_string());
  if (view == FdbView::all_devices && entry.ifindex != 0) text_field(json, "ifname", names.name(entry.ifindex));
  if (entry.vlan) number_field(json, "vlan", *entry.vlan);
  if (entry.src_vni) number_field(json, "src_vni", *entry.src_vni);
  if (entry.dst) text_field(json, "dst", entry.dst->to_string());
  if (entry.port) number_field(json, "port", *entry.port);
  if (entry.vni) number_field(json, "vni", *entry.vni);
  const std::optional<uint32_t> netnsid = raw_u32(find_raw(entry.unknown, NDA_LINK_NETNSID));
  if (entry.via_ifindex) {
    // A link in another namespace cannot be named here: its number.
    if (netnsid)
      number_field(json, "viaIfIndex", uint32_t{*entry.via_ifindex});
    else
      text_field(json, "viaIf", names.name(*entry.via_ifindex));
  }
  if (entry.nh_id) number_field(json, "nhid", *entry.nh_id);
  if (netnsid) number_field(json, "linkNetNsId", *netnsid);
  text_array(json, "flags", fdb_flag_names(entry));
  if (entry.master) text_field(json, "master", names.name(*entry.master));
  text_field(json, "state", fdb_state_name(entry.state.bits()));
  json.end_object();
}

std::string fdb_json(std::span<const rtnl::FdbEntry> entries, const LinkNames& names, FdbView view) {
  return json_array(entries,
                    [&](JsonWriter& json, const rtnl::FdbEntry& entry) { write_fdb_entry(json, entry, names, view); });
}

}  // namespace nlpp::format

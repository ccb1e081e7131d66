// Kinds of a few members each as iproute2 6.1 prints them: ip/iplink_vrf.c
// (vrf and its ports) and iptuntap.c (tun and tap).
#include "link_kind_fields.hpp"
#include "link_kind_writers.hpp"

#include <linux/if_link.h>

#include <grp.h>
#include <pwd.h>

#include <vector>

namespace nlpp::format::detail {
namespace {

// The user or group name from the system's database, as iproute2's
// getpwuid() / getgrgid(), else the number.
template <class Entry, class Lookup, class NameOf>
void id_field(JsonWriter& json, std::string_view key, uint32_t id, Lookup lookup, NameOf name_of) {
  Entry entry{};
  Entry* found = nullptr;
  std::vector<char> buffer(16384);
  if (lookup(id, &entry, buffer.data(), buffer.size(), &found) == 0 && found)
    text_field(json, key, name_of(*found));
  else
    number_field(json, key, id);
}

}  // namespace

void write_vrf(JsonWriter& json, const rtnl::link::Vrf& vrf) { optional_number(json, "table", vrf.table); }

void write_vrf_port(JsonWriter& json, const rtnl::link::GenericData& port) {
  if (const std::optional<uint32_t> table = raw_u32(find_raw(port.attributes, IFLA_VRF_PORT_TABLE)))
    number_field(json, "table", *table);
}

void write_tun(JsonWriter& json, const rtnl::link::Tun& tun) {
  using rtnl::link::TunType;
  if (tun.type) {
    const TunType type = *tun.type;
    text_field(json, "type",
               type == TunType::tun   ? "tun"
               : type == TunType::tap ? "tap"
                                      : "UNKNOWN:" + std::to_string(static_cast<unsigned>(type)));
  }
  optional_bool(json, "pi", tun.pi);
  optional_bool(json, "vnet_hdr", tun.vnet_hdr);
  // print_mq(): multi_queue is always there, the queue counts only with it.
  bool_field(json, "multi_queue", tun.multi_queue.value_or(false));
  if (tun.multi_queue.value_or(false)) {
    optional_number(json, "numqueues", tun.num_queues);
    optional_number(json, "numdisabled", tun.num_disabled_queues);
  }
  optional_bool(json, "persist", tun.persist);
  if (tun.owner)
    id_field<passwd>(json, "user", *tun.owner, ::getpwuid_r, [](const passwd& entry) { return entry.pw_name; });
  if (tun.group)
    id_field<group>(json, "group", *tun.group, ::getgrgid_r, [](const group& entry) { return entry.gr_name; });
}

}  // namespace nlpp::format::detail

// The descriptor tables against the kernel's UAPI headers, which are the
// truth: every id, message type, enum value and struct offset below is a
// constant from <linux/...>, compared with what tools/ynl_gen.py made of the
// YNL specs (or what src/schema/handwritten says). The headers here are
// linux-libc-dev 6.1, so attributes newer than that are not checked.
#include <nlpp/schema/generated/families.hpp>
#include <nlpp/schema/handwritten.hpp>
#include <nlpp/schema/registry.hpp>

#include <gtest/gtest.h>

#include <linux/ethtool_netlink.h>
#include <linux/fib_rules.h>
#include <linux/fou.h>
#include <linux/gen_stats.h>
#include <linux/genetlink.h>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/if_tunnel.h>
#include <linux/neighbour.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <linux/netlink.h>
#include <linux/nexthop.h>
#include <linux/pkt_cls.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <linux/wireguard.h>

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace nlpp::schema {
namespace {

struct NamedValue {
  std::string_view name;
  uint64_t value;
};

struct MemberLayout {
  std::string_view name;
  size_t offset;
  size_t length;
};

// Lookups that throw, so a missing table fails the test with its name
// instead of crashing on a null pointer.
template <typename T>
const T& found(const T* item, std::string_view what) {
  if (item == nullptr) throw std::runtime_error("not found: " + std::string(what));
  return *item;
}

const MessageType& request(const Family& owner, uint16_t type) {
  return found(owner.find_request(type), std::string(owner.name) + " type " + std::to_string(type));
}

const AttributeSet& request_attributes(const Family& owner, uint16_t type) {
  const MessageType& message = request(owner, type);
  return found(message.attributes, message.name);
}

const Struct& request_header(const Family& owner, uint16_t type) {
  const MessageType& message = request(owner, type);
  return found(message.fixed_header, message.name);
}

const AttributeSet& nested(const AttributeSet& set, std::string_view name) {
  return found(found(set.find(name), name).nested, name);
}

const SubMessageFormat& format(const AttributeSet& set, std::string_view name, std::string_view value) {
  return found(found(found(set.find(name), name).sub_message, name).find(value), value);
}

const AttributeSet& format_attributes(const AttributeSet& set, std::string_view name, std::string_view value) {
  return found(format(set, name, value).attributes, value);
}

void expect_ids(const AttributeSet& set, std::initializer_list<NamedValue> expected) {
  for (const auto& [name, id] : expected) {
    const Attribute* attribute = set.find(name);
    if (attribute == nullptr) {
      ADD_FAILURE() << set.name << " has no attribute " << name;
      continue;
    }
    EXPECT_EQ(attribute->id, id) << set.name << "." << name;
    EXPECT_EQ(set.find(attribute->id), attribute) << set.name << "." << name << " is not found by its id";
  }
}

void expect_entries(const Enum& enumeration, std::initializer_list<NamedValue> expected) {
  for (const auto& [name, value] : expected) {
    const EnumEntry* entry = enumeration.find(value);
    if (entry == nullptr) {
      ADD_FAILURE() << enumeration.name << " has no value " << value << " (" << name << ")";
      continue;
    }
    EXPECT_EQ(entry->name, name) << enumeration.name << " value " << value;
  }
}

const StructMember* find_member(const Struct& header, std::string_view name) {
  for (const StructMember& member : header.members)
    if (member.name == name) return &member;
  return nullptr;
}

void expect_layout(const Struct& header, size_t size, std::initializer_list<MemberLayout> expected) {
  EXPECT_EQ(header.size, size) << header.name;
  for (const auto& [name, offset, length] : expected) {
    const StructMember* member = find_member(header, name);
    if (member == nullptr) {
      ADD_FAILURE() << header.name << " has no member " << name;
      continue;
    }
    EXPECT_EQ(member->offset, offset) << header.name << "." << name;
    EXPECT_EQ(member->length, length) << header.name << "." << name;
  }
}

const Enum& member_enum(const Struct& header, std::string_view name) {
  return found(found(find_member(header, name), name).enumeration, name);
}

const AttributeSet& link_attrs() { return request_attributes(family::rt_link, RTM_NEWLINK); }
const AttributeSet& linkinfo_attrs() { return nested(link_attrs(), "linkinfo"); }
const AttributeSet& tc_attrs() { return request_attributes(family::tc, RTM_NEWQDISC); }

TEST(SchemaTables, link_attribute_ids_match_uapi) {
  expect_ids(link_attrs(), {{"address", IFLA_ADDRESS},
                            {"broadcast", IFLA_BROADCAST},
                            {"ifname", IFLA_IFNAME},
                            {"mtu", IFLA_MTU},
                            {"link", IFLA_LINK},
                            {"qdisc", IFLA_QDISC},
                            {"stats", IFLA_STATS},
                            {"cost", IFLA_COST},
                            {"priority", IFLA_PRIORITY},
                            {"master", IFLA_MASTER},
                            {"wireless", IFLA_WIRELESS},
                            {"protinfo", IFLA_PROTINFO},
                            {"txqlen", IFLA_TXQLEN},
                            {"map", IFLA_MAP},
                            {"weight", IFLA_WEIGHT},
                            {"operstate", IFLA_OPERSTATE},
                            {"linkmode", IFLA_LINKMODE},
                            {"linkinfo", IFLA_LINKINFO},
                            {"net-ns-pid", IFLA_NET_NS_PID},
                            {"ifalias", IFLA_IFALIAS},
                            {"num-vf", IFLA_NUM_VF},
                            {"vfinfo-list", IFLA_VFINFO_LIST},
                            {"stats64", IFLA_STATS64},
                            {"vf-ports", IFLA_VF_PORTS},
                            {"port-self", IFLA_PORT_SELF},
                            {"af-spec", IFLA_AF_SPEC},
                            {"group", IFLA_GROUP},
                            {"net-ns-fd", IFLA_NET_NS_FD},
                            {"ext-mask", IFLA_EXT_MASK},
                            {"promiscuity", IFLA_PROMISCUITY},
                            {"num-tx-queues", IFLA_NUM_TX_QUEUES},
                            {"num-rx-queues", IFLA_NUM_RX_QUEUES},
                            {"carrier", IFLA_CARRIER},
                            {"phys-port-id", IFLA_PHYS_PORT_ID},
                            {"carrier-changes", IFLA_CARRIER_CHANGES},
                            {"phys-switch-id", IFLA_PHYS_SWITCH_ID},
                            {"link-netnsid", IFLA_LINK_NETNSID},
                            {"phys-port-name", IFLA_PHYS_PORT_NAME},
                            {"proto-down", IFLA_PROTO_DOWN},
                            {"gso-max-segs", IFLA_GSO_MAX_SEGS},
                            {"gso-max-size", IFLA_GSO_MAX_SIZE},
                            {"pad", IFLA_PAD},
                            {"xdp", IFLA_XDP},
                            {"event", IFLA_EVENT},
                            {"new-netnsid", IFLA_NEW_NETNSID},
                            {"target-netnsid", IFLA_TARGET_NETNSID},
                            {"carrier-up-count", IFLA_CARRIER_UP_COUNT},
                            {"carrier-down-count", IFLA_CARRIER_DOWN_COUNT},
                            {"new-ifindex", IFLA_NEW_IFINDEX},
                            {"min-mtu", IFLA_MIN_MTU},
                            {"max-mtu", IFLA_MAX_MTU},
                            {"prop-list", IFLA_PROP_LIST},
                            {"alt-ifname", IFLA_ALT_IFNAME},
                            {"perm-address", IFLA_PERM_ADDRESS},
                            {"proto-down-reason", IFLA_PROTO_DOWN_REASON},
                            {"parent-dev-name", IFLA_PARENT_DEV_NAME},
                            {"parent-dev-bus-name", IFLA_PARENT_DEV_BUS_NAME},
                            {"gro-max-size", IFLA_GRO_MAX_SIZE},
                            {"tso-max-size", IFLA_TSO_MAX_SIZE},
                            {"tso-max-segs", IFLA_TSO_MAX_SEGS},
                            {"allmulti", IFLA_ALLMULTI}});
  // A subset takes its ids from the set it is part of.
  expect_ids(nested(link_attrs(), "prop-list"), {{"alt-ifname", IFLA_ALT_IFNAME}});
}

TEST(SchemaTables, linkinfo_attribute_ids_match_uapi) {
  expect_ids(linkinfo_attrs(), {{"kind", IFLA_INFO_KIND},
                                {"data", IFLA_INFO_DATA},
                                {"xstats", IFLA_INFO_XSTATS},
                                {"slave-kind", IFLA_INFO_SLAVE_KIND},
                                {"slave-data", IFLA_INFO_SLAVE_DATA}});
}

TEST(SchemaTables, bridge_link_kind_attribute_ids_match_uapi) {
  expect_ids(format_attributes(linkinfo_attrs(), "data", "bridge"),
             {{"forward-delay", IFLA_BR_FORWARD_DELAY},
              {"hello-time", IFLA_BR_HELLO_TIME},
              {"max-age", IFLA_BR_MAX_AGE},
              {"ageing-time", IFLA_BR_AGEING_TIME},
              {"stp-state", IFLA_BR_STP_STATE},
              {"priority", IFLA_BR_PRIORITY},
              {"vlan-filtering", IFLA_BR_VLAN_FILTERING},
              {"vlan-protocol", IFLA_BR_VLAN_PROTOCOL},
              {"group-fwd-mask", IFLA_BR_GROUP_FWD_MASK},
              {"root-id", IFLA_BR_ROOT_ID},
              {"bridge-id", IFLA_BR_BRIDGE_ID},
              {"root-port", IFLA_BR_ROOT_PORT},
              {"topology-change-timer", IFLA_BR_TOPOLOGY_CHANGE_TIMER},
              {"group-addr", IFLA_BR_GROUP_ADDR},
              {"fdb-flush", IFLA_BR_FDB_FLUSH},
              {"mcast-router", IFLA_BR_MCAST_ROUTER},
              {"mcast-snooping", IFLA_BR_MCAST_SNOOPING},
              {"mcast-startup-query-intvl", IFLA_BR_MCAST_STARTUP_QUERY_INTVL},
              {"nf-call-arptables", IFLA_BR_NF_CALL_ARPTABLES},
              {"vlan-default-pvid", IFLA_BR_VLAN_DEFAULT_PVID},
              {"pad", IFLA_BR_PAD},
              {"vlan-stats-enabled", IFLA_BR_VLAN_STATS_ENABLED},
              {"mcast-mld-version", IFLA_BR_MCAST_MLD_VERSION},
              {"vlan-stats-per-port", IFLA_BR_VLAN_STATS_PER_PORT},
              {"multi-boolopt", IFLA_BR_MULTI_BOOLOPT},
              {"mcast-querier-state", IFLA_BR_MCAST_QUERIER_STATE}});
  expect_ids(format_attributes(linkinfo_attrs(), "slave-data", "bridge"),
             {{"state", IFLA_BRPORT_STATE},
              {"priority", IFLA_BRPORT_PRIORITY},
              {"cost", IFLA_BRPORT_COST},
              {"learning", IFLA_BRPORT_LEARNING},
              {"root-id", IFLA_BRPORT_ROOT_ID},
              {"multicast-router", IFLA_BRPORT_MULTICAST_ROUTER},
              {"pad", IFLA_BRPORT_PAD},
              {"neigh-suppress", IFLA_BRPORT_NEIGH_SUPPRESS},
              {"backup-port", IFLA_BRPORT_BACKUP_PORT},
              {"locked", IFLA_BRPORT_LOCKED}});
}

TEST(SchemaTables, vlan_bond_and_gre_link_kind_attribute_ids_match_uapi) {
  expect_ids(format_attributes(linkinfo_attrs(), "data", "vlan"), {{"id", IFLA_VLAN_ID},
                                                                   {"flags", IFLA_VLAN_FLAGS},
                                                                   {"egress-qos", IFLA_VLAN_EGRESS_QOS},
                                                                   {"ingress-qos", IFLA_VLAN_INGRESS_QOS},
                                                                   {"protocol", IFLA_VLAN_PROTOCOL}});
  expect_ids(format_attributes(linkinfo_attrs(), "data", "bond"), {{"mode", IFLA_BOND_MODE},
                                                                   {"active-slave", IFLA_BOND_ACTIVE_SLAVE},
                                                                   {"miimon", IFLA_BOND_MIIMON},
                                                                   {"arp-ip-target", IFLA_BOND_ARP_IP_TARGET},
                                                                   {"ad-info", IFLA_BOND_AD_INFO},
                                                                   {"ad-actor-system", IFLA_BOND_AD_ACTOR_SYSTEM},
                                                                   {"missed-max", IFLA_BOND_MISSED_MAX},
                                                                   {"ns-ip6-target", IFLA_BOND_NS_IP6_TARGET}});
  expect_ids(format_attributes(linkinfo_attrs(), "data", "gre"), {{"link", IFLA_GRE_LINK},
                                                                  {"iflags", IFLA_GRE_IFLAGS},
                                                                  {"ikey", IFLA_GRE_IKEY},
                                                                  {"local", IFLA_GRE_LOCAL},
                                                                  {"remote", IFLA_GRE_REMOTE},
                                                                  {"encap-limit", IFLA_GRE_ENCAP_LIMIT},
                                                                  {"collect-metadata", IFLA_GRE_COLLECT_METADATA},
                                                                  {"fwmark", IFLA_GRE_FWMARK},
                                                                  {"erspan-hwid", IFLA_GRE_ERSPAN_HWID}});
  // ip6gre is a subset of the gre attributes with IPv6 addresses.
  const AttributeSet& ip6gre = format_attributes(linkinfo_attrs(), "data", "ip6gre");
  expect_ids(ip6gre, {{"local", IFLA_GRE_LOCAL}, {"remote", IFLA_GRE_REMOTE}});
  EXPECT_EQ(ip6gre.find("local")->display, Display::ipv6);
}

TEST(SchemaTables, addr_attribute_ids_match_uapi) {
  expect_ids(request_attributes(family::rt_addr, RTM_NEWADDR), {{"address", IFA_ADDRESS},
                                                                {"local", IFA_LOCAL},
                                                                {"label", IFA_LABEL},
                                                                {"broadcast", IFA_BROADCAST},
                                                                {"anycast", IFA_ANYCAST},
                                                                {"cacheinfo", IFA_CACHEINFO},
                                                                {"multicast", IFA_MULTICAST},
                                                                {"flags", IFA_FLAGS},
                                                                {"rt-priority", IFA_RT_PRIORITY},
                                                                {"target-netnsid", IFA_TARGET_NETNSID},
                                                                {"proto", IFA_PROTO}});
}

TEST(SchemaTables, route_attribute_ids_match_uapi) {
  const AttributeSet& route = request_attributes(family::rt_route, RTM_NEWROUTE);
  expect_ids(route, {{"dst", RTA_DST},
                     {"src", RTA_SRC},
                     {"iif", RTA_IIF},
                     {"oif", RTA_OIF},
                     {"gateway", RTA_GATEWAY},
                     {"priority", RTA_PRIORITY},
                     {"prefsrc", RTA_PREFSRC},
                     {"metrics", RTA_METRICS},
                     {"multipath", RTA_MULTIPATH},
                     {"protoinfo", RTA_PROTOINFO},
                     {"flow", RTA_FLOW},
                     {"cacheinfo", RTA_CACHEINFO},
                     {"session", RTA_SESSION},
                     {"mp-algo", RTA_MP_ALGO},
                     {"table", RTA_TABLE},
                     {"mark", RTA_MARK},
                     {"mfc-stats", RTA_MFC_STATS},
                     {"via", RTA_VIA},
                     {"newdst", RTA_NEWDST},
                     {"pref", RTA_PREF},
                     {"encap-type", RTA_ENCAP_TYPE},
                     {"encap", RTA_ENCAP},
                     {"expires", RTA_EXPIRES},
                     {"pad", RTA_PAD},
                     {"uid", RTA_UID},
                     {"ttl-propagate", RTA_TTL_PROPAGATE},
                     {"ip-proto", RTA_IP_PROTO},
                     {"sport", RTA_SPORT},
                     {"dport", RTA_DPORT},
                     {"nh-id", RTA_NH_ID}});
  // Metrics number from 0 (RTAX_UNSPEC has an explicit value in the spec).
  expect_ids(nested(route, "metrics"), {{"unspec", RTAX_UNSPEC},
                                        {"lock", RTAX_LOCK},
                                        {"mtu", RTAX_MTU},
                                        {"window", RTAX_WINDOW},
                                        {"advmss", RTAX_ADVMSS},
                                        {"hoplimit", RTAX_HOPLIMIT},
                                        {"initcwnd", RTAX_INITCWND},
                                        {"features", RTAX_FEATURES},
                                        {"cc-algo", RTAX_CC_ALGO},
                                        {"fastopen-no-cookie", RTAX_FASTOPEN_NO_COOKIE}});
}

TEST(SchemaTables, neigh_and_rule_attribute_ids_match_uapi) {
  expect_ids(request_attributes(family::rt_neigh, RTM_NEWNEIGH), {{"unspec", NDA_UNSPEC},
                                                                  {"dst", NDA_DST},
                                                                  {"lladdr", NDA_LLADDR},
                                                                  {"cacheinfo", NDA_CACHEINFO},
                                                                  {"probes", NDA_PROBES},
                                                                  {"vlan", NDA_VLAN},
                                                                  {"port", NDA_PORT},
                                                                  {"vni", NDA_VNI},
                                                                  {"ifindex", NDA_IFINDEX},
                                                                  {"master", NDA_MASTER},
                                                                  {"link-netnsid", NDA_LINK_NETNSID},
                                                                  {"src-vni", NDA_SRC_VNI},
                                                                  {"protocol", NDA_PROTOCOL},
                                                                  {"nh-id", NDA_NH_ID},
                                                                  {"fdb-ext-attrs", NDA_FDB_EXT_ATTRS},
                                                                  {"flags-ext", NDA_FLAGS_EXT},
                                                                  {"ndm-state-mask", NDA_NDM_STATE_MASK},
                                                                  {"ndm-flags-mask", NDA_NDM_FLAGS_MASK}});
  expect_ids(request_attributes(family::rt_rule, RTM_NEWRULE), {{"dst", FRA_DST},
                                                                {"src", FRA_SRC},
                                                                {"iifname", FRA_IIFNAME},
                                                                {"goto", FRA_GOTO},
                                                                {"priority", FRA_PRIORITY},
                                                                {"fwmark", FRA_FWMARK},
                                                                {"flow", FRA_FLOW},
                                                                {"tun-id", FRA_TUN_ID},
                                                                {"suppress-ifgroup", FRA_SUPPRESS_IFGROUP},
                                                                {"suppress-prefixlen", FRA_SUPPRESS_PREFIXLEN},
                                                                {"table", FRA_TABLE},
                                                                {"fwmask", FRA_FWMASK},
                                                                {"oifname", FRA_OIFNAME},
                                                                {"pad", FRA_PAD},
                                                                {"l3mdev", FRA_L3MDEV},
                                                                {"uid-range", FRA_UID_RANGE},
                                                                {"protocol", FRA_PROTOCOL},
                                                                {"ip-proto", FRA_IP_PROTO},
                                                                {"sport-range", FRA_SPORT_RANGE},
                                                                {"dport-range", FRA_DPORT_RANGE}});
}

TEST(SchemaTables, tc_attribute_ids_match_uapi) {
  expect_ids(tc_attrs(), {{"kind", TCA_KIND},
                          {"options", TCA_OPTIONS},
                          {"stats", TCA_STATS},
                          {"xstats", TCA_XSTATS},
                          {"rate", TCA_RATE},
                          {"fcnt", TCA_FCNT},
                          {"stats2", TCA_STATS2},
                          {"stab", TCA_STAB},
                          {"pad", TCA_PAD},
                          {"dump-invisible", TCA_DUMP_INVISIBLE},
                          {"chain", TCA_CHAIN},
                          {"hw-offload", TCA_HW_OFFLOAD},
                          {"ingress-block", TCA_INGRESS_BLOCK},
                          {"egress-block", TCA_EGRESS_BLOCK},
                          {"dump-flags", TCA_DUMP_FLAGS},
                          {"ext-warn-msg", TCA_EXT_WARN_MSG}});
  expect_ids(nested(tc_attrs(), "stats2"), {{"basic", TCA_STATS_BASIC},
                                            {"rate-est", TCA_STATS_RATE_EST},
                                            {"queue", TCA_STATS_QUEUE},
                                            {"app", TCA_STATS_APP},
                                            {"rate-est64", TCA_STATS_RATE_EST64},
                                            {"pad", TCA_STATS_PAD},
                                            {"basic-hw", TCA_STATS_BASIC_HW},
                                            {"pkt64", TCA_STATS_PKT64}});
  expect_ids(format_attributes(tc_attrs(), "options", "htb"), {{"parms", TCA_HTB_PARMS},
                                                               {"init", TCA_HTB_INIT},
                                                               {"ctab", TCA_HTB_CTAB},
                                                               {"rtab", TCA_HTB_RTAB},
                                                               {"direct-qlen", TCA_HTB_DIRECT_QLEN},
                                                               {"rate64", TCA_HTB_RATE64},
                                                               {"ceil64", TCA_HTB_CEIL64},
                                                               {"pad", TCA_HTB_PAD},
                                                               {"offload", TCA_HTB_OFFLOAD}});
  expect_ids(format_attributes(request_attributes(family::tc, RTM_NEWTFILTER), "options", "u32"),
             {{"classid", TCA_U32_CLASSID},
              {"hash", TCA_U32_HASH},
              {"link", TCA_U32_LINK},
              {"divisor", TCA_U32_DIVISOR},
              {"sel", TCA_U32_SEL},
              {"police", TCA_U32_POLICE},
              {"act", TCA_U32_ACT},
              {"indev", TCA_U32_INDEV},
              {"pcnt", TCA_U32_PCNT},
              {"mark", TCA_U32_MARK},
              {"flags", TCA_U32_FLAGS},
              {"pad", TCA_U32_PAD}});
}

TEST(SchemaTables, nexthop_attribute_ids_match_uapi) {
  const AttributeSet& nexthop = request_attributes(family::rt_nexthop, RTM_NEWNEXTHOP);
  expect_ids(nexthop, {{"id", NHA_ID},
                       {"group", NHA_GROUP},
                       {"group-type", NHA_GROUP_TYPE},
                       {"blackhole", NHA_BLACKHOLE},
                       {"oif", NHA_OIF},
                       {"gateway", NHA_GATEWAY},
                       {"encap-type", NHA_ENCAP_TYPE},
                       {"encap", NHA_ENCAP},
                       {"groups", NHA_GROUPS},
                       {"master", NHA_MASTER},
                       {"fdb", NHA_FDB},
                       {"res-group", NHA_RES_GROUP},
                       {"res-bucket", NHA_RES_BUCKET}});
  expect_ids(nested(nexthop, "res-group"), {{"buckets", NHA_RES_GROUP_BUCKETS},
                                            {"idle-timer", NHA_RES_GROUP_IDLE_TIMER},
                                            {"unbalanced-timer", NHA_RES_GROUP_UNBALANCED_TIMER},
                                            {"unbalanced-time", NHA_RES_GROUP_UNBALANCED_TIME}});
  expect_ids(
      nested(nexthop, "res-bucket"),
      {{"index", NHA_RES_BUCKET_INDEX}, {"idle-time", NHA_RES_BUCKET_IDLE_TIME}, {"nh-id", NHA_RES_BUCKET_NH_ID}});
  // NHA_GROUP is an array of struct nexthop_grp.
  const Attribute& group = *nexthop.find("group");
  EXPECT_EQ(group.element, Type::binary);
  expect_layout(found(group.fixed_struct, "nexthop_grp"), sizeof(nexthop_grp),
                {{"id", offsetof(nexthop_grp, id), sizeof(nexthop_grp::id)},
                 {"weight", offsetof(nexthop_grp, weight), sizeof(nexthop_grp::weight)}});
}

TEST(SchemaTables, generic_netlink_attribute_ids_match_uapi) {
  expect_ids(request_attributes(family::nlctrl, CTRL_CMD_GETFAMILY), {{"family-id", CTRL_ATTR_FAMILY_ID},
                                                                      {"family-name", CTRL_ATTR_FAMILY_NAME},
                                                                      {"version", CTRL_ATTR_VERSION},
                                                                      {"hdrsize", CTRL_ATTR_HDRSIZE},
                                                                      {"maxattr", CTRL_ATTR_MAXATTR},
                                                                      {"ops", CTRL_ATTR_OPS},
                                                                      {"mcast-groups", CTRL_ATTR_MCAST_GROUPS},
                                                                      {"policy", CTRL_ATTR_POLICY},
                                                                      {"op-policy", CTRL_ATTR_OP_POLICY},
                                                                      {"op", CTRL_ATTR_OP}});
  expect_ids(request_attributes(family::fou, FOU_CMD_ADD),
             {{"port", FOU_ATTR_PORT}, {"af", FOU_ATTR_AF}, {"ipproto", FOU_ATTR_IPPROTO}, {"type", FOU_ATTR_TYPE}});
  expect_ids(request_attributes(family::wireguard, WG_CMD_SET_DEVICE), {{"ifindex", WGDEVICE_A_IFINDEX},
                                                                        {"ifname", WGDEVICE_A_IFNAME},
                                                                        {"private-key", WGDEVICE_A_PRIVATE_KEY},
                                                                        {"listen-port", WGDEVICE_A_LISTEN_PORT},
                                                                        {"peers", WGDEVICE_A_PEERS}});
}

TEST(SchemaTables, rtnetlink_message_types_match_uapi) {
  struct Expected {
    const Family& owner;
    uint16_t type;
    std::string_view name;
  };
  for (const auto& [owner, type, name] : {
           Expected{family::rt_link, RTM_NEWLINK, "newlink"},
           Expected{family::rt_link, RTM_DELLINK, "dellink"},
           Expected{family::rt_link, RTM_GETLINK, "getlink"},
           Expected{family::rt_link, RTM_SETLINK, "setlink"},
           Expected{family::rt_link, RTM_GETSTATS, "getstats"},
           Expected{family::rt_addr, RTM_NEWADDR, "newaddr"},
           Expected{family::rt_addr, RTM_GETMULTICAST, "getmulticast"},
           Expected{family::rt_route, RTM_NEWROUTE, "newroute"},
           Expected{family::rt_route, RTM_DELROUTE, "delroute"},
           Expected{family::rt_route, RTM_GETROUTE, "getroute"},
           Expected{family::rt_neigh, RTM_NEWNEIGH, "newneigh"},
           Expected{family::rt_neigh, RTM_GETNEIGHTBL, "getneightbl"},
           Expected{family::rt_rule, RTM_NEWRULE, "newrule"},
           Expected{family::tc, RTM_NEWQDISC, "newqdisc"},
           Expected{family::tc, RTM_NEWTCLASS, "newtclass"},
           Expected{family::tc, RTM_NEWTFILTER, "newtfilter"},
           Expected{family::tc, RTM_GETCHAIN, "getchain"},
           Expected{family::rt_nexthop, RTM_NEWNEXTHOP, "newnexthop"},
           Expected{family::rt_nexthop, RTM_DELNEXTHOP, "delnexthop"},
           Expected{family::rt_nexthop, RTM_GETNEXTHOP, "getnexthop"},
       }) {
    EXPECT_EQ(request(owner, type).name, name);
  }
}

TEST(SchemaTables, replies_use_the_types_the_kernel_sends) {
  // The kernel answers RTM_GET* with RTM_NEW*; the directional enum model
  // keeps both apart.
  EXPECT_EQ(family::rt_link.find_reply(RTM_GETLINK), nullptr);
  EXPECT_EQ(found(family::rt_link.find_reply(RTM_NEWLINK), "newlink").attributes, &link_attrs());
  // A reply is named for what it is, not for the request it answers: the
  // getlink reply is the newlink message (the kernel's RTM_NEWLINK).
  EXPECT_EQ(found(family::rt_link.find_reply(RTM_NEWLINK), "newlink").name, "newlink");
  EXPECT_EQ(found(family::rt_route.find_reply(RTM_NEWROUTE), "newroute").name, "newroute");
  EXPECT_EQ(found(family::rt_neigh.find_reply(RTM_DELNEIGH), "delneigh").name, "delneigh");
  EXPECT_EQ(found(family::nftables.find_reply(NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_NEWTABLE), "newtable").name,
            "newtable");
  EXPECT_NE(family::rt_neigh.find_reply(RTM_NEWNEIGHTBL), nullptr);
  EXPECT_NE(family::tc.find_reply(RTM_NEWTFILTER), nullptr);
  EXPECT_NE(family::rt_nexthop.find_reply(RTM_NEWNEXTHOP), nullptr);
  // nlctrl and ethtool are directional too: CTRL_CMD_GETFAMILY is answered with CTRL_CMD_NEWFAMILY...
  EXPECT_EQ(found(family::nlctrl.find_reply(CTRL_CMD_NEWFAMILY), "newfamily").name, "getfamily");
  EXPECT_EQ(found(family::ethtool.find_request(ETHTOOL_MSG_LINKINFO_GET), "linkinfo-get").name, "linkinfo-get");
  EXPECT_EQ(found(family::ethtool.find_reply(ETHTOOL_MSG_LINKINFO_GET_REPLY), "reply").name, "linkinfo-get");
  EXPECT_EQ(found(family::ethtool.find_reply(ETHTOOL_MSG_LINKINFO_NTF), "ntf").name, "linkinfo-ntf");
  // ...while fou and wireguard use one command number both ways.
  EXPECT_EQ(found(family::fou.find_request(FOU_CMD_GET), "get").name, "get");
  EXPECT_EQ(found(family::fou.find_reply(FOU_CMD_GET), "get").name, "get");
  EXPECT_EQ(found(family::wireguard.find_request(WG_CMD_GET_DEVICE), "get-device").name, "get-device");
}

TEST(SchemaTables, family_kinds_and_protocols) {
  EXPECT_EQ(family::rt_link.kind, FamilyKind::netlink_raw);
  EXPECT_EQ(family::rt_link.protocol, NETLINK_ROUTE);
  EXPECT_EQ(family::rt_nexthop.protocol, NETLINK_ROUTE);
  EXPECT_EQ(family::nlctrl.kind, FamilyKind::genetlink);
  EXPECT_EQ(family::nlctrl.protocol, NETLINK_GENERIC);
  EXPECT_EQ(family::nftables.kind, FamilyKind::nfnetlink);
  EXPECT_EQ(family::nftables.protocol, NETLINK_NETFILTER);
  EXPECT_EQ(family::conntrack.kind, FamilyKind::nfnetlink);
}

TEST(SchemaTables, fixed_headers_match_uapi_structs) {
  expect_layout(request_header(family::rt_link, RTM_NEWLINK), sizeof(ifinfomsg),
                {{"ifi-family", offsetof(ifinfomsg, ifi_family), sizeof(ifinfomsg::ifi_family)},
                 {"ifi-type", offsetof(ifinfomsg, ifi_type), sizeof(ifinfomsg::ifi_type)},
                 {"ifi-index", offsetof(ifinfomsg, ifi_index), sizeof(ifinfomsg::ifi_index)},
                 {"ifi-flags", offsetof(ifinfomsg, ifi_flags), sizeof(ifinfomsg::ifi_flags)},
                 {"ifi-change", offsetof(ifinfomsg, ifi_change), sizeof(ifinfomsg::ifi_change)}});
  expect_layout(request_header(family::rt_addr, RTM_NEWADDR), sizeof(ifaddrmsg),
                {{"ifa-prefixlen", offsetof(ifaddrmsg, ifa_prefixlen), sizeof(ifaddrmsg::ifa_prefixlen)},
                 {"ifa-index", offsetof(ifaddrmsg, ifa_index), sizeof(ifaddrmsg::ifa_index)}});
  expect_layout(request_header(family::rt_route, RTM_NEWROUTE), sizeof(rtmsg),
                {{"rtm-table", offsetof(rtmsg, rtm_table), sizeof(rtmsg::rtm_table)},
                 {"rtm-type", offsetof(rtmsg, rtm_type), sizeof(rtmsg::rtm_type)},
                 {"rtm-flags", offsetof(rtmsg, rtm_flags), sizeof(rtmsg::rtm_flags)}});
  expect_layout(request_header(family::rt_neigh, RTM_NEWNEIGH), sizeof(ndmsg),
                {{"ndm-ifindex", offsetof(ndmsg, ndm_ifindex), sizeof(ndmsg::ndm_ifindex)},
                 {"ndm-state", offsetof(ndmsg, ndm_state), sizeof(ndmsg::ndm_state)}});
  expect_layout(request_header(family::rt_rule, RTM_NEWRULE), sizeof(fib_rule_hdr),
                {{"table", offsetof(fib_rule_hdr, table), sizeof(fib_rule_hdr::table)},
                 {"action", offsetof(fib_rule_hdr, action), sizeof(fib_rule_hdr::action)},
                 {"flags", offsetof(fib_rule_hdr, flags), sizeof(fib_rule_hdr::flags)}});
  expect_layout(request_header(family::tc, RTM_NEWQDISC), sizeof(tcmsg),
                {{"ifindex", offsetof(tcmsg, tcm_ifindex), sizeof(tcmsg::tcm_ifindex)},
                 {"handle", offsetof(tcmsg, tcm_handle), sizeof(tcmsg::tcm_handle)},
                 {"parent", offsetof(tcmsg, tcm_parent), sizeof(tcmsg::tcm_parent)},
                 {"info", offsetof(tcmsg, tcm_info), sizeof(tcmsg::tcm_info)}});
  expect_layout(request_header(family::rt_nexthop, RTM_NEWNEXTHOP), sizeof(nhmsg),
                {{"nh-family", offsetof(nhmsg, nh_family), sizeof(nhmsg::nh_family)},
                 {"nh-flags", offsetof(nhmsg, nh_flags), sizeof(nhmsg::nh_flags)}});
}

TEST(SchemaTables, struct_layout_has_the_padding_the_compiler_adds) {
  // tc_u32_sel puts offmask after three bytes: C aligns it to 4. The spec
  // describes the flexible keys[] as one key, hence the larger size.
  const Attribute& sel =
      *format_attributes(request_attributes(family::tc, RTM_NEWTFILTER), "options", "u32").find("sel");
  expect_layout(found(sel.fixed_struct, "tc_u32_sel"), sizeof(tc_u32_sel) + sizeof(tc_u32_key),
                {{"offmask", offsetof(tc_u32_sel, offmask), sizeof(tc_u32_sel::offmask)},
                 {"hmask", offsetof(tc_u32_sel, hmask), sizeof(tc_u32_sel::hmask)},
                 {"keys", offsetof(tc_u32_sel, keys), sizeof(tc_u32_key)}});
  // A struct inside a struct keeps its own table (tc_htb_opt.rate is a tc_ratespec).
  const Struct& htb_opt = found(format_attributes(tc_attrs(), "options", "htb").find("parms")->fixed_struct, "htb");
  expect_layout(htb_opt, sizeof(tc_htb_opt),
                {{"rate", offsetof(tc_htb_opt, rate), sizeof(tc_ratespec)},
                 {"ceil", offsetof(tc_htb_opt, ceil), sizeof(tc_ratespec)},
                 {"prio", offsetof(tc_htb_opt, prio), sizeof(tc_htb_opt::prio)}});
  expect_layout(found(htb_opt.members[0].fixed_struct, "tc_ratespec"), sizeof(tc_ratespec),
                {{"rate", offsetof(tc_ratespec, rate), sizeof(tc_ratespec::rate)}});
  // Trailing padding counts too: struct tc_stats ends in a u32 after a u64.
  expect_layout(found(tc_attrs().find("stats")->fixed_struct, "tc_stats"), sizeof(tc_stats),
                {{"backlog", offsetof(tc_stats, backlog), sizeof(tc_stats::backlog)}});
}

TEST(SchemaTables, enum_and_flag_values_match_uapi) {
  const Struct& ifinfomsg_struct = request_header(family::rt_link, RTM_NEWLINK);
  const Enum& ifinfo_flags = member_enum(ifinfomsg_struct, "ifi-flags");
  EXPECT_TRUE(ifinfo_flags.is_flags);
  expect_entries(ifinfo_flags, {{"up", IFF_UP},
                                {"broadcast", IFF_BROADCAST},
                                {"loopback", IFF_LOOPBACK},
                                {"point-to-point", IFF_POINTOPOINT},
                                {"running", IFF_RUNNING},
                                {"no-arp", IFF_NOARP},
                                {"promisc", IFF_PROMISC},
                                {"multicast", IFF_MULTICAST},
                                {"lower-up", IFF_LOWER_UP},
                                {"dormant", IFF_DORMANT},
                                {"echo", IFF_ECHO}});
  const Enum& rtm_type = member_enum(request_header(family::rt_route, RTM_NEWROUTE), "rtm-type");
  EXPECT_FALSE(rtm_type.is_flags);
  expect_entries(rtm_type, {{"unspec", RTN_UNSPEC},
                            {"unicast", RTN_UNICAST},
                            {"local", RTN_LOCAL},
                            {"broadcast", RTN_BROADCAST},
                            {"blackhole", RTN_BLACKHOLE},
                            {"unreachable", RTN_UNREACHABLE},
                            {"prohibit", RTN_PROHIBIT},
                            {"throw", RTN_THROW},
                            {"xresolve", RTN_XRESOLVE}});
  expect_entries(member_enum(request_header(family::rt_neigh, RTM_NEWNEIGH), "ndm-state"),
                 {{"incomplete", NUD_INCOMPLETE},
                  {"reachable", NUD_REACHABLE},
                  {"stale", NUD_STALE},
                  {"failed", NUD_FAILED},
                  {"noarp", NUD_NOARP},
                  {"permanent", NUD_PERMANENT}});
  expect_entries(member_enum(request_header(family::rt_rule, RTM_NEWRULE), "action"),
                 {{"to-tbl", FR_ACT_TO_TBL}, {"goto", FR_ACT_GOTO}, {"blackhole", FR_ACT_BLACKHOLE}});
  expect_entries(found(request_attributes(family::rt_addr, RTM_NEWADDR).find("flags")->enumeration, "ifa-flags"),
                 {{"secondary", IFA_F_SECONDARY},
                  {"nodad", IFA_F_NODAD},
                  {"permanent", IFA_F_PERMANENT},
                  {"noprefixroute", IFA_F_NOPREFIXROUTE},
                  {"stable-privacy", IFA_F_STABLE_PRIVACY}});
}

TEST(SchemaTables, attributes_carry_byte_order_display_and_selector) {
  const Attribute& data = *linkinfo_attrs().find("data");
  EXPECT_EQ(data.type, Type::sub_message);
  EXPECT_EQ(data.selector, "kind");
  EXPECT_EQ(link_attrs().find("address")->display, Display::mac);
  const Attribute& vlan_protocol = *format_attributes(linkinfo_attrs(), "data", "vlan").find("protocol");
  EXPECT_EQ(vlan_protocol.byte_order, ByteOrder::big_endian);
  const Attribute& arp_ip_target = *format_attributes(linkinfo_attrs(), "data", "bond").find("arp-ip-target");
  EXPECT_EQ(arp_ip_target.type, Type::indexed_array);
  EXPECT_EQ(arp_ip_target.element, Type::u32);
  EXPECT_EQ(arp_ip_target.display, Display::ipv4);
}

TEST(SchemaTables, sub_message_formats_are_found_by_selector_value) {
  const SubMessage& link_kinds = *linkinfo_attrs().find("data")->sub_message;
  EXPECT_EQ(found(link_kinds.find("bridge"), "bridge").attributes->name, "linkinfo-bridge-attrs");
  EXPECT_EQ(found(link_kinds.find("vlan"), "vlan").attributes->name, "linkinfo-vlan-attrs");
  EXPECT_EQ(link_kinds.find("no-such-kind"), nullptr);
  // Some qdisc options are a bare struct, no attributes.
  const SubMessageFormat& pfifo = format(tc_attrs(), "options", "pfifo");
  EXPECT_EQ(pfifo.attributes, nullptr);
  expect_layout(found(pfifo.fixed_header, "tc_fifo_qopt"), sizeof(tc_fifo_qopt),
                {{"limit", offsetof(tc_fifo_qopt, limit), sizeof(tc_fifo_qopt::limit)}});
}

TEST(SchemaTables, unknown_ids_and_names_are_not_found) {
  EXPECT_EQ(link_attrs().find(uint16_t{0x7fff}), nullptr);
  EXPECT_EQ(link_attrs().find("no-such-attribute"), nullptr);
  EXPECT_EQ(family::rt_link.find_request(RTM_NEWROUTE), nullptr);
}

// Checks each set reachable from `set` once: ids ascend (AttributeSet::find
// relies on it) and every selector names an attribute of the set or of one
// enclosing it (TCA_STATS_APP's selector is the TCA_KIND two levels up).
void expect_well_formed(const Family& owner, const AttributeSet* set, std::vector<const AttributeSet*>& enclosing,
                        std::vector<const AttributeSet*>& seen) {
  if (set == nullptr || std::find(seen.begin(), seen.end(), set) != seen.end()) return;
  seen.push_back(set);
  enclosing.push_back(set);
  for (size_t i = 1; i < set->attributes.size(); ++i)
    EXPECT_LT(set->attributes[i - 1].id, set->attributes[i].id) << owner.name << " " << set->name;
  for (const Attribute& attribute : set->attributes) {
    EXPECT_EQ(set->find(attribute.id), &attribute) << owner.name << " " << set->name << "." << attribute.name;
    expect_well_formed(owner, attribute.nested, enclosing, seen);
    if (attribute.sub_message == nullptr) continue;
    EXPECT_TRUE(std::any_of(enclosing.begin(), enclosing.end(),
                            [&](const AttributeSet* level) { return level->find(attribute.selector) != nullptr; }))
        << owner.name << " " << set->name << "." << attribute.name << " selector " << attribute.selector;
    for (const SubMessageFormat& choice : attribute.sub_message->formats)
      expect_well_formed(owner, choice.attributes, enclosing, seen);
  }
  enclosing.pop_back();
}

TEST(SchemaTables, every_set_is_sorted_by_id_and_every_selector_can_be_resolved) {
  for (const Family* owner : families()) {
    std::vector<const AttributeSet*> enclosing;
    std::vector<const AttributeSet*> seen;
    for (const auto& messages : {owner->requests, owner->replies})
      for (const MessageType& message : messages) expect_well_formed(*owner, message.attributes, enclosing, seen);
  }
}

TEST(SchemaRegistry, finds_families_by_name) {
  EXPECT_EQ(find_family("rt-link"), &family::rt_link);
  EXPECT_EQ(find_family("rt-nexthop"), &family::rt_nexthop);
  EXPECT_EQ(find_family("nlctrl"), &family::nlctrl);
  EXPECT_EQ(find_family("no-such-family"), nullptr);
  const auto all = families();
  EXPECT_EQ(all.size(), family::all_generated.size() + family::all_handwritten.size());
  EXPECT_NE(std::find(all.begin(), all.end(), &family::rt_nexthop), all.end());
}

TEST(SchemaRegistry, finds_rtnetlink_messages_across_families) {
  const MessageType* newroute = find_message(NETLINK_ROUTE, RTM_NEWROUTE, Direction::request);
  ASSERT_NE(newroute, nullptr);
  EXPECT_EQ(newroute->name, "newroute");
  EXPECT_EQ(found(newroute->fixed_header, "rtmsg").name, "rtmsg");
  EXPECT_EQ(found(newroute->attributes, "route-attrs").name, "route-attrs");

  const MessageType* link_reply = find_message(NETLINK_ROUTE, RTM_NEWLINK, Direction::reply);
  ASSERT_NE(link_reply, nullptr);
  EXPECT_EQ(link_reply->attributes, &link_attrs());

  EXPECT_EQ(find_message(NETLINK_ROUTE, RTM_GETNEXTHOP, Direction::request),
            family::rt_nexthop.find_request(RTM_GETNEXTHOP));
  EXPECT_EQ(find_message(NETLINK_ROUTE, RTM_GETROUTE, Direction::reply), nullptr);
  EXPECT_EQ(find_message(NETLINK_ROUTE, 0x7fff, Direction::request), nullptr);
}

TEST(SchemaRegistry, finds_nfnetlink_messages_by_subsystem_and_type) {
  const MessageType* newtable =
      find_message(NETLINK_NETFILTER, NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_NEWTABLE, Direction::request);
  ASSERT_NE(newtable, nullptr);
  EXPECT_EQ(newtable->name, "newtable");
  const MessageType* conntrack_get =
      find_message(NETLINK_NETFILTER, NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_GET, Direction::request);
  ASSERT_NE(conntrack_get, nullptr);
  EXPECT_EQ(conntrack_get->name, "get");
}

TEST(SchemaRegistry, no_two_families_describe_the_same_message) {
  // find_message returns the first family that knows a type: it must be the only one.
  for (const Family* owner : families()) {
    if (owner->kind == FamilyKind::genetlink) continue;
    for (const MessageType& request : owner->requests)
      EXPECT_EQ(find_message(owner->protocol, request.type, Direction::request), &request) << owner->name;
    for (const MessageType& reply : owner->replies)
      EXPECT_EQ(find_message(owner->protocol, reply.type, Direction::reply), &reply) << owner->name;
  }
}

TEST(SchemaRegistry, does_not_guess_generic_netlink_messages) {
  // Generic netlink message types are family ids assigned at run time.
  EXPECT_EQ(find_message(NETLINK_GENERIC, CTRL_CMD_GETFAMILY, Direction::request), nullptr);
}

}  // namespace
}  // namespace nlpp::schema

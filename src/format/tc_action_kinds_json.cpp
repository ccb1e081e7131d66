// The action kinds beyond gact, mirred and police as `tc -j actions ls`
// and `tc -j filter show` print them (tc 6.1's m_*.c print_*()), member
// for member in tc's order.
#include "tc_action_kinds_json.hpp"

#include "iproute2_words.hpp"
#include "json_fields.hpp"
#include "tc_action_kinds_words.hpp"
#include "tc_bpf_bytecode.hpp"
#include "tc_words.hpp"

#include <nlpp/format/names.hpp>
#include <nlpp/wire/attribute.hpp>

#include <linux/tc_act/tc_skbedit.h>
#include <linux/tc_act/tc_tunnel_key.h>

#include <cstring>
#include <span>
#include <string>
#include <variant>

namespace nlpp::format::detail {
namespace {

using rtnl::tc::Action;

// print_masked_u32(): the value, and "NAME_mask" in hex unless it keeps every bit.
void write_masked(JsonWriter& json, std::string_view key, uint32_t value, const std::optional<uint32_t>& mask) {
  number_field(json, key, value);
  if (mask && *mask != 0xffffffff) text_field(json, std::string(key) + "_mask", tc_hex_digits(*mask));
}

// A big-endian integer of width bytes at the start of payload; 0 when it is shorter.
uint32_t big_endian(wire::Bytes payload, size_t width) {
  uint32_t value = 0;
  for (size_t i = 0; i < width && i < payload.size(); ++i) value = value << 8 | std::to_integer<uint32_t>(payload[i]);
  return value;
}

uint32_t u8_of(const std::optional<wire::Attribute>& attribute) {
  return attribute && !attribute->payload().empty() ? std::to_integer<uint32_t>(attribute->payload()[0]) : 0;
}

// tunnel_key_print_geneve_options(): class, type and data, option by
// option, each three attributes in a row.
void write_geneve_options(JsonWriter& json, wire::AttributeRange attributes) {
  json.key("geneve_opts");
  json.begin_array();
  bool open = false;
  for (const wire::Attribute& attribute : attributes) {
    if (attribute.type() == TCA_TUNNEL_KEY_ENC_OPT_GENEVE_CLASS) {
      if (open) json.end_object();
      json.begin_object();
      open = true;
      number_field(json, "class", big_endian(attribute.payload(), 2));
    } else if (attribute.type() == TCA_TUNNEL_KEY_ENC_OPT_GENEVE_TYPE) {
      number_field(json, "type", big_endian(attribute.payload(), 1));
    } else if (attribute.type() == TCA_TUNNEL_KEY_ENC_OPT_GENEVE_DATA) {
      json.key("data");
      json.begin_array();
      for (const std::byte byte : attribute.payload()) json.number(std::to_integer<uint64_t>(byte));
      json.end_array();
    }
  }
  if (open) json.end_object();
  json.end_array();
}

// tunnel_key_print_vxlan_options() and _erspan_options(): one object each.
void write_vxlan_options(JsonWriter& json, wire::AttributeRange attributes) {
  json.key("vxlan_opts");
  json.begin_array();
  json.begin_object();
  const std::optional<wire::Attribute> gbp = attributes.find(TCA_TUNNEL_KEY_ENC_OPT_VXLAN_GBP);
  uint32_t value = 0;
  if (gbp && gbp->payload().size() >= sizeof value) std::memcpy(&value, gbp->payload().data(), sizeof value);
  number_field(json, "gbp", value);
  json.end_object();
  json.end_array();
}

void write_erspan_options(JsonWriter& json, wire::AttributeRange attributes) {
  const uint32_t version = u8_of(attributes.find(TCA_TUNNEL_KEY_ENC_OPT_ERSPAN_VER));
  const std::optional<wire::Attribute> index = attributes.find(TCA_TUNNEL_KEY_ENC_OPT_ERSPAN_INDEX);
  json.key("erspan_opts");
  json.begin_array();
  json.begin_object();
  number_field(json, "ver", version);
  // Version 1 has an index, version 2 a direction and a hardware id.
  number_field(json, "index", version == 1 && index ? big_endian(index->payload(), 4) : 0);
  number_field(json, "dir", version == 1 ? 0 : u8_of(attributes.find(TCA_TUNNEL_KEY_ENC_OPT_ERSPAN_DIR)));
  number_field(json, "hwid", version == 1 ? 0 : u8_of(attributes.find(TCA_TUNNEL_KEY_ENC_OPT_ERSPAN_HWID)));
  json.end_object();
  json.end_array();
}

// tunnel_key_print_key_opt(): the options nlpp keeps raw (TCA_TUNNEL_KEY_ENC_OPTS).
void write_tunnel_options(JsonWriter& json, const rtnl::tc::TunnelKey& key) {
  const RawAttribute* raw = find_raw(key.unknown, TCA_TUNNEL_KEY_ENC_OPTS);
  if (!raw) return;
  const wire::AttributeRange options{wire::Bytes(raw->payload)};
  if (const std::optional<wire::Attribute> geneve = options.find(TCA_TUNNEL_KEY_ENC_OPTS_GENEVE))
    write_geneve_options(json, geneve->nested());
  else if (const std::optional<wire::Attribute> vxlan = options.find(TCA_TUNNEL_KEY_ENC_OPTS_VXLAN))
    write_vxlan_options(json, vxlan->nested());
  else if (const std::optional<wire::Attribute> erspan = options.find(TCA_TUNNEL_KEY_ENC_OPTS_ERSPAN))
    write_erspan_options(json, erspan->nested());
}

}  // namespace

std::string_view tc_action_kind_key(const rtnl::tc::ActionOptions& options) {
  return std::holds_alternative<rtnl::tc::Nat>(options) ? "type" : "kind";
}

void write_kind(JsonWriter& json, const Action& action, const rtnl::tc::Skbedit& skbedit, const LinkNames&,
                const TcView& view) {
  if (skbedit.queue_mapping) number_field(json, "queue_mapping", *skbedit.queue_mapping);
  if (skbedit.priority) text_field(json, "priority", skbedit.priority->to_string());
  if (skbedit.mark) number_field(json, "mark", *skbedit.mark);
  if (skbedit.mask) text_field(json, "mask", tc_hex_digits(*skbedit.mask));
  if (skbedit.ptype) {
    if (const std::optional<std::string_view> name = skbedit_ptype_name(*skbedit.ptype))
      text_field(json, "ptype", *name);
    else
      number_field(json, "ptype", *skbedit.ptype);
  }
  if (skbedit.flags & SKBEDIT_F_INHERITDSFIELD) null_field(json, "inheritdsfield");
  write_tc_control(json, action.effective_control());
  write_tc_action_parms(json, action, view);
}

void write_kind(JsonWriter& json, const Action& action, const rtnl::tc::Vlan& vlan, const LinkNames&,
                const TcView& view) {
  using Operation = rtnl::tc::Vlan::Operation;
  text_field(json, "vlan_action", vlan_operation_name(vlan.operation));
  if (vlan.operation == Operation::push || vlan.operation == Operation::modify) {
    if (vlan.id) number_field(json, "id", *vlan.id);
    if (vlan.protocol) text_field(json, "protocol", ether_protocol_name(*vlan.protocol));
    if (vlan.priority) number_field(json, "priority", *vlan.priority);
  } else if (vlan.operation == Operation::push_eth) {
    if (vlan.destination) text_field(json, "dst_mac", vlan.destination->to_string());
    if (vlan.source) text_field(json, "src_mac", vlan.source->to_string());
  }
  write_tc_control(json, action.effective_control());
  write_tc_action_parms(json, action, view);
}

// print_csum(): the headers in one string, "?empty" for none.
void write_kind(JsonWriter& json, const Action& action, const rtnl::tc::Csum& csum, const LinkNames&,
                const TcView& view) {
  std::string names;
  for (std::string_view name : csum_update_names(csum.update_flags))
    names += (names.empty() ? "" : ", ") + std::string(name);
  text_field(json, "csum", names.empty() ? "?empty" : names);
  write_tc_control(json, action.effective_control());
  write_tc_action_parms(json, action, view);
}

void write_kind(JsonWriter& json, const Action& action, const rtnl::tc::Nat& nat, const LinkNames&,
                const TcView& view) {
  text_field(json, "direction", nat.egress ? "egress" : "ingress");
  text_field(json, "old_addr", nat_old_text(nat));
  text_field(json, "new_addr", nat.new_address.to_string());
  write_tc_control(json, action.effective_control());
  write_tc_action_parms(json, action, view);
}

// print_pedit(): the control first, the keys after the parms; a key's
// command is "set" or "add", its value and mask in hex digits.
void write_kind(JsonWriter& json, const Action& action, const rtnl::tc::Pedit& pedit, const LinkNames&,
                const TcView& view) {
  write_tc_control(json, action.effective_control());
  number_field(json, "nkeys", pedit.keys.size());
  write_tc_action_parms(json, action, view);
  json.key("keys");
  json.begin_array();
  for (const rtnl::tc::PeditKey& key : pedit.keys) {
    json.begin_object();
    text_field(json, "htype", pedit_header_name(key.header));
    number_field(json, "offset", key.offset);
    text_field(json, "cmd", key.command == rtnl::tc::PeditCommand::add ? "add" : "set");
    text_field(json, "val", tc_hex_digits(key.value));
    text_field(json, "mask", tc_hex_digits(key.mask));
    json.end_object();
  }
  json.end_array();
}

void write_kind(JsonWriter& json, const Action& action, const rtnl::tc::Connmark& connmark, const LinkNames&,
                const TcView& view) {
  number_field(json, "zone", connmark.zone);
  write_tc_control(json, action.effective_control());
  write_tc_action_parms(json, action, view);
}

// print_ct(): "nat" is "" for the plain nat (the connection's own).
void write_kind(JsonWriter& json, const Action& action, const rtnl::tc::Ct& ct, const LinkNames&, const TcView& view) {
  if (const std::string_view name = ct_action_name(ct.ct_action); !name.empty()) text_field(json, "action", name);
  if (ct.mark) write_masked(json, "mark", *ct.mark, ct.mark_mask);
  if (ct.zone) number_field(json, "zone", *ct.zone);
  if (!ct.labels.empty()) text_field(json, "label", ct_labels_text(ct));
  if (ct.ct_action & TCA_CT_ACT_NAT) text_field(json, "nat", ct_nat_text(ct));
  write_tc_control(json, action.effective_control());
  write_tc_action_parms(json, action, view);
}

// print_tunnel_key(): set's members; tos and ttl only when not 0.
void write_kind(JsonWriter& json, const Action& action, const rtnl::tc::TunnelKey& key, const LinkNames&,
                const TcView& view) {
  if (key.operation == rtnl::tc::TunnelKey::Operation::unset) text_field(json, "mode", "unset");
  if (key.operation == rtnl::tc::TunnelKey::Operation::set) {
    text_field(json, "mode", "set");
    if (key.source) text_field(json, "src_ip", key.source->to_string());
    if (key.destination) text_field(json, "dst_ip", key.destination->to_string());
    if (key.key_id) number_field(json, "key_id", *key.key_id);
    if (key.dst_port) number_field(json, "dst_port", *key.dst_port);
    write_tunnel_options(json, key);
    text_field(json, "flag", key.checksum ? "csum" : "nocsum");
    if (key.tos.value_or(0) != 0) number_field(json, "tos", *key.tos);
    if (key.ttl.value_or(0) != 0) number_field(json, "ttl", *key.ttl);
  }
  write_tc_control(json, action.effective_control());
  write_tc_action_parms(json, action, view);
}

void write_kind(JsonWriter& json, const Action& action, const rtnl::tc::Sample& sample, const LinkNames&,
                const TcView& view) {
  number_field(json, "rate", sample.rate);
  number_field(json, "group", sample.group);
  if (sample.trunc_size) number_field(json, "trunc_size", *sample.trunc_size);
  write_tc_control(json, action.effective_control());
  write_tc_action_parms(json, action, view);
}

// bpf_print_opt(): for an eBPF program, what tc prints when it cannot ask
// the kernel for the program's name (as the bpf filter's JSON does): its
// id in "prog", the tag the action reports.
void write_kind(JsonWriter& json, const Action& action, const rtnl::tc::BpfAction& bpf, const LinkNames&,
                const TcView& view) {
  if (bpf.name) text_field(json, "bpf_name", *bpf.name);
  if (!bpf.classic.empty()) write_bpf_bytecode(json, bpf.classic);
  if (bpf.id) {
    json.key("prog");
    json.begin_object();
    number_field(json, "id", *bpf.id);
    json.end_object();
  }
  if (bpf.tag) text_field(json, "tag", hex_string(std::as_bytes(std::span(*bpf.tag))));
  write_tc_control(json, action.effective_control());
  write_tc_action_parms(json, action, view);
}

}  // namespace nlpp::format::detail

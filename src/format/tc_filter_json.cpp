// Filters as `tc -j [-s] filter show dev DEV` prints them (tc/tc_filter.c
// print_filter(), f_u32.c, f_matchall.c, f_fw.c, f_bpf.c print_opt()),
// member for member in its order; their actions through tc_action_json.
// Where tc 6.1 writes text into its JSON (fw's options, u32's "offset"
// and "eat"), nlpp prints what tc 6.8 and later print instead, or nothing.
#include <nlpp/format/json.hpp>
#include <nlpp/format/names.hpp>

#include "iproute2_words.hpp"
#include "json_fields.hpp"
#include "tc_action_json.hpp"
#include "tc_bpf_bytecode.hpp"
#include "tc_classifier_kinds.hpp"
#include "tc_filter_json.hpp"
#include "tc_filter_words.hpp"
#include "tc_flower.hpp"
#include "tc_words.hpp"

#include <linux/pkt_cls.h>

#include <cstring>
#include <variant>

namespace nlpp::format {
namespace {

using namespace detail;

void write_classifier_flags(JsonWriter& json, const std::optional<uint32_t>& flags) {
  for (std::string_view name : tc_classifier_flag_names(flags.value_or(0))) bool_field(json, name, true);
}

void write_classid(JsonWriter& json, std::string_view key, const std::optional<rtnl::TcHandle>& classid) {
  if (classid) text_field(json, key, classid->to_string());
}

// A u64 of a struct the kernel reports whole (tc_u32_pcnt), if it is there.
std::optional<uint64_t> u64_at(const RawAttribute* attribute, size_t offset) {
  uint64_t value = 0;
  if (!attribute || attribute->payload.size() < offset + sizeof value) return std::nullopt;
  std::memcpy(&value, attribute->payload.data() + offset, sizeof value);
  return value;
}

// print_raw(): tc prints a key this way unless given -p, under the same
// name each time ("match" repeats, as it does in tc's output).
void write_u32_key(JsonWriter& json, const rtnl::tc::U32Key& key) {
  json.key("match");
  json.begin_object();
  text_field(json, "value", tc_hex_digits(key.value));
  text_field(json, "mask", tc_hex_digits(key.mask));
  text_field(json, "offmask", key.offmask != 0 ? "nexthdr+" : "");
  number_field(json, "off", key.offset);
  json.end_object();
}

// TCA_U32_MARK (kernels built with CONFIG_CLS_U32_MARK, filters given a
// mark), which nlpp keeps raw.
void write_u32_mark(JsonWriter& json, const rtnl::tc::U32& u32) {
  const RawAttribute* raw = find_raw(u32.unknown, TCA_U32_MARK);
  tc_u32_mark mark{};
  if (!raw || raw->payload.size() < sizeof mark) return;
  std::memcpy(&mark, raw->payload.data(), sizeof mark);
  text_field(json, "fwmark_value", tc_hex_text(mark.val));
  text_field(json, "fwmark_mask", tc_hex_text(mark.mask));
  number_field(json, "fwmark_success", static_cast<int32_t>(mark.success));
}

void write_u32_selector(JsonWriter& json, const rtnl::tc::U32Selector& selector, const RawAttribute* counters) {
  for (size_t index = 0; index < selector.keys.size(); ++index) {
    write_u32_key(json, selector.keys[index]);
    const size_t key_counter = offsetof(tc_u32_pcnt, kcnts) + index * sizeof(uint64_t);
    if (const std::optional<uint64_t> hits = u64_at(counters, key_counter)) number_field(json, "success", *hits);
  }
  if (selector.flags & TC_U32_VAROFFSET) {
    text_field(json, "offset_mask", tc_hex_digits(selector.offmask));
    number_field(json, "offset_shift", int32_t{selector.offshift});
    number_field(json, "offset_off", int32_t{selector.offoff});
  }
  if ((selector.flags & (TC_U32_VAROFFSET | TC_U32_OFFSET)) && selector.off != 0)
    number_field(json, "plus", int32_t{selector.off});
  if (selector.hmask != 0) {
    text_field(json, "hash_mask", tc_hex_digits(selector.hmask));
    number_field(json, "hash_off", int32_t{selector.hoff});
  }
}

// A hash table ("fh 800: ht divisor 1") or a node in one ("fh 800::800
// order 2048 key ht 800 bkt 0"). With -s, the hit counters of kernels built
// with CONFIG_CLS_U32_PERF (TCA_U32_PCNT, kept raw): the rule's, then each
// key's after it.
void write_options(JsonWriter& json, const rtnl::tc::U32& u32, uint32_t handle, const LinkNames& names,
                   const TcView& view) {
  if (handle != 0) text_field(json, "fh", rtnl::tc::u32_handle_text(handle));
  if (TC_U32_NODE(handle) != 0) number_field(json, "order", TC_U32_NODE(handle));
  if (u32.divisor) {
    number_field(json, "ht_divisor", static_cast<int32_t>(*u32.divisor));
  } else if (u32.hash) {
    text_field(json, "key_ht", tc_hex_digits(TC_U32_USERHTID(*u32.hash)));
    text_field(json, "bkt", tc_hex_digits(TC_U32_HASH(*u32.hash)));
  }
  write_classid(json, "flowid", u32.classid);
  if (u32.link) text_field(json, "link", rtnl::tc::u32_handle_text(*u32.link));
  write_classifier_flags(json, u32.flags);
  const RawAttribute* counters = view.stats && u32.selector ? find_raw(u32.unknown, TCA_U32_PCNT) : nullptr;
  if (!u64_at(counters, offsetof(tc_u32_pcnt, rhit))) counters = nullptr;
  if (counters) {
    number_field(json, "rule_hit", *u64_at(counters, offsetof(tc_u32_pcnt, rcnt)));
    number_field(json, "success", *u64_at(counters, offsetof(tc_u32_pcnt, rhit)));
  }
  write_u32_mark(json, u32);
  if (u32.selector) write_u32_selector(json, *u32.selector, counters);
  if (u32.indev) text_field(json, "input_dev", *u32.indev);
  write_tc_actions(json, u32.actions, names, view);
}

void write_options(JsonWriter& json, const rtnl::tc::Matchall& matchall, uint32_t handle, const LinkNames& names,
                   const TcView& view) {
  if (handle != 0) number_field(json, "handle", handle);
  write_classid(json, "flowid", matchall.classid);
  write_classifier_flags(json, matchall.flags);
  if (view.stats && matchall.hits) number_field(json, "rule_hit", *matchall.hits);
  write_tc_actions(json, matchall.actions, names, view);
}

// tc 6.1 prints fw's options as text inside its JSON (invalid JSON); these
// are the members tc prints from 6.8 on: the mark and its mask as "fw".
void write_options(JsonWriter& json, const rtnl::tc::Fw& fw, uint32_t handle, const LinkNames& names,
                   const TcView& view) {
  if (handle != 0 || fw.mask) {
    json.key("fw");
    json.begin_object();
    text_field(json, "mark", tc_hex_text(handle));
    text_field(json, "mask", tc_hex_text(fw.mask.value_or(0xffffffff)));
    json.end_object();
  }
  write_classid(json, "classid", fw.classid);
  if (fw.indev) text_field(json, "indev", *fw.indev);
  write_tc_actions(json, fw.actions, names, view);
}

// For an eBPF program tc asks the kernel for the program's name and tag by
// its id (a bpf() call, needing CAP_SYS_ADMIN); nlpp prints what tc prints
// when that fails: the id in "prog", the tag the filter reports beside it.
void write_options(JsonWriter& json, const rtnl::tc::BpfFilter& bpf, uint32_t handle, const LinkNames& names,
                   const TcView& view) {
  if (handle != 0) text_field(json, "handle", tc_hex_text(handle));
  write_classid(json, "flowid", bpf.classid);
  if (bpf.name) text_field(json, "bpf_name", *bpf.name);
  if (bpf.direct_action) bool_field(json, "direct-action", true);
  write_classifier_flags(json, bpf.flags);
  if (!bpf.classic.empty()) write_bpf_bytecode(json, bpf.classic);
  if (bpf.id) {
    json.key("prog");
    json.begin_object();
    number_field(json, "id", *bpf.id);
    json.end_object();
  }
  if (bpf.tag) text_field(json, "tag", hex_string(std::as_bytes(std::span(*bpf.tag))));
  write_tc_actions(json, bpf.actions, names, view);
}

// tc_flower_json.cpp's, in reach of write_filter_options()'s unqualified call.
void write_options(JsonWriter& json, const rtnl::tc::Flower& flower, uint32_t handle, const LinkNames& names,
                   const TcView& view) {
  write_flower_options(json, flower, handle, names, view);
}

// route, flow and cgroup: tc_classifier_kinds_json.cpp.
void write_options(JsonWriter& json, const rtnl::tc::Route& route, uint32_t handle, const LinkNames& names,
                   const TcView& view) {
  write_route_options(json, route, handle, names, view);
}
void write_options(JsonWriter& json, const rtnl::tc::Flow& flow, uint32_t handle, const LinkNames& names,
                   const TcView& view) {
  write_flow_options(json, flow, handle, names, view);
}
void write_options(JsonWriter& json, const rtnl::tc::Cgroup& cgroup, uint32_t handle, const LinkNames& names,
                   const TcView& view) {
  write_cgroup_options(json, cgroup, handle, names, view);
}

// A kind nlpp keeps raw: tc would print its options, nlpp has only their
// bytes; it prints the handle, as flower and matchall do, and no more.
void write_options(JsonWriter& json, const rtnl::tc::GenericOptions&, uint32_t handle, const LinkNames&,
                   const TcView&) {
  if (handle != 0) number_field(json, "handle", handle);
}

}  // namespace

// A shared block's index is left out only when the listing named it: a
// link's block that is shared is listed by its index.
void detail::write_tc_place(JsonWriter& json, const std::optional<uint32_t>& block, const rtnl::LinkRef& ifindex,
                            rtnl::TcHandle parent, const LinkNames& names, const TcView& view) {
  if (block) {
    if (view.block != block) number_field(json, "block", *block);
    return;
  }
  if (!view.one_device) text_field(json, "dev", names.name(ifindex));
  if (view.parent == parent) return;
  if (parent == rtnl::TcHandle::root())
    bool_field(json, "root", true);
  else if (parent == rtnl::TcHandle::clsact_ingress())
    bool_field(json, "ingress", true);
  else if (parent == rtnl::TcHandle::clsact_egress())
    bool_field(json, "egress", true);
  else
    text_field(json, "parent", parent.to_string());
}

void detail::write_filter_options(JsonWriter& json, const rtnl::FilterOptions& options, uint32_t handle,
                                  const LinkNames& names, const TcView& view) {
  std::visit(
      [&](const auto& kind_options) {
        if constexpr (requires { write_options(json, kind_options, handle, names, view); }) {
          json.key("options");
          json.begin_object();
          write_options(json, kind_options, handle, names, view);
          json.end_object();
        }
      },
      options);
}

void write_tc_filter(JsonWriter& json, const rtnl::TcFilter& filter, const LinkNames& names, const TcView& view) {
  json.begin_object();
  write_tc_place(json, filter.block, filter.ifindex, filter.parent, names, view);
  if (filter.protocol != 0 && view.protocol != filter.protocol)
    text_field(json, "protocol", ether_protocol_name(filter.protocol));
  if (filter.priority != 0 && view.priority != filter.priority) number_field(json, "pref", filter.priority);
  if (const std::string kind = filter.resolved_kind(); !kind.empty()) text_field(json, "kind", kind);
  if (filter.chain && view.chain != filter.chain) number_field(json, "chain", *filter.chain);
  write_filter_options(json, filter.options, filter.handle, names, view);
  json.end_object();
}

std::string filters_json(std::span<const rtnl::TcFilter> filters, const LinkNames& names, const TcView& view) {
  return json_array(
      filters, [&](JsonWriter& json, const rtnl::TcFilter& filter) { write_tc_filter(json, filter, names, view); });
}

}  // namespace nlpp::format

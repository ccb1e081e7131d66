// LWTUNNEL_ENCAP_SEG6_LOCAL (linux/seg6_local.h).
#include "codec/attributes.hpp"
#include "codec/checks.hpp"
#include "encap_codec.hpp"
#include "srh_codec.hpp"

#include <linux/seg6_local.h>

#include <array>

namespace nlpp::rtnl {
namespace {

// iproute2's names, indexed by SEG6_LOCAL_ACTION_*.
constexpr std::array<std::string_view, 17> action_names = {
    "unspec", "End",           "End.X",  "End.T", "End.DX2", "End.DX6", "End.DX4", "End.DT6", "End.DT4",
    "End.B6", "End.B6.Encaps", "End.BM", "End.S", "End.AS",  "End.AM",  "End.BPF", "End.DT46"};

// Like iproute2, every action but End.B6.Encaps gets an SRH with a reserved
// first segment, which the kernel fills with the packet's destination.
bool reserves_first(Seg6LocalAction action) { return action != Seg6LocalAction::end_b6_encap; }

Result<void> parse_counters(const wire::Attribute& nest, Seg6LocalCounters& out) {
  return codec::parse_attributes("seg6local counters", nest.nested(), [&](const wire::Attribute& attribute) {
    switch (attribute.type()) {
      case SEG6_LOCAL_CNT_PACKETS:
        return codec::read(attribute, out.packets);
      case SEG6_LOCAL_CNT_BYTES:
        return codec::read(attribute, out.bytes);
      case SEG6_LOCAL_CNT_ERRORS:
        return codec::read(attribute, out.errors);
      default:
        return true;  // SEG6_LOCAL_CNT_PAD, and counters a newer kernel adds
    }
  });
}

void emit_counters(wire::MessageBuilder& builder, const Seg6LocalCounters& counters) {
  const wire::MessageBuilder::Nest nest = builder.begin_nested(SEG6_LOCAL_COUNTERS);
  builder.add_u64(SEG6_LOCAL_CNT_PACKETS, counters.packets)
      .add_u64(SEG6_LOCAL_CNT_BYTES, counters.bytes)
      .add_u64(SEG6_LOCAL_CNT_ERRORS, counters.errors);
  builder.end_nested(nest);
}

}  // namespace

std::string to_string(Seg6LocalAction action) {
  const auto index = static_cast<uint32_t>(action);
  return index < action_names.size() ? std::string(action_names[index]) : std::to_string(index);
}

Result<void> parse_kind(wire::AttributeRange attributes, Seg6LocalEncap& out) {
  // SEG6_LOCAL_ACTION comes first from the kernel, but nothing requires it:
  // the SRH waits until the action (which decides its layout) is known.
  std::optional<wire::Attribute> srh;
  Result<void> parsed = codec::parse_attributes("seg6local encap", attributes, [&](const wire::Attribute& attribute) {
    switch (attribute.type()) {
      case SEG6_LOCAL_ACTION:
        return codec::read(attribute, out.action);
      case SEG6_LOCAL_SRH:
        srh = attribute;
        return true;
      case SEG6_LOCAL_TABLE:
        return codec::read(attribute, out.table);
      case SEG6_LOCAL_VRFTABLE:
        return codec::read(attribute, out.vrftable);
      case SEG6_LOCAL_NH4:
        return codec::read_address(attribute.payload(), AF_INET, out.nh4);
      case SEG6_LOCAL_NH6:
        return codec::read_address(attribute.payload(), AF_INET6, out.nh6);
      case SEG6_LOCAL_IIF:
        return codec::read(attribute, out.iif);
      case SEG6_LOCAL_OIF:
        return codec::read(attribute, out.oif);
      case SEG6_LOCAL_BPF:
        return parse_bpf_program(attribute, out.bpf.emplace()).has_value();
      case SEG6_LOCAL_COUNTERS:
        return parse_counters(attribute, out.counters.emplace()).has_value();
      default:
        codec::keep_unknown(out.unknown, attribute);
        return true;
    }
  });
  if (!parsed) return parsed;
  if (srh && !decode_srh(srh->payload(), reserves_first(out.action), out.srh.emplace()))
    return codec::bad_attribute("seg6local encap srh", *srh);
  return {};
}

void emit_kind(const Seg6LocalEncap& encap, wire::MessageBuilder& builder) {
  builder.add_u32(SEG6_LOCAL_ACTION, static_cast<uint32_t>(encap.action));
  if (encap.table) builder.add_u32(SEG6_LOCAL_TABLE, *encap.table);
  if (encap.vrftable) builder.add_u32(SEG6_LOCAL_VRFTABLE, *encap.vrftable);
  if (!encap.nh4.empty()) builder.add(SEG6_LOCAL_NH4, encap.nh4.bytes());
  if (!encap.nh6.empty()) builder.add(SEG6_LOCAL_NH6, encap.nh6.bytes());
  if (encap.iif != 0) builder.add_u32(SEG6_LOCAL_IIF, encap.iif);
  if (encap.oif != 0) builder.add_u32(SEG6_LOCAL_OIF, encap.oif);
  if (encap.counters) emit_counters(builder, *encap.counters);
  if (encap.bpf) emit_bpf_program(builder, SEG6_LOCAL_BPF, *encap.bpf);
  if (encap.srh) builder.add(SEG6_LOCAL_SRH, encode_srh(*encap.srh, reserves_first(encap.action)));
  codec::emit_unknown(encap.unknown, builder);
}

Result<void> validate_kind(const Seg6LocalEncap& encap, std::string_view field) {
  const auto action = static_cast<uint32_t>(encap.action);
  if (action == SEG6_LOCAL_ACTION_UNSPEC || action >= action_names.size())
    return codec::invalid(field, "seg6local action " + std::to_string(action) + " is not an SRv6 behaviour nlpp knows");
  if (!encap.nh4.empty() && !encap.nh4.is_v4()) return codec::invalid(field, "seg6local nh4 must be an IPv4 address");
  if (!encap.nh6.empty() && !encap.nh6.is_v6()) return codec::invalid(field, "seg6local nh6 must be an IPv6 address");
  if (encap.srh)
    if (Result<void> valid = validate_srh(std::string(field) + " srh", *encap.srh); !valid) return valid;
  if (encap.bpf) return validate_bpf_program(*encap.bpf, std::string(field) + " bpf");
  return {};
}

std::string describe_kind(const Seg6LocalEncap& encap) {
  std::string text = "seg6local action " + to_string(encap.action);
  if (encap.srh) text += " srh " + srh_to_string(*encap.srh);
  if (encap.table) text += " table " + std::to_string(*encap.table);
  if (encap.vrftable) text += " vrftable " + std::to_string(*encap.vrftable);
  if (!encap.nh4.empty()) text += " nh4 " + encap.nh4.to_string();
  if (!encap.nh6.empty()) text += " nh6 " + encap.nh6.to_string();
  if (encap.iif != 0) text += " iif " + std::to_string(encap.iif);
  if (encap.oif != 0) text += " oif " + std::to_string(encap.oif);
  if (encap.bpf) text += " endpoint " + encap.bpf->name;
  if (encap.counters) text += " count";
  return text;
}

}  // namespace nlpp::rtnl

// LWTUNNEL_ENCAP_BPF (LWT_BPF_* in linux/lwtunnel.h), and the BPF program
// nest it shares with seg6local's End.BPF.
#include "codec/attributes.hpp"
#include "codec/checks.hpp"
#include "encap_codec.hpp"

namespace nlpp::rtnl {
namespace {

static_assert(LWT_BPF_PROG_FD == 1 && LWT_BPF_PROG_NAME == 2,
              "seg6local's SEG6_LOCAL_BPF_PROG(_NAME) reuse these numbers");

}  // namespace

Result<void> parse_bpf_program(const wire::Attribute& nest, BpfProgram& out) {
  // Any other attribute in the nest is one nlpp does not know; the program
  // is still identified by its name, so it is skipped.
  return codec::parse_attributes("bpf program", nest.nested(), [&](const wire::Attribute& attribute) {
    switch (attribute.type()) {
      case LWT_BPF_PROG_FD:
        return codec::read(attribute, out.fd);
      case LWT_BPF_PROG_NAME:
        out.name = attribute.string();
        return true;
      default:
        return true;
    }
  });
}

void emit_bpf_program(wire::MessageBuilder& builder, uint16_t type, const BpfProgram& program) {
  const wire::MessageBuilder::Nest nest = builder.begin_nested(type);
  if (program.fd >= 0) builder.add_u32(LWT_BPF_PROG_FD, static_cast<uint32_t>(program.fd));
  builder.add_string(LWT_BPF_PROG_NAME, program.name);
  builder.end_nested(nest);
}

Result<void> validate_bpf_program(const BpfProgram& program, std::string_view field) {
  if (program.fd < 0)
    return codec::invalid(field, "attaching program '" + program.name + "' needs its fd (the kernel reports only the name)");
  if (program.name.empty()) return codec::invalid(field, "the kernel needs a name for the program");
  return {};
}

Result<void> parse_kind(wire::AttributeRange attributes, BpfEncap& out) {
  return codec::parse_attributes("bpf encap", attributes, [&](const wire::Attribute& attribute) {
    switch (attribute.type()) {
      case LWT_BPF_IN:
        return parse_bpf_program(attribute, out.in.emplace()).has_value();
      case LWT_BPF_OUT:
        return parse_bpf_program(attribute, out.out.emplace()).has_value();
      case LWT_BPF_XMIT:
        return parse_bpf_program(attribute, out.xmit.emplace()).has_value();
      case LWT_BPF_XMIT_HEADROOM:
        return codec::read(attribute, out.headroom);
      default:
        codec::keep_unknown(out.unknown, attribute);
        return true;
    }
  });
}

void emit_kind(const BpfEncap& encap, wire::MessageBuilder& builder) {
  if (encap.in) emit_bpf_program(builder, LWT_BPF_IN, *encap.in);
  if (encap.out) emit_bpf_program(builder, LWT_BPF_OUT, *encap.out);
  if (encap.xmit) emit_bpf_program(builder, LWT_BPF_XMIT, *encap.xmit);
  if (encap.headroom) builder.add_u32(LWT_BPF_XMIT_HEADROOM, *encap.headroom);
  codec::emit_unknown(encap.unknown, builder);
}

Result<void> validate_kind(const BpfEncap& encap, std::string_view field) {
  if (!encap.in && !encap.out && !encap.xmit) return codec::invalid(field, "bpf encap needs an in, out or xmit program");
  for (const auto& [program, name] : {std::pair{&encap.in, " in"}, {&encap.out, " out"}, {&encap.xmit, " xmit"}})
    if (*program)
      if (Result<void> valid = validate_bpf_program(**program, std::string(field) + name); !valid) return valid;
  return {};
}

std::string describe_kind(const BpfEncap& encap) {
  std::string text = "bpf";
  if (encap.in) text += " in " + encap.in->name;
  if (encap.out) text += " out " + encap.out->name;
  if (encap.xmit) text += " xmit " + encap.xmit->name;
  if (encap.headroom) text += " headroom " + std::to_string(*encap.headroom);
  return text;
}

}  // namespace nlpp::rtnl

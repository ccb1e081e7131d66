#include "filter_kind_tables.hpp"

#include <algorithm>
#include <cstring>
#include <string>

namespace nlpp::rtnl::tc {

Result<void> ClassicBpfIn::parse(const wire::Attribute& attribute, std::vector<sock_filter>& program) const {
  if (attribute.type() == length_type) return {};  // the length the ops' size says again
  const wire::Bytes payload = attribute.payload();
  if (payload.size() % sizeof(sock_filter) != 0)
    return Error(errc::malformed_attribute,
                 "bpf ops: " + std::to_string(payload.size()) + " bytes, not a whole number of instructions");
  program.resize(payload.size() / sizeof(sock_filter));
  std::memcpy(program.data(), payload.data(), payload.size());
  return {};
}

void ClassicBpfIn::emit(const std::vector<sock_filter>& program, wire::MessageBuilder& out) const {
  if (program.empty()) return;
  out.add_u16(length_type, static_cast<uint16_t>(program.size()));
  out.add(ops_type,
          wire::Bytes(reinterpret_cast<const std::byte*>(program.data()), program.size() * sizeof(sock_filter)));
}

void ClassicBpfIn::diff(std::string_view name, const std::vector<sock_filter>& before,
                        const std::vector<sock_filter>& after, FieldDiff& changes) const {
  const auto describe = [](const std::vector<sock_filter>& program) {
    return std::to_string(program.size()) + " instructions";
  };
  if (!same_program(before, after)) changes.field(name, describe(before), describe(after));
}

bool same_program(const std::vector<sock_filter>& a, const std::vector<sock_filter>& b) {
  return std::ranges::equal(a, b, [](const sock_filter& x, const sock_filter& y) {
    return x.code == y.code && x.jt == y.jt && x.jf == y.jf && x.k == y.k;
  });
}

Result<void> ProgramFdIn::parse(const wire::Attribute&, int&) const { return {}; }

Result<void> DirectActionIn::parse(const wire::Attribute& attribute, bool& direct) const {
  Result<uint32_t> flags = attribute.u32();
  if (!flags) return std::move(flags).error();
  direct = (*flags & TCA_BPF_FLAG_ACT_DIRECT) != 0;
  return {};
}

Result<void> KindTraits<BpfFilter>::validate(const BpfFilter& bpf, std::string_view) {
  if ((bpf.fd >= 0) == !bpf.classic.empty())
    return Error(errc::invalid_argument,
                 "bpf filter: a program is required, either an eBPF program's fd or classic bytecode, not both");
  if (bpf.classic.size() > BPF_MAXINSNS)
    return Error(errc::invalid_argument, "bpf filter classic bytecode: " + std::to_string(bpf.classic.size()) +
                                             " instructions, at most " + std::to_string(BPF_MAXINSNS));
  return validate_actions(bpf.actions, "bpf action");
}

bool operator==(const BpfFilter& a, const BpfFilter& b) {
  return a.fd == b.fd && a.name == b.name && a.direct_action == b.direct_action && same_program(a.classic, b.classic) &&
         a.classid == b.classid && a.flags == b.flags && a.actions == b.actions && a.id == b.id && a.tag == b.tag &&
         a.unknown == b.unknown;
}

}  // namespace nlpp::rtnl::tc

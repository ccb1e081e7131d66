// The bpf action's checks and its comparison.
#include "rtnl/tc/action_kinds_bpf.hpp"

namespace nlpp::rtnl::tc {

std::optional<std::string> ActionKind<BpfAction>::refusal(const BpfAction& bpf) {
  if ((bpf.fd >= 0) == !bpf.classic.empty())
    return "a program is required, either an eBPF program's fd or classic bytecode, not both";
  if (bpf.classic.size() > BPF_MAXINSNS)
    return "classic bytecode of " + std::to_string(bpf.classic.size()) + " instructions, at most " +
           std::to_string(BPF_MAXINSNS);
  return std::nullopt;
}

bool operator==(const BpfAction& a, const BpfAction& b) {
  return a.fd == b.fd && a.name == b.name && same_program(a.classic, b.classic) && a.id == b.id && a.tag == b.tag &&
         a.unknown == b.unknown;
}

}  // namespace nlpp::rtnl::tc

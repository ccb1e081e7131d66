// The bpf action: a BPF program runs on the packet and its return value is
// the action's verdict (TC_ACT_*, TC_ACT_UNSPEC for the action's own
// control). Classic bytecode is carried in the request, an eBPF program of
// type BPF_PROG_TYPE_SCHED_ACT is passed by file descriptor, as the bpf
// filter takes them (bpf_filter.hpp).
//
//     rtnl::tc::Action run{.options = rtnl::tc::BpfAction{.classic = {{BPF_RET | BPF_K, 0, 0, 0xffffffff}}}};
//     // tc ... action bpf bytecode '1,6 0 0 4294967295'
#pragma once

#include <nlpp/codec/raw_attribute.hpp>

#include <linux/filter.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nlpp::rtnl::tc {

/// bpf's options (struct tc_act_bpf and the attributes beside it).
struct BpfAction {
  /// TCA_ACT_BPF_FD: the eBPF program to run (sent; the kernel reports its
  /// id, name and tag instead). -1: none (classic bytecode).
  int fd = -1;
  std::optional<std::string> name{};            ///< TCA_ACT_BPF_NAME: how tc shows the program
  std::vector<sock_filter> classic{};           ///< TCA_ACT_BPF_OPS_LEN + TCA_ACT_BPF_OPS: classic bytecode
  std::optional<uint32_t> id{};                 ///< TCA_ACT_BPF_ID (reported): the eBPF program's id
  std::optional<std::array<uint8_t, 8>> tag{};  ///< TCA_ACT_BPF_TAG (reported): its tag
  std::vector<RawAttribute> unknown{};

  /// The same program and options (sock_filter has no ==).
  friend bool operator==(const BpfAction& a, const BpfAction& b);
};

}  // namespace nlpp::rtnl::tc

// The bpf filter (cls_bpf): a BPF program decides. Either classic BPF
// bytecode carried in the request, or an eBPF program of type
// BPF_PROG_TYPE_SCHED_CLS passed by file descriptor; in direct-action mode
// the program's return value is the verdict (TC_ACT_*), as clsact users
// write them.
#pragma once

#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/tc/action.hpp>
#include <nlpp/rtnl/tc_handle.hpp>

#include <linux/filter.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nlpp::rtnl::tc {

/// A bpf filter's options.
struct BpfFilter {
  /// TCA_BPF_FD: the eBPF program to attach (sent; the kernel reports its
  /// id, name and tag instead). -1: none (classic bytecode, or a change
  /// that keeps the program).
  int fd = -1;
  std::optional<std::string> name{};            ///< TCA_BPF_NAME: how tc shows it ("prog.o:[classifier]")
  bool direct_action = false;                   ///< TCA_BPF_FLAGS: TCA_BPF_FLAG_ACT_DIRECT
  std::vector<sock_filter> classic{};           ///< TCA_BPF_OPS_LEN + TCA_BPF_OPS: classic bytecode
  std::optional<TcHandle> classid{};            ///< TCA_BPF_CLASSID
  std::optional<uint32_t> flags{};              ///< TCA_BPF_FLAGS_GEN: TCA_CLS_FLAGS_SKIP_HW...
  std::vector<Action> actions{};                ///< TCA_BPF_ACT, in order
  std::optional<uint32_t> id{};                 ///< TCA_BPF_ID (reported): the program's id
  std::optional<std::array<uint8_t, 8>> tag{};  ///< TCA_BPF_TAG (reported): the program's tag
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const BpfFilter& a, const BpfFilter& b);
};

}  // namespace nlpp::rtnl::tc

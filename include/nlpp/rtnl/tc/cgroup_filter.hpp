// The cgroup filter (cls_cgroup): classifies a packet into the class id
// of its sending task's net_cls cgroup (net_cls.classid), then runs its
// actions. One per priority: the kernel requires a handle for it, takes
// a change only under the same handle, and deletes it only with its
// whole priority (a delete by handle finds nothing).
//
//     rtnl::TcFilter by_cgroup{.ifindex = "eth0", .parent = rtnl::TcHandle(1, 0), .priority = 10, .handle = 1,
//                              .options = rtnl::tc::Cgroup{}};
//     // tc filter add dev eth0 parent 1: pref 10 handle 1 cgroup
#pragma once

#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/rtnl/tc/action.hpp>

#include <vector>

namespace nlpp::rtnl::tc {

/// A cgroup filter's options: sent even when empty, as the kernel requires
/// them. The ematches (TCA_CGROUP_EMATCHES, which the kernel reports
/// always, empty when none) and the old-style police (TCA_CGROUP_POLICE)
/// stay in `unknown`.
struct Cgroup {
  std::vector<Action> actions{};  ///< TCA_CGROUP_ACT, in order
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const Cgroup&, const Cgroup&) = default;
};

}  // namespace nlpp::rtnl::tc

// bpf(2), the one system call behind every BPF object, as the bpf layer
// calls it: a command and a union bpf_attr, answered by a new fd, 0, or -1
// with errno.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/core/unique_fd.hpp>

#include <linux/bpf.h>

#include <cstdint>
#include <string>

namespace nlpp::bpf {

/// A bpf_attr with every byte zero. The kernel reads zero as "not given",
/// and refuses non-zero bytes past the fields a command reads (EINVAL) or
/// past its own bpf_attr (E2BIG): `bpf_attr attr{}` would zero only the
/// union's first member.
bpf_attr zeroed_attr() noexcept;

/// bpf(cmd, &attr, sizeof attr): what it returned (a new fd, or 0), or -errno.
int sys_bpf(bpf_cmd cmd, bpf_attr& attr) noexcept;

/// A pointer as bpf_attr's 64-bit address fields carry it.
inline uint64_t address_of(const void* pointer) noexcept { return reinterpret_cast<std::uintptr_t>(pointer); }

/// The fd a command returned, owned, or its errno as an Error with context.
Result<UniqueFd> owned_fd(int result, std::string context);
/// Success, or the command's errno as an Error with context.
Result<void> success(int result, std::string context);

}  // namespace nlpp::bpf

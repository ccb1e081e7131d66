// BPF programs through bpf(2): loaded from instructions (instructions.hpp),
// pinned and opened back, found by id, and described by the kernel. A
// program the verifier refuses is an Error with the errno (EACCES, EINVAL)
// and the verifier log's last lines.
//
//     #include <nlpp/bpf/program.hpp>
//
//     bpf::Program program = bpf::Program::load({.type = BPF_PROG_TYPE_SCHED_CLS,
//                                                .instructions = counter,
//                                                .name = "counter"}).value();
//     bpf::ProgramInfo info = program.info().value();  // info.id, info.tag: what tc and bpftool show
//     // Attached with rtnl::TcFilter{..., .options = rtnl::tc::BpfFilter{.fd = program.fd(), ...}}.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/core/unique_fd.hpp>

#include <linux/bpf.h>

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace nlpp::bpf {

/// What BPF_PROG_LOAD takes.
struct LoadOptions {
  bpf_prog_type type = BPF_PROG_TYPE_UNSPEC;  ///< BPF_PROG_TYPE_SCHED_CLS for tc, _XDP...
  std::span<const bpf_insn> instructions{};   ///< read during the call only
  /// The helpers a program may call depend on it (some are GPL only).
  std::string license = "GPL";
  std::string name{};  ///< at most 15 letters, digits, '_' and '.'; what tc and bpftool show
  /// For the types whose attach point must be known when loading (cgroup
  /// socket address hooks...); most leave it 0.
  bpf_attach_type expected_attach_type{};
  /// When not null, receives the verifier's whole log of a refused program
  /// (the Error keeps only its last lines).
  std::string* verifier_log = nullptr;
};

/// What the kernel says of a program (BPF_OBJ_GET_INFO_BY_FD, struct bpf_prog_info).
struct ProgramInfo {
  uint32_t id = 0;  ///< unique while the program lives; tc's "prog id", Program::from_id()
  bpf_prog_type type = BPF_PROG_TYPE_UNSPEC;
  /// A hash of the instructions as loaded (before the verifier rewrites
  /// them): what tc and bpftool print as "tag".
  std::array<uint8_t, BPF_TAG_SIZE> tag{};
  std::string name{};
};

/// A loaded BPF program, owning its fd: the program lives while an fd, a
/// pin or an attachment (a tc filter...) refers to it. Move-only.
class Program {
 public:
  /// BPF_PROG_LOAD. Loads without a log first (the verifier is faster so);
  /// when the kernel refuses the program (EACCES, EINVAL), loads again with
  /// a log, as libbpf does, and returns the first attempt's errno with the
  /// log's last lines in the context ("bpf program load \"name\": verifier:
  /// ... | R2 !read_ok").
  static Result<Program> load(const LoadOptions& options);
  /// BPF_OBJ_GET: the program pinned at path (in a bpf filesystem).
  static Result<Program> open_pinned(std::string_view path);
  /// BPF_PROG_GET_FD_BY_ID: the program with this id (ENOENT if none).
  static Result<Program> from_id(uint32_t id);

  /// BPF_OBJ_PIN: keeps the program at path, in a bpf filesystem, until
  /// the file is removed.
  Result<void> pin(std::string_view path) const;
  /// BPF_OBJ_GET_INFO_BY_FD.
  Result<ProgramInfo> info() const;

  int fd() const noexcept { return fd_.get(); }
  /// Gives up the fd without closing it; the Program is then empty.
  [[nodiscard]] int release() noexcept { return fd_.release(); }

 private:
  explicit Program(UniqueFd fd) noexcept : fd_(std::move(fd)) {}

  UniqueFd fd_;
};

}  // namespace nlpp::bpf

#include <nlpp/bpf/program.hpp>

#include "bpf/object.hpp"
#include "bpf/syscall.hpp"
#include "bpf/verifier_log.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iterator>

namespace nlpp::bpf {
namespace {

// The first log buffer, doubled while the kernel says the log did not fit
// (ENOSPC), up to libbpf's limit: the log's end, which says why, is kept
// only in a buffer that holds it all before 6.4.
constexpr uint32_t first_log_size = 64 * 1024;
constexpr uint32_t max_log_size = 16 * 1024 * 1024;

// BPF_PROG_LOAD, again while it returns EAGAIN: the verifier gives up so
// when a signal arrives during its walk, and libbpf retries it too.
int load_once(bpf_attr& attr) {
  constexpr int attempts = 5;
  int result = -EAGAIN;
  for (int attempt = 0; attempt < attempts && result == -EAGAIN; ++attempt) result = sys_bpf(BPF_PROG_LOAD, attr);
  return result;
}

std::string load_context(const LoadOptions& options) {
  return options.name.empty() ? operation(program_object, "load")
                              : operation(program_object, "load", "\"" + options.name + "\"");
}

}  // namespace

Result<Program> Program::load(const LoadOptions& options) {
  if (options.instructions.empty())
    return Error(errc::invalid_argument, load_context(options) + ": instructions: none");
  bpf_attr attr = zeroed_attr();
  attr.prog_type = options.type;
  attr.insns = address_of(options.instructions.data());
  attr.insn_cnt = static_cast<uint32_t>(options.instructions.size());
  attr.license = address_of(options.license.c_str());
  attr.expected_attach_type = options.expected_attach_type;
  if (Result<void> named = copy_name(program_object, options.name, attr.prog_name); !named)
    return std::move(named).error();

  const int loaded = load_once(attr);
  if (loaded >= 0) return Program(UniqueFd(loaded));
  // Other errors (EPERM, E2BIG, ENOMEM...) are not the verifier's.
  if (loaded != -EACCES && loaded != -EINVAL) return Error::from_errno(-loaded, load_context(options));

  std::string log;
  for (uint32_t size = first_log_size;; size *= 2) {
    log.assign(size, '\0');
    attr.log_level = 1;
    attr.log_size = size;
    attr.log_buf = address_of(log.data());
    const int again = load_once(attr);
    // Accepted this time (the refusal was a transient one): keep it.
    if (again >= 0) return Program(UniqueFd(again));
    if (again != -ENOSPC || size >= max_log_size) break;
  }
  log.resize(std::strlen(log.c_str()));
  if (options.verifier_log) *options.verifier_log = log;
  const std::string tail = verifier_log_tail(log);
  return Error::from_errno(-loaded, load_context(options) + (tail.empty() ? "" : ": verifier: " + tail));
}

Result<Program> Program::open_pinned(std::string_view path) {
  Result<UniqueFd> opened = open_pinned_object(program_object, path);
  if (!opened) return std::move(opened).error();
  return Program(std::move(opened).value());
}

Result<Program> Program::from_id(uint32_t id) {
  Result<UniqueFd> opened = object_fd_by_id(program_object, id);
  if (!opened) return std::move(opened).error();
  return Program(std::move(opened).value());
}

Result<void> Program::pin(std::string_view path) const { return pin_object(program_object, fd(), path); }

Result<ProgramInfo> Program::info() const {
  Result<bpf_prog_info> read = object_info<bpf_prog_info>(program_object, fd());
  if (!read) return std::move(read).error();
  ProgramInfo info{.id = read->id, .type = static_cast<bpf_prog_type>(read->type), .name = name_from(read->name)};
  std::copy(std::begin(read->tag), std::end(read->tag), info.tag.begin());
  return info;
}

}  // namespace nlpp::bpf

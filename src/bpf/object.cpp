#include "bpf/object.hpp"

#include "bpf/syscall.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>

namespace nlpp::bpf {

std::string operation(const ObjectKind& kind, std::string_view verb, std::string_view detail) {
  std::string text = "bpf ";
  text += kind.name;
  text += ' ';
  text += verb;
  if (!detail.empty()) {
    text += ' ';
    text += detail;
  }
  return text;
}

Result<void> copy_name(const ObjectKind& kind, std::string_view name, std::span<char, BPF_OBJ_NAME_LEN> out) {
  const bool allowed = std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
  });
  if (name.size() >= out.size() || !allowed)
    return Error(errc::invalid_argument, operation(kind, "name", "\"" + std::string(name) + "\"") + ": at most " +
                                             std::to_string(out.size() - 1) + " letters, digits, '_' and '.'");
  std::fill(out.begin(), out.end(), '\0');
  std::copy(name.begin(), name.end(), out.begin());
  return {};
}

std::string name_from(std::span<const char, BPF_OBJ_NAME_LEN> name) {
  return std::string(name.data(), std::find(name.begin(), name.end(), '\0') - name.begin());
}

Result<void> pin_object(const ObjectKind& kind, int fd, std::string_view path) {
  const std::string terminated(path);
  bpf_attr attr = zeroed_attr();
  attr.pathname = address_of(terminated.c_str());
  attr.bpf_fd = static_cast<uint32_t>(fd);
  return success(sys_bpf(BPF_OBJ_PIN, attr), operation(kind, "pin", path));
}

namespace {

// What /proc/self/fd/N links to: "anon_inode:bpf-map" for a map. Empty
// when it cannot be read (no /proc): the kind is then not checked.
std::string fd_link(int fd) {
  std::array<char, PATH_MAX> target{};
  const ssize_t length = ::readlink(("/proc/self/fd/" + std::to_string(fd)).c_str(), target.data(), target.size() - 1);
  return length > 0 ? std::string(target.data(), static_cast<std::size_t>(length)) : std::string();
}

}  // namespace

Result<UniqueFd> open_pinned_object(const ObjectKind& kind, std::string_view path) {
  const std::string terminated(path);
  bpf_attr attr = zeroed_attr();
  attr.pathname = address_of(terminated.c_str());
  Result<UniqueFd> opened = owned_fd(sys_bpf(BPF_OBJ_GET, attr), operation(kind, "open_pinned", path));
  if (!opened) return opened;
  // BPF_OBJ_GET returns whatever is pinned there; a map taken for a
  // program would fail later, at an unrelated call, with a bare EINVAL.
  const std::string link = fd_link(opened->get());
  if (!link.empty() && link != kind.inode_name)
    return Error(errc::invalid_argument,
                 operation(kind, "open_pinned", path) + ": not a " + std::string(kind.name) + " (" + link + ")");
  return opened;
}

Result<UniqueFd> object_fd_by_id(const ObjectKind& kind, uint32_t id) {
  bpf_attr attr = zeroed_attr();
  attr.start_id = id;  // the union of prog_id, map_id, btf_id and link_id
  return owned_fd(sys_bpf(kind.get_fd_by_id, attr), operation(kind, "from_id", std::to_string(id)));
}

Result<void> read_object_info(const ObjectKind& kind, int fd, void* info, uint32_t size) {
  bpf_attr attr = zeroed_attr();
  attr.info.bpf_fd = static_cast<uint32_t>(fd);
  attr.info.info_len = size;
  attr.info.info = address_of(info);
  return success(sys_bpf(BPF_OBJ_GET_INFO_BY_FD, attr), operation(kind, "info"));
}

}  // namespace nlpp::bpf

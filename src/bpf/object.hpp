// What maps and programs share: names, pins in a bpf filesystem, ids, and
// the info the kernel keeps about each (BPF_OBJ_GET_INFO_BY_FD), written
// once over the kind of object.
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/core/unique_fd.hpp>

#include <linux/bpf.h>

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>

namespace nlpp::bpf {

/// How the shared calls tell maps and programs apart.
struct ObjectKind {
  std::string_view name;        ///< "map", "program": in error contexts ("bpf map pin")
  std::string_view inode_name;  ///< what /proc/self/fd/N of one links to
  bpf_cmd get_fd_by_id;         ///< its BPF_*_GET_FD_BY_ID
};

inline constexpr ObjectKind map_object{"map", "anon_inode:bpf-map", BPF_MAP_GET_FD_BY_ID};
inline constexpr ObjectKind program_object{"program", "anon_inode:bpf-prog", BPF_PROG_GET_FD_BY_ID};

/// The context of an Error: "bpf map lookup", "bpf program pin /sys/fs/bpf/x".
std::string operation(const ObjectKind& kind, std::string_view verb, std::string_view detail = {});

/// Copies an object's name into bpf_attr's map_name or prog_name. The
/// kernel takes at most BPF_OBJ_NAME_LEN - 1 characters, each a letter, a
/// digit, '_' or '.' (bpf_obj_name_cpy()); anything else is
/// errc::invalid_argument here, before the syscall.
Result<void> copy_name(const ObjectKind& kind, std::string_view name, std::span<char, BPF_OBJ_NAME_LEN> out);
/// A name as bpf_map_info and bpf_prog_info carry it (NUL-padded).
std::string name_from(std::span<const char, BPF_OBJ_NAME_LEN> name);

/// BPF_OBJ_PIN: the object stays alive at path, in a bpf filesystem, until
/// the file is removed.
Result<void> pin_object(const ObjectKind& kind, int fd, std::string_view path);
/// BPF_OBJ_GET: an fd of the object pinned at path, which must be of this
/// kind (errc::invalid_argument if another kind is pinned there).
Result<UniqueFd> open_pinned_object(const ObjectKind& kind, std::string_view path);
/// BPF_*_GET_FD_BY_ID: an fd of the object with this id (ENOENT if none).
Result<UniqueFd> object_fd_by_id(const ObjectKind& kind, uint32_t id);

/// BPF_OBJ_GET_INFO_BY_FD into info (size bytes, zero on entry: the
/// kernel refuses non-zero bytes past what it fills in).
Result<void> read_object_info(const ObjectKind& kind, int fd, void* info, uint32_t size);
/// The same, for bpf_map_info or bpf_prog_info.
template <class Info>
Result<Info> object_info(const ObjectKind& kind, int fd) {
  Info info;
  std::memset(&info, 0, sizeof info);
  if (Result<void> read = read_object_info(kind, fd, &info, sizeof info); !read) return std::move(read).error();
  return info;
}

}  // namespace nlpp::bpf

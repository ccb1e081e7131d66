// BPF maps through bpf(2): created, pinned and opened back, found by id,
// and their elements read and written as bytes or as trivially copyable
// types. Per-CPU maps hold one value per possible CPU; sum_per_cpu_counter()
// adds up the usual per-CPU u64 counter.
//
//     #include <nlpp/bpf/map.hpp>
//
//     bpf::Map counters = bpf::Map::create({.type = BPF_MAP_TYPE_ARRAY, .key_size = 4, .value_size = 8,
//                                           .max_entries = 1, .name = "counters"}).value();
//     counters.update<uint32_t, uint64_t>(0, 41).value();
//     if (std::optional<uint64_t> count = counters.lookup<uint32_t, uint64_t>(0).value()) std::cout << *count;  // 41
//     counters.pin("/sys/fs/bpf/counters").value();  // outlives the process, until unlinked
#pragma once

#include <nlpp/core/result.hpp>
#include <nlpp/core/unique_fd.hpp>

#include <linux/bpf.h>

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace nlpp::bpf {

/// What BPF_MAP_CREATE takes.
struct MapOptions {
  bpf_map_type type = BPF_MAP_TYPE_UNSPEC;  ///< BPF_MAP_TYPE_ARRAY, _HASH, _PERCPU_ARRAY...
  uint32_t key_size = 0;                    ///< bytes; 4 for arrays (the u32 index)
  uint32_t value_size = 0;                  ///< bytes, of one CPU's value in a per-CPU map
  uint32_t max_entries = 0;
  std::string name{};  ///< at most 15 letters, digits, '_' and '.'; what bpftool shows
  uint32_t flags = 0;  ///< map_flags: BPF_F_NO_PREALLOC, BPF_F_RDONLY_PROG...
};

/// What the kernel says of a map (BPF_OBJ_GET_INFO_BY_FD, struct bpf_map_info).
struct MapInfo {
  uint32_t id = 0;  ///< unique while the map lives; Map::from_id()
  bpf_map_type type = BPF_MAP_TYPE_UNSPEC;
  uint32_t key_size = 0;
  uint32_t value_size = 0;
  uint32_t max_entries = 0;
  uint32_t flags = 0;
  std::string name{};
};

/// Whether a map type holds a value per possible CPU (the per-CPU hash,
/// array, LRU hash and cgroup storage).
bool is_per_cpu(bpf_map_type type) noexcept;

/// A key's or value's type whose bytes are the element's, as they are.
template <class T>
concept TriviallyCopyable = std::is_trivially_copyable_v<T>;

/// The number of possible CPUs (/sys/devices/system/cpu/possible), read
/// once: how many values a lookup in a per-CPU map returns.
Result<unsigned> possible_cpus();

/// A BPF map, owning its fd: the map lives while an fd, a pin or a loaded
/// program refers to it. Move-only. Errors carry the errno in
/// std::system_category() and the operation ("bpf map lookup"); keys and
/// values of the wrong size are errc::invalid_argument, before any syscall.
class Map {
 public:
  /// BPF_MAP_CREATE.
  static Result<Map> create(const MapOptions& options);
  /// BPF_OBJ_GET: the map pinned at path (in a bpf filesystem).
  static Result<Map> open_pinned(std::string_view path);
  /// BPF_MAP_GET_FD_BY_ID: the map with this id (ENOENT if none).
  static Result<Map> from_id(uint32_t id);

  /// BPF_OBJ_PIN: keeps the map at path, in a bpf filesystem, until the
  /// file is removed.
  Result<void> pin(std::string_view path) const;
  /// BPF_OBJ_GET_INFO_BY_FD.
  Result<MapInfo> info() const;

  /// The value of key, in value_bytes() bytes; nullopt when there is none
  /// (an array's index out of range too).
  Result<std::optional<std::vector<std::byte>>> lookup(std::span<const std::byte> key) const;
  /// Sets the value of key. flags: BPF_ANY, BPF_NOEXIST (EEXIST if there
  /// is one), BPF_EXIST (ENOENT if there is none), BPF_F_LOCK.
  Result<void> update(std::span<const std::byte> key, std::span<const std::byte> value, uint64_t flags = BPF_ANY);
  /// Removes key's element: false when there was none. Arrays have an
  /// element at every index and refuse (EINVAL).
  Result<bool> erase(std::span<const std::byte> key);
  /// The key after key in the map's order, or the first key when key is
  /// empty; nullopt after the last. A hash map's order is its own, and
  /// changes as elements come and go.
  Result<std::optional<std::vector<std::byte>>> next_key(std::span<const std::byte> key = {}) const;

  /// lookup() of a typed key and value, each as many bytes as the map's:
  /// `map.lookup<uint32_t, uint64_t>(0)`.
  template <TriviallyCopyable Key, TriviallyCopyable Value>
  Result<std::optional<Value>> lookup(const std::type_identity_t<Key>& key) const {
    std::array<std::byte, sizeof(Value)> value;
    Result<bool> found = lookup_into(as_bytes(key), value);
    if (!found) return std::move(found).error();
    if (!*found) return std::optional<Value>();
    return std::optional<Value>(std::bit_cast<Value>(value));
  }
  /// update() of a typed key and value: `map.update<uint32_t, uint64_t>(0, 41)`.
  template <TriviallyCopyable Key, TriviallyCopyable Value>
  Result<void> update(const std::type_identity_t<Key>& key, const std::type_identity_t<Value>& value,
                      uint64_t flags = BPF_ANY) {
    return update(as_bytes(key), as_bytes(value), flags);
  }
  /// erase() of a typed key: `map.erase<uint32_t>(7)`.
  template <TriviallyCopyable Key>
  Result<bool> erase(const std::type_identity_t<Key>& key) {
    return erase(as_bytes(key));
  }

  /// A per-CPU map of u64 counters (value_size 8): the sum over every
  /// possible CPU of key's counter, 0 when key has no element (a hash
  /// counter not yet counted). errc::invalid_argument for another map.
  Result<uint64_t> sum_per_cpu_counter(std::span<const std::byte> key) const;
  /// The same with a typed key: `map.sum_per_cpu_counter<uint32_t>(0)`.
  template <TriviallyCopyable Key>
  Result<uint64_t> sum_per_cpu_counter(const std::type_identity_t<Key>& key) const {
    return sum_per_cpu_counter(as_bytes(key));
  }

  bpf_map_type type() const noexcept { return type_; }
  uint32_t key_size() const noexcept { return key_size_; }
  /// One value's size, as created (a per-CPU map's: one CPU's).
  uint32_t value_size() const noexcept { return value_size_; }
  /// The bytes a lookup returns and an update takes: value_size(), or for
  /// a per-CPU map, value_size() rounded up to 8 for each possible CPU.
  std::size_t value_bytes() const noexcept { return value_bytes_; }

  int fd() const noexcept { return fd_.get(); }
  /// Gives up the fd without closing it; the Map is then empty.
  [[nodiscard]] int release() noexcept { return fd_.release(); }

 private:
  Map(UniqueFd fd, const MapInfo& info, std::size_t value_bytes) noexcept;
  // A Map of an fd: its type and sizes read from the kernel, for every way
  // a Map is made.
  static Result<Map> adopt(Result<UniqueFd> fd);
  // The lookup all others make: value must be value_bytes() long.
  Result<bool> lookup_into(std::span<const std::byte> key, std::span<std::byte> value) const;

  template <class T>
  static std::span<const std::byte> as_bytes(const T& object) {
    return std::as_bytes(std::span<const T, 1>(&object, 1));
  }

  UniqueFd fd_;
  bpf_map_type type_;
  uint32_t key_size_;
  uint32_t value_size_;
  std::size_t value_bytes_;
};

}  // namespace nlpp::bpf

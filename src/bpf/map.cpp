#include <nlpp/bpf/map.hpp>

#include "bpf/object.hpp"
#include "bpf/syscall.hpp"

#include <cerrno>
#include <cstring>

namespace nlpp::bpf {
namespace {

// A key or value of another size than the map's: the kernel would read
// (or write) the map's size from the pointer, past the caller's buffer.
Result<void> check_size(std::string_view verb, std::string_view what, std::size_t given, std::size_t expected) {
  if (given == expected) return {};
  return Error(errc::invalid_argument, operation(map_object, verb) + ": " + std::string(what) + ": " +
                                           std::to_string(given) + " bytes, the map's take " +
                                           std::to_string(expected));
}

}  // namespace

bool is_per_cpu(bpf_map_type type) noexcept {
  return type == BPF_MAP_TYPE_PERCPU_HASH || type == BPF_MAP_TYPE_PERCPU_ARRAY ||
         type == BPF_MAP_TYPE_LRU_PERCPU_HASH || type == BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE;
}

Map::Map(UniqueFd fd, const MapInfo& info, std::size_t value_bytes) noexcept
    : fd_(std::move(fd)),
      type_(info.type),
      key_size_(info.key_size),
      value_size_(info.value_size),
      value_bytes_(value_bytes) {}

Result<Map> Map::adopt(Result<UniqueFd> fd) {
  if (!fd) return std::move(fd).error();
  Result<bpf_map_info> read = object_info<bpf_map_info>(map_object, fd->get());
  if (!read) return std::move(read).error();
  const MapInfo info{
      .type = static_cast<bpf_map_type>(read->type), .key_size = read->key_size, .value_size = read->value_size};
  std::size_t value_bytes = info.value_size;
  if (is_per_cpu(info.type)) {
    // The kernel copies each possible CPU's value into its own slot,
    // 8-byte aligned (bpf_percpu_array_copy(), round_up(value_size, 8)).
    Result<unsigned> cpus = possible_cpus();
    if (!cpus) return std::move(cpus).error();
    value_bytes = (std::size_t{info.value_size} + 7) / 8 * 8 * *cpus;
  }
  return Map(std::move(fd).value(), info, value_bytes);
}

Result<Map> Map::create(const MapOptions& options) {
  const std::string context = options.name.empty() ? operation(map_object, "create")
                                                   : operation(map_object, "create", "\"" + options.name + "\"");
  bpf_attr attr = zeroed_attr();
  attr.map_type = options.type;
  attr.key_size = options.key_size;
  attr.value_size = options.value_size;
  attr.max_entries = options.max_entries;
  attr.map_flags = options.flags;
  if (Result<void> named = copy_name(map_object, options.name, attr.map_name); !named) return std::move(named).error();
  return adopt(owned_fd(sys_bpf(BPF_MAP_CREATE, attr), context));
}

Result<Map> Map::open_pinned(std::string_view path) { return adopt(open_pinned_object(map_object, path)); }

Result<Map> Map::from_id(uint32_t id) { return adopt(object_fd_by_id(map_object, id)); }

Result<void> Map::pin(std::string_view path) const { return pin_object(map_object, fd(), path); }

Result<MapInfo> Map::info() const {
  Result<bpf_map_info> read = object_info<bpf_map_info>(map_object, fd());
  if (!read) return std::move(read).error();
  return MapInfo{.id = read->id,
                 .type = static_cast<bpf_map_type>(read->type),
                 .key_size = read->key_size,
                 .value_size = read->value_size,
                 .max_entries = read->max_entries,
                 .flags = read->map_flags,
                 .name = name_from(read->name)};
}

Result<bool> Map::lookup_into(std::span<const std::byte> key, std::span<std::byte> value) const {
  if (Result<void> checked = check_size("lookup", "key", key.size(), key_size_); !checked)
    return std::move(checked).error();
  if (Result<void> checked = check_size("lookup", "value", value.size(), value_bytes_); !checked)
    return std::move(checked).error();
  bpf_attr attr = zeroed_attr();
  attr.map_fd = static_cast<uint32_t>(fd());
  attr.key = address_of(key.data());
  attr.value = address_of(value.data());
  const int result = sys_bpf(BPF_MAP_LOOKUP_ELEM, attr);
  if (result == -ENOENT) return false;
  if (result < 0) return Error::from_errno(-result, operation(map_object, "lookup"));
  return true;
}

Result<std::optional<std::vector<std::byte>>> Map::lookup(std::span<const std::byte> key) const {
  std::vector<std::byte> value(value_bytes_);
  Result<bool> found = lookup_into(key, value);
  if (!found) return std::move(found).error();
  if (!*found) return std::optional<std::vector<std::byte>>();
  return std::optional<std::vector<std::byte>>(std::move(value));
}

Result<void> Map::update(std::span<const std::byte> key, std::span<const std::byte> value, uint64_t flags) {
  if (Result<void> checked = check_size("update", "key", key.size(), key_size_); !checked) return checked;
  if (Result<void> checked = check_size("update", "value", value.size(), value_bytes_); !checked) return checked;
  bpf_attr attr = zeroed_attr();
  attr.map_fd = static_cast<uint32_t>(fd());
  attr.key = address_of(key.data());
  attr.value = address_of(value.data());
  attr.flags = flags;
  return success(sys_bpf(BPF_MAP_UPDATE_ELEM, attr), operation(map_object, "update"));
}

Result<bool> Map::erase(std::span<const std::byte> key) {
  if (Result<void> checked = check_size("erase", "key", key.size(), key_size_); !checked)
    return std::move(checked).error();
  bpf_attr attr = zeroed_attr();
  attr.map_fd = static_cast<uint32_t>(fd());
  attr.key = address_of(key.data());
  const int result = sys_bpf(BPF_MAP_DELETE_ELEM, attr);
  if (result == -ENOENT) return false;
  if (result < 0) return Error::from_errno(-result, operation(map_object, "erase"));
  return true;
}

Result<std::optional<std::vector<std::byte>>> Map::next_key(std::span<const std::byte> key) const {
  if (!key.empty())
    if (Result<void> checked = check_size("next_key", "key", key.size(), key_size_); !checked)
      return std::move(checked).error();
  std::vector<std::byte> next(key_size_);
  bpf_attr attr = zeroed_attr();
  attr.map_fd = static_cast<uint32_t>(fd());
  attr.key = key.empty() ? 0 : address_of(key.data());  // none: the first key
  attr.next_key = address_of(next.data());
  const int result = sys_bpf(BPF_MAP_GET_NEXT_KEY, attr);
  if (result == -ENOENT) return std::optional<std::vector<std::byte>>();
  if (result < 0) return Error::from_errno(-result, operation(map_object, "next_key"));
  return std::optional<std::vector<std::byte>>(std::move(next));
}

Result<uint64_t> Map::sum_per_cpu_counter(std::span<const std::byte> key) const {
  if (!is_per_cpu(type_) || value_size_ != sizeof(uint64_t))
    return Error(errc::invalid_argument,
                 operation(map_object, "sum_per_cpu_counter") + ": not a per-CPU map of 8-byte values");
  std::vector<std::byte> values(value_bytes_);
  Result<bool> found = lookup_into(key, values);
  if (!found) return std::move(found).error();
  uint64_t sum = 0;
  for (std::size_t offset = 0; *found && offset < values.size(); offset += sizeof(uint64_t)) {
    uint64_t counter = 0;
    std::memcpy(&counter, values.data() + offset, sizeof counter);
    sum += counter;
  }
  return sum;
}

}  // namespace nlpp::bpf

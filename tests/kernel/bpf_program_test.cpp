// BPF maps and programs against the kernel, through bpf(2) alone: array,
// per-CPU array and hash maps written and read back; maps and programs
// pinned in a private bpf filesystem and opened again, and found by id;
// the counting program (tests/support/bpf_counter.hpp) loaded for tc,
// described by the kernel and run (BPF_PROG_TEST_RUN, called here
// directly so the test does not trust nlpp to read its own result);
// a program the verifier refuses. BPF objects belong to no network
// namespace, so these tests make none: every object dies with its fd, and
// the pins with the bpf filesystem the test mounts and unmounts.
#include <nlpp/bpf/instructions.hpp>
#include <nlpp/bpf/map.hpp>
#include <nlpp/bpf/program.hpp>

#include "support/bpf_counter.hpp"

#include <gtest/gtest.h>

#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace nlpp::bpf {
namespace {

std::error_code kernel_error(int errno_value) { return {errno_value, std::system_category()}; }

// A bpf filesystem of the test's own, mounted on a fresh temporary folder
// (the host's /sys/fs/bpf may not be one, and is not the tests' to fill);
// unmounting it drops every pin in it.
class ScopedBpffs {
 public:
  ScopedBpffs() {
    std::string pattern = ::testing::TempDir() + "nlpp_bpffs_XXXXXX";
    if (!::mkdtemp(pattern.data())) {
      ADD_FAILURE() << "mkdtemp: " << std::strerror(errno);
      return;
    }
    path_ = pattern;
    if (::mount("bpf", path_.c_str(), "bpf", 0, nullptr) != 0) {
      ADD_FAILURE() << "mount -t bpf bpf " << path_ << ": " << std::strerror(errno);
      return;
    }
    mounted_ = true;
  }
  ScopedBpffs(const ScopedBpffs&) = delete;
  ScopedBpffs& operator=(const ScopedBpffs&) = delete;
  ~ScopedBpffs() {
    if (mounted_ && ::umount2(path_.c_str(), MNT_DETACH) != 0)
      ADD_FAILURE() << "umount " << path_ << ": " << std::strerror(errno);
    if (!path_.empty()) ::rmdir(path_.c_str());
  }

  bool mounted() const { return mounted_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
  bool mounted_ = false;
};

template <class T>
std::span<const std::byte> bytes_of(const T& value) {
  return std::as_bytes(std::span<const T, 1>(&value, 1));
}

// The typed calls for u32 keys and u64 values, whose two template
// arguments a test macro would take for two of its own.
std::optional<uint64_t> value_at(const Map& map, uint32_t key) { return map.lookup<uint32_t, uint64_t>(key).value(); }
Result<void> set_value(Map& map, uint32_t key, uint64_t value, uint64_t flags = BPF_ANY) {
  return map.update<uint32_t, uint64_t>(key, value, flags);
}

Map created(const MapOptions& options) {
  Result<Map> map = Map::create(options);
  EXPECT_TRUE(map) << map.error().describe();
  return std::move(map).value();
}

const MapOptions array_of_counters{
    .type = BPF_MAP_TYPE_ARRAY, .key_size = 4, .value_size = 8, .max_entries = 4, .name = "nlpp_array"};

TEST(BpfMaps, an_array_holds_zeroes_until_updated_and_refuses_erase) {
  Map map = created(array_of_counters);
  EXPECT_EQ(value_at(map, 0), uint64_t{0});  // every index exists
  ASSERT_TRUE(set_value(map, 1, 42));
  EXPECT_EQ(value_at(map, 1), uint64_t{42});
  const uint64_t answer = 42;
  const std::span<const std::byte> answer_bytes = bytes_of(answer);
  EXPECT_EQ(map.lookup(bytes_of(uint32_t{1})).value(),
            std::vector<std::byte>(answer_bytes.begin(), answer_bytes.end()));
  EXPECT_EQ(value_at(map, 4), std::nullopt);  // past max_entries

  Result<bool> erased = map.erase<uint32_t>(1);
  ASSERT_FALSE(erased);
  EXPECT_EQ(erased.error().code(), kernel_error(EINVAL));
  EXPECT_EQ(erased.error().context(), "bpf map erase");
  Result<void> too_far = set_value(map, 4, 1);
  ASSERT_FALSE(too_far);
  EXPECT_EQ(too_far.error().code(), kernel_error(E2BIG)) << too_far.error().describe();
}

TEST(BpfMaps, the_kernel_describes_a_map_and_finds_it_by_id) {
  Map map = created(array_of_counters);
  const MapInfo info = map.info().value();
  EXPECT_NE(info.id, 0u);
  EXPECT_EQ(info.type, BPF_MAP_TYPE_ARRAY);
  EXPECT_EQ(info.key_size, 4u);
  EXPECT_EQ(info.value_size, 8u);
  EXPECT_EQ(info.max_entries, 4u);
  EXPECT_EQ(info.name, "nlpp_array");

  Result<Map> again = Map::from_id(info.id);
  ASSERT_TRUE(again) << again.error().describe();
  EXPECT_NE(again->fd(), map.fd());
  EXPECT_EQ(again->info().value().id, info.id);
  ASSERT_TRUE(set_value(*again, 2, 7));
  EXPECT_EQ(value_at(map, 2), uint64_t{7});  // one map, two fds
}

TEST(BpfMaps, a_hash_map_adds_erases_and_walks_its_keys) {
  Map map = created({.type = BPF_MAP_TYPE_HASH, .key_size = 4, .value_size = 8, .max_entries = 8, .name = "nlpp_hash"});
  for (uint32_t key : {10u, 20u, 30u}) ASSERT_TRUE(set_value(map, key, key * 2, BPF_NOEXIST));
  Result<void> twice = set_value(map, 10, 1, BPF_NOEXIST);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code(), kernel_error(EEXIST));
  EXPECT_EQ(twice.error().describe(), "bpf map update: File exists (EEXIST)");
  Result<void> absent = set_value(map, 40, 1, BPF_EXIST);
  ASSERT_FALSE(absent);
  EXPECT_EQ(absent.error().code(), kernel_error(ENOENT));

  std::set<uint32_t> walked;
  std::optional<std::vector<std::byte>> key = map.next_key().value();
  for (; key; key = map.next_key(*key).value()) {
    ASSERT_EQ(key->size(), 4u);
    uint32_t number = 0;
    std::memcpy(&number, key->data(), sizeof number);
    walked.insert(number);
  }
  EXPECT_EQ(walked, (std::set<uint32_t>{10, 20, 30}));

  EXPECT_TRUE(map.erase<uint32_t>(20).value());
  EXPECT_FALSE(map.erase<uint32_t>(20).value());  // already gone
  EXPECT_EQ(value_at(map, 20), std::nullopt);
  EXPECT_EQ(value_at(map, 30), uint64_t{60});
}

TEST(BpfMaps, a_per_cpu_array_holds_a_value_for_each_possible_cpu) {
  const unsigned cpus = possible_cpus().value();
  ASSERT_GT(cpus, 0u);
  Map map = created(
      {.type = BPF_MAP_TYPE_PERCPU_ARRAY, .key_size = 4, .value_size = 8, .max_entries = 2, .name = "nlpp_percpu"});
  EXPECT_EQ(map.value_size(), 8u);
  ASSERT_EQ(map.value_bytes(), 8u * cpus);

  // CPU i's counter is i + 1.
  std::vector<uint64_t> counters(cpus);
  for (unsigned cpu = 0; cpu < cpus; ++cpu) counters[cpu] = cpu + 1;
  ASSERT_TRUE(map.update(bytes_of(uint32_t{1}), std::as_bytes(std::span(counters))));
  EXPECT_EQ(map.sum_per_cpu_counter<uint32_t>(1).value(), uint64_t{cpus} * (cpus + 1) / 2);
  EXPECT_EQ(map.sum_per_cpu_counter<uint32_t>(0).value(), 0u);
  const std::vector<std::byte> read = map.lookup(bytes_of(uint32_t{1})).value().value();
  ASSERT_EQ(read.size(), map.value_bytes());
  EXPECT_EQ(std::memcmp(read.data(), counters.data(), read.size()), 0);

  // A 4-byte value still takes 8 bytes a CPU: the kernel's slots are 8-byte aligned.
  Map narrow = created({.type = BPF_MAP_TYPE_PERCPU_ARRAY, .key_size = 4, .value_size = 4, .max_entries = 1});
  EXPECT_EQ(narrow.value_bytes(), 8u * cpus);
  Result<uint64_t> not_counters = narrow.sum_per_cpu_counter<uint32_t>(0);
  ASSERT_FALSE(not_counters);
  EXPECT_EQ(not_counters.error().code(), make_error_code(errc::invalid_argument));
}

TEST(BpfMaps, keys_and_values_of_the_wrong_size_are_refused_before_the_kernel_sees_them) {
  Map map = created(array_of_counters);
  Result<std::optional<uint64_t>> short_key = map.lookup<uint16_t, uint64_t>(0);
  ASSERT_FALSE(short_key);
  EXPECT_EQ(short_key.error().code(), make_error_code(errc::invalid_argument));
  EXPECT_EQ(short_key.error().context(), "bpf map lookup: key: 2 bytes, the map's take 4");
  Result<void> short_value = map.update<uint32_t, uint32_t>(0, 1);
  ASSERT_FALSE(short_value);
  EXPECT_EQ(short_value.error().context(), "bpf map update: value: 4 bytes, the map's take 8");
  Result<Map> badly_named = Map::create(
      {.type = BPF_MAP_TYPE_ARRAY, .key_size = 4, .value_size = 8, .max_entries = 1, .name = "a name with spaces"});
  ASSERT_FALSE(badly_named);
  EXPECT_EQ(badly_named.error().code(), make_error_code(errc::invalid_argument));
  EXPECT_NE(badly_named.error().context().find("bpf map name"), std::string::npos);
  // The kernel's own refusal: an array's keys are 4 bytes.
  Result<Map> odd = Map::create({.type = BPF_MAP_TYPE_ARRAY, .key_size = 8, .value_size = 8, .max_entries = 1});
  ASSERT_FALSE(odd);
  EXPECT_EQ(odd.error().code(), kernel_error(EINVAL));
  EXPECT_EQ(odd.error().context(), "bpf map create");
}

TEST(BpfPrograms, the_counting_program_loads_for_tc_with_its_name_and_tag) {
  Map counter = test::create_counter_map().value();
  Result<Program> program = test::load_counting_program(counter);
  ASSERT_TRUE(program) << program.error().describe();
  const ProgramInfo info = program->info().value();
  EXPECT_NE(info.id, 0u);
  EXPECT_EQ(info.type, BPF_PROG_TYPE_SCHED_CLS);
  EXPECT_EQ(info.name, "count_packets");
  EXPECT_NE(info.tag, (std::array<uint8_t, BPF_TAG_SIZE>{}));

  Result<Program> again = Program::from_id(info.id);
  ASSERT_TRUE(again) << again.error().describe();
  EXPECT_EQ(again->info().value().tag, info.tag);
  EXPECT_EQ(Program::from_id(0xfffffff0).error().code(), kernel_error(ENOENT));
}

TEST(BpfPrograms, the_counting_program_counts_each_run_in_its_map) {
  Map counter = test::create_counter_map().value();
  Program program = test::load_counting_program(counter).value();
  // Three runs on a zeroed 64-byte frame (BPF_PROG_TEST_RUN).
  std::array<std::byte, 64> frame{};
  bpf_attr attr;
  std::memset(&attr, 0, sizeof attr);
  attr.test.prog_fd = static_cast<uint32_t>(program.fd());
  attr.test.data_in = reinterpret_cast<std::uintptr_t>(frame.data());
  attr.test.data_size_in = frame.size();
  attr.test.repeat = 3;
  ASSERT_EQ(::syscall(__NR_bpf, BPF_PROG_TEST_RUN, &attr, sizeof attr), 0) << std::strerror(errno);
  EXPECT_EQ(attr.test.retval, uint32_t{TC_ACT_OK});
  EXPECT_EQ(value_at(counter, 0), uint64_t{3});
}

TEST(BpfPrograms, a_program_the_verifier_refuses_fails_with_its_reason) {
  // r0 = r2: r2 was never written.
  const auto reads_uninitialised = instructions(mov64_reg(Reg::r0, Reg::r2), exit_insn());
  std::string log;
  Result<Program> refused = Program::load(
      {.type = BPF_PROG_TYPE_SCHED_CLS, .instructions = reads_uninitialised, .name = "refused", .verifier_log = &log});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), kernel_error(EACCES));
  const std::string& context = refused.error().context();
  EXPECT_EQ(context.rfind("bpf program load \"refused\": verifier: ", 0), 0u) << context;
  EXPECT_NE(context.find("R2 !read_ok"), std::string::npos) << context;
  EXPECT_NE(log.find("R2 !read_ok"), std::string::npos) << log;
  EXPECT_NE(refused.error().describe().find("(EACCES)"), std::string::npos);

  // No program at all is refused before the kernel is asked.
  Result<Program> empty = Program::load({.type = BPF_PROG_TYPE_SCHED_CLS});
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code(), make_error_code(errc::invalid_argument));
}

TEST(BpfPins, maps_and_programs_pinned_in_a_bpf_filesystem_open_back) {
  ScopedBpffs bpffs;
  ASSERT_TRUE(bpffs.mounted());
  Map counter = test::create_counter_map().value();
  Program program = test::load_counting_program(counter).value();
  ASSERT_TRUE(counter.pin(bpffs.file("counter")));
  ASSERT_TRUE(program.pin(bpffs.file("count_packets")));

  Result<Map> map_again = Map::open_pinned(bpffs.file("counter"));
  ASSERT_TRUE(map_again) << map_again.error().describe();
  EXPECT_EQ(map_again->info().value().id, counter.info().value().id);
  EXPECT_EQ(map_again->value_bytes(), 8u);
  ASSERT_TRUE(set_value(*map_again, 0, 5));
  EXPECT_EQ(value_at(counter, 0), uint64_t{5});
  Result<Program> program_again = Program::open_pinned(bpffs.file("count_packets"));
  ASSERT_TRUE(program_again) << program_again.error().describe();
  EXPECT_EQ(program_again->info().value().id, program.info().value().id);

  Result<void> taken = counter.pin(bpffs.file("count_packets"));
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().code(), kernel_error(EEXIST));
  EXPECT_EQ(taken.error().context(), "bpf map pin " + bpffs.file("count_packets"));
  Result<Map> missing = Map::open_pinned(bpffs.file("nothing"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), kernel_error(ENOENT));
  Result<Program> not_a_program = Program::open_pinned(bpffs.file("counter"));
  ASSERT_FALSE(not_a_program);
  EXPECT_EQ(not_a_program.error().code(), make_error_code(errc::invalid_argument));
  EXPECT_NE(not_a_program.error().context().find("not a program"), std::string::npos)
      << not_a_program.error().context();
}

}  // namespace
}  // namespace nlpp::bpf

// The growth of a dump's result vector: doubling while small, far ahead
// past a megabyte, doubling again near the reservation limit.
#include <nlpp/io/dump_growth.hpp>

#include <gtest/gtest.h>

#include <array>

namespace nlpp::io {
namespace {

constexpr size_t route_size = 88;
constexpr size_t mib = size_t{1} << 20;

TEST(DumpGrowth, small_results_double_like_std_vector) {
  EXPECT_EQ(grown_dump_capacity(0, route_size), 1u);
  EXPECT_EQ(grown_dump_capacity(1, route_size), 2u);
  EXPECT_EQ(grown_dump_capacity(8192, route_size), 16384u) << "8192 routes are 720 KiB";
}

TEST(DumpGrowth, past_a_megabyte_the_capacity_grows_sixteen_fold) {
  EXPECT_EQ(grown_dump_capacity(16384, route_size), 262144u) << "16384 routes are 1.4 MiB";
  EXPECT_EQ(grown_dump_capacity(262144, route_size), 4194304u) << "a reservation of 369 MiB";
}

TEST(DumpGrowth, a_reservation_past_a_gigabyte_doubles_instead) {
  EXPECT_EQ(grown_dump_capacity(4194304, route_size), 8388608u);
  EXPECT_EQ(grown_dump_capacity(dump_growth_reserve_limit / dump_growth_large_factor, 1),
            dump_growth_reserve_limit) << "exactly at the limit it still reserves far ahead";
}

TEST(DumpGrowth, reserve_for_one_more_grows_only_a_full_vector) {
  using Kibibyte = std::array<char, 1024>;
  std::vector<Kibibyte> objects(mib / sizeof(Kibibyte));
  objects.shrink_to_fit();
  ASSERT_EQ(objects.capacity(), 1024u);
  reserve_for_one_more(objects);
  EXPECT_EQ(objects.capacity(), 16384u) << "a full megabyte reserves 16 MiB of address space";
  reserve_for_one_more(objects);
  EXPECT_EQ(objects.capacity(), 16384u) << "room left: nothing changes";
  EXPECT_EQ(objects.size(), 1024u);
}

}  // namespace
}  // namespace nlpp::io

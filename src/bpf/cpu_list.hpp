// The kernel's CPU lists, as /sys/devices/system/cpu/possible holds one.
#pragma once

#include <optional>
#include <string_view>

namespace nlpp::bpf {

/// How many CPUs a list names: "0-7" 8, "0,2-3\n" 3 (ranges and single
/// CPUs, comma-separated, as bitmap_parselist() prints them). nullopt when
/// it is not such a list.
std::optional<unsigned> count_cpu_list(std::string_view list);

}  // namespace nlpp::bpf

#include <nlpp/bpf/map.hpp>

#include "bpf/cpu_list.hpp"

#include <cerrno>
#include <charconv>
#include <fstream>
#include <iterator>
#include <string>

namespace nlpp::bpf {

std::optional<unsigned> count_cpu_list(std::string_view list) {
  while (!list.empty() && (list.back() == '\n' || list.back() == ' ')) list.remove_suffix(1);
  if (list.empty()) return std::nullopt;
  unsigned count = 0;
  while (true) {
    const std::string_view item = list.substr(0, list.find(','));
    const std::size_t dash = item.find('-');
    const std::string_view first_text = item.substr(0, dash);
    const std::string_view last_text = dash == std::string_view::npos ? first_text : item.substr(dash + 1);
    unsigned first = 0;
    unsigned last = 0;
    const auto parse = [](std::string_view text, unsigned& value) {
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
      return !text.empty() && error == std::errc() && end == text.data() + text.size();
    };
    if (!parse(first_text, first) || !parse(last_text, last) || last < first) return std::nullopt;
    count += last - first + 1;
    if (item.size() == list.size()) return count;
    list.remove_prefix(item.size() + 1);
  }
}

namespace {

Result<unsigned> read_possible_cpus() {
  constexpr const char* path = "/sys/devices/system/cpu/possible";
  std::ifstream file(path);
  if (!file) return Error::from_errno(errno ? errno : ENOENT, std::string("bpf possible cpus: ") + path);
  const std::string list{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  if (std::optional<unsigned> count = count_cpu_list(list); count && *count > 0) return *count;
  return Error(errc::protocol_error,
               std::string("bpf possible cpus: ") + path + ": \"" + list + "\" is not a CPU list");
}

}  // namespace

Result<unsigned> possible_cpus() {
  // The possible CPUs are fixed at boot: CPUs that come online later were
  // possible from the start, and per-CPU maps hold a slot for each.
  static const Result<unsigned> count = read_possible_cpus();
  return count;
}

}  // namespace nlpp::bpf

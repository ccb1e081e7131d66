#include "bpf/verifier_log.hpp"

#include <vector>

namespace nlpp::bpf {

std::string verifier_log_tail(std::string_view log, std::size_t count) {
  log = log.substr(0, log.find('\0'));
  std::vector<std::string_view> lines;
  while (!log.empty()) {
    const std::size_t end = log.find('\n');
    const std::string_view line = log.substr(0, end);
    if (!line.empty()) lines.push_back(line);
    log.remove_prefix(end == std::string_view::npos ? log.size() : end + 1);
  }
  if (!lines.empty() && lines.back().starts_with("processed ")) lines.pop_back();

  std::string tail;
  for (std::size_t i = lines.size() > count ? lines.size() - count : 0; i < lines.size(); ++i) {
    if (!tail.empty()) tail += " | ";
    tail += lines[i];
  }
  return tail;
}

}  // namespace nlpp::bpf

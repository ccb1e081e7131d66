#include <nlpp/netns/netns.hpp>

#include <fcntl.h>

#include <cerrno>
#include <type_traits>

namespace nlpp::netns {
namespace {

Result<UniqueFd> open_file(const std::string& path, const std::string& what) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd) return Error::from_errno(errno, "opening " + what + " at " + path);
  return fd;
}

}  // namespace

Result<UniqueFd> Ref::open() const {
  return std::visit(
      [this](const auto& target) -> Result<UniqueFd> {
        using Target = std::decay_t<decltype(target)>;
        if constexpr (std::is_same_v<Target, Name>) {
          if (Result<void> valid = validate_name(target.value); !valid) return std::move(valid).error();
          return open_file(std::string(run_dir) + '/' + target.value, describe());
        } else if constexpr (std::is_same_v<Target, Fd>) {
          // A copy the caller's fd can be closed independently of.
          UniqueFd copy(::fcntl(target.value, F_DUPFD_CLOEXEC, 0));
          if (!copy) return Error::from_errno(errno, "duplicating " + describe());
          return copy;
        } else {
          if (target.value <= 0) return Error(errc::invalid_argument, "netns pid: must be positive");
          return open_file("/proc/" + std::to_string(target.value) + "/ns/net", describe());
        }
      },
      target_);
}

std::string Ref::describe() const {
  return std::visit(
      [](const auto& target) -> std::string {
        using Target = std::decay_t<decltype(target)>;
        if constexpr (std::is_same_v<Target, Name>)
          return "netns " + target.value;
        else if constexpr (std::is_same_v<Target, Fd>)
          return "netns fd " + std::to_string(target.value);
        else
          return "netns of pid " + std::to_string(target.value);
      },
      target_);
}

}  // namespace nlpp::netns

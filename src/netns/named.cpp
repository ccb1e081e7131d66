// Named namespaces, kept the way iproute2's ip/ipnetns.c keeps them, so that
// `ip netns` and nlpp see and use each other's.
#include <nlpp/netns/netns.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>

namespace nlpp::netns {
namespace {

std::string path_of(std::string_view name) { return std::string(run_dir) + '/' + std::string(name); }

// Makes run_dir a shared mount point, as `ip netns add` does: the namespace
// files mounted in it then propagate to every mount namespace that shares
// it, and `ip netns del` in any of them unmounts them everywhere, so the
// namespace can be freed.
Result<void> prepare_run_dir() {
  const std::string dir(run_dir);
  if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) return Error::from_errno(errno, "creating " + dir);

  // iproute2 holds this lock while it sets up the mount: concurrent runs
  // otherwise stack bind mounts of the directory onto itself without end
  // (Debian #949235). Taking the same lock keeps nlpp and ip out of each
  // other's way; like iproute2, go on without it if flock fails.
  UniqueFd lock(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!lock) return Error::from_errno(errno, "opening " + dir);
  ::flock(lock.get(), LOCK_EX);  // released when lock closes

  bool made_mount_point = false;
  while (::mount("", dir.c_str(), "none", MS_SHARED | MS_REC, nullptr) != 0) {
    // EINVAL: not a mount point yet. Bind-mount it onto itself, once.
    if (errno != EINVAL || made_mount_point) return Error::from_errno(errno, "mount --make-shared " + dir);
    if (::mount(dir.c_str(), dir.c_str(), "none", MS_BIND | MS_REC, nullptr) != 0)
      return Error::from_errno(errno, "mount --bind " + dir + ' ' + dir);
    made_mount_point = true;
  }
  return {};
}

// Whether the process that started this one sees at path what this one
// sees there. A process in a mount namespace of its own that does not share
// /run/netns with its parent's (`ip netns exec` makes every mount a slave)
// mounts the namespace where only it sees it: for everyone else the name
// stays an empty file, and the namespace dies with this process. (The
// parent rather than pid 1: a sandbox may hide pid 1's mounts.) When the
// parent's view cannot be read, nothing says otherwise.
bool seen_by_the_parent(const std::string& path) {
  struct stat ours{}, parents{};
  if (::stat(path.c_str(), &ours) != 0) return true;
  const std::string through_parent = "/proc/" + std::to_string(::getppid()) + "/root" + path;
  if (::stat(through_parent.c_str(), &parents) != 0) return errno != ENOENT;
  return ours.st_dev == parents.st_dev && ours.st_ino == parents.st_ino;
}

}  // namespace

Result<void> create(std::string_view name) {
  if (Result<void> valid = validate_name(name); !valid) return valid;
  if (Result<void> ready = prepare_run_dir(); !ready) return ready;

  // iproute2 mounts /proc/thread-self/ns/net from the thread it unshared;
  // /proc/self/fd/N of an anonymous namespace's fd names the same nsfs
  // inode, so the namespace is made by create_anonymous() and published here.
  Result<UniqueFd> ns = create_anonymous();
  if (!ns) return std::move(ns).error();

  // An empty file to mount the namespace on; O_EXCL makes a taken name EEXIST.
  const std::string path = path_of(name);
  if (UniqueFd file(::open(path.c_str(), O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0)); !file)
    return Error::from_errno(errno, "creating netns " + std::string(name) + " at " + path);

  // The mount is what keeps the namespace alive once ns is closed.
  const std::string source = "/proc/self/fd/" + std::to_string(ns->get());
  if (::mount(source.c_str(), path.c_str(), "none", MS_BIND, nullptr) != 0) {
    Error error = Error::from_errno(errno, "bind-mounting netns " + std::string(name) + " on " + path);
    ::unlink(path.c_str());
    return error;
  }
  if (!seen_by_the_parent(path)) {
    ::umount2(path.c_str(), MNT_DETACH);
    ::unlink(path.c_str());
    return Error(std::make_error_code(std::errc::operation_not_supported),
                 "creating netns " + std::string(name) + ": this process's mount namespace does not share " +
                     std::string(run_dir) +
                     " with its parent's (is it running under `ip netns exec`?), so the namespace would die with "
                     "this process; create it from the parent's mount namespace");
  }
  return {};
}

Result<void> remove(std::string_view name) {
  if (Result<void> valid = validate_name(name); !valid) return valid;
  const std::string path = path_of(name);
  // Detach, as `ip netns del` does: processes inside the namespace keep it,
  // the name goes now. Fails harmlessly on a file with nothing mounted on it
  // (a creation that did not finish); unlink reports a name that is not there.
  ::umount2(path.c_str(), MNT_DETACH);
  if (::unlink(path.c_str()) != 0)
    return Error::from_errno(errno, "removing netns " + std::string(name) + " at " + path);
  return {};
}

Result<std::vector<std::string>> list() {
  std::vector<std::string> names;
  std::error_code error;
  for (std::filesystem::directory_iterator entry(run_dir, error), end; !error && entry != end; entry.increment(error))
    names.push_back(entry->path().filename().string());
  // No directory: nothing was ever named, as `ip netns list` sees it.
  if (error && error != std::errc::no_such_file_or_directory)
    return Error::from_errno(error.value(), "listing " + std::string(run_dir));
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace nlpp::netns

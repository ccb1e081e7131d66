#include <nlpp/netns/netns.hpp>
#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>

#include "support/iproute2.hpp"
#include "support/netns_fixture.hpp"
#include "support/scoped_netns.hpp"
#include "support/subprocess.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <linux/capability.h>
#include <linux/rtnetlink.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace nlpp::netns {
namespace {

using test::NetnsTest;
using test::ScopedNetns;

// A namespace is identified by the inode of its nsfs file.
ino_t inode_of_fd(int fd) {
  struct stat status {};
  if (::fstat(fd, &status) != 0) throw std::system_error(errno, std::system_category(), "fstat");
  return status.st_ino;
}

Result<ino_t> inode_of(const Ref& ns) {
  Result<UniqueFd> fd = ns.open();
  if (!fd) return std::move(fd).error();
  return inode_of_fd(fd->get());
}

// The namespace of the calling thread (/proc/self would be the main thread's).
ino_t this_thread_netns() {
  struct stat status {};
  if (::stat("/proc/thread-self/ns/net", &status) != 0) throw std::system_error(errno, std::system_category(), "stat");
  return status.st_ino;
}

// The namespace a socket was created in, as the kernel records it (SIOCGSKNS).
ino_t netns_of_socket(int socket) {
  UniqueFd ns(::ioctl(socket, SIOCGSKNS));
  if (!ns) throw std::system_error(errno, std::system_category(), "ioctl(SIOCGSKNS)");
  return inode_of_fd(ns.get());
}

Result<UniqueFd> open_route_socket(const Ref& ns) { return open_socket(ns, AF_NETLINK, SOCK_RAW, NETLINK_ROUTE); }

// The names of the links an RTM_GETLINK dump on a NETLINK_ROUTE socket shows, sorted.
std::vector<std::string> dump_link_names(int socket) {
  wire::MessageBuilder request;
  request.begin_message(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP).append_header(ifinfomsg{});
  if (::send(socket, request.bytes().data(), request.bytes().size(), 0) < 0)
    throw std::system_error(errno, std::system_category(), "send");
  std::vector<std::string> names;
  std::vector<std::byte> buffer(64 * 1024);
  for (;;) {
    const ssize_t size = ::recv(socket, buffer.data(), buffer.size(), 0);
    if (size < 0) throw std::system_error(errno, std::system_category(), "recv");
    for (const wire::Message& message : wire::MessageRange(wire::Bytes(buffer.data(), static_cast<size_t>(size)))) {
      if (message.type() == NLMSG_DONE) {
        std::sort(names.begin(), names.end());
        return names;
      }
      if (message.type() != RTM_NEWLINK)
        throw std::runtime_error("unexpected message type " + std::to_string(message.type()));
      if (auto name = message.attributes(sizeof(ifinfomsg))->find(IFLA_IFNAME)) names.emplace_back(name->string());
    }
  }
}

std::vector<std::string> ip_link_names(std::string_view ns) {
  std::vector<std::string> names;
  for (const nlohmann::json& link : test::ip_json(ns, "link show")) names.push_back(link.at("ifname"));
  std::sort(names.begin(), names.end());
  return names;
}

// `ip netns list` prints one namespace a line: "NAME" or "NAME (id: N)".
std::vector<std::string> ip_netns_names() {
  std::istringstream listed(test::ip_netns("list"));
  std::vector<std::string> names;
  for (std::string line; std::getline(listed, line);) names.push_back(line.substr(0, line.find(' ')));
  return names;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

size_t open_fd_count() {
  const std::filesystem::directory_iterator entries("/proc/self/fd");
  return static_cast<size_t>(std::distance(begin(entries), end(entries)));
}

// Runs body on a thread of its own that lacks CAP_SYS_ADMIN. Capabilities
// are per thread (the raw capset changes only the caller), so the rest of
// the test process keeps it; the threads nlpp starts inherit the lack.
void without_cap_sys_admin(const std::function<void()>& body) {
  std::thread([&] {
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3]{};
    ASSERT_EQ(::syscall(SYS_capget, &header, data), 0) << std::strerror(errno);
    data[CAP_TO_INDEX(CAP_SYS_ADMIN)].effective &= ~CAP_TO_MASK(CAP_SYS_ADMIN);
    ASSERT_EQ(::syscall(SYS_capset, &header, data), 0) << std::strerror(errno);
    body();
  }).join();
}

void expect_invalid_argument(const Result<UniqueFd>& result, std::string_view field) {
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code(), errc::invalid_argument);
  EXPECT_NE(result.error().context().find(field), std::string::npos) << result.error().describe();
}

TEST(NetnsName, accepts_names_of_up_to_name_max_bytes) {
  EXPECT_TRUE(validate_name("blue"));
  EXPECT_TRUE(validate_name(".hidden"));
  EXPECT_TRUE(validate_name(std::string(255, 'a')));
}

TEST(NetnsName, rejects_what_ip_netns_add_rejects) {
  for (const std::string& name : {std::string(), std::string("."), std::string(".."), std::string("a/b"),
                                  std::string("a\0b", 3), std::string(256, 'a')}) {
    Result<void> valid = validate_name(name);
    ASSERT_FALSE(valid) << name;
    EXPECT_EQ(valid.error().code(), errc::invalid_argument);
    EXPECT_TRUE(valid.error().context().starts_with("netns name: ")) << valid.error().describe();
  }
}

TEST(NetnsNamed, create_makes_a_namespace_that_list_shows_and_remove_deletes) {
  const std::string name = test::unique_netns_name();
  ASSERT_TRUE(create(name)) << name;
  ScopedNetns owned = ScopedNetns::adopt(name);
  EXPECT_TRUE(contains(list().value(), name));
  EXPECT_NE(inode_of(Ref::name(name)).value(), this_thread_netns());

  Result<void> removed = remove(name);
  ASSERT_TRUE(removed) << removed.error().describe();
  EXPECT_FALSE(contains(list().value(), name));
  EXPECT_FALSE(std::filesystem::exists(std::string(run_dir) + '/' + name));
}

TEST(NetnsNamed, list_is_sorted) {
  std::vector<ScopedNetns> namespaces;
  for (int i = 0; i < 3; ++i) namespaces.push_back(ScopedNetns::create().value());
  const std::vector<std::string> names = list().value();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  for (const ScopedNetns& ns : namespaces) EXPECT_TRUE(contains(names, ns.name()));
}

TEST(NetnsNamed, create_fails_with_eexist_when_the_name_is_taken) {
  const ScopedNetns taken = ScopedNetns::create().value();
  const ino_t before = inode_of(taken.ref()).value();
  Result<void> again = create(taken.name());
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), std::errc::file_exists);
  EXPECT_NE(again.error().context().find(taken.name()), std::string::npos) << again.error().describe();
  EXPECT_EQ(inode_of(taken.ref()).value(), before);
}

TEST(NetnsNamed, remove_fails_with_enoent_for_an_unknown_name) {
  Result<void> removed = remove(test::unique_netns_name());
  ASSERT_FALSE(removed);
  EXPECT_EQ(removed.error().code(), std::errc::no_such_file_or_directory);
}

TEST(NetnsNamed, create_makes_the_run_dir_a_shared_mount_point) {
  const ScopedNetns ns = ScopedNetns::create().value();
  // mountinfo: ID PARENT MAJ:MIN ROOT MOUNT_POINT OPTIONS [OPTIONAL_FIELDS...] - ...
  std::ifstream mountinfo("/proc/self/mountinfo");
  bool shared = false;
  for (std::string line; std::getline(mountinfo, line);) {
    std::istringstream fields(line);
    std::string id, parent, device, root, mount_point, options;
    fields >> id >> parent >> device >> root >> mount_point >> options;
    if (mount_point != run_dir) continue;
    for (std::string field; fields >> field && field != "-";) shared = shared || field.starts_with("shared:");
  }
  EXPECT_TRUE(shared);
}

TEST(NetnsNamed, create_anonymous_returns_a_new_namespace_each_time) {
  Result<UniqueFd> first = create_anonymous();
  Result<UniqueFd> second = create_anonymous();
  ASSERT_TRUE(first) << first.error().describe();
  ASSERT_TRUE(second) << second.error().describe();
  EXPECT_NE(inode_of_fd(first->get()), this_thread_netns());
  EXPECT_NE(inode_of_fd(first->get()), inode_of_fd(second->get()));
  EXPECT_TRUE(::fcntl(first->get(), F_GETFD) & FD_CLOEXEC);
}

TEST(NetnsInterop, namespace_created_by_nlpp_is_listed_and_deleted_by_ip_netns) {
  const std::string name = test::unique_netns_name();
  ASSERT_TRUE(create(name));
  ScopedNetns owned = ScopedNetns::adopt(name);

  EXPECT_TRUE(contains(ip_netns_names(), name));
  EXPECT_EQ(ip_link_names(name), std::vector<std::string>{"lo"});

  test::ip_netns("del " + name);
  EXPECT_FALSE(contains(list().value(), name));
}

TEST(NetnsInterop, namespace_added_by_ip_netns_is_listed_used_and_removed_by_nlpp) {
  const std::string name = test::unique_netns_name();
  test::ip_netns("add " + name);
  ScopedNetns owned = ScopedNetns::adopt(name);
  test::ip_run(name, "link add nlpp-br0 type bridge");

  EXPECT_TRUE(contains(list().value(), name));
  Result<UniqueFd> socket = open_route_socket(Ref::name(name));
  ASSERT_TRUE(socket) << socket.error().describe();
  EXPECT_EQ(dump_link_names(socket->get()), (std::vector<std::string>{"lo", "nlpp-br0"}));

  ASSERT_TRUE(remove(name));
  EXPECT_FALSE(contains(ip_netns_names(), name));
}

using NetnsSocket = NetnsTest;

TEST_F(NetnsSocket, opened_by_name_sees_the_links_ip_shows_in_the_namespace) {
  test::ip_run(ns_name(), "link add nlpp-br0 type bridge");
  Result<UniqueFd> socket = open_route_socket(ns_ref());
  ASSERT_TRUE(socket) << socket.error().describe();
  EXPECT_EQ(netns_of_socket(socket->get()), inode_of(ns_ref()).value());
  EXPECT_TRUE(::fcntl(socket->get(), F_GETFD) & FD_CLOEXEC);
  EXPECT_EQ(dump_link_names(socket->get()), ip_link_names(ns_name()));
  EXPECT_EQ(dump_link_names(socket->get()), (std::vector<std::string>{"lo", "nlpp-br0"}));
}

TEST_F(NetnsSocket, opened_by_fd_lands_in_that_namespace_and_leaves_the_fd_open) {
  Result<UniqueFd> ns = ns_ref().open();
  ASSERT_TRUE(ns) << ns.error().describe();
  Result<UniqueFd> socket = open_route_socket(Ref::fd(ns->get()));
  ASSERT_TRUE(socket) << socket.error().describe();
  EXPECT_EQ(netns_of_socket(socket->get()), inode_of_fd(ns->get()));
  EXPECT_GE(::fcntl(ns->get(), F_GETFD), 0) << "the caller's fd was closed";
}

TEST_F(NetnsSocket, opened_by_pid_lands_in_the_namespace_of_that_process) {
  const ino_t expected = inode_of(ns_ref()).value();
  const test::Subprocess sleeper = test::Subprocess::spawn({"ip", "netns", "exec", ns_name(), "sleep", "30"}).value();
  const Ref by_pid = Ref::pid(sleeper.pid());
  // ip joins the namespace, then execs sleep under the same pid; wait for the join.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (inode_of(by_pid).value() != expected && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));

  Result<UniqueFd> socket = open_route_socket(by_pid);
  ASSERT_TRUE(socket) << socket.error().describe();
  EXPECT_EQ(netns_of_socket(socket->get()), expected);
}

TEST_F(NetnsSocket, run_in_runs_work_inside_and_the_calling_thread_stays_outside) {
  const ino_t caller = this_thread_netns();
  ino_t seen_by_work = 0;
  Result<UniqueFd> ran = run_in(ns_ref(), [&]() -> Result<UniqueFd> {
    seen_by_work = this_thread_netns();
    return UniqueFd();
  });
  ASSERT_TRUE(ran) << ran.error().describe();
  EXPECT_EQ(seen_by_work, inode_of(ns_ref()).value());
  EXPECT_EQ(this_thread_netns(), caller);
}

TEST_F(NetnsSocket, run_in_rethrows_what_work_throws) {
  EXPECT_THROW((void)run_in(ns_ref(), []() -> Result<UniqueFd> { throw std::runtime_error("from work"); }),
               std::runtime_error);
}

TEST_F(NetnsSocket, eight_threads_opening_at_once_all_land_in_the_namespace) {
  const ino_t expected = inode_of(ns_ref()).value();
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      const ino_t own = this_thread_netns();
      for (int i = 0; i < 50; ++i) {
        Result<UniqueFd> socket = open_route_socket(ns_ref());
        if (!socket || netns_of_socket(socket->get()) != expected || this_thread_netns() != own) ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
}

TEST_F(NetnsSocket, opening_and_closing_1000_sockets_leaves_the_fd_count_unchanged) {
  const size_t before = open_fd_count();
  for (int i = 0; i < 1000; ++i) {
    EXPECT_TRUE(open_route_socket(ns_ref()));
    // The same path, failing after setns.
    EXPECT_FALSE(open_socket(ns_ref(), AF_INET, SOCK_STREAM, IPPROTO_UDP));
  }
  EXPECT_EQ(open_fd_count(), before);
}

TEST(NetnsErrors, unknown_name_fails_with_enoent_naming_it) {
  const std::string name = test::unique_netns_name();
  Result<UniqueFd> socket = open_route_socket(Ref::name(name));
  ASSERT_FALSE(socket);
  EXPECT_EQ(socket.error().code(), std::errc::no_such_file_or_directory);
  EXPECT_NE(socket.error().context().find("netns " + name), std::string::npos) << socket.error().describe();
}

TEST(NetnsErrors, bad_names_fail_with_invalid_argument) {
  for (const std::string& name : {std::string(), std::string("a/b"), std::string(".."), std::string(256, 'a')})
    expect_invalid_argument(open_route_socket(Ref::name(name)), "netns name");
}

TEST(NetnsErrors, bad_fd_fails_with_ebadf) {
  Result<UniqueFd> socket = open_route_socket(Ref::fd(-1));
  ASSERT_FALSE(socket);
  EXPECT_EQ(socket.error().code(), std::errc::bad_file_descriptor);
  EXPECT_NE(socket.error().context().find("netns fd -1"), std::string::npos) << socket.error().describe();
}

TEST(NetnsErrors, fd_of_something_else_fails_with_einval) {
  const UniqueFd null(::open("/dev/null", O_RDONLY | O_CLOEXEC));
  Result<UniqueFd> socket = open_route_socket(Ref::fd(null.get()));
  ASSERT_FALSE(socket);
  EXPECT_EQ(socket.error().code(), std::errc::invalid_argument);
  EXPECT_NE(socket.error().context().find("joining netns fd"), std::string::npos) << socket.error().describe();
}

TEST(NetnsErrors, pid_that_is_not_positive_fails_with_invalid_argument) {
  expect_invalid_argument(open_route_socket(Ref::pid(0)), "netns pid");
}

TEST(NetnsErrors, pid_of_no_process_fails_with_enoent) {
  // pid_max is at most 2^22; no process has a pid above it.
  Result<UniqueFd> socket = open_route_socket(Ref::pid((1 << 22) + 1));
  ASSERT_FALSE(socket);
  EXPECT_EQ(socket.error().code(), std::errc::no_such_file_or_directory);
}

TEST(NetnsErrors, socket_failure_inside_the_namespace_names_the_namespace) {
  const ScopedNetns ns = ScopedNetns::create().value();
  Result<UniqueFd> socket = open_socket(ns.ref(), AF_INET, SOCK_STREAM, IPPROTO_UDP);
  ASSERT_FALSE(socket);
  EXPECT_EQ(socket.error().code(), std::errc::protocol_not_supported);
  EXPECT_NE(socket.error().context().find("netns " + ns.name()), std::string::npos) << socket.error().describe();
}

TEST(NetnsErrors, joining_without_cap_sys_admin_fails_with_eperm) {
  const ScopedNetns ns = ScopedNetns::create().value();
  without_cap_sys_admin([&] {
    Result<UniqueFd> socket = open_route_socket(ns.ref());
    ASSERT_FALSE(socket);
    EXPECT_EQ(socket.error().code(), std::errc::operation_not_permitted);
    EXPECT_NE(socket.error().context().find("joining netns " + ns.name()), std::string::npos)
        << socket.error().describe();
  });
}

TEST(NetnsErrors, creating_without_cap_sys_admin_fails_with_eperm_and_leaves_no_name) {
  const std::string name = test::unique_netns_name();
  without_cap_sys_admin([&] {
    Result<void> created = create(name);
    ASSERT_FALSE(created);
    EXPECT_EQ(created.error().code(), std::errc::operation_not_permitted);
  });
  EXPECT_FALSE(contains(list().value(), name));
}

}  // namespace
}  // namespace nlpp::netns

#include "tuntap.hpp"

#include <nlpp/core/unique_fd.hpp>
#include <nlpp/io/socket.hpp>
#include <nlpp/netns/netns.hpp>

#include <fcntl.h>
#include <linux/if_tun.h>
#include <linux/sockios.h>
#include <sys/ioctl.h>

#include <cerrno>
#include <cstring>

namespace nlpp::rtnl::link {
namespace {

Error refuse(std::string_view why) { return Error(errc::invalid_argument, "tun link: " + std::string(why)); }

// The namespace the session's socket lives in (SIOCGSKNS): where the device must go.
Result<UniqueFd> namespace_of(io::Transport& transport) {
  const auto* socket = dynamic_cast<const io::Socket*>(&transport);
  if (socket == nullptr) return refuse("this session has no socket, so no namespace to create the device in");
  UniqueFd ns(::ioctl(socket->fileno(), SIOCGSKNS));
  if (!ns) return Error::from_errno(errno, "tun link: SIOCGSKNS");
  return ns;
}

// TUNSETIFF's flags for the Tun's type and options.
short tun_flags(const Tun& tun) {
  int flags = tun.type == TunType::tap ? IFF_TAP : IFF_TUN;
  if (!tun.pi.value_or(false)) flags |= IFF_NO_PI;
  if (tun.vnet_hdr.value_or(false)) flags |= IFF_VNET_HDR;
  if (tun.multi_queue.value_or(false)) flags |= IFF_MULTI_QUEUE;
  return static_cast<short>(flags);
}

// Opens /dev/net/tun in the calling thread's namespace and makes the
// device there, persistent, with its owner and group.
Result<UniqueFd> create_device(const std::string& name, const Tun& tun) {
  UniqueFd fd(::open("/dev/net/tun", O_RDWR | O_CLOEXEC));
  if (!fd) return Error::from_errno(errno, "tun link: open /dev/net/tun");
  ifreq request{};
  std::memcpy(request.ifr_name, name.data(), name.size());  // validated: at most 15 bytes
  request.ifr_flags = tun_flags(tun);
  if (::ioctl(fd.get(), TUNSETIFF, &request) != 0) return Error::from_errno(errno, "tun link: TUNSETIFF");
  if (tun.owner && ::ioctl(fd.get(), TUNSETOWNER, static_cast<unsigned long>(*tun.owner)) != 0)
    return Error::from_errno(errno, "tun link: TUNSETOWNER");
  if (tun.group && ::ioctl(fd.get(), TUNSETGROUP, static_cast<unsigned long>(*tun.group)) != 0)
    return Error::from_errno(errno, "tun link: TUNSETGROUP");
  if (::ioctl(fd.get(), TUNSETPERSIST, 1UL) != 0) return Error::from_errno(errno, "tun link: TUNSETPERSIST");
  return fd;
}

}  // namespace

Result<io::PlanStep> tuntap_creation(const Link& link) {
  const auto* tun = std::get_if<Tun>(&link.info->data);
  if (tun == nullptr || !tun->type) return refuse("the data must be a Tun with its type (tun or tap)");
  // Closing the creating descriptor deletes a device that does not persist.
  if (tun->persist == false) return refuse("persist must be true: the device must outlive its creation");
  return io::PlanStep{.action = [name = *link.name, device = *tun](io::Transport& transport) -> Result<void> {
    Result<UniqueFd> ns = namespace_of(transport);
    if (!ns) return std::move(ns).error();
    Result<UniqueFd> created =
        netns::run_in(netns::Ref::fd(ns->get()), [&] { return create_device(name, device); });
    if (!created) return std::move(created).error();
    return {};
  }};
}

}  // namespace nlpp::rtnl::link

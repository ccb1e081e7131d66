// ObjectTraits<Link>::add(), which IPRoute::add() calls for links (see
// link.hpp): RTM_NEWLINK, or the tun/tap ioctl, then the altnames.
#include <nlpp/rtnl/link.hpp>

#include <nlpp/rtnl/link_altnames.hpp>

#include "tuntap.hpp"

namespace nlpp::rtnl {

Result<io::Ack> ObjectTraits<Link>::add(IPRoute& ipr, const Link& link) {
  const bool is_tun = link.info && link.info->kind == "tun";
  if ((is_tun || !link.altnames.empty()) && !link.name)
    return Error(errc::invalid_argument, "link name: needed to create a tun/tap link or one with altnames");
  if (Result<void> valid = validate(link); !valid) return std::move(valid).error();
  Result<io::Ack> created =
      is_tun ? link::add_tuntap(ipr, link) : ipr.request(link, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL);
  if (!created || link.altnames.empty()) return created;

  Result<Link> made = ipr.get(Link{.name = link.name});
  if (!made) return std::move(made).error();
  if (Result<io::Ack> named = add_altnames(ipr, made->ifindex, link.altnames); !named) {
    (void)ipr.del(Link{.ifindex = made->ifindex});
    return named;
  }
  return created;
}

}  // namespace nlpp::rtnl

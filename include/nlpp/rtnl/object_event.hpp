// The two events of an RTNL object: created or changed (NewEvent), gone
// (DelEvent). Each object's header names its own (`using NewLink =
// NewEvent<Link>;`); event.hpp gathers them into rtnl::Event.
#pragma once

#include <linux/netlink.h>

#include <cstdint>

namespace nlpp::rtnl {

/// An RTM_NEW* notification: the object was created, or it changed (the
/// kernel sends RTM_NEWLINK for every change to a link, RTM_NEWNEIGH for
/// every state change...). Which one, the kernel tells only for some
/// objects, through nlmsg_flags.
template <class T>
struct NewEvent {
  T object;
  /// nlmsg_flags as the kernel set them. Routes: NLM_F_REPLACE when the
  /// route replaced one with the same key (`ip route replace`, IPv4 and
  /// IPv6), NLM_F_APPEND for `ip route append`, NLM_F_CREATE |
  /// NLM_F_EXCL | NLM_F_APPEND... are whatever the request carried.
  uint16_t nlmsg_flags = 0;

  /// NLM_F_REPLACE: this object took the place of another with its key.
  bool replaced() const noexcept { return (nlmsg_flags & NLM_F_REPLACE) != 0; }
  /// NLM_F_APPEND: added after others with the same key (routes).
  bool appended() const noexcept { return (nlmsg_flags & NLM_F_APPEND) != 0; }

  friend bool operator==(const NewEvent&, const NewEvent&) = default;
};

/// An RTM_DEL* notification: the object is gone. It carries what the
/// object looked like when it was deleted.
template <class T>
struct DelEvent {
  T object;
  uint16_t nlmsg_flags = 0;  ///< nlmsg_flags as the kernel set them

  friend bool operator==(const DelEvent&, const DelEvent&) = default;
};

}  // namespace nlpp::rtnl

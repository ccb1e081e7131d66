#include "ipdb/undo.hpp"

#include "ipdb/cache_state.hpp"
#include "ipdb/kind_order.hpp"
#include "ipdb/object_names.hpp"
#include "ipdb/pipelined_sender.hpp"
#include "ipdb/vid_set.hpp"

#include <linux/rtnetlink.h>
#include <net/if.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <map>
#include <shared_mutex>
#include <string>
#include <system_error>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace nlpp::ipdb {
namespace {

// Each object's value before its first change in the journal.
template <class T>
using Snapshot = std::map<typename ObjectSet<T>::Key, std::optional<T>>;
using Snapshots = Each<Snapshot>::Tuple;

Snapshots snapshots_of(const Journal& journal) {
  Snapshots snapshots;
  std::apply(
      [&]<class... T>(const std::vector<Change<T>>&... changes) {
        (
            [&] {
              Snapshot<T>& snapshot = std::get<Snapshot<T>>(snapshots);
              for (const Change<T>& of : changes) {
                // A change may move an object to another key (a route
                // replaced by one through another gateway): the old key
                // had before, the new one nothing.
                if (of.before) snapshot.try_emplace(CacheKey<T>::of(*of.before), of.before);
                if (of.after && (!of.before || CacheKey<T>::of(*of.after) != CacheKey<T>::of(*of.before)))
                  snapshot.try_emplace(CacheKey<T>::of(*of.after), std::nullopt);
              }
            }(),
            ...);
      },
      journal);
  return snapshots;
}

// The link flags a program sets; the others (running, lower_up...) follow.
constexpr uint32_t settable_link_flags = IFF_UP | IFF_PROMISC | IFF_ALLMULTI | IFF_NOARP;

// Fields that change by themselves (counters, timers, state the kernel
// keeps: carrier, a route's linkdown flag, an IPv6 address leaving DAD):
// not compared, not restored. A link's flags are compared apart.
bool is_volatile(std::string_view field) {
  static constexpr std::array<std::string_view, 13> names{
      "flags",          "stats",  "operstate", "carrier", "promiscuity", "cacheinfo", "lifetimes", "preferred_lifetime",
      "valid_lifetime", "probes", "expires",   "unknown", "used"};
  return std::ranges::find(names, field) != names.end();
}

// Whether the object is one a program keeps, rather than the kernel: a
// dynamic neighbour entry comes and goes with traffic; an IPv6 link-local
// address, and the routes of protocol "kernel" (a subnet's, an address's
// local one, IPv6 multicast), follow the links and addresses they belong
// to, sometimes a moment later (DAD, the carrier's linkwatch). Undo leaves
// those to the kernel, which makes them again with what they follow.
template <class T>
bool kept_by_programs(const T&) {
  return true;
}
bool kept_by_programs(const rtnl::Neighbour& neighbour) {
  return neighbour.state.intersects({rtnl::NeighbourState::permanent, rtnl::NeighbourState::noarp});
}
bool kept_by_programs(const rtnl::Address& address) {
  const bool link_local_v6 = address.local.is_v6() && std::to_integer<uint8_t>(address.local.bytes()[0]) == 0xfe &&
                             (std::to_integer<uint8_t>(address.local.bytes()[1]) & 0xc0) == 0x80;
  return !link_local_v6;
}
bool kept_by_programs(const rtnl::Route& route) { return route.protocol != RTPROT_KERNEL; }

// What differs between was and now that a program could have changed.
template <class T>
std::vector<FieldChange> differences(const T& was, const T& now) {
  std::vector<FieldChange> fields = rtnl::ObjectTraits<T>::diff(was, now);
  std::erase_if(fields, [](const FieldChange& field) { return is_volatile(field.field); });
  if constexpr (std::is_same_v<T, rtnl::Link>) {
    if (((was.flags ^ now.flags) & settable_link_flags) != 0)
      fields.push_back(
          {"flags", std::to_string(was.flags & settable_link_flags), std::to_string(now.flags & settable_link_flags)});
  }
  return fields;
}

// A link as it was, as a request that makes it again: what a program set,
// not what the kernel reports about it. A veth is made with its peer as
// the snapshot had it, and only when the peer is gone too (made with a
// peer the kernel would name itself, it would leave a stray link).
std::optional<rtnl::Link> recreated(const rtnl::Link& was, const Snapshot<rtnl::Link>& links,
                                    const ObjectSet<rtnl::Link>& now) {
  rtnl::Link link{.ifindex = was.ifindex,
                  .name = was.name,
                  .address = was.address,
                  .mtu = was.mtu,
                  .txqlen = was.txqlen,
                  .master = was.master,
                  .alias = was.alias,
                  .group = was.group};
  if (was.info) link.info = rtnl::LinkInfo{.kind = was.info->kind, .data = was.info->data};
  if (was.info && was.info->kind == "veth") {
    if (!was.link || was.link_netnsid) return std::nullopt;  // a peer in another namespace: not here to make
    const auto peer = links.find(uint32_t{*was.link});
    if (peer == links.end() || !peer->second || now.find(uint32_t{*was.link})) return std::nullopt;
    std::optional<rtnl::Link> peer_link = recreated(*peer->second, {}, now);
    if (!peer_link) return std::nullopt;
    peer_link->info.reset();
    link.info->data = rtnl::link::Veth{.peer = std::move(*peer_link)};
  } else if (was.link) {
    link.link = was.link;
  }
  link.set_flag(IFF_UP, was.is_up());
  return link;
}

// The change that takes a link from now back to was: only what differs.
rtnl::Link changed_back(const rtnl::Link& was, const rtnl::Link& now) {
  rtnl::Link link{.ifindex = now.ifindex};
  for (const FieldChange& field : differences(was, now)) {
    const std::string_view name = field.field;
    if (name == "name")
      link.name = was.name;
    else if (name == "address")
      link.address = was.address;
    else if (name == "mtu")
      link.mtu = was.mtu;
    else if (name == "txqlen")
      link.txqlen = was.txqlen;
    else if (name == "master")
      link.master = was.master.value_or(0);
    else if (name == "alias")
      link.alias = was.alias.value_or("");
    else if (name == "group")
      link.group = was.group;
    else if (name == "flags") {
      for (uint32_t flag = 1; flag != 0; flag <<= 1)
        if ((settable_link_flags & (was.flags ^ now.flags) & flag) != 0) link.set_flag(flag, (was.flags & flag) != 0);
    } else if (was.info) {  // kind or port data
      link.info = rtnl::LinkInfo{.kind = was.info->kind, .data = was.info->data};
      if (was.master) {
        link.info->slave_kind = was.info->slave_kind;
        link.info->slave_data = was.info->slave_data;
      }
    }
  }
  return link;
}

// An error of a restoring request that means it is done already.
bool already_so(io::Verb verb, const Error& error) {
  const int code = error.code().value();
  if (verb == io::Verb::del) return code == ENOENT || code == ESRCH || code == ENODEV || code == EADDRNOTAVAIL;
  return verb == io::Verb::add && code == EEXIST;
}

// One restoring change, with what it is about for the error text.
struct Restoring {
  io::Verb verb;
  AnyObject object;
  std::string what;
};

class Undo {
 public:
  Undo(detail::CacheState& cache, const Journal& journal) : cache_(cache), snapshots_(snapshots_of(journal)) {}

  // One pass: every difference queued and sent; the refusals that matter
  // are added to refusals. How many changes were sent.
  Result<size_t> pass(std::vector<Error>& refusals) {
    std::vector<Restoring> changes;
    {
      std::shared_lock lock(cache_.mutex);
      for_kinds_dependents_first([&]<class T>(std::type_identity<T>) {
        for (const auto& [key, was] : std::get<Snapshot<T>>(snapshots_))
          if (const T* now = std::get<ObjectSet<T>>(cache_.sets).find(key))
            if (std::optional<Restoring> removal = taken_back(was ? &*was : nullptr, *now))
              changes.push_back(std::move(*removal));
      });
      for_kinds_dependencies_first([&]<class T>(std::type_identity<T>) {
        for (const auto& [key, was] : std::get<Snapshot<T>>(snapshots_)) {
          if (!was || !kept_by_programs(*was)) continue;
          if (std::optional<Restoring> put = put_back(*was, std::get<ObjectSet<T>>(cache_.sets).find(key)))
            changes.push_back(std::move(*put));
        }
      });
    }
    PipelinedSender sender(cache_.requests, false);
    for (size_t index = 0; index < changes.size(); ++index)
      if (Result<void> queued = sender.queue(changes[index].verb, changes[index].object, index); !queued)
        refusals.push_back(described(changes[index], queued.error()));
    if (Result<void> sent = sender.flush(); !sent) return std::move(sent).error();
    for (const PipelinedSender::Outcome& outcome : sender.take_outcomes())
      if (!outcome.result && !already_so(changes[outcome.tag].verb, outcome.result.error()))
        refusals.push_back(described(changes[outcome.tag], outcome.result.error()));
    return changes.size();
  }

  // What still differs from the snapshots, one line each.
  std::vector<std::string> remaining() const {
    std::vector<std::string> lines;
    std::shared_lock lock(cache_.mutex);
    for_kinds_dependencies_first([&]<class T>(std::type_identity<T>) {
      for (const auto& [key, was] : std::get<Snapshot<T>>(snapshots_)) {
        const T* now = std::get<ObjectSet<T>>(cache_.sets).find(key);
        if (was && !kept_by_programs(*was)) continue;
        if (!was && (!now || !kept_by_programs(*now))) continue;
        if (!was) {
          lines.push_back(name_of(*now) + ": there, was not before");
        } else if (!now) {
          lines.push_back(name_of(*was) + ": gone, was there before");
        } else {
          for (const FieldChange& field : differences(*was, *now))
            lines.push_back(name_of(*now) + ": " + std::string(field.field) + " was " + field.before + ", now " +
                            field.after);
        }
      }
    });
    return lines;
  }

 private:
  // A rule cannot be changed in place: a different one is removed, then added.
  template <class T>
  static bool replaces_by_removal(const T& was, const T& now) {
    if constexpr (std::is_same_v<T, rtnl::Rule>) return !differences(was, now).empty();
    return false;
  }

  // The removal that takes now away, was being what it was (if anything):
  // all of it, when it was not there or is to be made again.
  template <class T>
  static std::optional<Restoring> taken_back(const T* was, const T& now) {
    if (!kept_by_programs(now) || (was && kept_by_programs(*was) && !replaces_by_removal(*was, now)))
      return std::nullopt;
    return Restoring{io::Verb::del, now, name_of(now)};
  }
  // A port's vids that were not there; when the port itself was not one,
  // its vids go with it as its link is put back.
  static std::optional<Restoring> taken_back(const rtnl::BridgeVlan* was, const rtnl::BridgeVlan& now) {
    if (!was) return std::nullopt;
    const VidFlags before = vids_of(*was);
    VidFlags gone;
    for (const auto& [vid, flags] : vids_of(now))
      if (!before.contains(vid)) gone[vid] = flags;
    if (gone.empty()) return std::nullopt;
    rtnl::BridgeVlan removal = request_for(now, gone);
    return Restoring{io::Verb::del, removal, name_of(removal)};
  }

  // The change that puts was back, now being what the cache holds (if
  // anything); nothing when they are the same.
  static std::optional<Restoring> put_back(const rtnl::BridgeVlan& was, const rtnl::BridgeVlan* now) {
    const VidFlags missing = apart_from(vids_of(was), now ? vids_of(*now) : VidFlags{});
    if (missing.empty()) return std::nullopt;
    rtnl::BridgeVlan restoring = request_for(was, missing);
    return Restoring{io::Verb::add, restoring, name_of(restoring)};
  }
  template <class T>
  std::optional<Restoring> put_back(const T& was, const T* now) const {
    if constexpr (std::is_same_v<T, rtnl::Link>) {
      if (!now) {
        std::optional<rtnl::Link> link =
            recreated(was, std::get<Snapshot<rtnl::Link>>(snapshots_), std::get<ObjectSet<rtnl::Link>>(cache_.sets));
        if (!link) return std::nullopt;  // remaining() reports it
        return Restoring{io::Verb::add, std::move(*link), name_of(was)};
      }
      if (differences(was, *now).empty()) return std::nullopt;
      return Restoring{io::Verb::set, changed_back(was, *now), name_of(was)};
    } else {
      if (now && kept_by_programs(*now) && differences(was, *now).empty()) return std::nullopt;
      const bool removed_first = now && replaces_by_removal(was, *now);
      return Restoring{now && !removed_first ? io::Verb::replace : io::Verb::add, was, name_of(was)};
    }
  }

  static Error described(const Restoring& change, const Error& error) {
    return Error(error.code(),
                 "undo: " + std::string(io::verb_name(change.verb)) + " " + change.what + ": " + error.context(),
                 error.ext_ack());
  }

  detail::CacheState& cache_;
  Snapshots snapshots_;
};

}  // namespace

Result<void> undo(detail::CacheState& cache, const Journal& journal) {
  Undo restoring(cache, journal);
  std::vector<Error> refusals;
  // A pass can need another: a link made again brings back what the
  // kernel makes with it, which the next pass compares.
  for (int pass = 0; pass < 3; ++pass) {
    Result<size_t> sent = restoring.pass(refusals);
    if (!sent) return std::move(sent).error();
    if (Result<UpdateStats> settled = cache.update(std::chrono::milliseconds(0)); !settled)
      return std::move(settled).error();
    if (*sent == 0) break;
  }
  const std::vector<std::string> left = restoring.remaining();
  if (left.empty()) return {};
  std::string text = "undo incomplete: " + std::to_string(left.size()) + " difference(s) from before the commit";
  for (const std::string& line : left) text += "; " + line;
  if (!refusals.empty()) text += "; the kernel refused " + refusals.front().describe();
  return Error(errc::undo_incomplete, text);
}

}  // namespace nlpp::ipdb

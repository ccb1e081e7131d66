// A generic netlink family as nlctrl describes it (CTRL_CMD_GETFAMILY):
// its run-time id, version, operations and multicast groups. What `genl
// ctrl list` prints.
//
//     auto genl = genl::GenericNetlink::open().value();
//     for (const genl::Family& family : genl.dump<genl::Family>().value()) std::cout << family.name << '\n';
//     genl::Family taskstats = genl.get(genl::Family{.name = "TASKSTATS"}).value();
#pragma once

#include <nlpp/codec/raw_attribute.hpp>
#include <nlpp/genl/object_traits.hpp>

#include <linux/genetlink.h>

#include <cstdint>
#include <string>
#include <vector>

namespace nlpp::genl {

/// One operation of a family (CTRL_ATTR_OPS entry).
struct FamilyOperation {
  uint32_t command = 0;  ///< CTRL_ATTR_OP_ID: the genlmsghdr cmd
  uint32_t flags = 0;    ///< CTRL_ATTR_OP_FLAGS: GENL_ADMIN_PERM, GENL_CMD_CAP_DO / _DUMP / _HASPOL...
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const FamilyOperation&, const FamilyOperation&) = default;
};

/// One multicast group of a family (CTRL_ATTR_MCAST_GROUPS entry): the
/// number to join for its notifications.
struct MulticastGroup {
  std::string name{};  ///< CTRL_ATTR_MCAST_GRP_NAME
  uint32_t id = 0;   ///< CTRL_ATTR_MCAST_GRP_ID
  std::vector<RawAttribute> unknown{};

  friend bool operator==(const MulticastGroup&, const MulticastGroup&) = default;
};

/// A generic netlink family. A get finds it by name, else by id.
struct Family {
  uint16_t id = 0;              ///< CTRL_ATTR_FAMILY_ID: the nlmsg_type of its messages
  std::string name{};           ///< CTRL_ATTR_FAMILY_NAME: "nl80211", "TASKSTATS"...
  uint32_t version = 0;         ///< CTRL_ATTR_VERSION
  uint32_t header_size = 0;     ///< CTRL_ATTR_HDRSIZE: a family header after genlmsghdr
  uint32_t max_attribute = 0;   ///< CTRL_ATTR_MAXATTR
  std::vector<FamilyOperation> operations{};        ///< CTRL_ATTR_OPS
  std::vector<MulticastGroup> multicast_groups{};   ///< CTRL_ATTR_MCAST_GROUPS
  std::vector<RawAttribute> unknown{};              ///< CTRL_ATTR_POLICY... kept as they came

  friend bool operator==(const Family&, const Family&) = default;
};

/// A dump of families selects them all.
struct FamilyFilter {};

template <>
struct ObjectTraits<Family> {
  static constexpr std::string_view name = "family";
  static constexpr std::string_view family = "nlctrl";
  static constexpr uint8_t version = 2;
  static constexpr uint8_t get_command = CTRL_CMD_GETFAMILY;
  static constexpr uint8_t reply_command = CTRL_CMD_NEWFAMILY;
  using Filter = FamilyFilter;

  static Result<Family> parse(const wire::Message& message);
  /// CTRL_ATTR_FAMILY_NAME when the query has a name, else CTRL_ATTR_FAMILY_ID.
  static Result<void> emit_key(const Family& query, wire::MessageBuilder& builder);
  static void emit_dump_filter(const FamilyFilter&, wire::MessageBuilder&) {}
  static bool matches(const FamilyFilter&, const Family&) { return true; }
};

}  // namespace nlpp::genl

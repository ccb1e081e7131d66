// skbedit's, vlan's, csum's, nat's and pedit's checks, nat's addresses
// and pedit's keys in their parms.
#include "rtnl/tc/action_kinds_edit.hpp"

#include <nlpp/wire/bytes.hpp>

#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <sys/socket.h>

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstring>
#include <vector>

namespace nlpp::rtnl::tc {
namespace {

// tc_pedit_sel.nkeys is a byte.
constexpr size_t max_pedit_keys = 255;

// One tc_pedit_key from the parms' payload, at the key's place.
tc_pedit_key key_at(wire::Bytes payload, size_t index) {
  tc_pedit_key key{};
  std::memcpy(&key, payload.data() + offsetof(tc_pedit_sel, keys) + index * sizeof key, sizeof key);
  return key;
}

}  // namespace

std::optional<std::string> ActionKind<Skbedit>::refusal(const Skbedit& skbedit) {
  if (skbedit.mask && !skbedit.mark) return "a mask needs a mark";
  if (!skbedit.priority && !skbedit.queue_mapping && !skbedit.mark && !skbedit.ptype && skbedit.flags == 0)
    return "nothing to set (priority, queue_mapping, mark, ptype or flags)";
  return std::nullopt;
}

std::optional<std::string> ActionKind<Vlan>::refusal(const Vlan& vlan) {
  const bool tags = vlan.operation == Vlan::Operation::push || vlan.operation == Vlan::Operation::modify;
  if (tags && !vlan.id) return "push and modify need an id";
  // The kernel refuses 4095 too (VLAN_VID_MASK): it is reserved.
  if (vlan.id && *vlan.id >= 0xfff) return "the id " + std::to_string(*vlan.id) + " is above 4094";
  if (vlan.priority && *vlan.priority > 7) return "the priority " + std::to_string(*vlan.priority) + " is above 7";
  if (vlan.protocol && *vlan.protocol != ETH_P_8021Q && *vlan.protocol != ETH_P_8021AD)
    return "the protocol is 802.1Q or 802.1ad";
  if (vlan.operation == Vlan::Operation::push_eth && (!vlan.destination || !vlan.source))
    return "push_eth needs a destination and a source address";
  return std::nullopt;
}

std::optional<std::string> ActionKind<Csum>::refusal(const Csum& csum) {
  if (csum.update_flags == 0) return "no header to update (update_flags is 0)";
  return std::nullopt;
}

void ActionKind<Nat>::read(const Parms& parms, Nat& nat) {
  nat.egress = (parms.flags & TCA_NAT_FLAG_EGRESS) != 0;
  const auto length = static_cast<uint8_t>(std::countl_one(ntohl(parms.mask)));
  nat.old_prefix =
      IpPrefix(IpAddress::from_bytes(AF_INET, wire::bytes_of(parms.old_addr)).value_or(IpAddress()), length);
  nat.new_address = IpAddress::from_bytes(AF_INET, wire::bytes_of(parms.new_addr)).value_or(IpAddress());
}

void ActionKind<Nat>::write(const Nat& nat, Parms& parms) {
  std::memcpy(&parms.old_addr, nat.old_prefix.address.bytes().data(),
              std::min(sizeof parms.old_addr, nat.old_prefix.address.size()));
  std::memcpy(&parms.new_addr, nat.new_address.bytes().data(), std::min(sizeof parms.new_addr, nat.new_address.size()));
  const uint8_t length = nat.old_prefix.length;
  parms.mask = htonl(length == 0 ? 0 : ~uint32_t{0} << (32 - std::min<uint8_t>(length, 32)));
  parms.flags = nat.egress ? TCA_NAT_FLAG_EGRESS : 0;
}

std::optional<std::string> ActionKind<Nat>::refusal(const Nat& nat) {
  if (!nat.old_prefix.address.is_v4() || !nat.new_address.is_v4())
    return "the old prefix and the new address are IPv4 addresses";
  return std::nullopt;
}

Result<void> PeditKeysExIn::parse(const wire::Attribute& attribute, Pedit& pedit) const {
  pedit.extended = true;
  if (Result<void> valid = attribute.nested().validate(); !valid) return valid;
  size_t index = 0;
  for (const wire::Attribute& entry : attribute.nested()) {
    if (entry.type() != TCA_PEDIT_KEY_EX) continue;
    if (pedit.keys.size() <= index) pedit.keys.resize(index + 1);
    PeditKey& key = pedit.keys[index++];
    for (const wire::Attribute& member : entry.nested()) {
      uint16_t value = 0;
      if (!codec::read_native(member, value)) return codec::wrong_size(member, sizeof value);
      if (member.type() == TCA_PEDIT_KEY_EX_HTYPE) key.header = static_cast<PeditHeader>(value);
      if (member.type() == TCA_PEDIT_KEY_EX_CMD) key.command = static_cast<PeditCommand>(value);
    }
  }
  return {};
}

void PeditKeysExIn::emit(const Pedit& pedit, wire::MessageBuilder& out) const {
  if (!pedit.extended) return;
  const wire::MessageBuilder::Nest keys = out.begin_nested(type);
  for (const PeditKey& key : pedit.keys) {
    const wire::MessageBuilder::Nest entry = out.begin_nested(TCA_PEDIT_KEY_EX);
    out.add_u16(TCA_PEDIT_KEY_EX_HTYPE, static_cast<uint16_t>(key.header));
    out.add_u16(TCA_PEDIT_KEY_EX_CMD, static_cast<uint16_t>(key.command));
    out.end_nested(entry);
  }
  out.end_nested(keys);
}

// The keys after tc_pedit_sel, as many as it counts and the payload
// holds; an extended key's header and command came before, in
// TCA_PEDIT_KEYS_EX.
void ActionKind<Pedit>::read(const Parms& parms, wire::Bytes payload, Pedit& pedit) {
  const size_t room = payload.size() < offsetof(tc_pedit_sel, keys)
                          ? 0
                          : (payload.size() - offsetof(tc_pedit_sel, keys)) / sizeof(tc_pedit_key);
  const size_t count = std::min<size_t>(parms.nkeys, room);
  pedit.keys.resize(count);
  for (size_t index = 0; index < count; ++index) {
    const tc_pedit_key wire_key = key_at(payload, index);
    PeditKey& key = pedit.keys[index];
    key.mask = ntohl(wire_key.mask);
    key.value = ntohl(wire_key.val);
    key.offset = static_cast<int32_t>(wire_key.off);
    key.at = wire_key.at;
    key.offmask = wire_key.offmask;
    key.shift = wire_key.shift;
  }
}

void ActionKind<Pedit>::emit_parms(const Pedit& pedit, Parms& head, wire::MessageBuilder& out) {
  head.nkeys = static_cast<unsigned char>(std::min(pedit.keys.size(), max_pedit_keys));
  std::vector<std::byte> parms(offsetof(tc_pedit_sel, keys) + head.nkeys * sizeof(tc_pedit_key));
  std::memcpy(parms.data(), &head, offsetof(tc_pedit_sel, keys));
  for (size_t index = 0; index < head.nkeys; ++index) {
    const PeditKey& key = pedit.keys[index];
    tc_pedit_key wire_key{};
    wire_key.mask = htonl(key.mask);
    wire_key.val = htonl(key.value);
    wire_key.off = static_cast<uint32_t>(key.offset);
    wire_key.at = key.at;
    wire_key.offmask = key.offmask;
    wire_key.shift = key.shift;
    std::memcpy(parms.data() + offsetof(tc_pedit_sel, keys) + index * sizeof wire_key, &wire_key, sizeof wire_key);
  }
  out.add(pedit.extended ? TCA_PEDIT_PARMS_EX : TCA_PEDIT_PARMS, parms);
}

std::optional<std::string> ActionKind<Pedit>::refusal(const Pedit& pedit) {
  if (pedit.keys.empty()) return "no keys";
  if (pedit.keys.size() > max_pedit_keys)
    return std::to_string(pedit.keys.size()) + " keys, at most " + std::to_string(max_pedit_keys);
  for (const PeditKey& key : pedit.keys) {
    if (key.offset % 4 != 0) return "key offset " + std::to_string(key.offset) + ": not a multiple of 4";
    if (!pedit.extended && (key.header != PeditHeader::network || key.command != PeditCommand::set))
      return "a key naming a header or adding needs extended keys";
  }
  return std::nullopt;
}

}  // namespace nlpp::rtnl::tc

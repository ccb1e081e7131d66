#include "tc_pedit_arguments.hpp"

#include "commands.hpp"
#include "tc_action_kinds_arguments.hpp"
#include "tc_words.hpp"

#include <nlpp/codec/ip_address.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>
#include <span>
#include <string>
#include <utility>

namespace nlpp::cli {
namespace {

using rtnl::tc::PeditCommand;
using rtnl::tc::PeditHeader;
using rtnl::tc::PeditKey;

// tc's MAX_OFFS.
constexpr size_t max_keys = 128;

// What a field's value is written as (m_pedit.h's TU32, TIPV4, TIPV6, TMAC).
enum class ValueType { number, ipv4, ipv6, mac };

// One field of a layered header (p_ip.c...): where it is, how long, the
// bits of its bytes it holds (the others are kept: tc's "retain").
struct Field {
  std::string_view name;
  bool abbreviates;  // tc takes a prefix of the name (matches()), not only the name (strcmp())
  int32_t offset;
  uint32_t length;
  ValueType type;
  uint32_t retain;
  bool decrements = false;  // "decrement" is allowed (ttl, hoplimit)
};

constexpr uint32_t all_bits = 0xffffffff, low16 = 0xffff, low8 = 0xff;

// p_ip.c; the last four only without `ex` (with it, they are tcp's, udp's).
constexpr std::array<Field, 13> ip_fields{{
    {"src", false, 12, 4, ValueType::ipv4, all_bits},
    {"dst", false, 16, 4, ValueType::ipv4, all_bits},
    {"tos", false, 1, 1, ValueType::number, low8},
    {"dsfield", true, 1, 1, ValueType::number, low8},
    {"ihl", false, 0, 1, ValueType::number, 0x0f},
    {"ttl", false, 8, 1, ValueType::number, low8, true},
    {"protocol", false, 9, 1, ValueType::number, low8},
    {"precedence", true, 1, 1, ValueType::number, low8},
    {"nofrag", false, 6, 1, ValueType::number, 0x3f},
    {"firstfrag", false, 6, 1, ValueType::number, 0x1f},
    {"ce", false, 6, 1, ValueType::number, 0x80},
    {"df", false, 6, 1, ValueType::number, 0x40},
    {"mf", false, 6, 1, ValueType::number, 0x20},
}};
// tc's icmp_code is at the icmp_type's offset.
constexpr std::array<Field, 4> ip_transport_fields{{
    {"dport", false, 22, 2, ValueType::number, low16},
    {"sport", false, 20, 2, ValueType::number, low16},
    {"icmp_type", false, 20, 1, ValueType::number, low8},
    {"icmp_code", false, 20, 1, ValueType::number, low8},
}};
constexpr std::array<Field, 7> ip6_fields{{
    {"src", false, 8, 16, ValueType::ipv6, all_bits},
    {"dst", false, 24, 16, ValueType::ipv6, all_bits},
    {"flow_lbl", false, 0, 4, ValueType::number, 0x0007ffff},
    {"payload_len", false, 4, 2, ValueType::number, low16},
    {"nexthdr", false, 6, 1, ValueType::number, low8},
    {"hoplimit", false, 7, 1, ValueType::number, low8, true},
    {"traffic_class", false, 1, 1, ValueType::number, low8},
}};
constexpr std::array<Field, 3> tcp_fields{{
    {"sport", false, 0, 2, ValueType::number, low16},
    {"dport", false, 2, 2, ValueType::number, low16},
    {"flags", false, 13, 1, ValueType::number, low8},
}};
constexpr std::array<Field, 2> udp_fields{{
    {"sport", false, 0, 2, ValueType::number, low16},
    {"dport", false, 2, 2, ValueType::number, low16},
}};
constexpr std::array<Field, 3> eth_fields{{
    {"type", false, 12, 2, ValueType::number, low16},
    {"dst", false, 0, 6, ValueType::mac, all_bits},
    {"src", false, 6, 6, ValueType::mac, all_bits},
}};

const Field* find_field(std::span<const Field> fields, std::string_view word) {
  for (const Field& field : fields)
    if (word == field.name || (field.abbreviates && is_command(word, field.name))) return &field;
  return nullptr;
}

uint32_t big_endian(const std::byte* bytes, size_t size) {
  uint32_t value = 0;
  for (size_t i = 0; i < size; ++i) value = value << 8 | std::to_integer<uint32_t>(bytes[i]);
  return value;
}

// Packs one munge into keys as m_pedit.c's pack_key*() do. Keys are in
// host order here; tc's htonl() is the codec's.
class KeyPacker {
 public:
  explicit KeyPacker(rtnl::tc::Pedit& pedit) : pedit_(pedit) {}

  // pack_key(): the key, as it is.
  void add(PeditKey key) {
    if (pedit_.keys.size() >= max_keys) throw UsageError("pedit: more than " + std::to_string(max_keys) + " keys");
    if (key.offset % 4 != 0) throw UsageError("pedit: offsets must be on 32-bit boundaries");
    if (!pedit_.extended && (key.header != PeditHeader::network || key.command != PeditCommand::set))
      throw UsageError("pedit: munge parameters not supported; use \"pedit ex munge ...\"");
    pedit_.keys.push_back(key);
  }
  // pack_key32(): a whole word, the bits retain does not cover kept.
  void word(PeditKey key, uint32_t retain, uint32_t value, uint32_t mask) {
    if (key.offset % 4 != 0) throw UsageError("pedit: 32-bit offsets must begin on 32-bit boundaries");
    key.value = value & retain;
    key.mask = mask | ~retain;
    add(key);
  }
  // pack_key16() and pack_key8(): shifted to their place in the word,
  // the word's other bytes kept.
  void half(PeditKey& key, uint32_t retain, uint32_t value, uint32_t mask) {
    constexpr std::array<uint32_t, 3> others{0x0000ffff, 0xff0000ff, 0xffff0000};
    if (value > 0xffff || mask > 0xffff) throw UsageError("pedit: a 16-bit value above 0xffff");
    const auto place = static_cast<uint32_t>(key.offset) & 3;
    if (place == 3) throw UsageError("pedit: a 16-bit field at offset " + std::to_string(key.offset));
    pack_within(key, retain, value, mask, 8 * (2 - place), others[place]);
  }
  void byte(PeditKey& key, uint32_t retain, uint32_t value, uint32_t mask) {
    constexpr std::array<uint32_t, 4> others{0x00ffffff, 0xff00ffff, 0xffff00ff, 0xffffff00};
    if (value > 0xff || mask > 0xff) throw UsageError("pedit: an 8-bit value above 0xff");
    const auto place = static_cast<uint32_t>(key.offset) & 3;
    pack_within(key, retain, value, mask, 8 * (3 - place), others[place]);
  }
  PeditKey& last() { return pedit_.keys.back(); }
  // pack_mac(): a word and a half, or a half and a word.
  void mac(PeditKey key, const std::byte* address) {
    if (key.offset % 4 == 0) {
      word(key, all_bits, big_endian(address, 4), 0);
      key.offset += 4;
      half(key, all_bits, big_endian(address + 4, 2), 0);
    } else if (key.offset % 2 == 0) {
      half(key, all_bits, big_endian(address, 2), 0);
      key.offset += 4;
      word(key, all_bits, big_endian(address + 2, 4), 0);
    } else {
      throw UsageError("pedit: MAC offsets must begin on 32-bit or 16-bit boundaries");
    }
  }
  // pack_ipv6(): four words.
  void ipv6(PeditKey key, const std::byte* address) {
    if (key.offset % 4 != 0) throw UsageError("pedit: IPv6 offsets must begin on 32-bit boundaries");
    for (int i = 0; i < 4; ++i, key.offset += 4) word(key, all_bits, big_endian(address + 4 * i, 4), 0);
  }

 private:
  // The key's offset moves to its word's start (tc's `off &= ~3`).
  void pack_within(PeditKey& key, uint32_t retain, uint32_t value, uint32_t mask, uint32_t stride, uint32_t others) {
    key.value = (value & retain) << stride;
    key.mask = ((mask | ~retain) << stride) | others;
    key.offset = static_cast<int32_t>(static_cast<uint32_t>(key.offset) & ~uint32_t{3});
    add(key);
  }

  rtnl::tc::Pedit& pedit_;
};

// The value of a set or an add: a number's, or an address's bytes.
struct Value {
  uint32_t number = 0;
  std::array<std::byte, 16> bytes{};
};

Value value_of(std::string_view word, ValueType type) {
  Value value;
  if (type == ValueType::number) {
    value.number = parse_number<uint32_t>(word, "pedit value");
  } else if (type == ValueType::mac) {
    Result<MacAddress> mac = MacAddress::parse(word);
    if (!mac) throw UsageError("pedit: " + quoted(word) + " is not a MAC address");
    std::memcpy(value.bytes.data(), mac->bytes().data(), mac->bytes().size());
  } else {
    Result<IpPrefix> prefix = IpPrefix::parse(word);
    const bool v4 = type == ValueType::ipv4;
    if (!prefix || prefix->address.is_v4() != v4)
      throw UsageError("pedit: " + quoted(word) + " is not an " + (v4 ? "IPv4" : "IPv6") + " address");
    std::memcpy(value.bytes.data(), prefix->address.bytes().data(), prefix->address.size());
    value.number = big_endian(value.bytes.data(), 4);
  }
  return value;
}

// parse_cmd(): `set|add VALUE | invert | clear | preserve | decrement
// [retain MASK]` for a field of `length` bytes at key's place.
void parse_command(Words& words, KeyPacker& packer, bool extended, PeditKey key, const Field& field) {
  const uint32_t all = field.length == 2 ? 0xffff : field.length == 4 ? all_bits : 0xff;
  uint32_t retain = field.retain;
  Value value;
  uint32_t mask = 0;
  const std::string_view command = words.take("pedit: a command is missing (set, add, invert, clear...)");
  if (is_command(command, "invert")) {
    value.number = mask = all;
    // tc's value is its host's u32 array, read as bytes for an address.
    std::memcpy(value.bytes.data(), &all, sizeof all);
  } else if (is_command(command, "set") || is_command(command, "add")) {
    if (is_command(command, "add")) {
      if (!extended) throw UsageError("pedit: non-extended mode, only the set command is supported");
      key.command = PeditCommand::add;
    }
    value = value_of(words.value_after(command), field.type);
  } else if (is_command(command, "decrement")) {
    if (!field.decrements) throw UsageError("pedit: decrement is not supported for this field");
    if (!extended) throw UsageError("pedit: non-extended mode, only the set command is supported");
    key.command = PeditCommand::add;
    value.number = retain;  // adding all of the field's bits takes one away
  } else if (is_command(command, "preserve")) {
    retain = 0;
  } else if (!is_command(command, "clear")) {
    throw UsageError("pedit: " + quoted(command) + " is not a command (set, add, invert, clear, preserve, decrement)");
  }
  if (take_matching(words, {"retain"})) retain = parse_number<uint32_t>(words.value_after("retain"), "retain");
  if (field.length > 4 && retain != all_bits)
    throw UsageError("pedit: retain is not supported for fields longer than 32 bits");
  if (field.type == ValueType::mac) return packer.mac(key, value.bytes.data());
  if (field.type == ValueType::ipv6) return packer.ipv6(key, value.bytes.data());
  if (field.length == 1) return packer.byte(key, retain, value.number, mask);
  if (field.length == 2) return packer.half(key, retain, value.number, mask);
  packer.word(key, retain, value.number, mask);
}

int32_t signed_offset(std::string_view word) {
  const bool negative = word.starts_with('-');
  const auto magnitude = parse_number<uint32_t>(negative ? word.substr(1) : word, "pedit offset");
  return static_cast<int32_t>(negative ? 0u - magnitude : magnitude);
}

// parse_offset(): `offset OFF u32|u16|u8 [at AT OFFMASK SHIFT] COMMAND`,
// "offset" read.
void parse_raw_munge(Words& words, KeyPacker& packer, bool extended) {
  PeditKey key;
  key.offset = signed_offset(words.value_after("offset"));
  const std::string_view size = words.take("pedit: u32, u16 or u8 is missing");
  Field field{"offset", false, key.offset, 4, ValueType::number, all_bits};
  if (is_command(size, "u16")) {
    field.length = 2;
    field.retain = low16;
  } else if (is_command(size, "u8")) {
    field.length = 1;
    field.retain = low8;
  } else if (!is_command(size, "u32")) {
    throw UsageError("pedit: " + quoted(size) + " is not a size (u32, u16, u8)");
  }
  if (words.empty()) throw UsageError("pedit: a command is missing after " + quoted(size));
  if (take_matching(words, {"at"})) {
    key.at = parse_number<uint32_t>(words.value_after("at"), "pedit at");
    key.offmask = parse_hex_number<uint32_t>(words.value_after("at"), "pedit offmask");
    key.shift = parse_number<uint32_t>(words.value_after("offmask"), "pedit shift");
  }
  parse_command(words, packer, extended, key, field);
}

// A layered munge: `ip|ip6|tcp|udp|eth FIELD COMMAND`, the header's word read.
void parse_layered_munge(std::string_view header, Words& words, KeyPacker& packer, bool extended) {
  struct Layer {
    std::string_view name;
    PeditHeader header;
    std::span<const Field> fields;
  };
  const std::array<Layer, 5> layers{{
      {"ip", extended ? PeditHeader::ip4 : PeditHeader::network, ip_fields},
      {"ip6", PeditHeader::ip6, ip6_fields},
      {"tcp", PeditHeader::tcp, tcp_fields},
      {"udp", PeditHeader::udp, udp_fields},
      {"eth", PeditHeader::eth, eth_fields},
  }};
  const auto* layer = std::ranges::find(layers, header, &Layer::name);
  if (layer == layers.end())
    throw UsageError("pedit: " + quoted(header) + " is not a header nlpp knows (ip, ip6, tcp, udp, eth, offset)");
  if (layer->name != "ip" && !extended)
    throw UsageError("pedit: " + quoted(header) + " fields need extended keys (\"pedit ex munge ...\")");
  if (words.rest().size() < 2) throw UsageError("pedit: munge " + std::string(header) + " needs a field and a command");
  const std::string_view name = words.take("");
  const Field* field = find_field(layer->fields, name);
  if (!field && layer->name == "ip" && !extended) field = find_field(ip_transport_fields, name);
  if (!field) throw UsageError("pedit: " + quoted(name) + " is not a field of " + std::string(header));
  PeditKey key{.offset = field->offset, .header = layer->header};
  parse_command(words, packer, extended, key, *field);
  // p_ip6.c: the traffic class is 4 bits into its byte.
  if (field->name == "traffic_class") {
    PeditKey& packed = packer.last();
    packed.mask = packed.mask << 4 | 0xf;
    packed.value <<= 4;
  }
}

}  // namespace

void parse_pedit(Words& words, rtnl::tc::Action& action) {
  rtnl::tc::Pedit pedit;
  pedit.extended = take_matching(words, {"ex"});
  KeyPacker packer(pedit);
  while (take_matching(words, {"munge"})) {
    const std::string_view header = words.take("pedit: munge needs offset, ip, ip6, tcp, udp or eth");
    if (is_command(header, "offset"))
      parse_raw_munge(words, packer, pedit.extended);
    else
      parse_layered_munge(header, words, packer, pedit.extended);
  }
  if (!pedit.keys.empty()) action.options = std::move(pedit);
  finish_action(words, action, "munge is required");
}

}  // namespace nlpp::cli

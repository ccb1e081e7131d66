#include "tc_u32_match.hpp"

#include "commands.hpp"
#include "tc_words.hpp"

#include <nlpp/codec/ip_address.hpp>

#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <limits>
#include <string>

namespace nlpp::cli {
namespace {

using rtnl::tc::U32Key;
using rtnl::tc::U32Selector;

// How a field's words become keys (f_u32.c's parse_u32, parse_ip_addr...).
enum class Form : uint8_t {
  u8,           // VALUE MASK [at [nexthdr+]OFFSET]
  u16,          // VALUE MASK [at ...]
  u32,          // VALUE MASK [at ...]
  ipv4_prefix,  // PREFIX [at ...]
  ipv6_prefix,  // PREFIX [at ...]: a key per 32 bits of the prefix
  ipv6_class,   // VALUE MASK: the traffic class, in bits 20-27 of the first word
  mac,          // LLADDR [at ...]: a byte key each
  fixed,        // no words: the 16-bit value and mask below (ip nofrag, df...)
};

struct Field {
  std::string_view layer;  // the word after `match`
  std::string_view name;   // the word after the layer; none for u32, u16, u8
  Form form;
  int32_t offset;
  int32_t offmask = 0;  // -1: from the next header (tcp, udp, icmp)
  uint16_t value = 0;   // Form::fixed's
  uint16_t mask = 0;
  bool abbreviates = false;  // name may be abbreviated, as tc's matches() takes it
};

// The layers in tc's order: an abbreviation is the first one it begins.
constexpr std::array<std::string_view, 10> layers{"u32", "u16", "u8",   "ip",   "ip6",
                                                  "udp", "tcp", "icmp", "mark", "ether"};

// f_u32.c's fields, with the offsets it gives them (from the IP header, or
// the next header for tcp, udp and icmp; the Ethernet header is before it).
constexpr std::array fields{
    Field{"u32", "", Form::u32, 0},
    Field{"u16", "", Form::u16, 0},
    Field{"u8", "", Form::u8, 0},
    Field{"ip", "src", Form::ipv4_prefix, 12},
    Field{"ip", "dst", Form::ipv4_prefix, 16},
    Field{"ip", "tos", Form::u8, 1},
    Field{"ip", "dsfield", Form::u8, 1, 0, 0, 0, true},
    Field{"ip", "precedence", Form::u8, 1, 0, 0, 0, true},
    Field{"ip", "ihl", Form::u8, 0},
    Field{"ip", "protocol", Form::u8, 9},
    Field{"ip", "nofrag", Form::fixed, 6, 0, 0, 0x3fff},
    Field{"ip", "firstfrag", Form::fixed, 6, 0, 0x2000, 0x3fff},
    Field{"ip", "df", Form::fixed, 6, 0, 0x4000, 0x4000},
    Field{"ip", "mf", Form::fixed, 6, 0, 0x2000, 0x2000},
    Field{"ip", "dport", Form::u16, 22},
    Field{"ip", "sport", Form::u16, 20},
    Field{"ip", "icmp_type", Form::u8, 20},
    Field{"ip", "icmp_code", Form::u8, 21},
    Field{"ip6", "src", Form::ipv6_prefix, 8},
    Field{"ip6", "dst", Form::ipv6_prefix, 24},
    Field{"ip6", "priority", Form::ipv6_class, 0},
    Field{"ip6", "protocol", Form::u8, 6},
    Field{"ip6", "flowlabel", Form::u32, 0},
    Field{"ip6", "dport", Form::u16, 42},
    Field{"ip6", "sport", Form::u16, 40},
    Field{"ip6", "icmp_type", Form::u8, 40},
    // tc 6.1 gives this key offmask 1 (not -1): kept, so that the same
    // words make the same filter as tc's.
    Field{"ip6", "icmp_code", Form::u8, 41, 1},
    Field{"udp", "src", Form::u16, 0, -1},
    Field{"udp", "dst", Form::u16, 2, -1},
    Field{"tcp", "src", Form::u16, 0, -1},
    Field{"tcp", "dst", Form::u16, 2, -1},
    Field{"icmp", "type", Form::u8, 0, -1},
    Field{"icmp", "code", Form::u8, 1, -1},
    Field{"ether", "src", Form::mac, -8},
    Field{"ether", "dst", Form::mac, -14},
};

// Keys packed the way f_u32.c's pack_key*() pack them, in host order.
class Keys {
 public:
  explicit Keys(U32Selector& selector) noexcept : selector_(selector) {}

  void pack32(uint32_t value, uint32_t mask, int32_t offset, int32_t offmask) {
    value &= mask;
    for (U32Key& key : selector_.keys) {
      if (key.offset != offset || key.offmask != offmask) continue;
      if (((value ^ key.value) & mask & key.mask) != 0)
        throw UsageError("u32: two matches at offset " + std::to_string(offset) + " contradict each other");
      key.value |= value;
      key.mask |= mask;
      return;
    }
    if (selector_.keys.size() >= 128) throw UsageError("u32: more than 128 keys");
    if (offset % 4 != 0) throw UsageError("u32: offset " + std::to_string(offset) + " is not a multiple of 4");
    selector_.keys.push_back(U32Key{.value = value, .mask = mask, .offset = offset, .offmask = offmask});
  }

  // A 16-bit value at an offset that is a multiple of 4 takes the upper
  // half; at any other, tc leaves it in the lower half.
  void pack16(uint32_t value, uint32_t mask, int32_t offset, int32_t offmask) {
    check_width(value, mask, 0xffff);
    const int shift = (offset & 3) == 0 ? 16 : 0;
    pack32(value << shift, mask << shift, offset & ~3, offmask);
  }

  void pack8(uint32_t value, uint32_t mask, int32_t offset, int32_t offmask) {
    check_width(value, mask, 0xff);
    const int shift = 8 * (3 - (offset & 3));
    pack32(value << shift, mask << shift, offset & ~3, offmask);
  }

 private:
  static void check_width(uint32_t value, uint32_t mask, uint32_t limit) {
    if (value > limit || mask > limit)
      throw UsageError("u32: the value or mask is above 0x" + (limit == 0xff ? std::string("ff") : "ffff"));
  }

  U32Selector& selector_;
};

// Where a key goes: the field's offset, or `at [nexthdr+]OFFSET`.
struct Place {
  int32_t offset;
  int32_t offmask;
};

Place take_place(Words& words, const Field& field) {
  Place place{field.offset, field.offmask};
  if (!words.take_if("at")) return place;
  std::string_view word = words.value_after("at");
  constexpr std::string_view nexthdr = "nexthdr+";
  if (word.starts_with(nexthdr)) {
    place.offmask = -1;
    word = word.size() > nexthdr.size() ? word.substr(nexthdr.size()) : words.value_after(nexthdr);
  }
  place.offset = parse_offset(word, "offset");
  return place;
}

uint32_t host_word(wire::Bytes bytes, size_t at) {
  uint32_t word = 0;
  for (size_t i = at; i < at + 4; ++i) word = (word << 8) | std::to_integer<uint32_t>(bytes[i]);
  return word;
}

IpPrefix prefix_of(std::string_view word, int family, std::string_view name) {
  Result<IpPrefix> prefix = IpPrefix::parse(word);
  if (!prefix || prefix->address.family() != family)
    throw UsageError("u32: " + std::string(name) + ": " + quoted(word) + " is not an " +
                     (family == AF_INET ? "IPv4" : "IPv6") + " prefix");
  return *prefix;
}

// The mask of the first `bits` bits of a 32-bit word (0: none; 32 or more: all).
constexpr uint32_t leading_bits(int bits) { return bits >= 32 ? 0xffffffff : ~(0xffffffffU >> bits); }

void read_field(Words& words, const Field& field, Keys& keys) {
  const std::string_view name = field.name.empty() ? field.layer : field.name;
  if (field.form == Form::fixed) return keys.pack16(field.value, field.mask, field.offset, field.offmask);
  if (field.form == Form::ipv4_prefix || field.form == Form::ipv6_prefix) {
    const IpPrefix prefix =
        prefix_of(words.value_after(name), field.form == Form::ipv4_prefix ? AF_INET : AF_INET6, name);
    const Place place = take_place(words, field);
    const wire::Bytes bytes = prefix.address.bytes();
    // IPv4: one key, even for /0 (mask 0); IPv6: a key per word the prefix covers.
    if (field.form == Form::ipv4_prefix)
      return keys.pack32(host_word(bytes, 0), leading_bits(prefix.length), place.offset, place.offmask);
    for (int bit = 0; bit < prefix.length; bit += 32)
      keys.pack32(host_word(bytes, static_cast<size_t>(bit / 8)), leading_bits(prefix.length - bit),
                  place.offset + bit / 8, place.offmask);
    return;
  }
  if (field.form == Form::mac) {
    const std::string_view word = words.value_after(name);
    Result<MacAddress> mac = MacAddress::parse(word);
    if (!mac) throw UsageError("u32: ether " + std::string(name) + ": " + quoted(word) + " is not a MAC address");
    const Place place = take_place(words, field);
    for (size_t i = 0; i < mac->bytes().size(); ++i)
      keys.pack8(std::to_integer<uint32_t>(mac->bytes()[i]), 0xff, place.offset + static_cast<int32_t>(i),
                 place.offmask);
    return;
  }
  const auto value = parse_number<uint32_t>(words.value_after(name), "match value");
  const auto mask = parse_hex_number<uint32_t>(words.value_after(name), "match mask");
  if (field.form == Form::ipv6_class) {
    if (value > 0xff || mask > 0xff) throw UsageError("u32: ip6 priority: the value or mask is above 0xff");
    return keys.pack32(value << 20, mask << 20, field.offset, field.offmask);
  }
  const Place place = take_place(words, field);
  if (field.form == Form::u8) return keys.pack8(value, mask, place.offset, place.offmask);
  if (field.form == Form::u16) return keys.pack16(value, mask, place.offset, place.offmask);
  keys.pack32(value, mask, place.offset, place.offmask);
}

}  // namespace

int32_t parse_offset(std::string_view word, std::string_view keyword) {
  const bool negative = word.starts_with('-');
  const auto magnitude = parse_number<uint32_t>(negative ? word.substr(1) : word, keyword);
  if (magnitude > static_cast<uint32_t>(std::numeric_limits<int32_t>::max()))
    throw UsageError(quoted(word) + " is not a valid " + std::string(keyword));
  return negative ? -static_cast<int32_t>(magnitude) : static_cast<int32_t>(magnitude);
}

void parse_u32_match(Words& words, U32Selector& selector) {
  const std::string_view layer_word = words.value_after("match");
  const auto layer =
      std::ranges::find_if(layers, [&](std::string_view candidate) { return is_command(layer_word, candidate); });
  if (layer == layers.end())
    throw UsageError("u32: " + quoted(layer_word) +
                     " is not a selector (u32, u16, u8, ip, ip6, tcp, udp, icmp, ether)");
  if (*layer == "mark") throw UsageError("u32: \"match mark\" is not supported yet");
  const bool named = *layer != "u32" && *layer != "u16" && *layer != "u8";
  const std::string_view name = named ? words.value_after(*layer) : std::string_view();
  const auto field = std::ranges::find_if(fields, [&](const Field& candidate) {
    return candidate.layer == *layer &&
           (candidate.name == name || (candidate.abbreviates && is_command(name, candidate.name)));
  });
  if (field == fields.end())
    throw UsageError("u32: unknown match " + std::string(*layer) + " " + quoted(name) + " (nlpp filter help)");
  Keys keys(selector);
  read_field(words, *field, keys);
}

}  // namespace nlpp::cli

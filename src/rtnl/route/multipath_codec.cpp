#include "multipath_codec.hpp"

#include "path_codec.hpp"

#include <linux/rtnetlink.h>

#include <cstring>

namespace nlpp::rtnl {
namespace {

constexpr size_t record_size = sizeof(rtnexthop);
constexpr unsigned max_weight = 256;  // rtnh_hops is a byte holding weight - 1

Result<RouteNexthop> parse_hop(const rtnexthop& record, wire::AttributeRange attributes, int family) {
  RouteNexthop hop{.ifindex = static_cast<uint32_t>(record.rtnh_ifindex),
                   .flags = record.rtnh_flags,
                   .weight = static_cast<uint16_t>(record.rtnh_hops + 1)};
  Result<void> parsed = codec::parse_attributes("route multipath", attributes, [&](const wire::Attribute& attribute) {
    return read_hop_attribute(attribute, family, hop);
  });
  if (!parsed) return std::move(parsed).error();
  if (Result<void> decoded = decode_encap(hop.encap); !decoded) return std::move(decoded).error();
  return hop;
}

}  // namespace

Result<void> parse_multipath(const wire::Attribute& multipath, int family, std::vector<RouteNexthop>& out) {
  wire::Bytes rest = multipath.payload();
  while (!rest.empty()) {
    if (rest.size() < record_size) return codec::bad_attribute("route multipath", multipath);
    const auto record = wire::load<rtnexthop>(rest);
    if (record.rtnh_len < record_size || record.rtnh_len > rest.size())
      return codec::bad_attribute("route multipath", multipath);
    const wire::AttributeRange attributes(rest.subspan(record_size, record.rtnh_len - record_size));
    Result<RouteNexthop> hop = parse_hop(record, attributes, family);
    if (!hop) return std::move(hop).error();
    out.push_back(std::move(*hop));
    rest = rest.subspan(std::min(rest.size(), wire::align4(record.rtnh_len)));
  }
  return {};
}

void emit_multipath(wire::MessageBuilder& builder, int family, const std::vector<RouteNexthop>& hops) {
  if (hops.empty()) return;
  const wire::MessageBuilder::Nest nest = builder.begin_nested_without_flag(RTA_MULTIPATH);
  for (const RouteNexthop& hop : hops) {
    // rtnh_len covers the record and its attributes: written once they are.
    const size_t start = builder.bytes().size();
    const rtnexthop record{.rtnh_len = 0,
                           .rtnh_flags = static_cast<unsigned char>(hop.flags & ~kernel_nexthop_flags),
                           .rtnh_hops = static_cast<unsigned char>(hop.weight - 1),
                           .rtnh_ifindex = static_cast<int>(hop.ifindex)};
    builder.append_header_bytes(wire::bytes_of(record));
    emit_path(builder, family, hop.gateway, hop.newdst, hop.encap, hop.flow);
    codec::emit_unknown(hop.unknown, builder);
    const auto length = static_cast<uint16_t>(builder.bytes().size() - start);
    // A failed builder may not have appended the record: leave it be.
    if (length >= record_size) std::memcpy(builder.mutable_bytes().data() + start, &length, sizeof length);
  }
  builder.end_nested(nest);
}

Result<void> validate_multipath(int family, const std::vector<RouteNexthop>& hops) {
  for (size_t i = 0; i < hops.size(); ++i) {
    const std::string field = "route multipath[" + std::to_string(i) + "] ";
    if (hops[i].weight < 1 || hops[i].weight > max_weight)
      return codec::invalid(field + "weight", std::to_string(hops[i].weight) + " is not from 1 to 256");
    if (Result<void> valid = validate_path(field, family, hops[i].gateway, hops[i].newdst, hops[i].encap); !valid)
      return valid;
  }
  return {};
}

std::string describe_multipath(const std::vector<RouteNexthop>& hops) {
  std::string text;
  for (const RouteNexthop& hop : hops) {
    if (!text.empty()) text += "; ";
    if (!hop.gateway.empty()) text += "via " + hop.gateway.to_string() + " ";
    text += "dev " + std::to_string(hop.ifindex) + " weight " + std::to_string(hop.weight);
    if (!hop.newdst.empty()) text += " as " + labels_to_string(hop.newdst);
    if (hop.encap) text += " encap " + to_string(*hop.encap);
    if (hop.flow != 0) text += " realms " + std::to_string(hop.flow);
    if (hop.flags != 0) text += " flags " + std::to_string(hop.flags);
    if (!hop.unknown.empty()) text += " unknown " + codec::describe_raw(hop.unknown);
  }
  return text;
}

}  // namespace nlpp::rtnl

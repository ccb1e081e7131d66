#include "tc_stats_codec.hpp"

#include <linux/gen_stats.h>

#include <algorithm>
#include <cstring>

namespace nlpp::rtnl::tc {
namespace {

// The kernel's gnet_stats_* structs grow at the end; read what is there.
template <class Struct>
Struct read_struct(const wire::Attribute& attribute) {
  Struct value{};
  std::memcpy(&value, attribute.payload().data(), std::min(sizeof(Struct), attribute.payload().size()));
  return value;
}

}  // namespace

TcStats parse_stats(const wire::Attribute& stats2) {
  TcStats stats;
  for (const wire::Attribute& attribute : stats2.nested()) {
    switch (attribute.type()) {
      case TCA_STATS_BASIC: {
        // Its packets are 32 bits; TCA_STATS_PKT64, before or after it, has the whole count.
        const auto basic = read_struct<gnet_stats_basic>(attribute);
        stats.bytes = basic.bytes;
        stats.packets = std::max<uint64_t>(stats.packets, basic.packets);
        break;
      }
      case TCA_STATS_PKT64:
        stats.packets = attribute.u64().value_or(stats.packets);
        break;
      case TCA_STATS_QUEUE: {
        const auto queue = read_struct<gnet_stats_queue>(attribute);
        stats.qlen = queue.qlen;
        stats.backlog = queue.backlog;
        stats.drops = queue.drops;
        stats.requeues = queue.requeues;
        stats.overlimits = queue.overlimits;
        break;
      }
      case TCA_STATS_RATE_EST:
        if (!stats.rate_bps) {
          const auto estimate = read_struct<gnet_stats_rate_est>(attribute);
          stats.rate_bps = estimate.bps;
          stats.rate_pps = estimate.pps;
        }
        break;
      case TCA_STATS_RATE_EST64: {
        const auto estimate = read_struct<gnet_stats_rate_est64>(attribute);
        stats.rate_bps = estimate.bps;
        stats.rate_pps = estimate.pps;
        break;
      }
      case TCA_STATS_BASIC_HW: {
        const auto basic = read_struct<gnet_stats_basic>(attribute);
        stats.hw_bytes = basic.bytes;
        stats.hw_packets = basic.packets;
        break;
      }
      case TCA_STATS_APP: {
        const wire::Bytes payload = attribute.payload();
        stats.xstats.assign(payload.begin(), payload.end());
        break;
      }
      default:
        break;
    }
  }
  return stats;
}

}  // namespace nlpp::rtnl::tc

#include "tc_stats_json.hpp"

#include "json_fields.hpp"

namespace nlpp::format::detail {

void write_tc_stats(JsonWriter& json, const rtnl::TcStats& stats) {
  number_field(json, "bytes", stats.bytes);
  number_field(json, "packets", stats.packets);
  number_field(json, "drops", stats.drops);
  number_field(json, "overlimits", stats.overlimits);
  number_field(json, "requeues", stats.requeues);
  // print_tcstats_basic_hw(): nothing when the hardware sent nothing; the
  // software's share only when it is not negative.
  if (stats.hw_bytes && (*stats.hw_bytes != 0 || stats.hw_packets.value_or(0) != 0)) {
    if (stats.bytes >= *stats.hw_bytes && stats.packets >= stats.hw_packets.value_or(0)) {
      number_field(json, "sw_bytes", stats.bytes - *stats.hw_bytes);
      number_field(json, "sw_packets", stats.packets - stats.hw_packets.value_or(0));
    }
    number_field(json, "hw_bytes", *stats.hw_bytes);
    number_field(json, "hw_packets", stats.hw_packets.value_or(0));
  }
  if (stats.rate_bps) {
    number_field(json, "rate", *stats.rate_bps);
    number_field(json, "pps", stats.rate_pps.value_or(0));
  }
  number_field(json, "backlog", stats.backlog);
  number_field(json, "qlen", stats.qlen);
}

}  // namespace nlpp::format::detail

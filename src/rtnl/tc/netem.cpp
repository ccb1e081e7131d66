#include <nlpp/rtnl/tc/netem.hpp>

#include <string>

namespace nlpp::rtnl::tc {
namespace {

std::string nanoseconds_text(std::chrono::nanoseconds time) { return std::to_string(time.count()) + "ns"; }

}  // namespace

std::string to_string(const NetemLossState& model) {
  return "state p13 " + to_string(model.p13) + " p31 " + to_string(model.p31) + " p32 " + to_string(model.p32) +
         " p23 " + to_string(model.p23) + " p14 " + to_string(model.p14);
}

std::string to_string(const NetemLossGemodel& model) {
  return "gemodel p " + to_string(model.p) + " r " + to_string(model.r) + " 1-h " + to_string(model.one_minus_h) +
         " 1-k " + to_string(model.one_minus_k);
}

std::string to_string(const NetemRate& rate) {
  std::string text = std::to_string(rate.bytes_per_second) + "B/s";
  if (rate.packet_overhead != 0) text += " packetoverhead " + std::to_string(rate.packet_overhead);
  if (rate.cell_size != 0) text += " cellsize " + std::to_string(rate.cell_size);
  if (rate.cell_overhead != 0) text += " celloverhead " + std::to_string(rate.cell_overhead);
  return text;
}

std::string to_string(const NetemSlot& slot) {
  std::string text = slot.distribution_jitter.count() > 0
                         ? "slot distribution " + nanoseconds_text(slot.distribution_delay) + " " +
                               nanoseconds_text(slot.distribution_jitter)
                         : "slot " + nanoseconds_text(slot.min_delay) + " " + nanoseconds_text(slot.max_delay);
  if (slot.max_packets != 0) text += " packets " + std::to_string(slot.max_packets);
  if (slot.max_bytes != 0) text += " bytes " + std::to_string(slot.max_bytes);
  return text;
}

}  // namespace nlpp::rtnl::tc

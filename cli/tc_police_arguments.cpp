#include "tc_police_arguments.hpp"

#include "commands.hpp"
#include "tc_action_arguments.hpp"
#include "tc_words.hpp"

#include <array>
#include <optional>
#include <string>

namespace nlpp::cli {
namespace {

using rtnl::tc::Control;

// One verdict word of "EXCEED/CONFORM".
Control verdict_of(std::string_view word) {
  const std::array<std::string_view, 1> one{word};
  Words verdict(one);
  std::optional<Control> control = take_control(verdict);
  if (!control || !verdict.empty()) throw UsageError("police: " + quoted(word) + " is not a verdict");
  return *control;
}

}  // namespace

rtnl::tc::Action parse_police(Words& words) {
  rtnl::tc::Action action{.kind = "police"};
  rtnl::tc::Police police;
  uint16_t mpu = 0, overhead = 0;
  rtnl::tc::LinkLayer linklayer = rtnl::tc::LinkLayer::ethernet;
  while (!words.empty()) {
    if (take_matching(words, {"index"})) {
      action.index = parse_number<uint32_t>(words.value_of("index"), "index");
    } else if (take_matching(words, {"burst"}) || words.take_if("buffer") || words.take_if("maxburst")) {
      police.burst = parse_size(words.value_of("burst"), "burst");
    } else if (words.take_if("mtu") || words.take_if("minburst")) {
      police.mtu = parse_size(words.value_of("mtu"), "mtu");
    } else if (words.take_if("mpu")) {
      mpu = static_cast<uint16_t>(parse_size(words.value_of("mpu"), "mpu"));
    } else if (words.take_if("rate")) {
      police.rate.bytes_per_second = parse_rate(words.value_of("rate"), "rate");
    } else if (words.take_if("avrate")) {
      police.avrate = static_cast<uint32_t>(parse_rate(words.value_of("avrate"), "avrate"));
    } else if (take_matching(words, {"peakrate"})) {
      police.peakrate.bytes_per_second = parse_rate(words.value_of("peakrate"), "peakrate");
    } else if (take_matching(words, {"overhead"})) {
      overhead = parse_number<uint16_t>(words.value_of("overhead"), "overhead");
    } else if (take_matching(words, {"linklayer"})) {
      linklayer = parse_linklayer(words.value_of("linklayer"));
    } else if (words.take_if("conform-exceed")) {
      const std::string_view both = words.value_of("conform-exceed");
      const size_t slash = both.find('/');
      action.control = verdict_of(both.substr(0, slash));
      if (slash != std::string_view::npos) police.conform = verdict_of(both.substr(slash + 1));
    } else if (std::optional<Control> exceed = take_control(words)) {
      action.control = *exceed;
    } else if (words.peek() == "pkts_rate" || words.peek() == "pkts_burst") {
      throw UsageError("police: " + quoted(words.peek()) + " is not supported yet");
    } else {
      break;
    }
  }
  // tc applies the accounting words to both rates.
  for (rtnl::tc::Rate* rate : {&police.rate, &police.peakrate}) {
    rate->mpu = mpu;
    rate->overhead = overhead;
    rate->linklayer = linklayer;
  }
  action.options = std::move(police);
  return action;
}

}  // namespace nlpp::cli

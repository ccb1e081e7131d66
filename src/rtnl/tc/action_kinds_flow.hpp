// The action kinds that act on a packet's flow rather than its bytes:
// connection tracking (connmark, ct), tunnel metadata (tunnel_key) and
// sampling (sample); see action_kinds.hpp for what an ActionKind says.
// Their attributes are listed in the order tc sends them.
#pragma once

#include <nlpp/rtnl/tc/action.hpp>

#include "codec/field.hpp"
#include "codec/value_codecs.hpp"
#include "rtnl/tc/action_kinds.hpp"
#include "rtnl/tc/bytes_codec.hpp"

#include <linux/tc_act/tc_connmark.h>
#include <linux/tc_act/tc_ct.h>
#include <linux/tc_act/tc_sample.h>
#include <linux/tc_act/tc_tunnel_key.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace nlpp::rtnl::tc {

template <>
struct ActionKind<Connmark> {
  static constexpr std::string_view kinds[] = {"connmark"};
  using Parms = tc_connmark;
  static constexpr uint16_t parms_type = TCA_CONNMARK_PARMS, times_type = TCA_CONNMARK_TM, pad_type = TCA_CONNMARK_PAD;
  static constexpr std::tuple<> fields{};

  static void read(const Parms& parms, Connmark& connmark) { connmark.zone = parms.zone; }
  static void write(const Connmark& connmark, Parms& parms) { parms.zone = connmark.zone; }
  static Control default_control(const Connmark&) { return Control::pipe(); }
};

/// ct's TCA_CT_ACTION goes whatever it holds, as tc sends it; the parms
/// come last.
template <>
struct ActionKind<Ct> {
  static constexpr std::string_view kinds[] = {"ct"};
  using Parms = tc_ct;
  static constexpr uint16_t parms_type = TCA_CT_PARMS, times_type = TCA_CT_TM, pad_type = TCA_CT_PAD;
  static constexpr bool parms_last = true;
  static constexpr auto fields = std::tuple{
      codec::field("zone", &Ct::zone, TCA_CT_ZONE),
      codec::field("nat_min", &Ct::nat_min, codec::IpPair{TCA_CT_NAT_IPV4_MIN, TCA_CT_NAT_IPV6_MIN}),
      codec::field("nat_max", &Ct::nat_max, codec::IpPair{TCA_CT_NAT_IPV4_MAX, TCA_CT_NAT_IPV6_MAX}),
      codec::field("nat_port_min", &Ct::nat_port_min, codec::BigEndian{TCA_CT_NAT_PORT_MIN}),
      codec::field("nat_port_max", &Ct::nat_port_max, codec::BigEndian{TCA_CT_NAT_PORT_MAX}),
      codec::field("mark", &Ct::mark, TCA_CT_MARK),
      codec::field("mark_mask", &Ct::mark_mask, TCA_CT_MARK_MASK),
      codec::field("labels", &Ct::labels, BytesIn{TCA_CT_LABELS}),
      codec::field("labels_mask", &Ct::labels_mask, BytesIn{TCA_CT_LABELS_MASK}),
      codec::field("ct_action", &Ct::ct_action, codec::Always{TCA_CT_ACTION}),
  };

  static void read(const Parms&, Ct&) {}
  static void write(const Ct&, Parms&) {}
  static Control default_control(const Ct&) { return Control::pipe(); }
  static std::optional<std::string> refusal(const Ct& ct);
};

/// TCA_TUNNEL_KEY_NO_CSUM, a u8 saying the opposite of TunnelKey::checksum;
/// sent always, as tc sends it.
struct NoChecksumIn {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, bool& checksum) const {
    Result<uint8_t> no_checksum = codec::NativeValue<uint8_t>::parse(attribute);
    if (!no_checksum) return std::move(no_checksum).error();
    checksum = *no_checksum == 0;
    return {};
  }
  void emit(bool checksum, wire::MessageBuilder& out) const { out.add_u8(type, checksum ? 0 : 1); }
};

/// tunnel_key's parms come last, as tc sends them.
template <>
struct ActionKind<TunnelKey> {
  static constexpr std::string_view kinds[] = {"tunnel_key"};
  using Parms = tc_tunnel_key;
  static constexpr uint16_t parms_type = TCA_TUNNEL_KEY_PARMS, times_type = TCA_TUNNEL_KEY_TM,
                            pad_type = TCA_TUNNEL_KEY_PAD;
  static constexpr bool parms_last = true;
  static constexpr auto fields = std::tuple{
      codec::field("source", &TunnelKey::source,
                   codec::IpPair{TCA_TUNNEL_KEY_ENC_IPV4_SRC, TCA_TUNNEL_KEY_ENC_IPV6_SRC}),
      codec::field("destination", &TunnelKey::destination,
                   codec::IpPair{TCA_TUNNEL_KEY_ENC_IPV4_DST, TCA_TUNNEL_KEY_ENC_IPV6_DST}),
      codec::field("key_id", &TunnelKey::key_id, codec::BigEndian{TCA_TUNNEL_KEY_ENC_KEY_ID}),
      codec::field("dst_port", &TunnelKey::dst_port, codec::BigEndian{TCA_TUNNEL_KEY_ENC_DST_PORT}),
      codec::field("tos", &TunnelKey::tos, TCA_TUNNEL_KEY_ENC_TOS),
      codec::field("ttl", &TunnelKey::ttl, TCA_TUNNEL_KEY_ENC_TTL),
      codec::field("checksum", &TunnelKey::checksum, NoChecksumIn{TCA_TUNNEL_KEY_NO_CSUM}),
  };

  static void read(const Parms& parms, TunnelKey& key) {
    key.operation = static_cast<TunnelKey::Operation>(parms.t_action);
  }
  static void write(const TunnelKey& key, Parms& parms) { parms.t_action = static_cast<int>(key.operation); }
  static Control default_control(const TunnelKey&) { return Control::pipe(); }
  static std::optional<std::string> refusal(const TunnelKey& key);
};

template <>
struct ActionKind<Sample> {
  static constexpr std::string_view kinds[] = {"sample"};
  using Parms = tc_sample;
  static constexpr uint16_t parms_type = TCA_SAMPLE_PARMS, times_type = TCA_SAMPLE_TM, pad_type = TCA_SAMPLE_PAD;
  static constexpr auto fields = std::tuple{
      codec::field("rate", &Sample::rate, codec::Always{TCA_SAMPLE_RATE}),
      codec::field("group", &Sample::group, codec::Always{TCA_SAMPLE_PSAMPLE_GROUP}),
      codec::field("trunc_size", &Sample::trunc_size, TCA_SAMPLE_TRUNC_SIZE),
  };

  static void read(const Parms&, Sample&) {}
  static void write(const Sample&, Parms&) {}
  static Control default_control(const Sample&) { return Control::pipe(); }
  static std::optional<std::string> refusal(const Sample& sample) {
    if (sample.rate == 0) return "the rate is required, one packet in how many (not 0)";
    return std::nullopt;
  }
};

}  // namespace nlpp::rtnl::tc

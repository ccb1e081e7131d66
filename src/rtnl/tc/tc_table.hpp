// How qdiscs and classes map onto struct tcmsg and TCA_* attributes: the
// lines both share, in the order tc sends them (tc/tc_qdisc.c,
// tc_class.c: kind, blocks, options), then what the kernel reports.
#pragma once

#include <nlpp/rtnl/qdisc.hpp>
#include <nlpp/rtnl/tc_class.hpp>

#include "codec/field.hpp"
#include "codec/field_table.hpp"
#include "codec/header_codecs.hpp"
#include "codec/object_accessors.hpp"
#include "codec/struct_codecs.hpp"
#include "codec/value_codecs.hpp"
#include "rtnl/tc/tc_common.hpp"
#include "rtnl/tc/tc_options.hpp"
#include "rtnl/tc/tc_stats_codec.hpp"

#include <linux/rtnetlink.h>

#include <array>
#include <string>
#include <tuple>
#include <type_traits>

namespace nlpp::rtnl::tc {

/// tcm_info as the kernel reports it (a qdisc's reference count, a leaf
/// class's qdisc), never sent.
template <class Value>
struct InfoReported {
  static constexpr bool compared = false;
  void read(const tcmsg& header, Value& value) const { value = static_cast<Value>(header.tcm_info); }
  void write(const Value&, tcmsg&) const {}
};

/// TCA_OPTIONS, typed by the object's TCA_KIND (which comes before it).
struct OptionsIn {
  uint16_t type;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  template <class Object>
  Result<void> parse(const wire::Attribute& attribute, Object& object) const {
    if constexpr (std::is_same_v<Object, Qdisc>)
      object.options = parse_qdisc_options(object.kind, attribute);
    else if constexpr (std::is_same_v<Object, TcClass>)
      object.options = parse_class_options(object.kind, attribute);
    else
      object.options = parse_filter_options(object.kind, attribute);
    return {};
  }
  template <class Object>
  void emit(const Object& object, wire::MessageBuilder& out) const {
    emit_options(object.options, out);
  }
  template <class Object>
  void diff(std::string_view, const Object& before, const Object& after, FieldDiff& changes) const {
    diff_options(before.options, after.options, changes);
  }
};

/// TCA_HW_OFFLOAD: a u8 the kernel reports, 0 or 1.
struct OffloadReported {
  uint16_t type;
  static constexpr bool compared = false;

  constexpr std::array<uint16_t, 1> types() const noexcept { return {type}; }
  Result<void> parse(const wire::Attribute& attribute, bool& offloaded) const {
    Result<uint8_t> value = attribute.u8();
    if (!value) return std::move(value).error();
    offloaded = *value != 0;
    return {};
  }
  void emit(bool, wire::MessageBuilder&) const {}
};

/// TCA_STATS and TCA_XSTATS: the older copies of TCA_STATS2's counters,
/// claimed and not kept.
struct OlderStats {
  static constexpr bool compared = false;

  constexpr std::array<uint16_t, 2> types() const noexcept { return {TCA_STATS, TCA_XSTATS}; }
  bool drops(const wire::Attribute&) const noexcept { return true; }
  template <class Object>
  Result<void> parse(const wire::Attribute&, Object&) const {
    return {};
  }
  template <class Object>
  void emit(const Object&, wire::MessageBuilder&) const {}
};

template <class Object>
inline constexpr auto tcmsg_fields = std::tuple{
    codec::field("ifindex", &Object::ifindex, codec::in_header(&tcmsg::tcm_ifindex)),
    codec::field("handle", &Object::handle, codec::in_header(&tcmsg::tcm_handle)),
    codec::field("parent", &Object::parent, codec::in_header(&tcmsg::tcm_parent)),
    codec::field("kind", &Object::kind, codec::NonDefault{TCA_KIND}),
};

inline constexpr auto qdisc_fields = std::tuple_cat(
    tcmsg_fields<Qdisc>, std::tuple{
                             codec::field("ingress_block", &Qdisc::ingress_block, TCA_INGRESS_BLOCK),
                             codec::field("egress_block", &Qdisc::egress_block, TCA_EGRESS_BLOCK),
                             codec::field("options", codec::WholeObject<Qdisc>{}, OptionsIn{TCA_OPTIONS}),
                             codec::field("refcnt", &Qdisc::refcnt, InfoReported<uint32_t>{}),
                             codec::field("offloaded", &Qdisc::offloaded, OffloadReported{TCA_HW_OFFLOAD}),
                             codec::field("stats", &Qdisc::stats, StatsIn{TCA_STATS2}),
                             codec::field("older_stats", codec::WholeObject<Qdisc>{}, OlderStats{}),
                             codec::padding<Qdisc>(TCA_PAD),
                         });

inline constexpr auto class_fields = std::tuple_cat(
    tcmsg_fields<TcClass>, std::tuple{
                               codec::field("options", codec::WholeObject<TcClass>{}, OptionsIn{TCA_OPTIONS}),
                               codec::field("leaf", &TcClass::leaf, InfoReported<TcHandle>{}),
                               codec::field("stats", &TcClass::stats, StatsIn{TCA_STATS2}),
                               codec::field("older_stats", codec::WholeObject<TcClass>{}, OlderStats{}),
                               codec::padding<TcClass>(TCA_PAD),
                           });

/// kind, or the one kind the options serve.
template <class Object>
std::string resolved_kind_of(const Object& object) {
  return object.kind.empty() ? std::string(only_kind_of(object.options)) : object.kind;
}

/// A qdisc or class request as tc sends it: a new one whole, through its
/// table; a delete or a get, the tcmsg and the kind only, a get asking for
/// the echo (the kernel answers a get by notifying, which reaches the asker
/// only as an echo).
template <const auto& fields, class Object>
void emit_request(const Object& sent, wire::MessageBuilder& builder, uint16_t type, uint16_t flags) {
  using Traits = ObjectTraits<Object>;
  if (type == Traits::get_type) flags |= NLM_F_ECHO;
  builder.begin_message(type, flags).append_header(request_tcmsg(sent.ifindex, sent.handle, sent.parent));
  if (type != Traits::new_type) {
    if (!sent.kind.empty()) builder.add_string(TCA_KIND, sent.kind);
    return;
  }
  codec::emit_attributes<fields>(sent, builder);
  codec::emit_unknown(sent.unknown, builder);
}

/// The object's kind and options agree: a kind is given or implied when
/// there are options, and the options pass their kind's checks.
template <class Object>
Result<void> validate_kind(const Object& object) {
  const std::string kind = resolved_kind_of(object);
  const bool has_options = !std::holds_alternative<std::monostate>(object.options);
  if (Result<void> named = check_kind(kind, has_options, ObjectTraits<Object>::name); !named) return named;
  return validate_options(object.options, kind);
}

}  // namespace nlpp::rtnl::tc

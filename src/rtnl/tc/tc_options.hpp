// The kind registry of tc: TCA_OPTIONS to and from QdiscOptions /
// ClassOptions / FilterOptions, each kind through its KindTraits table, by the engine
// link kinds share (codec/kind_data.hpp).
#pragma once

#include <nlpp/codec/field_change.hpp>
#include <nlpp/core/result.hpp>
#include <nlpp/rtnl/tc_filter_options.hpp>
#include <nlpp/rtnl/tc_options.hpp>
#include <nlpp/wire/attribute.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <string_view>

namespace nlpp::rtnl::tc {

/// The options of kind: the struct that serves it, or GenericOptions when
/// none does or the payload does not fit the struct.
QdiscOptions parse_qdisc_options(std::string_view kind, const wire::Attribute& options);
ClassOptions parse_class_options(std::string_view kind, const wire::Attribute& options);
FilterOptions parse_filter_options(std::string_view kind, const wire::Attribute& options);

/// TCA_OPTIONS as tc sends it for the same words; nothing for monostate.
void emit_options(const QdiscOptions& options, wire::MessageBuilder& out);
void emit_options(const ClassOptions& options, wire::MessageBuilder& out);
void emit_options(const FilterOptions& options, wire::MessageBuilder& out);

/// The options' struct serves kind, and passes its kind's checks.
Result<void> validate_options(const QdiscOptions& options, std::string_view kind);
Result<void> validate_options(const ClassOptions& options, std::string_view kind);
Result<void> validate_options(const FilterOptions& options, std::string_view kind);

/// The one kind the options' struct serves; empty when it serves several or none.
std::string_view only_kind_of(const QdiscOptions& options);
std::string_view only_kind_of(const ClassOptions& options);
std::string_view only_kind_of(const FilterOptions& options);

/// The handle a filter kind derives from its options (route's is what it
/// matches); 0 for the kinds whose handle is the user's.
uint32_t implied_handle(const FilterOptions& options);
/// What a dumped filter's options hold in the form a request gives them,
/// where the kernel reports them otherwise (flower's eth_type under vlan
/// tags), given the filter's protocol.
void as_requested(FilterOptions& options, uint16_t filter_protocol);

/// Member by member ("options.rate") when both hold the same struct.
void diff_options(const QdiscOptions& before, const QdiscOptions& after, FieldDiff& diff);
void diff_options(const ClassOptions& before, const ClassOptions& after, FieldDiff& diff);
void diff_options(const FilterOptions& before, const FilterOptions& after, FieldDiff& diff);

}  // namespace nlpp::rtnl::tc

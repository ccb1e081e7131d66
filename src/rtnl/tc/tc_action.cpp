// RTM_NEWACTION / RTM_GETACTION <-> TcAction: the tcamsg, then the table
// of actions (TCA_ACT_TAB), a nest of numbered entries, each an action's
// attributes (action_codec.hpp) and what the kernel reports of it in its
// kind's table. A message holds one action or many (tc_action.hpp).
#include <nlpp/rtnl/tc_action.hpp>
#include <nlpp/rtnl/tc_action_flush.hpp>

#include "codec/attributes.hpp"
#include "rtnl/tc/action_codec.hpp"
#include "rtnl/tc/tc_common.hpp"

#include <linux/netlink.h>
#include <linux/pkt_cls.h>
#include <sys/socket.h>

#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

namespace nlpp::rtnl {
namespace {

constexpr std::string_view what = ObjectTraits<TcAction>::name;

// tc numbers a request's entries from 1; the kernel reads none at 0
// (tcf_action_init(), tca_action_gd()).
constexpr uint16_t first_entry = 1;

void begin_request(wire::MessageBuilder& builder, uint16_t type, uint16_t flags) {
  tcamsg header{};
  header.tca_family = AF_UNSPEC;
  builder.begin_message(type, flags).append_header(header);
}

// A request for a kind's whole table, as tc_act_list_or_flush() sends a
// dump and a flush: the kind alone in the table, and TCA_ROOT_FLAGS asking
// for replies as big as the kernel can fill, not 32 actions each.
void emit_table_request(wire::MessageBuilder& builder, uint16_t type, uint16_t flags, std::string_view kind) {
  begin_request(builder, type, flags);
  const wire::MessageBuilder::Nest table = builder.begin_nested_without_flag(TCA_ACT_TAB);
  const wire::MessageBuilder::Nest entry = builder.begin_nested_without_flag(first_entry);
  builder.add_string(TCA_ACT_KIND, kind);
  builder.end_nested(entry);
  builder.end_nested(table);
  builder.add_struct(TCA_ROOT_FLAGS, nla_bitfield32{TCA_ACT_FLAG_LARGE_DUMP_ON, TCA_ACT_FLAG_LARGE_DUMP_ON});
}

// A flush's notification (tca_action_flush()): its entry holds the kind
// and how many actions went, in the TCA_* numbering of tcmsg (TCA_KIND,
// TCA_FCNT), not an action's.
Result<void> read_flushed(wire::AttributeRange attributes, TcAction& action) {
  action.flushed = 0;
  for (const wire::Attribute& attribute : attributes) {
    if (attribute.type() == TCA_KIND) {
      action.action.kind = std::string(attribute.string());
    } else if (attribute.type() == TCA_FCNT) {
      uint32_t count = 0;
      if (!codec::read(attribute, count)) return codec::bad_attribute(what, attribute);
      action.flushed = count;
    }
  }
  return {};
}

// What the kernel reports of an action in its table besides the action,
// which parse_action() leaves out, and the index of an action named
// without options (a get's or a delete's request; a terse dump).
Result<void> read_reported(wire::AttributeRange attributes, TcAction& action) {
  for (const wire::Attribute& attribute : attributes) {
    if (attribute.type() == TCA_ACT_INDEX) {
      if (!codec::read(attribute, action.action.index)) return codec::bad_attribute(what, attribute);
    } else if (attribute.type() == TCA_ACT_IN_HW_COUNT) {
      if (!codec::read(attribute, action.in_hw_count)) return codec::bad_attribute(what, attribute);
    } else if (attribute.type() == TCA_ACT_USED_HW_STATS) {
      nla_bitfield32 used{};
      if (!codec::read(attribute, used)) return codec::bad_attribute(what, attribute);
      action.used_hw_stats = static_cast<uint8_t>(used.value & used.selector);
    }
  }
  return {};
}

Result<TcAction> read_entry(const wire::Attribute& entry, bool flush) {
  TcAction action;
  action.order = entry.type();
  const wire::AttributeRange attributes = entry.nested();
  if (Result<void> valid = attributes.validate(); !valid) return codec::parse_error(what, valid.error());
  if (flush) {
    if (Result<void> read = read_flushed(attributes, action); !read) return std::move(read).error();
    return action;
  }
  Result<tc::Action> parsed = tc::parse_action(attributes);
  if (!parsed) return std::move(parsed).error();
  action.action = std::move(*parsed);
  if (Result<void> read = read_reported(attributes, action); !read) return std::move(read).error();
  return action;
}

// An action as a diff shows its options: mirred's and gact's members, any
// other kind by its name.
std::string options_text(const tc::Action& action) {
  return std::visit(
      [&]<class T>(const T& options) -> std::string {
        if constexpr (std::is_same_v<T, tc::Mirred>) {
          return "eaction " + std::to_string(static_cast<int32_t>(options.direction)) + " dev " +
                 to_string(options.ifindex);
        } else if constexpr (std::is_same_v<T, tc::Gact>) {
          if (!options.random) return "gact";
          return "gact random " + std::to_string(options.random->type) + " " + options.random->control.to_string() +
                 " " + std::to_string(options.random->value);
        } else if constexpr (std::is_same_v<T, std::monostate>) {
          return "";
        } else {
          return action.resolved_kind() + " options";
        }
      },
      action.options);
}

}  // namespace

Result<std::vector<TcAction>> ObjectTraits<TcAction>::parse_all(const wire::Message& message) {
  Result<codec::MessageParts<tcamsg>> parts = codec::split_message<tcamsg>(name, message);
  if (!parts) return std::move(parts).error();
  if (Result<void> valid = parts->attributes.validate(); !valid) return codec::parse_error(name, valid.error());
  const bool flush = message.type() == del_type && (message.flags() & NLM_F_ROOT) != 0;
  std::vector<TcAction> actions;
  for (const wire::Attribute& attribute : parts->attributes) {
    // TCA_ROOT_COUNT and the other attributes of the message are not an action's.
    if (attribute.type() != TCA_ACT_TAB) continue;
    const wire::AttributeRange table = attribute.nested();
    if (Result<void> valid = table.validate(); !valid) return codec::parse_error(name, valid.error());
    for (const wire::Attribute& entry : table) {
      Result<TcAction> action = read_entry(entry, flush);
      if (!action) return std::move(action).error();
      actions.push_back(std::move(*action));
    }
  }
  return actions;
}

Result<TcAction> ObjectTraits<TcAction>::parse(const wire::Message& message) {
  Result<std::vector<TcAction>> actions = parse_all(message);
  if (!actions) return std::move(actions).error();
  if (actions->empty()) return Error(errc::protocol_error, std::string(name) + ": the message holds no action");
  return std::move(actions->front());
}

void ObjectTraits<TcAction>::emit(const TcAction& action, wire::MessageBuilder& builder, uint16_t type,
                                  uint16_t flags) {
  begin_request(builder, type, flags);
  const wire::MessageBuilder::Nest table = builder.begin_nested_without_flag(TCA_ACT_TAB);
  const wire::MessageBuilder::Nest entry = builder.begin_nested_without_flag(first_entry);
  if (type == new_type) {
    tc::emit_action(action.action, builder);
  } else {
    // A delete or a get names the action (tc_action_gd()): its kind, and
    // its index when it has one (the kernel refuses none).
    const std::string kind = action.action.resolved_kind();
    if (!kind.empty()) builder.add_string(TCA_ACT_KIND, kind);
    if (action.action.index != 0) builder.add_u32(TCA_ACT_INDEX, action.action.index);
  }
  builder.end_nested(entry);
  builder.end_nested(table);
}

Result<void> ObjectTraits<TcAction>::validate(const TcAction& action) {
  return tc::validate_actions(std::span(&action.action, 1), name);
}

ObjectTraits<TcAction>::Key ObjectTraits<TcAction>::key(const TcAction& action) {
  return TcActionKey{action.action.resolved_kind(), action.action.index};
}

std::vector<FieldChange> ObjectTraits<TcAction>::diff(const TcAction& before, const TcAction& after) {
  const tc::Action& a = before.action;
  const tc::Action& b = after.action;
  FieldDiff diff;
  diff.field("kind", a.resolved_kind(), b.resolved_kind())
      .field("index", a.index, b.index)
      .field("control", a.control, b.control)
      .field("cookie", a.cookie, b.cookie)
      .field("flags", a.flags, b.flags)
      .field("hw_stats", a.hw_stats, b.hw_stats);
  std::vector<FieldChange> changes = std::move(diff).take();
  if (!(a.options == b.options)) changes.push_back({"options", options_text(a), options_text(b)});
  if (!(a.unknown == b.unknown))
    changes.push_back({"unknown", codec::describe_raw(a.unknown), codec::describe_raw(b.unknown)});
  return changes;
}

void ObjectTraits<TcAction>::emit_dump_request(const Filter& selector, wire::MessageBuilder& builder) {
  emit_table_request(builder, get_type, NLM_F_DUMP, selector.kind);
}

Result<void> ObjectTraits<TcAction>::validate_dump(const Filter& selector) {
  if (selector.kind.empty())
    return Error(errc::invalid_argument,
                 "action dump kind: required (the kernel dumps one kind's table: \"mirred\", \"gact\"...)");
  return {};
}

bool ObjectTraits<TcAction>::matches(const Filter& selector, const TcAction& action) {
  return (selector.kind.empty() || selector.kind == action.action.kind) &&
         tc::selects(selector.index, action.action.index);
}

}  // namespace nlpp::rtnl

namespace nlpp::io {

Result<Ack> OperationTraits<rtnl::TcActionFlush>::run(rtnl::IpRoute& ipr, const rtnl::TcActionFlush& flush) {
  if (flush.kind.empty()) return Error(errc::invalid_argument, "flush actions kind: required");
  wire::MessageBuilder request;
  rtnl::emit_table_request(request, RTM_DELACTION, NLM_F_ROOT, flush.kind);
  return ipr.engine().request(request);
}

}  // namespace nlpp::io

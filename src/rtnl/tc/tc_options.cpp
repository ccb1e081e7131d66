#include "tc_options.hpp"

#include "codec/kind_data.hpp"
#include "rtnl/tc/kind_tables.hpp"

#include <linux/rtnetlink.h>

#include <string>

namespace nlpp::rtnl::tc {

// A kind without a struct: TCA_OPTIONS's payload (attributes or a struct),
// sent back as it came.
template <>
struct KindTraits<GenericOptions> {
  static GenericOptions raw(const wire::Attribute& options) {
    const wire::Bytes payload = options.payload();
    return GenericOptions{{payload.begin(), payload.end()}};
  }
  static void emit_raw(const GenericOptions& options, uint16_t type, wire::MessageBuilder& out) {
    out.add(type, options.payload);
  }
  static std::string size_text(const GenericOptions& options) {
    return std::to_string(options.payload.size()) + " bytes";
  }
};

namespace {
constexpr std::string_view options_prefix = "options.";
}  // namespace

QdiscOptions parse_qdisc_options(std::string_view kind, const wire::Attribute& options) {
  return codec::parse_kind_data<KindTraits, QdiscOptions>(kind, options);
}
ClassOptions parse_class_options(std::string_view kind, const wire::Attribute& options) {
  return codec::parse_kind_data<KindTraits, ClassOptions>(kind, options);
}
FilterOptions parse_filter_options(std::string_view kind, const wire::Attribute& options) {
  return codec::parse_kind_data<KindTraits, FilterOptions>(kind, options);
}

void emit_options(const QdiscOptions& options, wire::MessageBuilder& out) {
  codec::emit_kind_data<KindTraits>(options, TCA_OPTIONS, out);
}
void emit_options(const ClassOptions& options, wire::MessageBuilder& out) {
  codec::emit_kind_data<KindTraits>(options, TCA_OPTIONS, out);
}
void emit_options(const FilterOptions& options, wire::MessageBuilder& out) {
  codec::emit_kind_data<KindTraits>(options, TCA_OPTIONS, out);
}

Result<void> validate_options(const QdiscOptions& options, std::string_view kind) {
  return codec::validate_kind_data<KindTraits>(options, kind, "qdisc kind");
}
Result<void> validate_options(const ClassOptions& options, std::string_view kind) {
  return codec::validate_kind_data<KindTraits>(options, kind, "class kind");
}
Result<void> validate_options(const FilterOptions& options, std::string_view kind) {
  return codec::validate_kind_data<KindTraits>(options, kind, "filter kind");
}

std::string_view only_kind_of(const QdiscOptions& options) { return codec::only_kind_of<KindTraits>(options); }
std::string_view only_kind_of(const ClassOptions& options) { return codec::only_kind_of<KindTraits>(options); }
std::string_view only_kind_of(const FilterOptions& options) { return codec::only_kind_of<KindTraits>(options); }

uint32_t implied_handle(const FilterOptions& options) {
  return std::visit(
      []<class T>(const T& value) -> uint32_t {
        if constexpr (requires { KindTraits<T>::implied_handle(value); })
          return KindTraits<T>::implied_handle(value);
        else
          return 0;
      },
      options);
}

void as_requested(FilterOptions& options, uint16_t filter_protocol) {
  std::visit(
      [&]<class T>(T& value) {
        if constexpr (requires { KindTraits<T>::as_requested(value, filter_protocol); })
          KindTraits<T>::as_requested(value, filter_protocol);
      },
      options);
}

void diff_options(const QdiscOptions& before, const QdiscOptions& after, FieldDiff& diff) {
  codec::diff_kind_data<KindTraits, options_prefix>(before, after, diff);
}
void diff_options(const ClassOptions& before, const ClassOptions& after, FieldDiff& diff) {
  codec::diff_kind_data<KindTraits, options_prefix>(before, after, diff);
}
void diff_options(const FilterOptions& before, const FilterOptions& after, FieldDiff& diff) {
  codec::diff_kind_data<KindTraits, options_prefix>(before, after, diff);
}

std::string to_string(const Rate& rate) {
  std::string text = std::to_string(rate.bytes_per_second) + "B/s";
  if (rate.overhead != 0) text += " overhead " + std::to_string(rate.overhead);
  if (rate.mpu != 0) text += " mpu " + std::to_string(rate.mpu);
  if (rate.linklayer == LinkLayer::atm) text += " linklayer atm";
  if (rate.linklayer == LinkLayer::unaware) text += " linklayer unaware";
  return text;
}

}  // namespace nlpp::rtnl::tc

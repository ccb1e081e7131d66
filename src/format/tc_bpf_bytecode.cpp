#include "tc_bpf_bytecode.hpp"

#include "json_fields.hpp"

namespace nlpp::format::detail {

void write_bpf_bytecode(JsonWriter& json, const std::vector<sock_filter>& program) {
  json.key("bytecode");
  json.begin_object();
  number_field(json, "length", program.size());
  json.key("insns");
  json.begin_array();
  for (const sock_filter& op : program) {
    json.begin_object();
    number_field(json, "code", op.code);
    number_field(json, "jt", op.jt);
    number_field(json, "jf", op.jf);
    number_field(json, "k", op.k);
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

// The length, then each instruction's four numbers.
std::string bpf_bytecode_text(const std::vector<sock_filter>& program) {
  std::string text = "bytecode '" + std::to_string(program.size());
  for (const sock_filter& op : program)
    text += "," + std::to_string(op.code) + " " + std::to_string(op.jt) + " " + std::to_string(op.jf) + " " +
            std::to_string(op.k);
  return text + "'";
}

}  // namespace nlpp::format::detail

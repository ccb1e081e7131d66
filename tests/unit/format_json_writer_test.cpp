// The JSON writer the schema's to_json() and the format layer share:
// separators, escaping, numbers, and that every document it writes parses.
#include <nlpp/core/json_writer.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <string>

namespace nlpp {
namespace {

std::string string_document(std::string_view text) {
  JsonWriter json;
  json.string(text);
  return std::move(json).take();
}

TEST(JsonWriter, places_commas_between_members_and_elements_only) {
  JsonWriter json;
  json.begin_object();
  json.key("a");
  json.number(uint64_t{1});
  json.key("b");
  json.begin_array();
  json.boolean(true);
  json.null();
  json.begin_object();
  json.end_object();
  json.end_array();
  json.key("c");
  json.begin_array();
  json.end_array();
  json.end_object();
  EXPECT_EQ(std::move(json).take(), R"({"a":1,"b":[true,null,{}],"c":[]})");
}

TEST(JsonWriter, escapes_quotes_backslashes_and_control_characters) {
  EXPECT_EQ(string_document("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(string_document("\b\f\n\r\t"), R"("\b\f\n\r\t")");
  EXPECT_EQ(string_document(std::string("\x01\x1f\0", 3)), R"("\u0001\u001f\u0000")");
  EXPECT_EQ(string_document("/<>'"), R"("/<>'")");
}

TEST(JsonWriter, keeps_valid_utf8_and_replaces_invalid_bytes_with_u_fffd) {
  EXPECT_EQ(string_document("caf\xc3\xa9 \xf0\x9f\x90\xa7"), "\"caf\xc3\xa9 \xf0\x9f\x90\xa7\"");
  EXPECT_EQ(string_document("a\xff"
                            "b"),
            "\"a\xef\xbf\xbd"
            "b\"");
  EXPECT_EQ(string_document("\xc0\xaf"), "\"\xef\xbf\xbd\xef\xbf\xbd\"");                  // overlong '/'
  EXPECT_EQ(string_document("\xed\xa0\x80"), "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");  // a surrogate
  EXPECT_EQ(string_document("\xe2\x82"), "\"\xef\xbf\xbd\xef\xbf\xbd\"");                  // truncated sequence
}

TEST(JsonWriter, escapes_keys_like_strings) {
  JsonWriter json;
  json.begin_object();
  json.key("ttl-\"propogate\"");
  json.boolean(false);
  json.end_object();
  EXPECT_EQ(std::move(json).take(), R"({"ttl-\"propogate\"":false})");
}

TEST(JsonWriter, writes_the_extremes_of_64_bit_integers_exactly) {
  JsonWriter json;
  json.begin_array();
  json.number(std::numeric_limits<uint64_t>::max());
  json.number(std::numeric_limits<int64_t>::min());
  json.number(int64_t{-1});
  json.number(uint64_t{0});
  json.number(uint64_t{4294967295});
  json.end_array();
  const std::string text = std::move(json).take();
  EXPECT_EQ(text, "[18446744073709551615,-9223372036854775808,-1,0,4294967295]");
  const nlohmann::json parsed = nlohmann::json::parse(text);
  EXPECT_EQ(parsed[0].get<uint64_t>(), std::numeric_limits<uint64_t>::max());
  EXPECT_EQ(parsed[1].get<int64_t>(), std::numeric_limits<int64_t>::min());
}

TEST(JsonWriter, writes_a_preformatted_number_as_it_is) {
  JsonWriter json;
  json.begin_object();
  json.key("gc_timer");
  json.raw_number("288.48");
  json.key("hello_timer");
  json.raw_number("0.00");
  json.end_object();
  const std::string text = std::move(json).take();
  EXPECT_EQ(text, R"({"gc_timer":288.48,"hello_timer":0.00})");
  EXPECT_DOUBLE_EQ(nlohmann::json::parse(text)["gc_timer"].get<double>(), 288.48);
}

TEST(JsonWriter, every_byte_value_in_a_string_gives_a_document_a_strict_parser_accepts) {
  std::string all;
  for (int byte = 0; byte < 256; ++byte) all += static_cast<char>(byte);
  const std::string text = string_document(all);
  const nlohmann::json parsed = nlohmann::json::parse(text);  // throws on invalid UTF-8 or escapes
  const std::string back = parsed.get<std::string>();
  EXPECT_EQ(back.substr(0, 128), all.substr(0, 128));  // ASCII, control characters included, round-trips
}

}  // namespace
}  // namespace nlpp

// Builds a message with the installed library and parses it back.
#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <linux/rtnetlink.h>

#include <cstdio>

int main() {
  nlpp::wire::MessageBuilder builder;
  builder.begin_message(RTM_GETLINK, NLM_F_REQUEST).append_header(ifinfomsg{}).add_string(IFLA_IFNAME, "lo");
  const nlpp::wire::Message message = *nlpp::wire::MessageRange(builder.bytes()).begin();
  auto attributes = message.attributes(sizeof(ifinfomsg));
  if (!attributes || attributes->begin()->string() != "lo") return 1;
  std::puts("consumer: ok");
  return 0;
}

// Builds a message with the installed library, parses it back and sends it
// to the installed fake kernel (nlpp/testing), which answers with an ACK.
#include <nlpp/nltest/fake_kernel.hpp>
#include <nlpp/wire/message.hpp>
#include <nlpp/wire/message_builder.hpp>

#include <linux/rtnetlink.h>

#include <cstdio>
#include <vector>

int main() {
  nlpp::wire::MessageBuilder builder;
  builder.begin_message(RTM_GETLINK, NLM_F_REQUEST).append_header(ifinfomsg{}).add_string(IFLA_IFNAME, "lo");
  const nlpp::wire::Message message = *nlpp::wire::MessageRange(builder.bytes()).begin();
  auto attributes = message.attributes(sizeof(ifinfomsg));
  if (!attributes || attributes->begin()->string() != "lo") return 1;
  const nlpp::nltest::KernelReplies replies(nlpp::nltest::FakeKernel::default_port_id);
  nlpp::nltest::FakeKernel kernel([&](const nlpp::wire::MessageRange& sent) {
    return std::vector<nlpp::nltest::FakeDatagram>{replies.error(sent.begin()->seq(), 0)};
  });
  if (!kernel.send(builder.bytes()) || kernel.pending() != 1) return 1;
  std::puts("consumer: ok");
  return 0;
}

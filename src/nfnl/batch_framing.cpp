#include <nlpp/nfnl/batch_framing.hpp>

#include <nlpp/wire/bytes.hpp>

#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nf_tables.h>
#include <sys/socket.h>

namespace nlpp::nfnl {
namespace {

// The nf_tables messages the kernel handles only inside a batch
// (nf_tables_cb[] entries of type NFNL_CB_BATCH), by NFT_MSG_* number:
// NEW and DEL of tables, chains, rules, sets, elements, objects and
// flowtables, and the DESTROY messages of Linux 6.3 (26 to 32), which this
// build's headers may not name.
constexpr uint64_t batched_messages =
    (1ull << NFT_MSG_NEWTABLE) | (1ull << NFT_MSG_DELTABLE) | (1ull << NFT_MSG_NEWCHAIN) |
    (1ull << NFT_MSG_DELCHAIN) | (1ull << NFT_MSG_NEWRULE) | (1ull << NFT_MSG_DELRULE) | (1ull << NFT_MSG_NEWSET) |
    (1ull << NFT_MSG_DELSET) | (1ull << NFT_MSG_NEWSETELEM) | (1ull << NFT_MSG_DELSETELEM) |
    (1ull << NFT_MSG_NEWOBJ) | (1ull << NFT_MSG_DELOBJ) | (1ull << NFT_MSG_NEWFLOWTABLE) |
    (1ull << NFT_MSG_DELFLOWTABLE) | (0x7full << 26);

class NfTablesFraming final : public io::BatchFraming {
 public:
  bool frames(const wire::Message& request) const override {
    const uint8_t message = message_of(request.type());
    return subsystem_of(request.type()) == NFNL_SUBSYS_NFTABLES && message < 64 &&
           (batched_messages >> message & 1u) != 0;
  }
  void begin(const wire::Message& request, wire::MessageBuilder& out) const override {
    frame(NFNL_MSG_BATCH_BEGIN, request, out);
  }
  void end(const wire::Message& request, wire::MessageBuilder& out) const override {
    frame(NFNL_MSG_BATCH_END, request, out);
  }

 private:
  static void frame(uint16_t type, const wire::Message& request, wire::MessageBuilder& out) {
    out.begin_message(type, 0)
        .append_header(nfgenmsg{.nfgen_family = AF_UNSPEC,
                                .version = NFNETLINK_V0,
                                .res_id = wire::host_to_network<uint16_t>(subsystem_of(request.type()))});
  }
};

}  // namespace

std::shared_ptr<const io::BatchFraming> batch_framing() {
  static const auto framing = std::make_shared<const NfTablesFraming>();
  return framing;
}

}  // namespace nlpp::nfnl

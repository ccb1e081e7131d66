// nfnetlink's batch framing (io/batch_framing.hpp): nf_tables changes go to
// the kernel between NFNL_MSG_BATCH_BEGIN and NFNL_MSG_BATCH_END, in one
// datagram, and the kernel applies all or none of what is inside. An
// nfnetlink session installs it in its engine:
//
//     io::RequestEngine engine = io::RequestEngine::open(NETLINK_NETFILTER).value();
//     engine.set_batch_framing(nfnl::batch_framing());
//     engine.request(new_table).value();  // BEGIN, NFT_MSG_NEWTABLE, END: one datagram
#pragma once

#include <nlpp/io/batch_framing.hpp>

#include <cstdint>
#include <memory>

namespace nlpp::nfnl {

/// The subsystem (NFNL_SUBSYS_*) of an nfnetlink message type.
constexpr uint8_t subsystem_of(uint16_t type) noexcept { return static_cast<uint8_t>(type >> 8); }
/// The message (NFT_MSG_*, IPCTNL_MSG_*...) of an nfnetlink message type.
constexpr uint8_t message_of(uint16_t type) noexcept { return static_cast<uint8_t>(type & 0xff); }

/// Frames every nf_tables request the kernel takes only in a batch: its
/// NEW*, DEL* and DESTROY* messages (nf_tables_api.c, NFNL_CB_BATCH); its
/// gets and dumps go as they are. The frame's messages name the
/// subsystem in nfgenmsg.res_id, as the kernel requires.
std::shared_ptr<const io::BatchFraming> batch_framing();

}  // namespace nlpp::nfnl

// nfnetlink in one include: today the batch framing every nf_tables
// change travels in (BATCH_BEGIN, the change, BATCH_END in one datagram).
#pragma once

#include <nlpp/nfnl/batch_framing.hpp>

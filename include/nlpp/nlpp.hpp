// All of nlpp in one include: every protocol (rtnl.hpp, genl.hpp,
// nfnl.hpp), BPF maps and programs (bpf.hpp), namespaces, IPDB's cache,
// and the schema that decodes any netlink message.
// Programs that use one protocol compile faster with its own header.
#pragma once

#include <nlpp/bpf.hpp>
#include <nlpp/genl.hpp>
#include <nlpp/ipdb/cache.hpp>
#include <nlpp/ipdb/follower.hpp>
#include <nlpp/ipdb/transaction.hpp>
#include <nlpp/nfnl.hpp>
#include <nlpp/rtnl.hpp>
#include <nlpp/schema/decoder.hpp>
#include <nlpp/schema/json.hpp>

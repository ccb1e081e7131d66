// TCA_OPTIONS, typed by TCA_KIND: the one table of tc kinds. Each struct
// lists the kinds it serves (its KindTraits, private, in src/rtnl/tc/);
// adding a kind is adding its header, its table and its place here.
#pragma once

#include <nlpp/rtnl/tc/codel.hpp>
#include <nlpp/rtnl/tc/drr.hpp>
#include <nlpp/rtnl/tc/ets.hpp>
#include <nlpp/rtnl/tc/fifo.hpp>
#include <nlpp/rtnl/tc/fq.hpp>
#include <nlpp/rtnl/tc/generic_options.hpp>
#include <nlpp/rtnl/tc/hfsc.hpp>
#include <nlpp/rtnl/tc/htb.hpp>
#include <nlpp/rtnl/tc/mqprio.hpp>
#include <nlpp/rtnl/tc/multiq.hpp>
#include <nlpp/rtnl/tc/netem.hpp>
#include <nlpp/rtnl/tc/pie.hpp>
#include <nlpp/rtnl/tc/plug.hpp>
#include <nlpp/rtnl/tc/prio.hpp>
#include <nlpp/rtnl/tc/red.hpp>
#include <nlpp/rtnl/tc/sfq.hpp>
#include <nlpp/rtnl/tc/tbf.hpp>

#include <variant>

namespace nlpp::rtnl {

/// A qdisc's options. monostate: none (ingress, clsact, noqueue, mq, drr; a
/// request may leave them out for a kind whose options all have defaults).
/// GenericOptions: a kind without a struct, raw.
using QdiscOptions = std::variant<std::monostate, tc::Fifo, tc::Prio, tc::Tbf, tc::Htb, tc::Hfsc, tc::Ets, tc::Mqprio,
                                  tc::Netem, tc::Multiq, tc::Plug, tc::Codel, tc::FqCodel, tc::Fq, tc::Sfq, tc::Pie,
                                  tc::FqPie, tc::Red, tc::Choke, tc::GenericOptions>;

/// A class's options, by its qdisc's kind.
using ClassOptions =
    std::variant<std::monostate, tc::HtbClass, tc::HfscClass, tc::DrrClass, tc::EtsClass, tc::GenericOptions>;

}  // namespace nlpp::rtnl

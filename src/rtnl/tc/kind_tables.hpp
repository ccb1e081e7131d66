// Every qdisc, class and filter kind's table, for the engine that serves them all (tc_options.cpp).
#pragma once

#include "rtnl/tc/fifo_table.hpp"
#include "rtnl/tc/filter_kind_tables.hpp"
#include "rtnl/tc/htb_table.hpp"
#include "rtnl/tc/prio_table.hpp"
#include "rtnl/tc/tbf_table.hpp"
#include "rtnl/tc/u32_table.hpp"

// Every tc kind's table, for the engine that serves them all (tc_options.cpp).
#pragma once

#include "rtnl/tc/fifo_table.hpp"
#include "rtnl/tc/htb_table.hpp"
#include "rtnl/tc/prio_table.hpp"
#include "rtnl/tc/tbf_table.hpp"

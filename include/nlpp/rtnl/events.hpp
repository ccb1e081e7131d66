// RTNL events in one include: the typed events and groups (event.hpp) and
// the stream that receives them (event_stream.hpp). docs/RTNL_EVENTS.md.
#pragma once

#include <nlpp/rtnl/event.hpp>
#include <nlpp/rtnl/event_stream.hpp>

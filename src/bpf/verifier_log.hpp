// What of the verifier's log goes into the Error of a refused program.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace nlpp::bpf {

/// The last `count` lines of a verifier log, joined by " | ", for one line
/// of an Error's context: the refused instruction and the reason come last,
/// before the statistics line ("processed 2 insns (limit 1000000) ..."),
/// which is left out. Empty lines are skipped; the log may end without a
/// newline or with NULs (the buffer the kernel wrote into).
std::string verifier_log_tail(std::string_view log, std::size_t count = 3);

}  // namespace nlpp::bpf

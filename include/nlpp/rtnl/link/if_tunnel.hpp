// <linux/if_tunnel.h> (IFLA_GRE_*, IFLA_IPTUN_*, IFLA_VTI_*) included so
// that it coexists with glibc: it brings <linux/if.h> and <linux/in6.h>,
// which leave out what glibc's <net/if.h> and <netinet/in.h> define when
// those come first (linux/libc-compat.h). Included this way, a user may
// include the glibc headers before or after nlpp's.
#pragma once

#include <net/if.h>
#include <netinet/in.h>

#include <linux/if_tunnel.h>

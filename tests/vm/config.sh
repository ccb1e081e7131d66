# shellcheck shell=bash disable=SC2034 # the scripts sourcing this use them
# Shared settings of the guest tier, sourced by the other scripts here. The
# pin and the cache folder can be overridden from the environment.

# The guest kernel: Debian bookworm's 6.12 from bookworm-security, pinned to
# one build so every run tests the same kernel. The "-unsigned" package is
# that kernel without the Secure Boot signature, which -kernel boots ignore.
# To re-pin when the mirror drops this build:
#   apt-get update && apt-cache madison 'linux-image-6.12.*+deb12-amd64-unsigned'
: "${NLPP_VM_KERNEL_PACKAGE:=linux-image-6.12.117+deb12-amd64-unsigned}"
: "${NLPP_VM_KERNEL_PACKAGE_VERSION:=6.12.117-1~deb12u1}"
# uname -r of that kernel: the package name without its prefix and suffix.
NLPP_VM_KERNEL_RELEASE=${NLPP_VM_KERNEL_PACKAGE#linux-image-}
NLPP_VM_KERNEL_RELEASE=${NLPP_VM_KERNEL_RELEASE%-unsigned}

# Downloads and everything derived from them; survives between runs.
: "${NLPP_VM_CACHE:=/var/cache/nlpp-vm}"
NLPP_VM_KERNEL_DIR=$NLPP_VM_CACHE/kernel/$NLPP_VM_KERNEL_RELEASE
NLPP_VM_VMLINUZ=$NLPP_VM_KERNEL_DIR/boot/vmlinuz-$NLPP_VM_KERNEL_RELEASE

# Holds the cache's lock until the calling script exits, so that two runs at
# once (ctest -j) do not fill the cache over each other.
lock_cache() {
  mkdir -p "$NLPP_VM_CACHE"
  exec {cache_lock}>"$NLPP_VM_CACHE/lock"
  flock "$cache_lock"
}

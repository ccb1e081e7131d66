// The generic netlink families of the running kernel, as `genl ctrl list`
// shows them: each family's run-time id, version, operations and multicast
// groups, read through nlpp's generic netlink session. With a family name
// as argument, resolves just that family's id (what every generic netlink
// request needs first), e.g. `example_genl_families nl80211`.
#include <nlpp/genl/generic_netlink.hpp>

#include <cstdio>
#include <string>

using namespace nlpp;

int main(int argc, char** argv) {
  Result<genl::GenericNetlink> opened = genl::GenericNetlink::open();
  if (!opened) {
    std::fprintf(stderr, "%s\n", opened.error().describe().c_str());
    return 1;
  }
  genl::GenericNetlink& genl = *opened;

  if (argc > 1) {
    Result<uint16_t> id = genl.binding().family_id(genl.engine(), argv[1]);
    if (!id) {
      std::fprintf(stderr, "%s\n", id.error().describe().c_str());
      return 1;
    }
    std::printf("%s: id %u\n", argv[1], static_cast<unsigned>(*id));
    return 0;
  }

  Result<std::vector<genl::Family>> families = genl.dump<genl::Family>();
  if (!families) {
    std::fprintf(stderr, "%s\n", families.error().describe().c_str());
    return 1;
  }
  for (const genl::Family& family : *families) {
    std::printf("%-20s id 0x%-4x version %u, %zu operations", family.name.c_str(), static_cast<unsigned>(family.id),
                family.version, family.operations.size());
    for (const genl::MulticastGroup& group : family.multicast_groups)
      std::printf(", group %s (%u)", group.name.c_str(), group.id);
    std::printf("\n");
  }
  return 0;
}

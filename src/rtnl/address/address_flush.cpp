#include <nlpp/rtnl/address_flush.hpp>

#include <algorithm>
#include <cerrno>

namespace nlpp::io {
namespace {

using rtnl::Address;
using rtnl::AddressFlag;
using rtnl::ObjectTraits;

bool is_ipv4_secondary(const Address& address) {
  return address.local.is_v4() && address.flags.contains(AddressFlag::secondary);
}

Error flush_error(const Address& address, const Error& error, size_t more) {
  std::string context = "flush address " + address.local.to_string() + "/" + std::to_string(address.prefix_length);
  if (!error.context().empty()) context += ": " + error.context();
  if (more != 0) context += " (and " + std::to_string(more) + " more failed)";
  return Error(error.code(), std::move(context), error.ext_ack());
}

}  // namespace

Result<size_t> OperationTraits<rtnl::AddressFlush>::run(rtnl::IpRoute& ipr, const rtnl::AddressFlush& flush) {
  const rtnl::AddressFilter& filter = flush.filter;
  if (!filter.ifindex) return Error(errc::invalid_argument, "flush addresses: the filter names no link (ifindex)");
  Result<std::vector<Address>> dumped = ipr.dump<Address>(filter);
  if (!dumped) return std::move(dumped).error();
  std::vector<Address>& addresses = *dumped;
  std::stable_partition(addresses.begin(), addresses.end(), is_ipv4_secondary);

  wire::MessageBuilder batch;
  for (const Address& address : addresses) ObjectTraits<Address>::emit(address, batch, RTM_DELADDR, 0);
  Result<io::BatchResult> sent = ipr.engine().send_batch(batch);
  if (!sent) return std::move(sent).error();

  const auto& failures = sent->refusals();
  const auto not_gone = [](const std::pair<size_t, Error>& failure) {
    return failure.second.code() != std::error_code(EADDRNOTAVAIL, std::system_category());
  };
  if (const auto first = std::find_if(failures.begin(), failures.end(), not_gone); first != failures.end())
    return flush_error(addresses[first->first], first->second,
                       static_cast<size_t>(std::count_if(std::next(first), failures.end(), not_gone)));
  // The rest never happens with a batch of deletions this size, but a lost
  // answer is not a success.
  if (!sent->unknown().empty()) return sent->unknown().front().second;
  if (sent->sent() < addresses.size()) return *sent->not_sent_reason();
  return addresses.size();
}

}  // namespace nlpp::io

// ChangeBatch::send and IPRoute::send (change_batch.hpp).
#include <nlpp/rtnl/change_batch.hpp>
#include <nlpp/rtnl/ip_route.hpp>

namespace nlpp::rtnl {

Result<io::BatchResult> ChangeBatch::send(io::RequestEngine& engine, const io::BatchOptions& options) {
  Result<io::BatchResult> result = engine.send_batch(messages_, options);
  messages_.clear();
  return result;
}

Result<io::BatchResult> IPRoute::send(ChangeBatch& batch, const io::BatchOptions& options) {
  return batch.send(engine_, options);
}

}  // namespace nlpp::rtnl

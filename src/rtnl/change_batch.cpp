#include <nlpp/rtnl/change_batch.hpp>

namespace nlpp::rtnl {

Result<io::BatchResult> ChangeBatch::send(io::RequestEngine& engine, const io::BatchOptions& options) {
  Result<io::BatchResult> result = engine.send_batch(messages_, options);
  messages_.clear();
  return result;
}

}  // namespace nlpp::rtnl

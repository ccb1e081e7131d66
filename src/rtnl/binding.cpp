#include <nlpp/rtnl/binding.hpp>

#include <nlpp/rtnl/request_describer.hpp>

namespace nlpp::rtnl {

std::shared_ptr<const io::RequestDescriber> RtnlBinding::describer() const { return request_describer(); }

}  // namespace nlpp::rtnl

#pragma once
// RestrictionReason: why a user, channel or message is unavailable on some platforms (layer 228).

#include <chatadmin/core/tl.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace chatadmin::telegram {

/// restrictionReason#d072acb4 platform:string reason:string text:string = RestrictionReason;
struct restriction_reason {
    static constexpr std::uint32_t tl_id = 0xd072acb4;
    static constexpr std::string_view tl_name = "restrictionReason";
    std::string platform{};
    std::string reason{};
    std::string text{};
};
BOOST_DESCRIBE_STRUCT(restriction_reason, (), (platform, reason, text))

} // namespace chatadmin::telegram

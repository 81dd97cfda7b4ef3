#pragma once
// RecentStory: the newest story of a peer, and whether it is a live one (layer 228).

#include <chatadmin/core/tl.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string_view>

namespace chatadmin::telegram {

/// recentStory#711d692d flags:# live:flags.0?true max_id:flags.1?int = RecentStory;
struct recent_story {
    static constexpr std::uint32_t tl_id = 0x711d692d;
    static constexpr std::string_view tl_name = "recentStory";
    tl::flags<> flags{};
    tl::flag<0> live{};
    tl::opt<std::int32_t, 1> max_id{};
};
BOOST_DESCRIBE_STRUCT(recent_story, (), (flags, live, max_id))

} // namespace chatadmin::telegram

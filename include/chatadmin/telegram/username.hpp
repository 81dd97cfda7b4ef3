#pragma once
// Username: one of the (collectible) usernames of a user or channel (layer 228).

#include <chatadmin/core/tl.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace chatadmin::telegram {

/// username#b4073647 flags:# editable:flags.0?true active:flags.1?true username:string = Username;
struct username {
    static constexpr std::uint32_t tl_id = 0xb4073647;
    static constexpr std::string_view tl_name = "username";
    tl::flags<> flags{};
    tl::flag<0> editable{};
    tl::flag<1> active{};
    std::string username_{};  // the member may not share the struct's name; the wire name is `username`
};
BOOST_DESCRIBE_STRUCT(username, (), (flags, editable, active, username_))

} // namespace chatadmin::telegram

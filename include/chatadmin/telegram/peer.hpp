#pragma once
// Peer: a user, basic group or channel, by id.

#include <chatadmin/core/tl.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string_view>
#include <variant>

namespace chatadmin::telegram {

/// peerUser#59511722 user_id:long = Peer;
struct peer_user {
    static constexpr std::uint32_t tl_id = 0x59511722;
    static constexpr std::string_view tl_name = "peerUser";
    std::int64_t user_id = 0;
};
BOOST_DESCRIBE_STRUCT(peer_user, (), (user_id))

/// peerChat#36c6019a chat_id:long = Peer;
struct peer_chat {
    static constexpr std::uint32_t tl_id = 0x36c6019a;
    static constexpr std::string_view tl_name = "peerChat";
    std::int64_t chat_id = 0;
};
BOOST_DESCRIBE_STRUCT(peer_chat, (), (chat_id))

/// peerChannel#a2a5371e channel_id:long = Peer;
struct peer_channel {
    static constexpr std::uint32_t tl_id = 0xa2a5371e;
    static constexpr std::string_view tl_name = "peerChannel";
    std::int64_t channel_id = 0;
};
BOOST_DESCRIBE_STRUCT(peer_channel, (), (channel_id))

/// The TL type `Peer`.
struct peer_type : std::variant<peer_user, peer_chat, peer_channel> {
    using variant::variant;
    using variant::operator=;
};

} // namespace chatadmin::telegram

#pragma once
// InputPeer: a peer as a request names it (layer 228).

#include <chatadmin/core/tl.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string_view>
#include <variant>

namespace chatadmin::telegram {

struct input_peer_type;

/// inputPeerEmpty#7f3b18ea = InputPeer;
struct input_peer_empty {
    static constexpr std::uint32_t tl_id = 0x7f3b18ea;
    static constexpr std::string_view tl_name = "inputPeerEmpty";
};
BOOST_DESCRIBE_STRUCT(input_peer_empty, (), ())

/// inputPeerSelf#7da07ec9 = InputPeer;
struct input_peer_self {
    static constexpr std::uint32_t tl_id = 0x7da07ec9;
    static constexpr std::string_view tl_name = "inputPeerSelf";
};
BOOST_DESCRIBE_STRUCT(input_peer_self, (), ())

/// inputPeerChat#35a95cb9 chat_id:long = InputPeer;
struct input_peer_chat {
    static constexpr std::uint32_t tl_id = 0x35a95cb9;
    static constexpr std::string_view tl_name = "inputPeerChat";
    std::int64_t chat_id = 0;
};
BOOST_DESCRIBE_STRUCT(input_peer_chat, (), (chat_id))

/// inputPeerUser#dde8a54c user_id:long access_hash:long = InputPeer;
struct input_peer_user {
    static constexpr std::uint32_t tl_id = 0xdde8a54c;
    static constexpr std::string_view tl_name = "inputPeerUser";
    std::int64_t user_id = 0;
    std::int64_t access_hash = 0;
};
BOOST_DESCRIBE_STRUCT(input_peer_user, (), (user_id, access_hash))

/// inputPeerChannel#27bcbbfc channel_id:long access_hash:long = InputPeer;
struct input_peer_channel {
    static constexpr std::uint32_t tl_id = 0x27bcbbfc;
    static constexpr std::string_view tl_name = "inputPeerChannel";
    std::int64_t channel_id = 0;
    std::int64_t access_hash = 0;
};
BOOST_DESCRIBE_STRUCT(input_peer_channel, (), (channel_id, access_hash))

/// inputPeerUserFromMessage#a87b0a1c peer:InputPeer msg_id:int user_id:long = InputPeer;
struct input_peer_user_from_message {
    static constexpr std::uint32_t tl_id = 0xa87b0a1c;
    static constexpr std::string_view tl_name = "inputPeerUserFromMessage";
    tl::indirect<input_peer_type> peer{};
    std::int32_t msg_id = 0;
    std::int64_t user_id = 0;
};
BOOST_DESCRIBE_STRUCT(input_peer_user_from_message, (), (peer, msg_id, user_id))

/// inputPeerChannelFromMessage#bd2a0840 peer:InputPeer msg_id:int channel_id:long = InputPeer;
struct input_peer_channel_from_message {
    static constexpr std::uint32_t tl_id = 0xbd2a0840;
    static constexpr std::string_view tl_name = "inputPeerChannelFromMessage";
    tl::indirect<input_peer_type> peer{};
    std::int32_t msg_id = 0;
    std::int64_t channel_id = 0;
};
BOOST_DESCRIBE_STRUCT(input_peer_channel_from_message, (), (peer, msg_id, channel_id))

/// The TL type `InputPeer` (it contains itself, hence a class and tl::indirect).
struct input_peer_type
    : std::variant<input_peer_empty, input_peer_self, input_peer_chat, input_peer_user, input_peer_channel,
                   input_peer_user_from_message, input_peer_channel_from_message> {
    using variant::variant;
    using variant::operator=;
};

} // namespace chatadmin::telegram

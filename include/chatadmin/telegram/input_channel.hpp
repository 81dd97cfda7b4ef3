#pragma once
// InputChannel: a channel or supergroup as a request names it (layer 228).

#include <chatadmin/core/tl.hpp>
#include <chatadmin/telegram/input_peer.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string_view>
#include <variant>

namespace chatadmin::telegram {

/// inputChannelEmpty#ee8c1e86 = InputChannel;
struct input_channel_empty {
    static constexpr std::uint32_t tl_id = 0xee8c1e86;
    static constexpr std::string_view tl_name = "inputChannelEmpty";
};
BOOST_DESCRIBE_STRUCT(input_channel_empty, (), ())

/// inputChannel#f35aec28 channel_id:long access_hash:long = InputChannel;
struct input_channel {
    static constexpr std::uint32_t tl_id = 0xf35aec28;
    static constexpr std::string_view tl_name = "inputChannel";
    std::int64_t channel_id = 0;
    std::int64_t access_hash = 0;
};
BOOST_DESCRIBE_STRUCT(input_channel, (), (channel_id, access_hash))

/// inputChannelFromMessage#5b934f9d peer:InputPeer msg_id:int channel_id:long = InputChannel;
struct input_channel_from_message {
    static constexpr std::uint32_t tl_id = 0x5b934f9d;
    static constexpr std::string_view tl_name = "inputChannelFromMessage";
    input_peer_type peer{};
    std::int32_t msg_id = 0;
    std::int64_t channel_id = 0;
};
BOOST_DESCRIBE_STRUCT(input_channel_from_message, (), (peer, msg_id, channel_id))

/// The TL type `InputChannel`.
struct input_channel_type : std::variant<input_channel_empty, input_channel, input_channel_from_message> {
    using variant::variant;
    using variant::operator=;
};

} // namespace chatadmin::telegram

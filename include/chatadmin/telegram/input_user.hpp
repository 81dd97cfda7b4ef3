#pragma once
// InputUser: a user as a request names it (layer 228).

#include <chatadmin/core/tl.hpp>
#include <chatadmin/telegram/input_peer.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string_view>
#include <variant>

namespace chatadmin::telegram {

/// inputUserEmpty#b98886cf = InputUser;
struct input_user_empty {
    static constexpr std::uint32_t tl_id = 0xb98886cf;
    static constexpr std::string_view tl_name = "inputUserEmpty";
};
BOOST_DESCRIBE_STRUCT(input_user_empty, (), ())

/// inputUserSelf#f7c1b13f = InputUser;
struct input_user_self {
    static constexpr std::uint32_t tl_id = 0xf7c1b13f;
    static constexpr std::string_view tl_name = "inputUserSelf";
};
BOOST_DESCRIBE_STRUCT(input_user_self, (), ())

/// inputUser#f21158c6 user_id:long access_hash:long = InputUser;
struct input_user {
    static constexpr std::uint32_t tl_id = 0xf21158c6;
    static constexpr std::string_view tl_name = "inputUser";
    std::int64_t user_id = 0;
    std::int64_t access_hash = 0;
};
BOOST_DESCRIBE_STRUCT(input_user, (), (user_id, access_hash))

/// inputUserFromMessage#1da448e2 peer:InputPeer msg_id:int user_id:long = InputUser;
struct input_user_from_message {
    static constexpr std::uint32_t tl_id = 0x1da448e2;
    static constexpr std::string_view tl_name = "inputUserFromMessage";
    input_peer_type peer{};
    std::int32_t msg_id = 0;
    std::int64_t user_id = 0;
};
BOOST_DESCRIBE_STRUCT(input_user_from_message, (), (peer, msg_id, user_id))

/// The TL type `InputUser`.
struct input_user_type : std::variant<input_user_empty, input_user_self, input_user, input_user_from_message> {
    using variant::variant;
    using variant::operator=;
};

} // namespace chatadmin::telegram

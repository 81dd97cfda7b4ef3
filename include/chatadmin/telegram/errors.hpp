#pragma once
// Documented rpc_error types of channels.editAdmin, with a std::error_category.

#include <chatadmin/core/wire_name.hpp>

#include <boost/describe/enum.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace chatadmin::telegram {

/// Every error type documented for channels.editAdmin (23 on the method's page, three more from
/// layer 228) and the three waits. The wire string is the enumerator name in upper case
/// (`user_creator` = "USER_CREATOR"); the waits carry a number ("FLOOD_WAIT_30").
enum class errc {
    unknown = 1,  // never 0: a std::error_code of 0 means "no error"
    admins_too_much,
    admin_rank_emoji_not_allowed,
    admin_rank_invalid,
    bots_too_much,
    bot_channels_na,
    bot_groups_blocked,
    channel_invalid,
    channel_private,
    chat_admin_invite_required,
    chat_admin_required,
    chat_write_forbidden,
    fresh_change_admins_forbidden,
    input_user_deactivated,
    peer_id_invalid,
    right_forbidden,
    users_too_much,
    user_blocked,
    user_channels_too_much,
    user_creator,
    user_id_invalid,
    user_not_mutual_contact,
    user_privacy_restricted,
    user_restricted,
    channel_monoforum_unsupported,
    msg_id_invalid,
    user_kicked,
    flood_wait,
    slowmode_wait,
    flood_premium_wait,
};
BOOST_DESCRIBE_ENUM(errc, unknown, admins_too_much, admin_rank_emoji_not_allowed, admin_rank_invalid, bots_too_much,
                    bot_channels_na, bot_groups_blocked, channel_invalid, channel_private, chat_admin_invite_required,
                    chat_admin_required, chat_write_forbidden, fresh_change_admins_forbidden, input_user_deactivated,
                    peer_id_invalid, right_forbidden, users_too_much, user_blocked, user_channels_too_much,
                    user_creator, user_id_invalid, user_not_mutual_contact, user_privacy_restricted, user_restricted,
                    channel_monoforum_unsupported, msg_id_invalid, user_kicked, flood_wait, slowmode_wait,
                    flood_premium_wait)

constexpr naming wire_naming(const errc*) { return naming::upper_snake; }

/// True for the errors whose message ends in a wait in seconds ("FLOOD_WAIT_30").
constexpr bool carries_wait(errc e) {
    return e == errc::flood_wait || e == errc::slowmode_wait || e == errc::flood_premium_wait;
}

/// What the documentation says about one error type.
struct errc_doc {
    std::int32_t code = 0;          // documented error_code; servers may send another
    std::string_view description{};
};

/// The documented code and description of e.
constexpr errc_doc documented(errc e) {
    switch (e) {
    case errc::unknown: return {0, "An error this library does not know."};
    case errc::admins_too_much: return {400, "There are too many admins."};
    case errc::admin_rank_emoji_not_allowed: return {400, "An admin rank cannot contain emojis."};
    case errc::admin_rank_invalid: return {400, "The specified admin rank is invalid."};
    case errc::bots_too_much: return {400, "There are too many bots in this chat/channel."};
    case errc::bot_channels_na: return {400, "Bots can't edit admin privileges."};
    case errc::bot_groups_blocked: return {400, "This bot can't be added to groups."};
    case errc::channel_invalid: return {400, "The provided channel is invalid."};
    case errc::channel_private: return {400, "You haven't joined this channel/supergroup."};
    case errc::chat_admin_invite_required: return {403, "You do not have the rights to do this."};
    case errc::chat_admin_required: return {403, "You must be an admin in this chat to do this."};
    case errc::chat_write_forbidden: return {403, "You can't write in this chat."};
    case errc::fresh_change_admins_forbidden:
        return {406, "You were just elected admin, you can't add or modify other admins yet."};
    case errc::input_user_deactivated: return {400, "The specified user was deleted."};
    case errc::peer_id_invalid: return {400, "The provided peer id is invalid."};
    case errc::right_forbidden: return {403, "Your admin rights do not allow you to do this."};
    case errc::users_too_much:
        return {400, "The maximum number of users has been exceeded (to create a chat, for example)."};
    case errc::user_blocked: return {400, "User blocked."};
    case errc::user_channels_too_much:
        return {403, "One of the users you tried to add is already in too many channels/supergroups."};
    case errc::user_creator:
        return {400, "For channels.editAdmin: you've tried to edit the admin rights of the owner, but you're not "
                     "the owner; for channels.leaveChannel: you can't leave this channel, because you're its "
                     "creator."};
    case errc::user_id_invalid: return {400, "The provided user ID is invalid."};
    case errc::user_not_mutual_contact: return {403, "The provided user is not a mutual contact."};
    case errc::user_privacy_restricted: return {403, "The user's privacy settings do not allow you to do this."};
    case errc::user_restricted: return {403, "You're spamreported, you can't create channels or chats."};
    case errc::channel_monoforum_unsupported: return {400, "Monoforums do not support this feature."};
    case errc::msg_id_invalid: return {400, "Invalid message ID provided."};
    case errc::user_kicked: return {400, "This user was kicked from this supergroup/channel."};
    case errc::flood_wait: return {420, "Too many requests: wait X seconds before repeating the action."};
    case errc::slowmode_wait: return {420, "Slowmode is enabled in this chat: wait X seconds before sending another message."};
    case errc::flood_premium_wait:
        return {420, "Please wait X seconds before repeating the action, or purchase a Telegram Premium subscription "
                     "to remove this rate limit."};
    }
    return {0, {}};
}

/// The error type string of e ("USER_CREATOR"; "FLOOD_WAIT" for the wait prefix); empty for unknown.
constexpr std::string_view error_type(errc e) {
    std::string_view s{};
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<errc>>([&](auto D) {
        if (D.value == e && e != errc::unknown) s = wire_name_v<errc, decltype(D)>;
    });
    return s;
}

class errc_category_impl final : public std::error_category {
public:
    const char* name() const noexcept override { return "chatadmin.telegram"; }
    std::string message(int ev) const override {
        auto e = static_cast<errc>(ev);
        std::string s(error_type(e));
        if (carries_wait(e)) s += "_X";
        if (!s.empty()) s += ": ";
        s += documented(e).description;
        return s;
    }
};

/// The category of telegram::errc values.
inline const std::error_category& errc_category() noexcept {
    static const errc_category_impl instance;
    return instance;
}

inline std::error_code make_error_code(errc e) noexcept { return {static_cast<int>(e), errc_category()}; }

} // namespace chatadmin::telegram

template <>
struct std::is_error_code_enum<chatadmin::telegram::errc> : std::true_type {};

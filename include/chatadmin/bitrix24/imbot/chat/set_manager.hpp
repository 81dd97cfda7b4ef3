#pragma once
// imbot.chat.setManager (deprecated by the platform in favour of imbot.v2.Chat.Manager.add
// and .delete): make a chat participant an administrator, or revoke it.
//
//   auto req = make_request(imbot::chat::set_manager{.CHAT_ID = 2725, .USER_ID = 1269}, auth);
//   result<bool, bitrix24::error> done = parse_response<imbot::chat::set_manager>(http_answer);

#include <chatadmin/bitrix24/errors.hpp>
#include <chatadmin/core/json_codec.hpp>
#include <chatadmin/core/wire_types.hpp>

#include <boost/describe/class.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chatadmin::bitrix24::imbot::chat {

/// imbot.chat.setManager. Scope `imbot`; the caller must own the chat.
struct set_manager {
    static constexpr std::string_view method = "imbot.chat.setManager";
    /// Always true: a failure is an error, never `false`.
    using result_type = bool;

    /// The chat (imbot.chat.get). Required; 0 is reported as CHAT_ID_EMPTY.
    std::int64_t CHAT_ID = 0;
    /// The user whose administrator status changes (imbot.chat.user.list). Required; one user.
    std::int64_t USER_ID = 0;
    /// true ("Y"): make administrator; false ("N"): revoke. The server treats anything
    /// but "N" as "Y".
    yes_no IS_MANAGER = true;
    /// The bot (imbot.bot.list); when absent, the first bot of the calling application.
    std::optional<std::int64_t> BOT_ID{};
    /// The CLIENT_ID the bot was registered with. Required for webhooks only.
    std::optional<std::string> CLIENT_ID{};

    /// The method's own documented errors (system errors can happen on every call).
    static constexpr std::array<documented_error, 6> errors{{
        documented(errc::CHAT_ID_EMPTY),
        documented(errc::USER_ID_EMPTY),
        documented(errc::WRONG_REQUEST),
        documented(errc::BOT_ID_ERROR),
        documented(errc::APP_ID_ERROR),
        // server source only: a webhook call without CLIENT_ID
        error_variants[0],
    }};
};
BOOST_DESCRIBE_STRUCT(set_manager, (), (CHAT_ID, USER_ID, IS_MANAGER, BOT_ID, CLIENT_ID))

// The server reads every parameter with a default (a missing id is 0, hence *_EMPTY).
constexpr bool wire_optional(const set_manager*, std::string_view) { return true; }

} // namespace chatadmin::bitrix24::imbot::chat

#pragma once
// Every documented Bitrix24 error code for the bound methods, as an enum in its own
// std::error_category, with the documented HTTP status and error_description of each.

#include <boost/describe/enum.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace chatadmin::bitrix24 {

/// One enumerator per documented `error` code. The enumerator name is the wire code,
/// case included (`expired_token` is lower case on the wire). sonet_group.user.update
/// sends an empty code; its five errors are told apart by their exact description and
/// carry a `SONET_` name instead. A code the table does not know is `unknown`, and
/// bitrix24::error keeps its text.
enum class errc {
    // imbot.chat.setManager
    CHAT_ID_EMPTY = 1,
    USER_ID_EMPTY,
    WRONG_REQUEST,
    BOT_ID_ERROR,
    APP_ID_ERROR,
    DIALOG_ID_EMPTY,  // source only: the undocumented DIALOG_ID parameter
    // im.department.managers.get
    ID_EMPTY,
    ACCESS_ERROR,
    // sonet_group.user.update: `error` is "", keyed by error_description
    SONET_WRONG_GROUP_ID,
    SONET_NO_PERMISSIONS,
    SONET_INCORRECT_ROLE_CODE,
    SONET_WRONG_USER_IDS,
    SONET_GROUP_NOT_FOUND,
    // "Statuses and System Error Codes", common to every method
    INTERNAL_SERVER_ERROR,
    ERROR_UNEXPECTED_ANSWER,
    QUERY_LIMIT_EXCEEDED,
    ERROR_BATCH_METHOD_NOT_ALLOWED,
    ERROR_BATCH_LENGTH_EXCEEDED,
    NO_AUTH_FOUND,
    INVALID_REQUEST,
    OVERLOAD_LIMIT,
    ACCESS_DENIED,
    INVALID_CREDENTIALS,
    ERROR_MANIFEST_IS_NOT_AVAILABLE,
    insufficient_scope,
    expired_token,
    user_access_error,
    PORTAL_DELETED,
    // documented outside the system table, or emitted by the REST server itself
    OPERATION_TIME_LIMIT,
    ERROR_METHOD_NOT_FOUND,
    invalid_token,
    WRONG_ENCODING,
    ERROR_CORE,
    ERROR_ARGUMENT,
    ERROR_OAUTH,
    METHOD_CONFIRM_WAITING,
    METHOD_CONFIRM_DENIED,
    // a code not listed above (kept verbatim in bitrix24::error::raw_code)
    unknown,
};
BOOST_DESCRIBE_ENUM(errc, CHAT_ID_EMPTY, USER_ID_EMPTY, WRONG_REQUEST, BOT_ID_ERROR, APP_ID_ERROR, DIALOG_ID_EMPTY, ID_EMPTY,
                    ACCESS_ERROR, SONET_WRONG_GROUP_ID, SONET_NO_PERMISSIONS, SONET_INCORRECT_ROLE_CODE,
                    SONET_WRONG_USER_IDS, SONET_GROUP_NOT_FOUND, INTERNAL_SERVER_ERROR, ERROR_UNEXPECTED_ANSWER,
                    QUERY_LIMIT_EXCEEDED, ERROR_BATCH_METHOD_NOT_ALLOWED, ERROR_BATCH_LENGTH_EXCEEDED, NO_AUTH_FOUND,
                    INVALID_REQUEST, OVERLOAD_LIMIT, ACCESS_DENIED, INVALID_CREDENTIALS, ERROR_MANIFEST_IS_NOT_AVAILABLE,
                    insufficient_scope, expired_token, user_access_error, PORTAL_DELETED, OPERATION_TIME_LIMIT,
                    ERROR_METHOD_NOT_FOUND, invalid_token, WRONG_ENCODING, ERROR_CORE, ERROR_ARGUMENT, ERROR_OAUTH,
                    METHOD_CONFIRM_WAITING, METHOD_CONFIRM_DENIED, unknown)

/// An error body as the server sends it, with its HTTP status.
struct documented_error {
    errc code;
    std::string_view error;              ///< the `error` value on the wire
    int http_status;
    std::string_view error_description;  ///< exact text; empty where the server's text varies
};

/// What the platform documents about one code.
struct error_info {
    documented_error body;   ///< the documented body and status
    std::string_view meaning;  ///< what the documentation says the error means
    bool retryable;            ///< repeating the same request later may succeed
};

/// The table, indexed by errc value - 1. Texts are verbatim from the documentation;
/// where the documentation and the server source differ, the documented form is here
/// and the source form is in error_variants.
inline constexpr std::array<error_info, static_cast<std::size_t>(errc::unknown) - 1> error_table{{
    {{errc::CHAT_ID_EMPTY, "CHAT_ID_EMPTY", 400, "Chat ID can't be empty"}, "CHAT_ID not provided", false},
    {{errc::USER_ID_EMPTY, "USER_ID_EMPTY", 400, "User ID can't be empty"}, "USER_ID not provided", false},
    {{errc::WRONG_REQUEST, "WRONG_REQUEST", 400, "Change manager can only owner and user must be member in chat"},
     "Only the chat owner can change administrator rights, and the user must be a member of the chat", false},
    {{errc::BOT_ID_ERROR, "BOT_ID_ERROR", 400, "Bot not found"}, "Chat bot not found", false},
    // The server's text: lower-case "rest", as in the method's error table.
    {{errc::APP_ID_ERROR, "APP_ID_ERROR", 400, "Bot was installed by another rest application"},
     "Chat bot installed by another application", false},
    {{errc::DIALOG_ID_EMPTY, "DIALOG_ID_EMPTY", 400, "Dialog ID can't be empty"},
     "DIALOG_ID is not a chat dialog id (undocumented parameter, server source only)", false},
    {{errc::ID_EMPTY, "ID_EMPTY", 400, "Department ID can't be empty"},
     "The required parameter ID is missing, incorrectly provided, or empty", false},
    // The server source ends the text with a period; see error_variants.
    {{errc::ACCESS_ERROR, "ACCESS_ERROR", 403, "Only intranet users have access to this method"},
     "The method is not available for extranet users and bots", false},
    {{errc::SONET_WRONG_GROUP_ID, "", 400, "Wrong group ID"}, "An incorrect GROUP_ID was provided", false},
    {{errc::SONET_NO_PERMISSIONS, "", 400, "No permissions to update users role"},
     "Insufficient rights to change participant roles", false},
    {{errc::SONET_INCORRECT_ROLE_CODE, "", 400, "Incorrect role code"}, "An unsupported value for ROLE was provided", false},
    {{errc::SONET_WRONG_USER_IDS, "", 400, "Wrong user IDs"}, "An empty or incorrect USER_ID was provided", false},
    {{errc::SONET_GROUP_NOT_FOUND, "", 400, "Socialnetwork group not found"},
     "The group or project with the specified GROUP_ID was not found", false},
    {{errc::INTERNAL_SERVER_ERROR, "INTERNAL_SERVER_ERROR", 500, "Internal server error"},
     "An internal server error has occurred. Please contact the server administrator or Bitrix24 technical support", false},
    {{errc::ERROR_UNEXPECTED_ANSWER, "ERROR_UNEXPECTED_ANSWER", 500, "Server returned an unexpected response"},
     "An internal server error has occurred. Please contact the server administrator or Bitrix24 technical support", false},
    {{errc::QUERY_LIMIT_EXCEEDED, "QUERY_LIMIT_EXCEEDED", 503, "Too many requests"},
     "The request intensity limit has been exceeded", true},
    {{errc::ERROR_BATCH_METHOD_NOT_ALLOWED, "ERROR_BATCH_METHOD_NOT_ALLOWED", 405, "Method is not allowed for batch usage"},
     "The current method is not permitted for calls using batch", false},
    {{errc::ERROR_BATCH_LENGTH_EXCEEDED, "ERROR_BATCH_LENGTH_EXCEEDED", 400, "Max batch length exceeded"},
     "The maximum length of parameters passed to the batch method has been exceeded", false},
    {{errc::NO_AUTH_FOUND, "NO_AUTH_FOUND", 401, "Wrong authorization data"}, "Invalid access token or webhook code", false},
    {{errc::INVALID_REQUEST, "INVALID_REQUEST", 400, "Https required"}, "The HTTPS protocol is required for method calls", false},
    // A manual block lifted by support: not worth retrying.
    {{errc::OVERLOAD_LIMIT, "OVERLOAD_LIMIT", 503, "REST API is blocked due to overload"},
     "The REST API is blocked due to overload. This is a manual individual block; please contact Bitrix24 technical support "
     "to lift it",
     false},
    {{errc::ACCESS_DENIED, "ACCESS_DENIED", 403, "REST API is available only on commercial plans"},
     "The REST API is only available on commercial plans", false},
    {{errc::INVALID_CREDENTIALS, "INVALID_CREDENTIALS", 403, "Invalid request credentials"},
     "The user associated with the access token or webhook used to call the method lacks the necessary permissions", false},
    {{errc::ERROR_MANIFEST_IS_NOT_AVAILABLE, "ERROR_MANIFEST_IS_NOT_AVAILABLE", 404, "Manifest is not available"},
     "The manifest is not available", false},
    {{errc::insufficient_scope, "insufficient_scope", 403,
      "The request requires higher privileges than provided by the webhook token"},
     "The request requires higher privileges than those provided by the webhook token", false},
    {{errc::expired_token, "expired_token", 401, "The access token provided has expired"},
     "The provided access token has expired", false},
    {{errc::user_access_error, "user_access_error", 403, "The user does not have access to the application"},
     "The user does not have access to the application. This means that the application is installed, but the portal "
     "administrator has restricted access to this application to specific users only",
     false},
    // Documented 500; the server source answers 403 (see error_variants).
    {{errc::PORTAL_DELETED, "PORTAL_DELETED", 500, "Portal was deleted"},
     "The public part of the site is closed. To open the public part of the site on an on-premise installation, disable "
     "the \"Temporary closure of the public part of the site\" option. Path to the setting: Desktop > Settings > Product "
     "Settings > Module Settings > Main Module > Temporary closure of the public part of the site",
     false},
    // Documented in limits.md only. The description text is UNVERIFIED (not documented):
    // clients must key on the code, never on this text.
    {{errc::OPERATION_TIME_LIMIT, "OPERATION_TIME_LIMIT", 429, "Method is blocked due to operation time limit."},
     "The method's operating-time budget for this app or webhook is spent; retry at operating_reset_at", true},
    {{errc::ERROR_METHOD_NOT_FOUND, "ERROR_METHOD_NOT_FOUND", 404, "Method not found!"}, "The method does not exist", false},
    // Not in the documented table (OAuth); the text is UNVERIFIED.
    {{errc::invalid_token, "invalid_token", 401, "The access token provided is invalid"},
     "The access token is invalid; refresh it and repeat the call once", false},
    // The server sends this when its own JSON encoding fails; the status is not documented (UNVERIFIED).
    {{errc::WRONG_ENCODING, "WRONG_ENCODING", 500, "Wrong request encoding"}, "The response could not be encoded", false},
    // The four below carry the text of whatever exception or OAuth answer produced them.
    {{errc::ERROR_CORE, "ERROR_CORE", 400, ""}, "A server exception without a code of its own", false},
    {{errc::ERROR_ARGUMENT, "ERROR_ARGUMENT", 400, ""}, "An invalid argument (the body names it in `argument`)", false},
    {{errc::ERROR_OAUTH, "ERROR_OAUTH", 401, ""}, "The OAuth server rejected the token", false},
    {{errc::METHOD_CONFIRM_WAITING, "METHOD_CONFIRM_WAITING", 401, ""}, "The method awaits confirmation by an administrator",
     false},
    {{errc::METHOD_CONFIRM_DENIED, "METHOD_CONFIRM_DENIED", 403, ""}, "An administrator denied the method", false},
}};

/// Documented bodies that differ from error_table: texts and statuses the server
/// source produces, or that a single method documents for a shared code.
inline constexpr std::array<documented_error, 3> error_variants{{
    // imbot.chat.setManager via webhook without CLIENT_ID (server source; the same text is
    // documented for imbot.unregister and imbot.update)
    {errc::ACCESS_DENIED, "ACCESS_DENIED", 403, "Access denied! Client ID not specified"},
    // im.department.managers.get, server source text (the documentation drops the period)
    {errc::ACCESS_ERROR, "ACCESS_ERROR", 403, "Only intranet users have access to this method."},
    // server source status for PORTAL_DELETED (the documentation says 500)
    {errc::PORTAL_DELETED, "PORTAL_DELETED", 403, "Portal was deleted"},
}};

namespace detail {
constexpr bool names_match_table() {
    bool ok = true;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<errc>>([&](auto D) {
        if (D.value == errc::unknown) return;
        const auto& row = error_table[static_cast<std::size_t>(D.value) - 1];
        const std::string_view name = D.name;
        if (row.body.code != D.value) ok = false;
        if (name.substr(0, 6) == "SONET_" ? !row.body.error.empty() : row.body.error != name) ok = false;
    });
    return ok;
}
static_assert(names_match_table(), "error_table must list every errc in order, with its name as the wire code");
} // namespace detail

/// The documented facts about e; nullptr for errc::unknown or a value outside the enum.
constexpr const error_info* info(errc e) noexcept {
    auto i = static_cast<std::size_t>(e);
    return i >= 1 && i <= error_table.size() ? &error_table[i - 1] : nullptr;
}

/// The documented body of e (errc::unknown: an empty code, status 0).
constexpr documented_error documented(errc e) noexcept {
    auto i = static_cast<std::size_t>(e);
    return i >= 1 && i <= error_table.size() ? error_table[i - 1].body : documented_error{errc::unknown, "", 0, ""};
}

/// The enumerator name ("CHAT_ID_EMPTY", "SONET_WRONG_GROUP_ID", "unknown").
constexpr std::string_view name(errc e) noexcept {
    std::string_view out = "?";
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<errc>>([&](auto D) {
        if (D.value == e) out = D.name;
    });
    return out;
}

/// The errc for an `error` code and `error_description` as received. Codes match
/// case-sensitively. An empty code (and the ERROR_CORE / ERROR_ARGUMENT of older servers)
/// with one of sonet_group.user.update's exact texts is that sonet error.
constexpr errc classify(std::string_view code, std::string_view description) noexcept {
    if (code.empty() || code == "ERROR_CORE" || code == "ERROR_ARGUMENT") {
        for (std::size_t i = static_cast<std::size_t>(errc::SONET_WRONG_GROUP_ID);
             i <= static_cast<std::size_t>(errc::SONET_GROUP_NOT_FOUND); ++i)
            if (error_table[i - 1].body.error_description == description) return error_table[i - 1].body.code;
        if (code.empty()) return errc::unknown;
    }
    for (const auto& row : error_table)
        if (!row.body.error.empty() && row.body.error == code) return row.body.code;
    return errc::unknown;
}

class error_category_impl final : public std::error_category {
public:
    const char* name() const noexcept override { return "chatadmin.bitrix24"; }
    std::string message(int ev) const override {
        const error_info* p = info(static_cast<errc>(ev));
        if (!p) return ev == static_cast<int>(errc::unknown) ? "unknown Bitrix24 error code" : "unrecognised Bitrix24 error";
        return std::string(p->meaning);
    }
};

/// The category of bitrix24::errc.
inline const std::error_category& error_category() noexcept {
    static const error_category_impl instance;
    return instance;
}

inline std::error_code make_error_code(errc e) noexcept { return {static_cast<int>(e), error_category()}; }

} // namespace chatadmin::bitrix24

template <>
struct std::is_error_code_enum<chatadmin::bitrix24::errc> : std::true_type {};

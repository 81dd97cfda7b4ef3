#pragma once
// Every documented Green API error as an enumerator, with its HTTP status, meaning,
// retry advice and the body a server sends; the error value that parse_response returns.

#include <chatadmin/core/error.hpp>
#include <chatadmin/core/wire_name.hpp>
#include <chatadmin/core/wire_types.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>
#include <boost/describe/enum_to_string.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <variant>

namespace chatadmin::greenapi {

/// Green API errors. Values start at 1 so that every enumerator is a failing std::error_code.
enum class errc {
    // setGroupAdmin: HTTP 200 with {"setGroupAdmin":false,"error":"<id>"}
    failed_to_set_group_admin = 1,
    you_have_to_be_group_admin,
    no_permission,
    participant_is_not_a_group_member,
    participant_not_found,
    // common to all methods
    no_content,
    instance_starting,
    instance_not_authorized,
    instance_expired,
    bad_request_data,
    instance_deleted,
    validation_failed,
    malformed_json,
    unauthorized,
    forbidden,
    not_found,
    too_many_requests,
    quota_exceeded,
    client_closed_request,
    file_too_large,
    bad_gateway,
    // found before sending
    invalid_chat_id,
    invalid_instance,
    invalid_request,
    // an error id no table row knows; the id is kept in error::id
    unknown,
};
BOOST_DESCRIBE_ENUM(errc, failed_to_set_group_admin, you_have_to_be_group_admin, no_permission,
                    participant_is_not_a_group_member, participant_not_found, no_content, instance_starting,
                    instance_not_authorized, instance_expired, bad_request_data, instance_deleted, validation_failed,
                    malformed_json, unauthorized, forbidden, not_found, too_many_requests, quota_exceeded,
                    client_closed_request, file_too_large, bad_gateway, invalid_chat_id, invalid_instance,
                    invalid_request, unknown)

/// Where an error comes from.
enum class error_origin {
    method,  // documented for setGroupAdmin
    common,  // documented for every method ("Common errors")
    client,  // found by this library before sending; never on the wire
    other,   // errc::unknown
};

/// One documented error. `body` with `content_type` is what a server sends for it, for a
/// mock to replay; `{{idInstance}}` and `{{apiTokenInstance}}` in a body stand for the
/// request's values, as in the documentation's URLs.
struct error_info {
    errc code;
    std::string_view id;          // the error id as documented (matched case-insensitively)
    std::string_view alt_id;      // another spelling servers send, or empty
    bool id_is_prefix;            // the id starts a longer text ("Validation failed. Details: …")
    int http_status;              // 0: not an HTTP error
    std::string_view meaning;
    bool retryable;
    error_origin origin;
    std::string_view content_type;
    std::string_view body;
};

/// Content types of the bodies in error_table.
inline constexpr std::string_view json_type = "application/json";
inline constexpr std::string_view text_type = "text/plain";

// Bodies are verbatim where the documentation prints one (participant not found, 401, 466).
// The other setGroupAdmin bodies follow the documented failure shape (UNVERIFIED per id).
// For the plain-text rows no body is documented (UNVERIFIED): the id as text/plain is the
// reading third-party clients rely on, and parse_response also accepts these ids in JSON
// ("message", "description" or "error").
inline constexpr std::array<error_info, 25> error_table{{
    {errc::failed_to_set_group_admin, "failed to set group admin", {}, false, 200,
     "could not make the participant an admin (WhatsApp: wrong groupId, the instance's number is not an admin, "
     "or the participant already is one)",
     false, error_origin::method, json_type, R"({"setGroupAdmin":false,"error":"failed to set group admin"})"},
    {errc::you_have_to_be_group_admin, "you have to be group admin to change settings", {}, false, 200,
     "the instance's number is not an admin of the group", false, error_origin::method, json_type,
     R"({"setGroupAdmin":false,"error":"you have to be group admin to change settings"})"},
    {errc::no_permission, "no permission", {}, false, 200, "the instance's number may not appoint admins in the group",
     false, error_origin::method, json_type, R"({"setGroupAdmin":false,"error":"no permission"})"},
    {errc::participant_is_not_a_group_member, "participant is not a group member", {}, false, 200,
     "the participant is not a member of the group", false, error_origin::method, json_type,
     R"({"setGroupAdmin":false,"error":"participant is not a group member"})"},
    {errc::participant_not_found, "participant not found", {}, false, 200,
     "wrong chatId (Telegram); the number is not a participant of the group (WhatsApp)", false, error_origin::method,
     json_type, R"({"setGroupAdmin":false,"error":"participant not found"})"},
    {errc::no_content, "No Content", {}, false, 204, "the OPTIONS method was used", false, error_origin::common, {}, {}},
    {errc::instance_starting, "instance in starting process try later", {}, false, 400,
     "the instance is starting or restarting; try again in a few seconds", false, error_origin::common, text_type,
     "instance in starting process try later"},
    {errc::instance_not_authorized, "instance is starting or not authorized", "instance account not authorized", false,
     400, "the instance is not authorized: scan the QR code in the console", false, error_origin::common, text_type,
     "instance is starting or not authorized"},
    {errc::instance_expired, "Instance account is expired. Renew your instance from personal area", {}, false, 400,
     "the instance has expired: renew it in the console", false, error_origin::common, text_type,
     "Instance account is expired. Renew your instance from personal area"},
    {errc::bad_request_data, "bad request data", {}, false, 400, "the request data are not valid", false,
     error_origin::common, text_type, "bad request data"},
    {errc::instance_deleted, "Instance is deleted", {}, false, 400, "the instance has been deleted", false,
     error_origin::common, text_type, "Instance is deleted"},
    // The timestamp type is UNVERIFIED; an ISO string is replayed, numbers are read too.
    {errc::validation_failed, "Validation failed", "Bad Request", true, 400,
     "validation error; the message names the field", false, error_origin::common, json_type,
     R"({"statusCode":400,"timestamp":"2026-01-01T00:00:00.000Z","path":"/waInstance{{idInstance}}/setGroupAdmin/{{apiTokenInstance}}","message":"Validation failed. Details: 'participantChatId' is required"})"},
    {errc::malformed_json, "Unexpected token", {}, true, 400, "the request body is not well-formed JSON", false,
     error_origin::common, text_type, "Unexpected token } in JSON at position 52"},
    {errc::unauthorized, "Unauthorized", {}, false, 401,
     "wrong apiTokenInstance (sometimes sent with HTTP 200)", false, error_origin::common, json_type,
     R"({"code":401,"description":"Unauthorized"})"},
    {errc::forbidden, "Forbidden", {}, false, 403, "wrong idInstance or request URL", false, error_origin::common,
     text_type, "Forbidden"},
    {errc::not_found, "Not Found", {}, false, 404, "wrong HTTP method", false, error_origin::common, text_type,
     "Not Found"},
    {errc::too_many_requests, "Too Many Requests", {}, false, 429,
     "rate limited (setGroupAdmin: 10 requests per second per instance)", true, error_origin::common, text_type,
     "Too Many Requests"},
    {errc::quota_exceeded, "correspondentsStatus", {}, false, 466,
     "the Developer plan's quota is used up; details in the body", false, error_origin::common, json_type,
     R"({"invokeStatus":{"method":"checkwhatsapp","used":100,"total":100,"status":"QUOTE_EXCEEDED","description":"Monthly quota has been exceeded. Please go to your personal account and change the tariff to business https://console.green-api.com"}})"},
    {errc::client_closed_request, "Client Closed Request", {}, false, 499,
     "the client closed the connection while the server was working: raise the timeout, retry with a delay", true,
     error_origin::common, text_type, "Client Closed Request"},
    {errc::file_too_large, "File from url exceeded max upload size", {}, true, 500, "a file larger than 100 MB", false,
     error_origin::common, text_type, "File from url exceeded max upload size. Size: XXXXmb Limit: 100mb Url: "},
    {errc::bad_gateway, "Bad Gateway", {}, false, 502, "the upstream failed: retry up to 3 times with a delay", true,
     error_origin::common, text_type, "Bad Gateway"},
    {errc::invalid_chat_id, {}, {}, false, 0, "a chat id has the wrong format for the chosen wire form", false,
     error_origin::client, {}, {}},
    {errc::invalid_instance, {}, {}, false, 0, "apiUrl, idInstance or apiTokenInstance is not usable", false,
     error_origin::client, {}, {}},
    {errc::invalid_request, {}, {}, false, 0, "the request cannot be sent in the chosen wire form", false,
     error_origin::client, {}, {}},
    {errc::unknown, {}, {}, false, 0, "an error id this library does not know", false, error_origin::other, {}, {}},
}};

static_assert([] {
    for (std::size_t i = 0; i < error_table.size(); ++i)
        if (error_table[i].code != static_cast<errc>(i + 1)) return false;
    return true;
}(), "error_table rows must follow the order of errc");
static_assert(error_table.size() == boost::mp11::mp_size<boost::describe::describe_enumerators<errc>>::value,
              "every errc needs a row in error_table");

/// The table row of e.
constexpr const error_info& info(errc e) {
    auto i = static_cast<std::size_t>(e);
    return error_table[(i >= 1 && i <= error_table.size()) ? i - 1 : error_table.size() - 1];
}

namespace detail {
constexpr char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }
constexpr bool istarts_with(std::string_view s, std::string_view prefix) {
    if (prefix.empty() || s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (lower(s[i]) != lower(prefix[i])) return false;
    return true;
}
constexpr bool iequal(std::string_view a, std::string_view b) { return a.size() == b.size() && istarts_with(a, b); }
} // namespace detail

/// The enumerator for an error id or message as servers send it; errc::unknown when none matches.
constexpr errc errc_from_id(std::string_view id) {
    while (!id.empty() && (id.front() == ' ' || id.front() == '\n' || id.front() == '\r' || id.front() == '\t'))
        id.remove_prefix(1);
    while (!id.empty() && (id.back() == ' ' || id.back() == '\n' || id.back() == '\r' || id.back() == '\t'))
        id.remove_suffix(1);
    for (const auto& row : error_table) {
        if (row.id.empty()) continue;
        if (detail::iequal(id, row.id) || detail::iequal(id, row.alt_id)) return row.code;
        if (row.id_is_prefix && detail::istarts_with(id, row.id)) return row.code;
    }
    return errc::unknown;
}

/// The enumerator a bare HTTP status stands for (a body that names no error); errc::unknown if none.
constexpr errc errc_from_status(int status) {
    switch (status) {
    case 204: return errc::no_content;
    case 401: return errc::unauthorized;
    case 403: return errc::forbidden;
    case 404: return errc::not_found;
    case 429: return errc::too_many_requests;
    case 466: return errc::quota_exceeded;
    case 499: return errc::client_closed_request;
    case 502: return errc::bad_gateway;
    default: return errc::unknown;
    }
}

/// True for statuses worth retrying whatever the body says: the documented 429, 499 and 502,
/// and the gateway failures 503 and 504 that proxies in front of the API produce.
constexpr bool retryable_status(int status) {
    return status == 429 || status == 499 || status == 502 || status == 503 || status == 504;
}

class errc_category_impl final : public std::error_category {
public:
    const char* name() const noexcept override { return "chatadmin.greenapi"; }
    std::string message(int ev) const override {
        auto e = static_cast<errc>(ev);
        const auto& row = info(e);
        if (row.code != e) return "unknown greenapi error";
        std::string s;
        if (!row.id.empty()) {
            s += row.id;
            s += ": ";
        }
        s += row.meaning;
        return s;
    }
};

/// The category of greenapi::errc values.
inline const std::error_category& errc_category() noexcept {
    static const errc_category_impl instance;
    return instance;
}

inline std::error_code make_error_code(errc e) noexcept { return {static_cast<int>(e), errc_category()}; }

/// The 400 validation body: {"statusCode":400,"timestamp":…,"path":"/waInstance…/<method>/<token>",
/// "message":"Validation failed. Details: …"}. The server echoes the token in `path`; decoded
/// bodies hold it redacted.
struct validation_body {
    /// The type of `timestamp` is UNVERIFIED: a number or a string is accepted.
    using timestamp_type = std::variant<std::int64_t, double, std::string>;

    lenient<int> status_code;
    std::optional<timestamp_type> timestamp;
    std::string path;
    std::string message;

    friend bool operator==(const validation_body&, const validation_body&) = default;
};
BOOST_DESCRIBE_STRUCT(validation_body, (), (status_code, timestamp, path, message))
constexpr naming wire_naming(const validation_body*) { return naming::camel_case; }
constexpr bool wire_optional(const validation_body*, std::string_view m) { return m == "path"; }

/// One quota in the 466 body. The docs type `used` and `total` as strings while the example
/// sends numbers: both are read, numbers are written.
struct quota_status {
    std::string method;
    lenient<std::int64_t> used;
    lenient<std::int64_t> total;
    std::string status;
    std::string description;

    friend bool operator==(const quota_status&, const quota_status&) = default;
};
BOOST_DESCRIBE_STRUCT(quota_status, (), (method, used, total, status, description))
constexpr naming wire_naming(const quota_status*) { return naming::camel_case; }
constexpr bool wire_optional(const quota_status*, std::string_view m) { return m != "status"; }

/// The 466 body: {"invokeStatus":{…}} and/or {"correspondentsStatus":{…}}.
struct quota_body {
    std::optional<quota_status> invoke_status;
    std::optional<quota_status> correspondents_status;

    friend bool operator==(const quota_body&, const quota_body&) = default;
};
BOOST_DESCRIBE_STRUCT(quota_body, (), (invoke_status, correspondents_status))
constexpr naming wire_naming(const quota_body*) { return naming::camel_case; }

/// A failed Green API call, or a response that could not be understood.
struct error {
    /// greenapi::errc, or chatadmin::decode_errc when the body could not be decoded.
    std::error_code code;
    /// The HTTP status as received (200 for the 200-failures and for a 401 body sent with 200);
    /// 0 when the error was found before sending.
    int http_status = 0;
    /// The error id or message as sent (for an unknown id, the id itself), or an excerpt of a
    /// body that is not JSON; the token is redacted.
    std::string id;
    /// What went wrong in this library's words: the decode error with its path, or the reason
    /// a request was refused before sending.
    std::string detail;
    /// The 400 validation body, decoded.
    std::optional<validation_body> validation;
    /// The 466 quota body, decoded.
    std::optional<quota_body> quota;
    /// From a `Retry-After: <seconds>` header, when the server sent one.
    std::optional<std::chrono::seconds> retry_after;

    /// The enumerator when the code is a greenapi::errc; errc::unknown otherwise.
    errc value() const noexcept {
        return code.category() == errc_category() ? static_cast<errc>(code.value()) : errc::unknown;
    }

    /// True when sending the same request again later may succeed: 429, 499 and 502 (and a
    /// 503/504 from a gateway); never a validation or other 4xx error.
    bool retryable() const noexcept {
        if (code.category() == errc_category() && value() != errc::unknown) return info(value()).retryable;
        return retryable_status(http_status);
    }

    /// "greenapi.participant_not_found (HTTP 200): participant not found"
    std::string to_string() const {
        std::string s;
        if (code.category() == errc_category()) {
            s += "greenapi.";
            s += boost::describe::enum_to_string(value(), "unknown");
        } else {
            s += code.category().name();
            s += ": ";
            s += code.message();
        }
        if (http_status != 0) s += " (HTTP " + std::to_string(http_status) + ")";
        std::string_view text = id;
        if (validation && !validation->message.empty()) text = validation->message;
        if (!text.empty()) {
            s += ": ";
            s += text;
        } else if (code.category() == errc_category()) {
            s += ": ";
            s += info(value()).meaning;
        }
        if (!detail.empty()) {
            s += " [";
            s += detail;
            s += "]";
        }
        if (retry_after) s += "; retry after " + std::to_string(retry_after->count()) + " s";
        return s;
    }
};

} // namespace chatadmin::greenapi

template <>
struct std::is_error_code_enum<chatadmin::greenapi::errc> : std::true_type {};

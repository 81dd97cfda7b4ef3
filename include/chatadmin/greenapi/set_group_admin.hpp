#pragma once
// setGroupAdmin: make a group participant an admin. One method name, three request shapes:
//   WhatsApp  POST {apiUrl}/waInstance{id}/setGroupAdmin/{token}     {"groupId","participantChatId"}
//   Telegram  POST {apiUrl}/waInstance{id}/setGroupAdmin/{token}     {"chatId","participantChatId","permissions"?}
//   v3        POST {apiUrl}/v3/waInstance{id}/setGroupAdmin/{token}  {"chatId","participantChatId"}
// Success is {"setGroupAdmin":true}; failures come as HTTP 200 {"setGroupAdmin":false,"error":"<id>"}.

#include <chatadmin/core/http.hpp>
#include <chatadmin/core/json_reader.hpp>
#include <chatadmin/core/json_writer.hpp>
#include <chatadmin/core/result.hpp>
#include <chatadmin/core/wire_name.hpp>
#include <chatadmin/greenapi/chat_id.hpp>
#include <chatadmin/greenapi/envelope.hpp>
#include <chatadmin/greenapi/errors.hpp>
#include <chatadmin/greenapi/instance.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace chatadmin::greenapi {

/// Which documented request shape to send.
enum class wire_form {
    whatsapp,  // groupId + participantChatId (green-api.com/en/docs/api/groups/SetGroupAdmin)
    telegram,  // chatId + participantChatId + optional permissions (GREEN-API for Telegram)
    v3,        // chatId + participantChatId under /v3/ (green-api.com/v3/docs/api/groups/SetGroupAdmin)
};
BOOST_DESCRIBE_ENUM(wire_form, whatsapp, telegram, v3)

/// The Telegram form's `permissions` object. Every right is optional: an absent one is not
/// sent. Omitting the whole object lets the server use its default rights (which are UNVERIFIED).
struct admin_permissions {
    std::optional<bool> can_manage_chat{};        // action log, other rights
    std::optional<bool> can_change_info{};        // title, photo, description
    std::optional<bool> can_post_messages{};      // channels
    std::optional<bool> can_edit_messages{};      // others' messages, channels only
    std::optional<bool> can_delete_messages{};    // others' messages
    std::optional<bool> can_invite_users{};       // by invite link
    std::optional<bool> can_restrict_members{};   // restrict and ban
    std::optional<bool> can_pin_messages{};
    std::optional<bool> can_manage_topics{};      // forums only
    std::optional<bool> can_promote_members{};    // add new admins
    std::optional<bool> can_manage_video_chats{};
    std::optional<bool> can_post_stories{};       // as the group
    std::optional<bool> can_edit_stories{};       // others' stories
    std::optional<bool> can_delete_stories{};     // others' stories
    std::optional<bool> is_anonymous{};           // post as the group, hidden from the member list

    friend bool operator==(const admin_permissions&, const admin_permissions&) = default;
};
BOOST_DESCRIBE_STRUCT(admin_permissions, (),
                      (can_manage_chat, can_change_info, can_post_messages, can_edit_messages, can_delete_messages,
                       can_invite_users, can_restrict_members, can_pin_messages, can_manage_topics,
                       can_promote_members, can_manage_video_chats, can_post_stories, can_edit_stories,
                       can_delete_stories, is_anonymous))
constexpr naming wire_naming(const admin_permissions*) { return naming::camel_case; }

/// The response {"setGroupAdmin":true}; the same struct writes {"setGroupAdmin":false,"error":"<id>"}.
/// parse_response returns it only for a success, so there `set_group_admin` is true and
/// `error` is empty.
struct set_group_admin_response {
    bool set_group_admin = false;
    std::optional<std::string> error;

    friend bool operator==(const set_group_admin_response&, const set_group_admin_response&) = default;
};
BOOST_DESCRIBE_STRUCT(set_group_admin_response, (), (set_group_admin, error))
constexpr naming wire_naming(const set_group_admin_response*) { return naming::camel_case; }

/// setGroupAdmin: what the user fills in. `form` picks the request shape.
struct set_group_admin {
    static constexpr std::string_view method = "setGroupAdmin";
    using result_type = set_group_admin_response;

    /// The group: "…@g.us" for WhatsApp (sent as `groupId`), a numeric id such as
    /// "-10000000000000" for Telegram and v3 (sent as `chatId`).
    std::string chat_id{};
    /// The member to promote: "…@c.us" or "…@lid" for WhatsApp, a numeric id for Telegram and v3.
    std::string participant_chat_id{};
    /// Telegram form only.
    std::optional<admin_permissions> permissions{};
    wire_form form = wire_form::whatsapp;

    friend bool operator==(const set_group_admin&, const set_group_admin&) = default;
};

/// The three request bodies exactly as documented, and the lenient reader a server uses.
namespace wire {

/// {"groupId":"79876543210-1587570015@g.us","participantChatId":"79001234565@c.us"}
struct set_group_admin_whatsapp {
    std::string group_id;
    std::string participant_chat_id{};
};
BOOST_DESCRIBE_STRUCT(set_group_admin_whatsapp, (), (group_id, participant_chat_id))
constexpr naming wire_naming(const set_group_admin_whatsapp*) { return naming::camel_case; }

/// {"chatId":"-10000000000000","participantChatId":"10000000","permissions":{…}}
struct set_group_admin_telegram {
    std::string chat_id{};
    std::string participant_chat_id{};
    std::optional<admin_permissions> permissions{};
};
BOOST_DESCRIBE_STRUCT(set_group_admin_telegram, (), (chat_id, participant_chat_id, permissions))
constexpr naming wire_naming(const set_group_admin_telegram*) { return naming::camel_case; }

/// {"chatId":"-10000000000000","participantChatId":"10000000"}
struct set_group_admin_v3 {
    std::string chat_id{};
    std::string participant_chat_id{};
};
BOOST_DESCRIBE_STRUCT(set_group_admin_v3, (), (chat_id, participant_chat_id))
constexpr naming wire_naming(const set_group_admin_v3*) { return naming::camel_case; }

/// Any of the three forms: `groupId` or `chatId`, and `permissions` if sent.
struct set_group_admin_any {
    std::optional<std::string> group_id;
    std::optional<std::string> chat_id;
    std::string participant_chat_id{};
    std::optional<admin_permissions> permissions{};
};
BOOST_DESCRIBE_STRUCT(set_group_admin_any, (), (group_id, chat_id, participant_chat_id, permissions))
constexpr naming wire_naming(const set_group_admin_any*) { return naming::camel_case; }

} // namespace wire

/// The JSON body of `req` in its wire form (no validation).
inline std::string request_body(const set_group_admin& req) {
    switch (req.form) {
    case wire_form::whatsapp:
        return json::to_json(wire::set_group_admin_whatsapp{req.chat_id, req.participant_chat_id});
    case wire_form::telegram:
        return json::to_json(wire::set_group_admin_telegram{req.chat_id, req.participant_chat_id, req.permissions});
    case wire_form::v3:
        return json::to_json(wire::set_group_admin_v3{req.chat_id, req.participant_chat_id});
    }
    return {};
}

/// Why `req` cannot be sent in its wire form, or nothing. WhatsApp wants a "…@g.us" group
/// and a "…@c.us" or "…@lid" participant; Telegram and v3 want numeric ids and also take the
/// WhatsApp-style suffixed ids, as the official Telegram client's own check does.
inline std::optional<error> validate(const set_group_admin& req) {
    using k = chat_id_kind;
    if (req.form == wire_form::whatsapp) {
        if (auto e = validate_chat_id(req.chat_id, "groupId", {k::group})) return e;
        if (auto e = validate_chat_id(req.participant_chat_id, "participantChatId", {k::personal, k::lid})) return e;
    } else {
        if (auto e = validate_chat_id(req.chat_id, "chatId", {k::numeric, k::group})) return e;
        if (auto e = validate_chat_id(req.participant_chat_id, "participantChatId", {k::numeric, k::personal, k::lid}))
            return e;
    }
    if (req.permissions && req.form != wire_form::telegram) {
        error e;
        e.code = errc::invalid_request;
        e.detail = std::string("permissions are sent only in the telegram form, not the ") +
                   boost::describe::enum_to_string(req.form, "?") + " form";
        return e;
    }
    return std::nullopt;
}

/// The HTTP request for `req` on `inst`, after checking the instance and the ids.
/// `redacted_target` is safe to log; `target` holds the token.
inline result<http_request, error> make_request(const set_group_admin& req, const instance& inst) {
    if (auto e = validate_instance(inst)) return unexpected{std::move(*e)};
    if (auto e = validate(req)) return unexpected{std::move(*e)};
    const bool v3 = req.form == wire_form::v3;
    http_request r;
    r.method = "POST";
    r.target = method_target(inst, set_group_admin::method, v3);
    r.redacted_target = redacted_method_target(inst, set_group_admin::method, v3);
    r.headers.emplace_back("Content-Type", "application/json");
    r.body = request_body(req);
    return r;
}

/// Reads a setGroupAdmin request in any of the three forms (as a server does): `groupId`
/// means the WhatsApp form; `chatId` means v3 when the target is under /v3/, else Telegram.
/// Ids are not checked here: a server answers bad ids with its own validation error.
inline result<set_group_admin> parse_request(std::string_view body, std::string_view target = {}) {
    auto any = json::from_json<wire::set_group_admin_any>(body);
    if (!any) return unexpected{std::move(any.error())};
    set_group_admin req;
    req.participant_chat_id = std::move(any->participant_chat_id);
    req.permissions = std::move(any->permissions);
    auto fail = [](decode_errc code, std::string_view key, std::string message) {
        decode_error e;
        e.code = code;
        e.message = std::move(message);
        e.path = std::string(key);
        return e;
    };
    if (any->group_id && any->chat_id && *any->group_id != *any->chat_id)
        return unexpected{fail(decode_errc::invalid_value, "chatId", "groupId and chatId are both present and differ")};
    if (any->group_id) {
        req.chat_id = std::move(*any->group_id);
        req.form = wire_form::whatsapp;
    } else if (any->chat_id) {
        req.chat_id = std::move(*any->chat_id);
        auto parts = parse_target(target);
        req.form = parts && parts->v3 ? wire_form::v3 : wire_form::telegram;
    } else {
        return unexpected{fail(decode_errc::missing_member, "groupId", "missing required member (groupId or chatId)")};
    }
    return req;
}

/// parse_request for a whole HTTP request.
inline result<set_group_admin> parse_request(const http_request& r) { return parse_request(r.body, r.target); }

/// Decodes a setGroupAdmin response. Any `error` id is a failure, also next to
/// "setGroupAdmin": true (a server once documented that body); "setGroupAdmin": false with no
/// id is errc::unknown.
inline result<set_group_admin_response, error> parse_response(const http_response& resp, std::string_view known_token = {}) {
    auto r = parse_method_response<set_group_admin>(resp, known_token);
    if (r && r->error && r->error->empty()) r->error.reset();  // "error":"" names no error
    if (r && !r->set_group_admin) {
        error e;
        e.code = errc::unknown;
        e.http_status = resp.status;
        e.detail = "setGroupAdmin is false and no error id was sent";
        return unexpected{std::move(e)};
    }
    return r;
}

/// parse_response, also redacting the instance's token wherever the body repeats it.
inline result<set_group_admin_response, error> parse_response(const http_response& resp, const instance& inst) {
    return parse_response(resp, std::string_view(inst.api_token_instance));
}

} // namespace chatadmin::greenapi

#pragma once
// The mock's in-memory world: who exists, who owns what, who is an admin. Requests read
// and change it; GET/PUT /__admin/world and --world FILE use the same JSON schema
// (see mock/README.md). Every member may be left out of a world file and keeps its default.

#include <chatadmin/core/wire_types.hpp>

#include <chatadmin/core/result.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chatadmin::mock {

// ---- Bitrix24 ----

/// An incoming webhook: /rest/{user_id}/{code}/.
struct b24_webhook {
    std::int64_t user_id = 0;
    std::string code;
};
BOOST_DESCRIBE_STRUCT(b24_webhook, (), (user_id, code))

/// An OAuth access token of an application.
struct b24_token {
    std::string token;
    std::int64_t user_id = 0;
    std::string client_id;   ///< the application the token was issued to
    bool expired = false;    ///< answers 401 expired_token
};
BOOST_DESCRIBE_STRUCT(b24_token, (), (token, user_id, client_id, expired))

/// A chat bot and the application (CLIENT_ID) that registered it.
struct b24_bot {
    std::int64_t id = 0;
    std::string client_id;
};
BOOST_DESCRIBE_STRUCT(b24_bot, (), (id, client_id))

/// A group chat: owner, members and managers (user or bot ids).
struct b24_chat {
    std::int64_t id = 0;
    std::int64_t owner = 0;
    std::vector<std::int64_t> members;
    std::vector<std::int64_t> managers;
};
BOOST_DESCRIBE_STRUCT(b24_chat, (), (id, owner, members, managers))

/// A workgroup member with role A (owner), E (moderator) or K (participant).
struct b24_group_member {
    std::int64_t user_id = 0;
    std::string role = "K";
};
BOOST_DESCRIBE_STRUCT(b24_group_member, (), (user_id, role))

struct b24_group {
    std::int64_t id = 0;
    std::int64_t owner = 0;
    std::vector<b24_group_member> members;
};
BOOST_DESCRIBE_STRUCT(b24_group, (), (id, owner, members))

struct b24_department {
    std::int64_t id = 0;
    std::int64_t head = 0;   ///< 0: no head (left out of managers.get)
    bool active = true;
};
BOOST_DESCRIBE_STRUCT(b24_department, (), (id, head, active))

/// A portal user. `data` is the user object im.department.managers.get returns with
/// USER_DATA=Y, kept verbatim.
struct b24_user {
    std::int64_t id = 0;
    bool admin = false;      ///< portal administrator (may change workgroup roles)
    bool extranet = false;   ///< extranet users and bots get 403 ACCESS_ERROR from im.*
    bool bot = false;
    raw_json data;
};
BOOST_DESCRIBE_STRUCT(b24_user, (), (id, admin, extranet, bot, data))

struct bitrix24_world {
    bool require_https = false;   ///< plain-HTTP calls get 400 INVALID_REQUEST
    std::vector<b24_webhook> webhooks;
    std::vector<b24_token> tokens;
    std::vector<b24_bot> bots;
    std::vector<b24_chat> chats;
    std::vector<b24_group> groups;
    std::vector<b24_department> departments;
    std::vector<b24_user> users;
};
BOOST_DESCRIBE_STRUCT(bitrix24_world, (), (require_https, webhooks, tokens, bots, chats, groups, departments, users))

// ---- Green API ----

struct ga_participant {
    std::string id;
    bool admin = false;
    bool can_promote = true;   ///< an admin who may appoint admins (false: "no permission")
};
BOOST_DESCRIBE_STRUCT(ga_participant, (), (id, admin, can_promote))

/// A group as the instance sees it. `telegram` groups use the chatId form.
struct ga_group {
    std::string id;
    bool telegram = false;
    std::vector<ga_participant> participants;
};
BOOST_DESCRIBE_STRUCT(ga_group, (), (id, telegram, participants))

struct ga_instance {
    std::int64_t id_instance = 0;
    std::string api_token;
    std::string wid;             ///< the instance's own WhatsApp id (…@c.us)
    std::string telegram_id;     ///< the instance's own Telegram user id
    bool authorized = true;      ///< false: 400 "instance is starting or not authorized"
    /// HTTP status of the wrong-token answer {"code":401,"description":"Unauthorized"}: 401, or
    /// 200 as some servers send it. Outside 100..599: 401.
    std::int32_t unauthorized_status = 401;
    std::vector<ga_group> groups;
};
BOOST_DESCRIBE_STRUCT(ga_instance, (), (id_instance, api_token, wid, telegram_id, authorized, unauthorized_status, groups))

struct greenapi_world {
    std::vector<ga_instance> instances;
};
BOOST_DESCRIBE_STRUCT(greenapi_world, (), (instances))

// ---- Telegram ----

struct tg_user {
    std::int64_t id = 0;
    std::int64_t access_hash = 0;
    std::string first_name;
    std::string last_name;
    std::string username;
    std::int32_t was_online = 0;       ///< unix time last seen; 0: "recently" (hidden by privacy)
    bool deactivated = false;
    bool bot = false;
    bool privacy_restricted = false;   ///< may not be invited by an admin
};
BOOST_DESCRIBE_STRUCT(tg_user, (),
                      (id, access_hash, first_name, last_name, username, was_online, deactivated, bot, privacy_restricted))

/// An admin of a channel: the chatAdminRights flags word and the rank.
struct tg_admin {
    std::int64_t user_id = 0;
    std::uint32_t rights = 0;
    std::string rank;
    std::int64_t promoted_by = 0;
};
BOOST_DESCRIBE_STRUCT(tg_admin, (), (user_id, rights, rank, promoted_by))

/// A supergroup (megagroup) or a broadcast channel.
struct tg_channel {
    std::int64_t id = 0;
    std::int64_t access_hash = 0;
    std::string title;
    std::string username;
    std::int32_t date = 0;             ///< unix time the caller joined
    bool megagroup = false;
    std::int64_t creator = 0;
    std::vector<std::int64_t> members;
    std::vector<tg_admin> admins;
    std::int32_t admins_limit = 50;
};
BOOST_DESCRIBE_STRUCT(tg_channel, (), (id, access_hash, title, username, date, megagroup, creator, members, admins, admins_limit))

struct telegram_world {
    std::int64_t self_id = 0;   ///< the caller
    std::vector<tg_user> users;
    std::vector<tg_channel> channels;
};
BOOST_DESCRIBE_STRUCT(telegram_world, (), (self_id, users, channels))

/// Everything the mock knows.
struct world {
    bitrix24_world bitrix24;
    greenapi_world greenapi;
    telegram_world telegram;
};
BOOST_DESCRIBE_STRUCT(world, (), (bitrix24, greenapi, telegram))

// Every member of a world struct may be left out of a world file.
#define CHATADMIN_MOCK_ALL_OPTIONAL(T) \
    constexpr bool wire_optional(const T*, std::string_view) { return true; }
CHATADMIN_MOCK_ALL_OPTIONAL(b24_webhook)
CHATADMIN_MOCK_ALL_OPTIONAL(b24_token)
CHATADMIN_MOCK_ALL_OPTIONAL(b24_bot)
CHATADMIN_MOCK_ALL_OPTIONAL(b24_chat)
CHATADMIN_MOCK_ALL_OPTIONAL(b24_group_member)
CHATADMIN_MOCK_ALL_OPTIONAL(b24_group)
CHATADMIN_MOCK_ALL_OPTIONAL(b24_department)
CHATADMIN_MOCK_ALL_OPTIONAL(b24_user)
CHATADMIN_MOCK_ALL_OPTIONAL(bitrix24_world)
CHATADMIN_MOCK_ALL_OPTIONAL(ga_participant)
CHATADMIN_MOCK_ALL_OPTIONAL(ga_group)
CHATADMIN_MOCK_ALL_OPTIONAL(ga_instance)
CHATADMIN_MOCK_ALL_OPTIONAL(greenapi_world)
CHATADMIN_MOCK_ALL_OPTIONAL(tg_user)
CHATADMIN_MOCK_ALL_OPTIONAL(tg_admin)
CHATADMIN_MOCK_ALL_OPTIONAL(tg_channel)
CHATADMIN_MOCK_ALL_OPTIONAL(telegram_world)
CHATADMIN_MOCK_ALL_OPTIONAL(world)
#undef CHATADMIN_MOCK_ALL_OPTIONAL

/// The world embedded in the binary (mock/default_world.json).
std::string_view default_world_json();
world default_world();

/// Reads a world from its JSON form (unknown keys are an error, to catch typos).
result<world> parse_world(std::string_view json);
std::string world_to_json(const world& w);

} // namespace chatadmin::mock

// Telegram end to end: channels.editAdmin's success in both constructors, its 26 documented
// errors and the waits, through telegram::client (one boxed TL call per POST) over HTTPS.

#include <chatadmin/telegram.hpp>

#include "support.hpp"

#include <chrono>
#include <string>

namespace tg = chatadmin::telegram;
using tg::errc;

namespace {

struct session {
    e2e::recording_transport t;
    tg::client<e2e::recording_transport&> c;

    explicit session(tg::channels::edit_admin_layer layer = tg::channels::edit_admin_layer::current)
        : t(e2e::telegram_server()), c(t, options(layer)) {}

    static tg::client_options options(tg::channels::edit_admin_layer layer) {
        tg::client_options o;
        o.target = e2e::telegram_target();
        o.edit_admin_layer = layer;
        o.retry.policy = chatadmin::retry::policy::none();
        return o;
    }
};

constexpr std::int64_t own_channel = 1234567890;           // the caller created it
constexpr std::int64_t own_channel_hash = 72623859790382856;
constexpr std::int64_t other_channel = 1234567891;         // created by 987654321; the caller is a member
constexpr std::int64_t other_channel_hash = 72623859790382857;
constexpr std::int64_t self_id = 100000001;

tg::chat_admin_rights moderator_rights() {
    tg::chat_admin_rights r;
    r.change_info = true;
    r.delete_messages = true;
    r.ban_users = true;
    r.pin_messages = true;
    return r;
}

/// The documented example: make user 987654321 a moderator of the caller's channel.
tg::channels::edit_admin example(std::int64_t user = 987654321, std::int64_t channel = own_channel,
                                 std::int64_t channel_hash = own_channel_hash) {
    tg::channels::edit_admin e;
    e.channel = tg::input_channel{channel, channel_hash};
    e.user_id = tg::input_user{user, -1};
    e.admin_rights = moderator_rights();
    e.rank = std::string("mod");
    return e;
}

/// The typed rpc_error, its documented code, and the raw answer: exactly the boxed rpc_error.
template <class R>
void check_rpc(const R& r, const e2e::recording_transport& t, errc code, std::string message = {}) {
    if (message.empty()) message = std::string(tg::error_type(code));
    REQUIRE_FALSE(r.has_value());
    INFO(r.error().to_string());
    const tg::api_error* rpc = r.error().rpc();
    REQUIRE(rpc != nullptr);
    CHECK(rpc->code == code);
    CHECK(r.error().ec() == tg::make_error_code(code));
    CHECK(rpc->error_code == tg::documented(code).code);
    CHECK(rpc->error_message == message);
    REQUIRE(t.last.has_value());
    CHECK(t.last->status == 200);
    CHECK(t.last->body == chatadmin::tl::encode(tg::rpc_error{tg::documented(code).code, message}));
}

/// An error forced with X-Mock-Error (the documented error type).
void forced(errc code) {
    E2E_NEEDS_MOCK();
    session s;
    s.t.force_error(std::string(tg::error_type(code)));
    check_rpc(s.c.call(example()), s.t, code);
}

void check_success(const chatadmin::result<tg::updates_type, tg::call_error>& r, std::int64_t user) {
    REQUIRE(r.has_value());
    const auto* u = std::get_if<tg::updates>(&*r);
    REQUIRE(u != nullptr);
    REQUIRE(u->updates.size() == 1);
    const auto* ch = std::get_if<tg::update_channel>(&u->updates[0]);
    REQUIRE(ch != nullptr);
    CHECK(ch->channel_id == own_channel);

    // The promoted user and the channel in full, as a layer-228 server sends them.
    REQUIRE(u->users.size() == 1);
    const auto* who = std::get_if<tg::user>(&u->users[0]);
    REQUIRE(who != nullptr);
    CHECK(who->id == user);
    CHECK(who->access_hash == std::int64_t{-1});
    CHECK(who->first_name == std::string("Ivan"));
    CHECK(who->last_name == std::string("Petrov"));
    CHECK(who->username == std::string("ivanp"));
    CHECK_FALSE(who->self);
    CHECK_FALSE(who->bot);
    REQUIRE(who->status.has_value());
    CHECK(std::get<tg::user_status_offline>(*who->status).was_online == 1700000000);
    REQUIRE(u->chats.size() == 1);
    const auto* chan = std::get_if<tg::channel>(&u->chats[0]);
    REQUIRE(chan != nullptr);
    CHECK(chan->id == own_channel);
    CHECK(chan->access_hash == own_channel_hash);
    CHECK(chan->title == "Mock channel");
    CHECK(chan->username == std::string("mockchannel"));
    CHECK(chan->creator);
    CHECK(chan->megagroup);
    CHECK_FALSE(chan->broadcast);
    CHECK(std::holds_alternative<tg::chat_photo_empty>(chan->photo));
    CHECK(chan->date == 1600000000);
    CHECK(chan->participants_count == 3);
    CHECK_FALSE(chan->admin_rights.has_value());  // the caller is the creator, not an admin
}

} // namespace

// ---- success ----

TEST_CASE("channels.editAdmin — success", "[method:channels.editAdmin][outcome:success]") {
    e2e::reset_world();
    session s;
    auto r = s.c.call(example());
    check_success(r, 987654321);
    REQUIRE(s.t.last.has_value());
    CHECK(chatadmin::tl::encode(*r) == s.t.last->body);  // nothing lost or added on the way back
}

TEST_CASE("channels.editAdmin — success (seed constructor #d33c8902)", "[method:channels.editAdmin][outcome:success (#d33c8902)]") {
    e2e::reset_world();
    session s(tg::channels::edit_admin_layer::legacy);
    check_success(s.c.call(example()), 987654321);
    REQUIRE_FALSE(s.t.requests.empty());
    CHECK(s.t.requests.back().body.substr(0, 4) == std::string("\x02\x89\x3c\xd3", 4));
}

// ---- errors that arise from the world ----

TEST_CASE("channels.editAdmin — CHANNEL_INVALID", "[method:channels.editAdmin][outcome:CHANNEL_INVALID]") {
    session s;
    check_rpc(s.c.call(example(987654321, own_channel, 1)), s.t, errc::channel_invalid);
}

TEST_CASE("channels.editAdmin — USER_ID_INVALID", "[method:channels.editAdmin][outcome:USER_ID_INVALID]") {
    session s;
    check_rpc(s.c.call(example(111111111)), s.t, errc::user_id_invalid);
}

TEST_CASE("channels.editAdmin — CHAT_ADMIN_REQUIRED", "[method:channels.editAdmin][outcome:CHAT_ADMIN_REQUIRED]") {
    E2E_NEEDS_MOCK();
    session s;
    check_rpc(s.c.call(example(555000002, other_channel, other_channel_hash)), s.t, errc::chat_admin_required);
}

TEST_CASE("channels.editAdmin — USER_CREATOR", "[method:channels.editAdmin][outcome:USER_CREATOR]") {
    E2E_NEEDS_MOCK();
    session s;
    auto call = example(self_id);
    call.user_id = tg::input_user{self_id, 0};
    check_rpc(s.c.call(call), s.t, errc::user_creator);
}

TEST_CASE("channels.editAdmin — INPUT_USER_DEACTIVATED", "[method:channels.editAdmin][outcome:INPUT_USER_DEACTIVATED]") {
    E2E_NEEDS_MOCK();
    session s;
    check_rpc(s.c.call(example(555000001)), s.t, errc::input_user_deactivated);
}

TEST_CASE("channels.editAdmin — ADMIN_RANK_EMOJI_NOT_ALLOWED", "[method:channels.editAdmin][outcome:ADMIN_RANK_EMOJI_NOT_ALLOWED]") {
    session s;
    auto call = example();
    call.rank = std::string("mod \xF0\x9F\x98\x80");
    check_rpc(s.c.call(call), s.t, errc::admin_rank_emoji_not_allowed);
}

TEST_CASE("channels.editAdmin — ADMIN_RANK_INVALID", "[method:channels.editAdmin][outcome:ADMIN_RANK_INVALID]") {
    session s;
    auto call = example();
    call.rank = std::string("a rank of seventeen");
    check_rpc(s.c.call(call), s.t, errc::admin_rank_invalid);
}

TEST_CASE("channels.editAdmin — USER_PRIVACY_RESTRICTED", "[method:channels.editAdmin][outcome:USER_PRIVACY_RESTRICTED]") {
    E2E_NEEDS_MOCK();
    e2e::reset_world();
    session s;
    check_rpc(s.c.call(example(555000002)), s.t, errc::user_privacy_restricted);
}

// ---- errors that need another world ----

namespace {
boost::json::object& channel(boost::json::object& w, std::int64_t id) {
    for (auto& c : w["telegram"].as_object()["channels"].as_array())
        if (c.as_object()["id"].to_number<std::int64_t>() == id) return c.as_object();
    throw std::runtime_error("no channel " + std::to_string(id) + " in the world");
}

template <class Edit, class Call>
void with_world(Edit edit, Call call, errc code) {
    E2E_NEEDS_MOCK();
    e2e::admin_api admin;
    admin.reset();
    admin.edit_world(edit);
    session s;
    check_rpc(s.c.call(call), s.t, code);
    admin.reset();
}
} // namespace

TEST_CASE("channels.editAdmin — CHANNEL_PRIVATE", "[method:channels.editAdmin][outcome:CHANNEL_PRIVATE][admin]") {
    with_world([](boost::json::object& w) { channel(w, other_channel)["members"] = boost::json::array{987654321}; },
               example(987654321, other_channel, other_channel_hash), errc::channel_private);
}

TEST_CASE("channels.editAdmin — RIGHT_FORBIDDEN", "[method:channels.editAdmin][outcome:RIGHT_FORBIDDEN][admin]") {
    // The caller is an admin of someone else's channel who may add admins, and nothing more.
    with_world(
        [](boost::json::object& w) {
            channel(w, other_channel)["admins"] =
                boost::json::array{boost::json::object{{"user_id", self_id}, {"rights", 512}, {"rank", ""}, {"promoted_by", 987654321}}};
        },
        example(555000002, other_channel, other_channel_hash), errc::right_forbidden);
}

TEST_CASE("channels.editAdmin — BOT_CHANNELS_NA", "[method:channels.editAdmin][outcome:BOT_CHANNELS_NA][admin]") {
    with_world([](boost::json::object& w) { channel(w, own_channel)["megagroup"] = false; }, example(555000003), errc::bot_channels_na);
}

TEST_CASE("channels.editAdmin — ADMINS_TOO_MUCH", "[method:channels.editAdmin][outcome:ADMINS_TOO_MUCH][admin]") {
    with_world([](boost::json::object& w) { channel(w, own_channel)["admins_limit"] = 0; }, example(), errc::admins_too_much);
}

// ---- the documented errors the mock's world has no state for: forced ----

#define E2E_TG_FORCED(NAME, CODE)                                                                      \
    TEST_CASE("channels.editAdmin — " NAME, "[method:channels.editAdmin][outcome:" NAME "][admin]") { \
        CHECK(tg::error_type(errc::CODE) == NAME);                                                     \
        forced(errc::CODE);                                                                            \
    }

E2E_TG_FORCED("BOTS_TOO_MUCH", bots_too_much)
E2E_TG_FORCED("BOT_GROUPS_BLOCKED", bot_groups_blocked)
E2E_TG_FORCED("CHAT_ADMIN_INVITE_REQUIRED", chat_admin_invite_required)
E2E_TG_FORCED("CHAT_WRITE_FORBIDDEN", chat_write_forbidden)
E2E_TG_FORCED("FRESH_CHANGE_ADMINS_FORBIDDEN", fresh_change_admins_forbidden)
E2E_TG_FORCED("PEER_ID_INVALID", peer_id_invalid)
E2E_TG_FORCED("USERS_TOO_MUCH", users_too_much)
E2E_TG_FORCED("USER_BLOCKED", user_blocked)
E2E_TG_FORCED("USER_CHANNELS_TOO_MUCH", user_channels_too_much)
E2E_TG_FORCED("USER_NOT_MUTUAL_CONTACT", user_not_mutual_contact)
E2E_TG_FORCED("USER_RESTRICTED", user_restricted)
E2E_TG_FORCED("CHANNEL_MONOFORUM_UNSUPPORTED", channel_monoforum_unsupported)
E2E_TG_FORCED("MSG_ID_INVALID", msg_id_invalid)
E2E_TG_FORCED("USER_KICKED", user_kicked)

TEST_CASE("channels.editAdmin — FLOOD_WAIT_X", "[method:channels.editAdmin][outcome:FLOOD_WAIT_X][admin]") {
    E2E_NEEDS_MOCK();
    session s;
    s.t.force_error("FLOOD_WAIT_30");
    auto r = s.c.call(example());
    check_rpc(r, s.t, errc::flood_wait, "FLOOD_WAIT_30");
    CHECK(r.error().rpc()->wait == std::chrono::seconds(30));
    CHECK(r.error().retry_after() == std::chrono::seconds(30));
}

TEST_CASE("channels.editAdmin — SLOWMODE_WAIT_X", "[method:channels.editAdmin][outcome:SLOWMODE_WAIT_X][admin]") {
    E2E_NEEDS_MOCK();
    session s;
    s.t.force_error("SLOWMODE_WAIT_7");
    auto r = s.c.call(example());
    check_rpc(r, s.t, errc::slowmode_wait, "SLOWMODE_WAIT_7");
    CHECK(r.error().retry_after() == std::chrono::seconds(7));
}

TEST_CASE("channels.editAdmin — FLOOD_PREMIUM_WAIT_X", "[method:channels.editAdmin][outcome:FLOOD_PREMIUM_WAIT_X][admin]") {
    E2E_NEEDS_MOCK();
    session s;
    s.t.force_error("FLOOD_PREMIUM_WAIT_12");
    auto r = s.c.call(example());
    check_rpc(r, s.t, errc::flood_premium_wait, "FLOOD_PREMIUM_WAIT_12");
    CHECK(r.error().rpc()->wait == std::chrono::seconds(12));
    CHECK(r.error().retry_after() == std::chrono::seconds(12));
}

// ---- answers sent as gzip_packed, as Telegram does for larger ones ----

TEST_CASE("channels.editAdmin — success, answer gzip_packed", "[method:channels.editAdmin][outcome:success (gzip_packed)][admin]") {
    E2E_NEEDS_MOCK();
    e2e::reset_world();
    session s;
    s.t.extra = {{"X-Mock-Gzip", "1"}};
    auto r = s.c.call(example());
    check_success(r, 987654321);
    REQUIRE(s.t.last.has_value());
    CHECK(s.t.last->body.substr(0, 4) == std::string("\xa1\xcf\x72\x30", 4));  // gzip_packed#3072cfa1
}

TEST_CASE("channels.editAdmin — USER_CREATOR, answer gzip_packed", "[method:channels.editAdmin][outcome:USER_CREATOR (gzip_packed)][admin]") {
    E2E_NEEDS_MOCK();
    e2e::reset_world();
    session s;
    s.t.extra = {{"X-Mock-Gzip", "1"}};
    auto call = example(self_id);
    call.user_id = tg::input_user{self_id, 0};
    auto r = s.c.call(call);
    REQUIRE_FALSE(r.has_value());
    INFO(r.error().to_string());
    REQUIRE(r.error().rpc() != nullptr);
    CHECK(r.error().rpc()->code == errc::user_creator);
    REQUIRE(s.t.last.has_value());
    CHECK(s.t.last->body.substr(0, 4) == std::string("\xa1\xcf\x72\x30", 4));
}

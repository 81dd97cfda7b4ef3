// Retry behaviour end to end: a failure the platform documents as temporary is repeated (after
// an injected sleep, so the test does not wait), an expired token is refreshed once, and a
// permanent error is sent once.

#include <chatadmin/greenapi.hpp>
#include <chatadmin/telegram.hpp>

#include "bitrix24_support.hpp"

#include <chrono>
#include <vector>

using namespace e2e::b24;
using std::chrono::milliseconds;

namespace {
/// Hooks whose sleep returns at once and remembers how long it was asked to wait.
chatadmin::retry::hooks recording_sleep(std::vector<milliseconds>& waits) {
    chatadmin::retry::hooks h;
    h.sleep = [&waits](milliseconds d) { waits.push_back(d); };
    return h;
}
} // namespace

TEST_CASE("imbot.chat.setManager — retry: QUERY_LIMIT_EXCEEDED once, then success",
          "[method:imbot.chat.setManager][outcome:retry after QUERY_LIMIT_EXCEEDED][admin]") {
    E2E_NEEDS_MOCK();
    e2e::admin_api admin;
    admin.reset();
    admin.add_fault(boost::json::object{{"method", "imbot.chat.setManager"}, {"count", 1}, {"error", "QUERY_LIMIT_EXCEEDED"}});
    std::vector<milliseconds> waits;
    chatadmin::bitrix24::client_options o;
    o.hooks = recording_sleep(waits);
    session s(webhook(), e2e::server(), o);
    auto r = s.c.call(example_set_manager());
    REQUIRE(r.has_value());
    CHECK(*r == true);
    CHECK(waits.size() == 1);
    CHECK(s.t.requests.size() == 2);
    boost::json::array journal;
    for (const auto& e : admin.journal())
        if (e.at("api_method") == "imbot.chat.setManager") journal.push_back(e);
    REQUIRE(journal.size() == 2);
    CHECK(journal[0].at("outcome") == "QUERY_LIMIT_EXCEEDED");
    CHECK(journal[0].at("fault") == "error");
    CHECK(journal[1].at("outcome") == "ok");
}

TEST_CASE("imbot.chat.setManager — retry: expired_token, one refresh, then success",
          "[method:imbot.chat.setManager][outcome:retry after expired_token]") {
    E2E_NEEDS_MOCK();  // the mock's expired token
    e2e::reset_world();
    int refreshes = 0;
    std::vector<milliseconds> waits;
    chatadmin::bitrix24::client_options o;
    o.hooks = recording_sleep(waits);
    o.refresh_token = [&](const chatadmin::bitrix24::error& e) -> std::optional<chatadmin::bitrix24::auth> {
        ++refreshes;
        CHECK(e.value() == errc::expired_token);
        return chatadmin::bitrix24::auth::oauth(e2e::b24_token());
    };
    session s(chatadmin::bitrix24::auth::oauth("expiredtoken"), e2e::server(), o);
    auto r = s.c.call(set_manager{.CHAT_ID = 2725, .USER_ID = 1269});
    REQUIRE(r.has_value());
    CHECK(refreshes == 1);
    CHECK(waits.empty());
    CHECK(s.t.requests.size() == 2);
}

TEST_CASE("imbot.chat.setManager — retry: WRONG_REQUEST is sent once", "[method:imbot.chat.setManager][outcome:no retry after WRONG_REQUEST]") {
    std::vector<milliseconds> waits;
    chatadmin::bitrix24::client_options o;
    o.hooks = recording_sleep(waits);
    session s(webhook(), e2e::server(), o);
    auto call = example_set_manager();
    call.USER_ID = 13;
    auto r = s.c.call(call);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().value() == errc::WRONG_REQUEST);
    CHECK(s.t.requests.size() == 1);
    CHECK(waits.empty());
}

TEST_CASE("setGroupAdmin — retry: 429 once, then success", "[method:setGroupAdmin][outcome:retry after 429 Too Many Requests][admin]") {
    E2E_NEEDS_MOCK();
    namespace ga = chatadmin::greenapi;
    e2e::admin_api admin;
    admin.reset();
    admin.add_fault(boost::json::object{{"method", "setGroupAdmin"}, {"count", 1}, {"error", "429"}});
    std::vector<milliseconds> waits;
    ga::client_options o;
    o.hooks = recording_sleep(waits);
    e2e::recording_transport t;
    ga::client c(t, ga::instance{.api_url = e2e::server().url, .id_instance = e2e::greenapi_id_instance(), .api_token_instance = e2e::greenapi_token()}, o);
    auto r = c.call(ga::set_group_admin{.chat_id = "120363043968066561@g.us", .participant_chat_id = "79001234567@c.us"});
    REQUIRE(r.has_value());
    CHECK(waits.size() == 1);
    CHECK(admin.calls_of("setGroupAdmin") == 2);
}

TEST_CASE("channels.editAdmin — retry: FLOOD_WAIT_3 once, then success", "[method:channels.editAdmin][outcome:retry after FLOOD_WAIT_X][admin]") {
    E2E_NEEDS_MOCK();
    namespace tg = chatadmin::telegram;
    e2e::admin_api admin;
    admin.reset();
    admin.add_fault(boost::json::object{{"method", "channels.editAdmin"}, {"count", 1}, {"error", "FLOOD_WAIT_3"}});
    std::vector<milliseconds> waits;
    tg::client_options o;
    o.target = e2e::telegram_target();
    o.hooks = recording_sleep(waits);
    e2e::recording_transport t(e2e::telegram_server());
    tg::client c(t, o);
    tg::channels::edit_admin call;
    call.channel = tg::input_channel{1234567890, 72623859790382856};
    call.user_id = tg::input_user{987654321, -1};
    call.admin_rights.ban_users = true;
    auto r = c.call(call);
    REQUIRE(r.has_value());
    REQUIRE(waits.size() == 1);
    CHECK(waits[0] == milliseconds(3000));
    CHECK(admin.calls_of("channels.editAdmin") == 2);
}

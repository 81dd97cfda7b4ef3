// The platform clients over an in-memory transport that replays scripted answers, with an
// injected clock: retry schedules, the token refresher, deadlines, attempts, and batches.

#include <chatadmin/bitrix24.hpp>
#include <chatadmin/bitrix24/batch.hpp>
#include <chatadmin/bitrix24/client.hpp>
#include <chatadmin/greenapi.hpp>
#include <chatadmin/greenapi/client.hpp>
#include <chatadmin/telegram.hpp>
#include <chatadmin/telegram/client.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <deque>
#include <string>
#include <variant>
#include <vector>

using namespace chatadmin;
namespace b24 = chatadmin::bitrix24;
namespace ga = chatadmin::greenapi;
namespace tg = chatadmin::telegram;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

using answer = result<http_response, transport_error>;

/// Replays scripted answers in order and records every request. Out of answers: a
/// transport error, so a test that sends too much fails visibly.
struct scripted_transport {
    std::deque<answer> script;
    std::vector<http_request> sent;

    result<http_response, transport_error> send(const http_request& req) {
        sent.push_back(req);
        if (script.empty()) return unexpected{transport_error::make(transport_errc::other, "script exhausted")};
        answer a = std::move(script.front());
        script.pop_front();
        return a;
    }
    void reply(int status, std::string body, std::string type = "application/json; charset=utf-8") {
        http_response r;
        r.status = status;
        r.headers.emplace_back("Content-Type", std::move(type));
        r.body = std::move(body);
        script.emplace_back(std::move(r));
    }
    void fail(transport_errc kind) { script.emplace_back(unexpected{transport_error::make(kind, "scripted")}); }
};

struct fake_clock {
    retry::clock::time_point mono{};
    retry::wall_clock::time_point wall = retry::wall_clock::time_point(seconds(1'800'000'000));
    std::vector<long long> sleeps;
    std::vector<std::string> reasons;

    retry::hooks hooks() {
        retry::hooks h;
        h.now = [this] { return mono; };
        h.wall_now = [this] { return wall; };
        h.sleep = [this](milliseconds d) {
            sleeps.push_back(d.count());
            mono += d;
            wall += d;
        };
        h.random = [] { return 0.5; };  // no jitter
        h.on_wait = [this](const retry::wait_event& e) { reasons.emplace_back(e.reason); };
        return h;
    }
};

const std::string ok_time = R"({"start":1800000000.1,"finish":1800000000.2,"duration":0.1,"processing":0,)"
                            R"("date_start":"2027-01-15T08:00:00+00:00","date_finish":"2027-01-15T08:00:00+00:00"})";

std::string b24_ok(std::string result, const std::string& time = ok_time) {
    return R"({"result":)" + result + R"(,"time":)" + time + "}";
}
std::string b24_err(std::string code, std::string description) {
    return R"({"error":")" + code + R"(","error_description":")" + description + R"("})";
}

b24::client_options b24_options(fake_clock& clk) {
    b24::client_options o;
    o.hooks = clk.hooks();
    return o;
}

b24::imbot::chat::set_manager set_manager(std::int64_t chat, std::int64_t user) {
    b24::imbot::chat::set_manager m;
    m.CHAT_ID = chat;
    m.USER_ID = user;
    return m;
}

} // namespace

// ---- Bitrix24 ----

TEST_CASE("client: bitrix24 call sends the typed request and returns the typed result", "[client][bitrix24]") {
    scripted_transport t;
    fake_clock clk;
    t.reply(200, b24_ok("true"));
    b24::client c(t, b24::auth::webhook(1, "s3cretcode"), b24_options(clk));
    auto r = c.call(set_manager(2725, 1269));
    REQUIRE(r);
    CHECK(*r == true);
    REQUIRE(t.sent.size() == 1);
    CHECK(t.sent[0].method == "POST");
    CHECK(t.sent[0].target == "/rest/1/s3cretcode/imbot.chat.setManager");
    CHECK(t.sent[0].redacted_target == "/rest/1/s3cr…/imbot.chat.setManager");
    CHECK(t.sent[0].body == R"({"CHAT_ID":2725,"USER_ID":1269,"IS_MANAGER":"Y"})");
    CHECK(clk.sleeps.empty());
    REQUIRE(c.last_time("imbot.chat.setManager"));
    CHECK(c.last_time("imbot.chat.setManager")->duration == Approx(0.1));
}

TEST_CASE("client: bitrix24 typed errors come back unchanged", "[client][bitrix24]") {
    scripted_transport t;
    fake_clock clk;
    t.reply(400, b24_err("WRONG_REQUEST", "Change manager can only owner and user must be member in chat"));
    b24::client c(t, b24::auth::webhook(1, "code"), b24_options(clk));
    auto r = c.call(set_manager(1, 2));
    REQUIRE_FALSE(r);
    CHECK(r.error().value() == b24::errc::WRONG_REQUEST);
    CHECK(r.error().http_status == 400);
    CHECK_FALSE(r.error().is_transport_error());
    CHECK(t.sent.size() == 1);
}

TEST_CASE("client: bitrix24 QUERY_LIMIT_EXCEEDED backs off 1.5 s, 2.25 s, then succeeds", "[client][bitrix24]") {
    scripted_transport t;
    fake_clock clk;
    t.reply(503, b24_err("QUERY_LIMIT_EXCEEDED", "Too many requests"));
    t.reply(503, b24_err("QUERY_LIMIT_EXCEEDED", "Too many requests"));
    t.reply(200, b24_ok("true"));
    b24::client c(t, b24::auth::webhook(1, "code"), b24_options(clk));
    auto r = c.call(set_manager(1, 2));
    REQUIRE(r);
    CHECK(t.sent.size() == 3);
    CHECK(clk.sleeps == std::vector<long long>{1500, 2250});
    CHECK(clk.reasons == std::vector<std::string>{"QUERY_LIMIT_EXCEEDED", "QUERY_LIMIT_EXCEEDED"});
}

TEST_CASE("client: bitrix24 gives up after max_attempts", "[client][bitrix24]") {
    scripted_transport t;
    fake_clock clk;
    for (int i = 0; i < 6; ++i) t.reply(503, b24_err("QUERY_LIMIT_EXCEEDED", "Too many requests"));
    b24::client c(t, b24::auth::webhook(1, "code"), b24_options(clk));
    auto r = c.call(set_manager(1, 2));
    REQUIRE_FALSE(r);
    CHECK(r.error().value() == b24::errc::QUERY_LIMIT_EXCEEDED);
    CHECK(t.sent.size() == 4);
    CHECK(clk.sleeps == std::vector<long long>{1500, 2250, 3375});
}

TEST_CASE("client: bitrix24 deadline stops the waiting", "[client][bitrix24]") {
    scripted_transport t;
    fake_clock clk;
    for (int i = 0; i < 6; ++i) t.reply(503, b24_err("QUERY_LIMIT_EXCEEDED", "Too many requests"));
    auto o = b24_options(clk);
    o.retry.policy.deadline = milliseconds(3000);
    b24::client c(t, b24::auth::webhook(1, "code"), o);
    auto r = c.call(set_manager(1, 2));
    REQUIRE_FALSE(r);
    CHECK(t.sent.size() == 2);  // 1500 fits, 1500 + 2250 does not
    CHECK(clk.sleeps == std::vector<long long>{1500});
}

TEST_CASE("client: bitrix24 OPERATION_TIME_LIMIT waits for the last success's operating_reset_at", "[client][bitrix24]") {
    scripted_transport t;
    fake_clock clk;
    std::string time_with_reset = ok_time;
    time_with_reset.insert(time_with_reset.size() - 1, R"(,"operating":479.5,"operating_reset_at":1800000100)");
    t.reply(200, b24_ok("true", time_with_reset));
    t.reply(429, b24_err("OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit."));
    t.reply(200, b24_ok("true"));
    b24::client c(t, b24::auth::webhook(1, "code"), b24_options(clk));
    REQUIRE(c.call(set_manager(1, 2)));
    auto r = c.call(set_manager(1, 3));
    REQUIRE(r);
    CHECK(t.sent.size() == 3);
    CHECK(clk.sleeps == std::vector<long long>{101'000});  // reset at +100 s, plus 1 s
    CHECK(clk.reasons == std::vector<std::string>{"OPERATION_TIME_LIMIT"});
}

TEST_CASE("client: bitrix24 OPERATION_TIME_LIMIT without a known reset waits 10 s", "[client][bitrix24]") {
    scripted_transport t;
    fake_clock clk;
    t.reply(429, b24_err("OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit."));
    t.reply(200, b24_ok("true"));
    b24::client c(t, b24::auth::webhook(1, "code"), b24_options(clk));
    REQUIRE(c.call(set_manager(1, 2)));
    CHECK(clk.sleeps == std::vector<long long>{10'000});
}

TEST_CASE("client: bitrix24 expired_token calls the refresher exactly once and repeats with the new token", "[client][bitrix24]") {
    scripted_transport t;
    fake_clock clk;
    t.reply(401, b24_err("expired_token", "The access token provided has expired"));
    t.reply(200, b24_ok("true"));
    auto o = b24_options(clk);
    int refreshes = 0;
    o.refresh_token = [&](const b24::error& e) -> std::optional<b24::auth> {
        ++refreshes;
        CHECK(e.value() == b24::errc::expired_token);
        return b24::auth::oauth("fresh-token");
    };
    b24::client c(t, b24::auth::oauth("stale-token"), o);
    auto r = c.call(set_manager(1, 2));
    REQUIRE(r);
    CHECK(refreshes == 1);
    REQUIRE(t.sent.size() == 2);
    CHECK(t.sent[0].body.find("\"auth\":\"stale-token\"") != std::string::npos);
    CHECK(t.sent[1].body.find("\"auth\":\"fresh-token\"") != std::string::npos);
    CHECK(clk.sleeps.empty());
    CHECK(c.credentials().secret() == "fresh-token");
}

TEST_CASE("client: bitrix24 a second expired_token is returned, not refreshed again", "[client][bitrix24]") {
    scripted_transport t;
    fake_clock clk;
    t.reply(401, b24_err("expired_token", "The access token provided has expired"));
    t.reply(401, b24_err("invalid_token", "The access token provided is invalid"));
    t.reply(200, b24_ok("true"));
    auto o = b24_options(clk);
    o.retry.policy.max_attempts = 1;  // the refresh repeat is not counted
    int refreshes = 0;
    o.refresh_token = [&](const b24::error&) -> std::optional<b24::auth> {
        ++refreshes;
        return b24::auth::oauth("fresh-token");
    };
    b24::client c(t, b24::auth::oauth("stale-token"), o);
    auto r = c.call(set_manager(1, 2));
    REQUIRE_FALSE(r);
    CHECK(r.error().value() == b24::errc::invalid_token);
    CHECK(refreshes == 1);
    CHECK(t.sent.size() == 2);
}

TEST_CASE("client: bitrix24 expired_token without a refresher is returned", "[client][bitrix24]") {
    scripted_transport t;
    fake_clock clk;
    t.reply(401, b24_err("expired_token", "The access token provided has expired"));
    b24::client c(t, b24::auth::oauth("stale-token"), b24_options(clk));
    auto r = c.call(set_manager(1, 2));
    REQUIRE_FALSE(r);
    CHECK(r.error().value() == b24::errc::expired_token);
    CHECK(t.sent.size() == 1);
}

TEST_CASE("client: bitrix24 non-retryable errors are sent once", "[client][bitrix24]") {
    for (auto [status, code] : std::vector<std::pair<int, std::string>>{{500, "INTERNAL_SERVER_ERROR"},
                                                                         {503, "OVERLOAD_LIMIT"},
                                                                         {401, "NO_AUTH_FOUND"},
                                                                         {403, "ACCESS_DENIED"},
                                                                         {403, "insufficient_scope"},
                                                                         {400, "CHAT_ID_EMPTY"}}) {
        INFO(code);
        scripted_transport t;
        fake_clock clk;
        for (int i = 0; i < 4; ++i) t.reply(status, b24_err(code, "x"));
        b24::client c(t, b24::auth::webhook(1, "code"), b24_options(clk));
        auto r = c.call(set_manager(1, 2));
        REQUIRE_FALSE(r);
        CHECK(r.error().raw_code == code);
        CHECK(t.sent.size() == 1);
        CHECK(clk.sleeps.empty());
    }
}

TEST_CASE("client: bitrix24 network errors are retried only for idempotent calls", "[client][bitrix24]") {
    {
        scripted_transport t;
        fake_clock clk;
        t.fail(transport_errc::timeout);
        t.fail(transport_errc::read);
        t.reply(200, b24_ok("true"));
        b24::client c(t, b24::auth::webhook(1, "code"), b24_options(clk));
        auto r = c.call(set_manager(1, 2));  // setManager is idempotent
        REQUIRE(r);
        CHECK(t.sent.size() == 3);
        CHECK(clk.sleeps == std::vector<long long>{1000, 2000});
    }
    {
        scripted_transport t;
        fake_clock clk;
        t.fail(transport_errc::timeout);
        t.reply(200, b24_ok("true"));
        b24::client c(t, b24::auth::webhook(1, "code"), b24_options(clk));
        auto r = c.call(set_manager(1, 2), {.idempotent = false});
        REQUIRE_FALSE(r);
        CHECK(r.error().is_transport_error());
        CHECK(r.error().transport->kind == transport_errc::timeout);
        CHECK(r.error().code == transport_errc::timeout);
        CHECK(r.error().to_string().rfind("transport: timed out", 0) == 0);
        CHECK(t.sent.size() == 1);
    }
    {
        scripted_transport t;  // an HTML page from a proxy
        fake_clock clk;
        t.reply(502, "<html><title>502 Bad Gateway</title></html>", "text/html");
        t.reply(200, b24_ok("true"));
        b24::client c(t, b24::auth::webhook(1, "code"), b24_options(clk));
        REQUIRE(c.call(set_manager(1, 2)));
        CHECK(t.sent.size() == 2);
    }
}

TEST_CASE("client: bitrix24 department managers keep the requested alternative for []", "[client][bitrix24]") {
    scripted_transport t;
    fake_clock clk;
    t.reply(200, b24_ok("[]"));
    b24::client c(t, b24::auth::webhook(1, "code"), b24_options(clk));
    b24::im::department::managers::get g;
    g.ID = {3, 7};
    g.USER_DATA = true;
    auto r = c.call(g);
    REQUIRE(r);
    CHECK(r->index() == 1);
}

TEST_CASE("client: a transport may be a plain callable", "[client]") {
    int calls = 0;
    auto fn = [&](const http_request&) -> result<http_response, transport_error> {
        ++calls;
        http_response r;
        r.status = 200;
        r.body = b24_ok(R"(["1271"])");
        return r;
    };
    b24::client c(fn, b24::auth::webhook(1, "code"));
    b24::sonet_group::user::update u;
    u.GROUP_ID = 69;
    u.USER_ID = {1271, 1272};
    u.ROLE = b24::sonet_group::role::moderator;
    auto r = c.call(u);
    REQUIRE(r);
    CHECK(*r == std::vector<std::int64_t>{1271});
    CHECK(calls == 1);
}

// ---- Bitrix24 batch ----

TEST_CASE("client: bitrix24 batch encodes typed commands in order, JSON and form", "[client][bitrix24][batch]") {
    b24::batch b;
    b.add("mgr", set_manager(2725, 1269));
    b24::sonet_group::user::update u;
    u.GROUP_ID = 69;
    u.USER_ID = {1271, 1272};
    u.ROLE = b24::sonet_group::role::moderator;
    b.add("a_role", u);
    auto auto_key = b.add(set_manager(1, 2));
    CHECK(auto_key.key == "cmd2");

    auto json = b24::make_request(b, b24::auth::webhook(1, "code"));
    REQUIRE(json);
    CHECK(json->target == "/rest/1/code/batch");
    CHECK(json->body == R"({"halt":false,"cmd":{)"
                        R"("mgr":"imbot.chat.setManager?CHAT_ID=2725&USER_ID=1269&IS_MANAGER=Y",)"
                        R"("a_role":"sonet_group.user.update?GROUP_ID=69&USER_ID[0]=1271&USER_ID[1]=1272&ROLE=E",)"
                        R"("cmd2":"imbot.chat.setManager?CHAT_ID=1&USER_ID=2&IS_MANAGER=Y"}})");

    b.set_halt(true);
    auto oauth = b24::make_request(b, b24::auth::oauth("tok"));
    REQUIRE(oauth);
    CHECK(oauth->target == "/rest/batch");
    CHECK(oauth->body.rfind(R"({"halt":true,)", 0) == 0);
    CHECK(oauth->body.find(R"(,"auth":"tok"})") != std::string::npos);

    auto form = b24::make_request(b, b24::auth::webhook(1, "code"), b24::body_format::form);
    REQUIRE(form);
    CHECK(form->body == "halt=1"
                        "&cmd[mgr]=imbot.chat.setManager%3FCHAT_ID%3D2725%26USER_ID%3D1269%26IS_MANAGER%3DY"
                        "&cmd[a_role]=sonet_group.user.update%3FGROUP_ID%3D69%26USER_ID%5B0%5D%3D1271%26USER_ID%5B1%5D%3D1272%26ROLE%3DE"
                        "&cmd[cmd2]=imbot.chat.setManager%3FCHAT_ID%3D1%26USER_ID%3D2%26IS_MANAGER%3DY");
    CHECK(b.idempotent());
}

TEST_CASE("client: bitrix24 batch of more than 50 is refused without sending", "[client][bitrix24][batch]") {
    scripted_transport t;
    b24::batch b;
    for (int i = 0; i < 51; ++i) b.add(set_manager(1, i + 1));
    b24::client c(t, b24::auth::webhook(1, "code"));
    auto r = c.call(b);
    REQUIRE_FALSE(r);
    CHECK(r.error().value() == b24::errc::ERROR_BATCH_LENGTH_EXCEEDED);
    CHECK(r.error().http_status == 0);
    CHECK(t.sent.empty());

    b24::batch fifty;
    for (int i = 0; i < 50; ++i) fifty.add(set_manager(1, i + 1));
    CHECK_FALSE(fifty.validate());
}

TEST_CASE("client: bitrix24 batch keys are checked before sending", "[client][bitrix24][batch]") {
    scripted_transport t;
    b24::client c(t, b24::auth::webhook(1, "code"));
    for (std::string key : {"0", "1st", "a b", "", "x&y"}) {
        INFO(key);
        b24::batch b;
        b.add(key, set_manager(1, 2));
        auto r = c.call(b);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == std::errc::invalid_argument);
    }
    b24::batch dup;
    dup.add("a", set_manager(1, 2));
    dup.add("a", set_manager(1, 3));
    CHECK_FALSE(c.call(dup));
    CHECK_FALSE(c.call(b24::batch{}));
    CHECK(t.sent.empty());
}

TEST_CASE("client: bitrix24 batch decodes per-command results and errors, [] sections included", "[client][bitrix24][batch]") {
    scripted_transport t;
    fake_clock clk;
    std::string cmd_time = ok_time;
    cmd_time.insert(cmd_time.size() - 1, R"(,"operating":1.5,"operating_reset_at":1800000600)");
    t.reply(200, b24_ok(R"({"result":{"ok":true,"roles":["1271"]},)"
                        R"("result_error":{"bad":{"error":"WRONG_REQUEST","error_description":"Change manager can only owner and user must be member in chat"},)"
                        R"("sonet":{"error":"","error_description":"Wrong group ID"}},)"
                        R"("result_total":[],"result_next":[],"result_time":{"ok":)" + cmd_time + "}}"));
    b24::client c(t, b24::auth::webhook(1, "code"), b24_options(clk));
    b24::batch b;
    auto ok = b.add("ok", set_manager(1, 2));
    auto bad = b.add("bad", set_manager(1, 3));
    b24::sonet_group::user::update u;
    u.GROUP_ID = 69;
    u.USER_ID = 1271;
    u.ROLE = b24::sonet_group::role::moderator;
    auto roles = b.add("roles", u);
    u.GROUP_ID = 0;
    auto sonet = b.add("sonet", u);
    auto r = c.call(b);
    REQUIRE(r);
    REQUIRE(r->get(ok));
    CHECK(*r->get(ok) == true);
    auto rb = r->get(bad);
    REQUIRE_FALSE(rb);
    CHECK(rb.error().value() == b24::errc::WRONG_REQUEST);
    CHECK(r->failed("bad"));
    REQUIRE(r->get(roles));
    CHECK(*r->get(roles) == std::vector<std::int64_t>{1271});
    auto rs = r->get(sonet);
    REQUIRE_FALSE(rs);
    CHECK(rs.error().value() == b24::errc::SONET_WRONG_GROUP_ID);
    CHECK_FALSE(r->total("ok"));
    REQUIRE(c.last_time("imbot.chat.setManager"));
    CHECK(c.last_time("imbot.chat.setManager")->operating_reset_at == Approx(1800000600.0));
}

TEST_CASE("client: bitrix24 batch with every section [] and halt leaves commands not run", "[client][bitrix24][batch]") {
    scripted_transport t;
    t.reply(200, b24_ok(R"({"result":[],"result_error":{"first":{"error":"insufficient_scope","error_description":""}},)"
                        R"("result_total":[],"result_next":[],"result_time":[]})"));
    t.reply(200, b24_ok(R"({"result":[],"result_error":[],"result_total":[],"result_next":[],"result_time":[]})"));
    b24::client c(t, b24::auth::webhook(1, "code"));
    b24::batch b(true);
    auto first = b.add("first", set_manager(1, 2));
    auto second = b.add("second", set_manager(1, 3));
    auto r = c.call(b);
    REQUIRE(r);
    REQUIRE_FALSE(r->get(first));
    CHECK(r->get(first).error().value() == b24::errc::insufficient_scope);
    auto s = r->get(second);
    REQUIRE_FALSE(s);
    CHECK(s.error().code == decode_errc::missing_member);
    CHECK(s.error().decode.path == "result.result.second");
    CHECK(t.sent[0].body.rfind(R"({"halt":true,)", 0) == 0);

    auto empty = c.call(b);
    REQUIRE(empty);
    CHECK(empty->payload.result.empty());
    CHECK(empty->payload.result_error.empty());
}

TEST_CASE("client: bitrix24 batch as a whole is retried on QUERY_LIMIT_EXCEEDED", "[client][bitrix24][batch]") {
    scripted_transport t;
    fake_clock clk;
    t.reply(503, b24_err("QUERY_LIMIT_EXCEEDED", "Too many requests"));
    t.reply(200, b24_ok(R"({"result":{"a":true},"result_error":[],"result_total":[],"result_next":[],"result_time":[]})"));
    b24::client c(t, b24::auth::webhook(1, "code"), b24_options(clk));
    b24::batch b;
    auto a = b.add("a", set_manager(1, 2));
    auto r = c.call(b);
    REQUIRE(r);
    CHECK(*r->get(a) == true);
    CHECK(clk.sleeps == std::vector<long long>{1500});
}

// ---- Green API ----

namespace {
ga::instance instance() {
    ga::instance i;
    i.api_url = "https://7105.api.greenapi.com";
    i.id_instance = 7105000001;
    i.api_token_instance = "d75b3a66374942c5b3c019c698abc2067e151558acbd412345";
    return i;
}
ga::set_group_admin promote() {
    ga::set_group_admin m;
    m.chat_id = "79876543210-1587570015@g.us";
    m.participant_chat_id = "79001234565@c.us";
    return m;
}
ga::client_options ga_options(fake_clock& clk) {
    ga::client_options o;
    o.hooks = clk.hooks();
    return o;
}
} // namespace

TEST_CASE("client: green api call sends setGroupAdmin and returns the typed result", "[client][greenapi]") {
    scripted_transport t;
    fake_clock clk;
    t.reply(200, R"({"setGroupAdmin":true})");
    ga::client c(t, instance(), ga_options(clk));
    auto r = c.call(promote());
    REQUIRE(r);
    CHECK(r->set_group_admin);
    REQUIRE(t.sent.size() == 1);
    CHECK(t.sent[0].target == "/waInstance7105000001/setGroupAdmin/d75b3a66374942c5b3c019c698abc2067e151558acbd412345");
    CHECK(t.sent[0].redacted_target == "/waInstance7105000001/setGroupAdmin/d75b…");
    CHECK(t.sent[0].body == R"({"groupId":"79876543210-1587570015@g.us","participantChatId":"79001234565@c.us"})");
}

TEST_CASE("client: green api 429 backs off, then succeeds", "[client][greenapi]") {
    scripted_transport t;
    fake_clock clk;
    t.reply(429, "Too Many Requests", "text/plain");
    t.reply(502, "Bad Gateway", "text/plain");
    t.reply(200, R"({"setGroupAdmin":true})");
    ga::client c(t, instance(), ga_options(clk));
    auto r = c.call(promote());
    REQUIRE(r);
    CHECK(t.sent.size() == 3);
    CHECK(clk.sleeps == std::vector<long long>{1000, 2000});
}

TEST_CASE("client: green api failures in HTTP 200 and validation errors are not retried", "[client][greenapi]") {
    {
        scripted_transport t;
        fake_clock clk;
        t.reply(200, R"({"setGroupAdmin":false,"error":"participant not found"})");
        ga::client c(t, instance(), ga_options(clk));
        auto r = c.call(promote());
        REQUIRE_FALSE(r);
        CHECK(r.error().value() == ga::errc::participant_not_found);
        CHECK(t.sent.size() == 1);
    }
    {
        scripted_transport t;
        fake_clock clk;
        t.reply(400, R"({"statusCode":400,"timestamp":1700000000,"path":"/waInstance7105000001/setGroupAdmin/d75b3a66374942c5b3c019c698abc2067e151558acbd412345",)"
                     R"("message":"Validation failed. Details: 'groupId' is required"})");
        ga::client c(t, instance(), ga_options(clk));
        auto r = c.call(promote());
        REQUIRE_FALSE(r);
        CHECK(r.error().value() == ga::errc::validation_failed);
        CHECK(r.error().to_string().find("d75b3a66374942c5") == std::string::npos);
        CHECK(t.sent.size() == 1);
        CHECK(clk.sleeps.empty());
    }
}

TEST_CASE("client: green api refuses a bad request before sending", "[client][greenapi]") {
    scripted_transport t;
    ga::client c(t, instance());
    auto m = promote();
    m.chat_id = "not-a-group";
    auto r = c.call(m);
    REQUIRE_FALSE(r);
    CHECK(r.error().value() == ga::errc::invalid_chat_id);
    CHECK(t.sent.empty());
}

TEST_CASE("client: green api network errors are retried only when marked idempotent", "[client][greenapi]") {
    {
        scripted_transport t;
        fake_clock clk;
        t.fail(transport_errc::read);
        t.reply(200, R"({"setGroupAdmin":true})");
        ga::client c(t, instance(), ga_options(clk));
        auto r = c.call(promote());
        REQUIRE_FALSE(r);
        CHECK(r.error().is_transport_error());
        CHECK(t.sent.size() == 1);
    }
    {
        scripted_transport t;
        fake_clock clk;
        t.fail(transport_errc::read);
        t.reply(200, R"({"setGroupAdmin":true})");
        ga::client c(t, instance(), ga_options(clk));
        auto r = c.call(promote(), {.idempotent = true});
        REQUIRE(r);
        CHECK(t.sent.size() == 2);
        CHECK(clk.sleeps == std::vector<long long>{1000});
    }
}

// ---- Telegram ----

namespace {
tg::channels::edit_admin edit() {
    tg::channels::edit_admin e;
    e.channel = tg::input_channel{1234567890, 42};
    e.user_id = tg::input_user{987654321, -1};
    e.admin_rights.change_info = true;
    return e;
}
std::string rpc_error(int code, std::string message) { return tl::encode(tg::rpc_error{code, std::move(message)}); }
std::string updates_too_long() { return tl::encode(tg::updates_type{tg::updates_too_long{}}); }
tg::client_options tg_options(fake_clock& clk) {
    tg::client_options o;
    o.hooks = clk.hooks();
    return o;
}
} // namespace

TEST_CASE("client: telegram call posts one boxed TL call and decodes Updates", "[client][telegram]") {
    scripted_transport t;
    fake_clock clk;
    t.reply(200, updates_too_long(), "application/octet-stream");
    tg::client c(t, tg_options(clk));
    auto r = c.call(edit());
    REQUIRE(r);
    CHECK(std::holds_alternative<tg::updates_too_long>(*r));
    REQUIRE(t.sent.size() == 1);
    CHECK(t.sent[0].target == "/telegram/api");
    CHECK(t.sent[0].body == tg::channels::encode(edit()));

    tg::client legacy(t, tg_options(clk));
    legacy.options().edit_admin_layer = tg::channels::edit_admin_layer::legacy;
    t.reply(200, updates_too_long(), "application/octet-stream");
    REQUIRE(legacy.call(edit()));
    CHECK(t.sent[1].body == tg::channels::encode(edit(), tg::channels::edit_admin_layer::legacy));
}

TEST_CASE("client: telegram FLOOD_WAIT_X waits X seconds and repeats", "[client][telegram]") {
    scripted_transport t;
    fake_clock clk;
    t.reply(200, rpc_error(420, "FLOOD_WAIT_3"), "application/octet-stream");
    t.reply(200, updates_too_long(), "application/octet-stream");
    tg::client c(t, tg_options(clk));
    REQUIRE(c.call(edit()));
    CHECK(t.sent.size() == 2);
    CHECK(clk.sleeps == std::vector<long long>{3000});
    CHECK(clk.reasons == std::vector<std::string>{"FLOOD_WAIT"});
}

TEST_CASE("client: telegram FLOOD_WAIT above the cap is returned at once", "[client][telegram]") {
    scripted_transport t;
    fake_clock clk;
    t.reply(200, rpc_error(420, "FLOOD_WAIT_3600"), "application/octet-stream");
    tg::client c(t, tg_options(clk));
    auto r = c.call(edit());
    REQUIRE_FALSE(r);
    REQUIRE(r.error().rpc());
    CHECK(r.error().rpc()->code == tg::errc::flood_wait);
    CHECK(r.error().retry_after() == seconds(3600));
    CHECK(t.sent.size() == 1);
    CHECK(clk.sleeps.empty());
}

TEST_CASE("client: telegram rpc errors are returned typed and not retried", "[client][telegram]") {
    scripted_transport t;
    fake_clock clk;
    t.reply(200, rpc_error(400, "USER_CREATOR"), "application/octet-stream");
    tg::client c(t, tg_options(clk));
    auto r = c.call(edit());
    REQUIRE_FALSE(r);
    REQUIRE(r.error().rpc());
    CHECK(r.error().rpc()->code == tg::errc::user_creator);
    CHECK(r.error().ec() == tg::errc::user_creator);
    CHECK(t.sent.size() == 1);
}

TEST_CASE("client: telegram non-200 answers and network errors", "[client][telegram]") {
    scripted_transport t;
    fake_clock clk;
    t.reply(502, "<html>bad gateway</html>", "text/html");
    t.fail(transport_errc::connect);
    t.reply(200, updates_too_long(), "application/octet-stream");
    tg::client c(t, tg_options(clk));
    REQUIRE(c.call(edit()));  // editAdmin is idempotent
    CHECK(t.sent.size() == 3);
    CHECK(clk.sleeps == std::vector<long long>{1000, 2000});

    t.reply(404, std::string("\x6c\xfe\xff\xff", 4), "application/octet-stream");  // -404
    auto r = c.call(edit());
    REQUIRE_FALSE(r);
    CHECK(r.error().http_status == 404);
    CHECK(r.error().to_string().find("-404") != std::string::npos);

    t.fail(transport_errc::timeout);
    auto n = c.call(edit(), {.idempotent = false});
    REQUIRE_FALSE(n);
    CHECK(n.error().is_transport_error());
    CHECK(n.error().ec() == transport_errc::timeout);
}

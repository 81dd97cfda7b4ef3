// The retry engine and the per-platform classifiers, with an injected clock: no test sleeps.

#include <chatadmin/bitrix24/envelope.hpp>
#include <chatadmin/bitrix24/retry.hpp>
#include <chatadmin/core/result.hpp>
#include <chatadmin/core/retry.hpp>
#include <chatadmin/greenapi/retry.hpp>
#include <chatadmin/telegram/retry.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace retry = chatadmin::retry;
namespace b24 = chatadmin::bitrix24;
namespace ga = chatadmin::greenapi;
namespace tg = chatadmin::telegram;
using chatadmin::result;
using chatadmin::unexpected;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

/// A clock that only moves when the engine sleeps.
struct fake_clock {
    retry::clock::time_point mono{};
    retry::wall_clock::time_point wall = retry::wall_clock::time_point(seconds(1'800'000'000));
    std::vector<long long> sleeps;
    std::vector<retry::wait_event> events;
    double random_value = 0.5;  // jitter factor 1.0

    retry::hooks hooks() {
        retry::hooks h;
        h.now = [this] { return mono; };
        h.wall_now = [this] { return wall; };
        h.sleep = [this](milliseconds d) {
            sleeps.push_back(d.count());
            mono += d;
            wall += d;
        };
        h.random = [this] { return random_value; };
        h.on_wait = [this](const retry::wait_event& e) { events.push_back(e); };
        return h;
    }
};

struct fail {
    int n = 0;
    std::string to_string() const { return "failure " + std::to_string(n); }
};

retry::policy plain(int attempts) {
    retry::policy p;
    p.max_attempts = attempts;
    p.base_delay = milliseconds(1000);
    p.multiplier = 2.0;
    p.max_delay = milliseconds(30'000);
    p.jitter = 0;
    return p;
}

// Fails `failures` times, then succeeds with the attempt number.
auto failing(int failures, int& calls) {
    return [failures, &calls](int attempt) -> result<int, fail> {
        ++calls;
        if (attempt <= failures) return unexpected{fail{attempt}};
        return attempt;
    };
}

retry::attempt_state state_at(int retries, retry::wall_clock::time_point wall = retry::wall_clock::time_point(seconds(1'800'000'000))) {
    static const retry::policy p = plain(4);
    retry::attempt_state s;
    s.attempt = retries + 1;
    s.retries = retries;
    s.wall_now = wall;
    s.policy = &p;
    return s;
}

} // namespace

TEST_CASE("retry: backoff schedule doubles from the base delay", "[retry]") {
    fake_clock clk;
    int calls = 0;
    auto r = retry::run(plain(4), clk.hooks(), failing(10, calls), [](const fail&, const retry::attempt_state&) {
        return retry::decision::backoff("test");
    });
    REQUIRE_FALSE(r);
    CHECK(r.error().n == 4);
    CHECK(calls == 4);
    CHECK(clk.sleeps == std::vector<long long>{1000, 2000, 4000});
}

TEST_CASE("retry: success after failures returns the value and stops", "[retry]") {
    fake_clock clk;
    int calls = 0;
    auto r = retry::run(plain(5), clk.hooks(), failing(2, calls), [](const fail&, const retry::attempt_state&) {
        return retry::decision::backoff("test");
    });
    REQUIRE(r);
    CHECK(*r == 3);
    CHECK(calls == 3);
    CHECK(clk.sleeps == std::vector<long long>{1000, 2000});
}

TEST_CASE("retry: backoff is capped by max_delay", "[retry]") {
    fake_clock clk;
    auto p = plain(5);
    p.multiplier = 10;
    p.max_delay = milliseconds(3000);
    int calls = 0;
    auto r = retry::run(p, clk.hooks(), failing(10, calls), [](const fail&, const retry::attempt_state&) {
        return retry::decision::backoff("test");
    });
    CHECK_FALSE(r);
    CHECK(clk.sleeps == std::vector<long long>{1000, 3000, 3000, 3000});
}

TEST_CASE("retry: jitter uses the injected random source and stays under the cap", "[retry]") {
    auto p = plain(4);
    p.jitter = 0.1;
    p.max_delay = milliseconds(4100);
    CHECK(retry::backoff_delay(p, 1, 0.0) == milliseconds(900));
    CHECK(retry::backoff_delay(p, 1, 0.5) == milliseconds(1000));
    CHECK(retry::backoff_delay(p, 2, 1.0) == milliseconds(2200));
    CHECK(retry::backoff_delay(p, 3, 1.0) == milliseconds(4100));  // 4400 capped
    CHECK(retry::backoff_delay(p, 3, 0.0) == milliseconds(3600));

    fake_clock clk;
    clk.random_value = 0.0;
    int calls = 0;
    auto r = retry::run(p, clk.hooks(), failing(10, calls), [](const fail&, const retry::attempt_state&) {
        return retry::decision::backoff("test");
    });
    CHECK_FALSE(r);
    CHECK(clk.sleeps == std::vector<long long>{900, 1800, 3600});
}

TEST_CASE("retry: a server-given wait is exact and not jittered", "[retry]") {
    fake_clock clk;
    clk.random_value = 0.0;
    auto p = plain(3);
    p.jitter = 0.5;
    int calls = 0;
    auto r = retry::run(p, clk.hooks(), failing(10, calls), [](const fail&, const retry::attempt_state&) {
        return retry::decision::wait(milliseconds(7000), "server");
    });
    CHECK_FALSE(r);
    CHECK(clk.sleeps == std::vector<long long>{7000, 7000});
}

TEST_CASE("retry: stop is never retried", "[retry]") {
    fake_clock clk;
    int calls = 0;
    auto r = retry::run(plain(10), clk.hooks(), failing(10, calls), [](const fail&, const retry::attempt_state&) {
        return retry::decision::stop();
    });
    CHECK_FALSE(r);
    CHECK(calls == 1);
    CHECK(clk.sleeps.empty());
    CHECK(clk.events.empty());
}

TEST_CASE("retry: max_attempts 1 never retries", "[retry]") {
    fake_clock clk;
    int calls = 0;
    auto r = retry::run(retry::policy::none(), clk.hooks(), failing(10, calls), [](const fail&, const retry::attempt_state&) {
        return retry::decision::backoff("test");
    });
    CHECK_FALSE(r);
    CHECK(calls == 1);
    CHECK(clk.sleeps.empty());
}

TEST_CASE("retry: a wait that would cross the deadline is not taken", "[retry]") {
    fake_clock clk;
    auto p = plain(10);
    p.deadline = milliseconds(2500);
    int calls = 0;
    auto r = retry::run(p, clk.hooks(), failing(10, calls), [](const fail&, const retry::attempt_state&) {
        return retry::decision::backoff("test");
    });
    REQUIRE_FALSE(r);
    CHECK(calls == 2);  // waits 1000, then 2000 would end at 3000 > 2500
    CHECK(clk.sleeps == std::vector<long long>{1000});
    CHECK(r.error().n == 2);
}

TEST_CASE("retry: a refresh repeat is immediate and not counted", "[retry]") {
    fake_clock clk;
    int calls = 0;
    bool refreshed = false;
    auto r = retry::run(retry::policy::none(), clk.hooks(), failing(1, calls), [&](const fail&, const retry::attempt_state&) {
        if (refreshed) return retry::decision::stop();
        refreshed = true;
        return retry::decision::refreshed("token");
    });
    REQUIRE(r);
    CHECK(calls == 2);
    CHECK(clk.sleeps.empty());
}

TEST_CASE("retry: the observer hears about every wait before it happens", "[retry]") {
    fake_clock clk;
    int calls = 0;
    std::size_t sleeps_seen_by_observer = 99;
    auto h = clk.hooks();
    auto inner = h.on_wait;
    h.on_wait = [&](const retry::wait_event& e) {
        if (e.attempt == 1) sleeps_seen_by_observer = clk.sleeps.size();
        inner(e);
    };
    auto r = retry::run(plain(3), h, failing(10, calls), [](const fail&, const retry::attempt_state&) {
        return retry::decision::backoff("busy");
    });
    CHECK_FALSE(r);
    REQUIRE(clk.events.size() == 2);
    CHECK(sleeps_seen_by_observer == 0);
    CHECK(clk.events[0].attempt == 1);
    CHECK(clk.events[0].delay == milliseconds(1000));
    CHECK(clk.events[0].reason == "busy");
    CHECK(clk.events[0].error == "failure 1");
    CHECK(clk.events[1].attempt == 2);
    CHECK(clk.events[1].delay == milliseconds(2000));
}

TEST_CASE("retry: the classifier sees the attempt count and elapsed time", "[retry]") {
    fake_clock clk;
    int calls = 0;
    std::vector<int> retries;
    std::vector<long long> elapsed;
    auto r = retry::run(plain(3), clk.hooks(), failing(10, calls), [&](const fail&, const retry::attempt_state& s) {
        retries.push_back(s.retries);
        elapsed.push_back(std::chrono::duration_cast<milliseconds>(s.now - s.started).count());
        return retry::decision::backoff("x");
    });
    CHECK_FALSE(r);
    CHECK(retries == std::vector<int>{0, 1, 2});
    CHECK(elapsed == std::vector<long long>{0, 1000, 3000});
}

// ---- Bitrix24 ----

namespace {
b24::error b24_error(std::string code, int status, std::string description = {}) {
    return b24::make_error(std::move(code), std::move(description), status);
}
} // namespace

TEST_CASE("retry: bitrix24 QUERY_LIMIT_EXCEEDED waits (1000/drain + 1000) ms x 1.5^retry", "[retry][bitrix24]") {
    CHECK(b24::query_limit_delay(0) == milliseconds(1500));
    CHECK(b24::query_limit_delay(1) == milliseconds(2250));
    CHECK(b24::query_limit_delay(2) == milliseconds(3375));
    CHECK(b24::query_limit_delay(0, 5.0) == milliseconds(1200));  // Enterprise drain rate

    b24::retry_options o;
    b24::retry_classifier c(o, false);
    auto e = b24_error("QUERY_LIMIT_EXCEEDED", 503, "Too many requests");
    auto d0 = c(e, state_at(0));
    CHECK(d0.what == retry::decision::action::wait);
    CHECK(d0.delay == milliseconds(1500));
    CHECK(c(e, state_at(2)).delay == milliseconds(3375));
}

TEST_CASE("retry: bitrix24 OPERATION_TIME_LIMIT waits until operating_reset_at, at least 10 s", "[retry][bitrix24]") {
    const auto now = retry::wall_clock::time_point(seconds(1'800'000'000));
    auto e = b24_error("OPERATION_TIME_LIMIT", 429);
    CHECK(b24::operating_limit_delay(e, nullptr, now) == milliseconds(10'000));

    b24::time last;
    last.operating_reset_at = 1'800'000'120.0;
    CHECK(b24::operating_limit_delay(e, &last, now) == milliseconds(121'000));
    last.operating_reset_at = 1'800'000'003.0;  // soon: the 10 s floor
    CHECK(b24::operating_limit_delay(e, &last, now) == milliseconds(10'000));
    last.operating_reset_at = 1'799'999'000.0;  // already passed
    CHECK(b24::operating_limit_delay(e, &last, now) == milliseconds(10'000));

    // The error's own reset time wins over the last success's.
    e.reset_at = now + seconds(40);
    last.operating_reset_at = 1'800'000'120.0;
    CHECK(b24::operating_limit_delay(e, &last, now) == milliseconds(41'000));

    b24::retry_options o;
    b24::time far;
    far.operating_reset_at = 1'800'000'700.0;  // beyond max_operating_wait
    b24::retry_classifier c1(o, true, &far);
    CHECK(c1(b24_error("OPERATION_TIME_LIMIT", 429), state_at(0, now)).what == retry::decision::action::stop);
    b24::retry_classifier c2(o, true, &last);
    auto d = c2(b24_error("OPERATION_TIME_LIMIT", 429), state_at(0, now));
    CHECK(d.what == retry::decision::action::wait);
    CHECK(d.delay == milliseconds(121'000));
}

TEST_CASE("retry: bitrix24 expired_token calls the refresher once", "[retry][bitrix24]") {
    b24::retry_options o;
    int refreshes = 0;
    b24::retry_classifier c(o, false, nullptr, [&](const b24::error&) {
        ++refreshes;
        return true;
    });
    auto e = b24_error("expired_token", 401, "The access token provided has expired");
    CHECK(c(e, state_at(0)).what == retry::decision::action::refresh);
    CHECK(c(e, state_at(0)).what == retry::decision::action::stop);
    CHECK(c(b24_error("invalid_token", 401), state_at(0)).what == retry::decision::action::stop);
    CHECK(refreshes == 1);
    CHECK(c.refreshed());

    b24::retry_classifier no_refresher(o, false);
    CHECK(no_refresher(e, state_at(0)).what == retry::decision::action::stop);

    int failed = 0;
    b24::retry_classifier refusing(o, false, nullptr, [&](const b24::error&) {
        ++failed;
        return false;
    });
    CHECK(refusing(b24_error("invalid_token", 401), state_at(0)).what == retry::decision::action::stop);
    CHECK(failed == 1);
}

TEST_CASE("retry: bitrix24 non-retryable codes are never retried", "[retry][bitrix24]") {
    b24::retry_options o;
    b24::retry_classifier c(o, true);
    for (auto [code, status] : std::vector<std::pair<std::string, int>>{{"INTERNAL_SERVER_ERROR", 500},
                                                                         {"ERROR_UNEXPECTED_ANSWER", 500},
                                                                         {"OVERLOAD_LIMIT", 503},
                                                                         {"NO_AUTH_FOUND", 401},
                                                                         {"ACCESS_DENIED", 403},
                                                                         {"insufficient_scope", 403},
                                                                         {"PORTAL_DELETED", 500},
                                                                         {"ERROR_BATCH_LENGTH_EXCEEDED", 400},
                                                                         {"WRONG_REQUEST", 400},
                                                                         {"CHAT_ID_EMPTY", 400},
                                                                         {"METHOD_CONFIRM_WAITING", 401},
                                                                         {"SOMETHING_NEW", 400}}) {
        INFO(code);
        CHECK(c(b24_error(code, status), state_at(0)).what == retry::decision::action::stop);
    }
    CHECK(c(b24_error("", 400, "Wrong group ID"), state_at(0)).what == retry::decision::action::stop);
}

TEST_CASE("retry: bitrix24 network errors are retried for idempotent calls only", "[retry][bitrix24]") {
    b24::retry_options o;
    auto t = chatadmin::transport_error::make(chatadmin::transport_errc::timeout, "POST /rest/1/abcd…/x: timed out");
    CHECK(b24::retry_classifier(o, true)(t, state_at(0)).what == retry::decision::action::backoff);
    CHECK(b24::retry_classifier(o, false)(t, state_at(0)).what == retry::decision::action::stop);

    b24::error page;  // an HTML 502 from a proxy
    page.code = chatadmin::decode_errc::syntax_error;
    page.http_status = 502;
    CHECK(b24::retry_classifier(o, true)(page, state_at(0)).what == retry::decision::action::backoff);
    CHECK(b24::retry_classifier(o, false)(page, state_at(0)).what == retry::decision::action::stop);

    static_assert(b24::is_idempotent_v<b24::imbot::chat::set_manager>);
    static_assert(b24::is_idempotent_v<b24::sonet_group::user::update>);
    static_assert(b24::is_idempotent_v<b24::im::department::managers::get>);
    static_assert(!b24::is_idempotent_v<int>);
}

// ---- Green API ----

namespace {
ga::error ga_error(ga::errc code, int status) {
    ga::error e;
    e.code = code;
    e.http_status = status;
    return e;
}
} // namespace

TEST_CASE("retry: green api 429, 499 and 502 back off; Retry-After is honoured", "[retry][greenapi]") {
    ga::retry_options o;
    ga::retry_classifier c(o, false);
    CHECK(c(ga_error(ga::errc::too_many_requests, 429), state_at(0)).what == retry::decision::action::backoff);
    CHECK(c(ga_error(ga::errc::client_closed_request, 499), state_at(0)).what == retry::decision::action::backoff);
    CHECK(c(ga_error(ga::errc::bad_gateway, 502), state_at(0)).what == retry::decision::action::backoff);
    auto e = ga_error(ga::errc::too_many_requests, 429);
    e.retry_after = seconds(3);
    auto d = c(e, state_at(0));
    CHECK(d.what == retry::decision::action::wait);
    CHECK(d.delay == milliseconds(3000));
}

TEST_CASE("retry: green api validation, auth, quota and HTTP 200 failures are never retried", "[retry][greenapi]") {
    ga::retry_options o;
    ga::retry_classifier c(o, true);
    for (auto [code, status] : std::vector<std::pair<ga::errc, int>>{{ga::errc::validation_failed, 400},
                                                                      {ga::errc::unauthorized, 401},
                                                                      {ga::errc::unauthorized, 200},
                                                                      {ga::errc::forbidden, 403},
                                                                      {ga::errc::quota_exceeded, 466},
                                                                      {ga::errc::participant_not_found, 200},
                                                                      {ga::errc::failed_to_set_group_admin, 200},
                                                                      {ga::errc::instance_deleted, 400},
                                                                      {ga::errc::file_too_large, 500}}) {
        INFO(static_cast<int>(code));
        CHECK(c(ga_error(code, status), state_at(0)).what == retry::decision::action::stop);
    }
    auto t = chatadmin::transport_error::make(chatadmin::transport_errc::read, "reset");
    CHECK(ga::retry_classifier(o, true)(t, state_at(0)).what == retry::decision::action::backoff);
    CHECK(ga::retry_classifier(o, false)(t, state_at(0)).what == retry::decision::action::stop);
    CHECK(ga::retry_classifier(o, false)(ga_error(ga::errc::unknown, 503), state_at(0)).what == retry::decision::action::stop);
    CHECK(ga::retry_classifier(o, true)(ga_error(ga::errc::unknown, 503), state_at(0)).what == retry::decision::action::backoff);
}

// ---- Telegram ----

namespace {
tg::error tg_error(int code, std::string message) {
    return tg::error{tg::api_error::from(tg::rpc_error{code, std::move(message)})};
}
} // namespace

TEST_CASE("retry: telegram FLOOD_WAIT_X waits X seconds up to the cap", "[retry][telegram]") {
    tg::retry_options o;
    tg::retry_classifier c(o, false);
    auto d = c(tg_error(420, "FLOOD_WAIT_30"), 0, state_at(0));
    CHECK(d.what == retry::decision::action::wait);
    CHECK(d.delay == milliseconds(30'000));
    CHECK(d.reason == "FLOOD_WAIT");
    CHECK(c(tg_error(420, "FLOOD_WAIT_60"), 0, state_at(0)).delay == milliseconds(60'000));
    CHECK(c(tg_error(420, "FLOOD_WAIT_61"), 0, state_at(0)).what == retry::decision::action::stop);
    CHECK(c(tg_error(420, "FLOOD_WAIT_0"), 0, state_at(0)).delay == milliseconds(1000));
    auto s = c(tg_error(420, "SLOWMODE_WAIT_5"), 0, state_at(0));
    CHECK(s.delay == milliseconds(5000));
    CHECK(s.reason == "SLOWMODE_WAIT");

    o.flood_wait_cap = seconds(300);
    CHECK(c(tg_error(420, "FLOOD_WAIT_120"), 0, state_at(0)).delay == milliseconds(120'000));
}

TEST_CASE("retry: telegram rpc errors other than the waits are never retried", "[retry][telegram]") {
    tg::retry_options o;
    tg::retry_classifier c(o, true);
    for (auto [code, msg] : std::vector<std::pair<int, std::string>>{{400, "USER_CREATOR"},
                                                                      {400, "ADMINS_TOO_MUCH"},
                                                                      {403, "CHAT_ADMIN_REQUIRED"},
                                                                      {400, "CHANNEL_INVALID"},
                                                                      {500, "INTERNAL"},
                                                                      {420, "FLOOD_WAIT_X"},
                                                                      {406, "FRESH_CHANGE_ADMINS_FORBIDDEN"}}) {
        INFO(msg);
        CHECK(c(tg_error(code, msg), 0, state_at(0)).what == retry::decision::action::stop);
    }
    auto t = chatadmin::transport_error::make(chatadmin::transport_errc::connect, "refused");
    CHECK(tg::retry_classifier(o, true)(t, state_at(0)).what == retry::decision::action::backoff);
    CHECK(tg::retry_classifier(o, false)(t, state_at(0)).what == retry::decision::action::stop);
    static_assert(tg::is_idempotent_v<tg::channels::edit_admin>);
}

// Runs a Telegram call through the engine (up to 3 retries): attempt i fails with the 420
// rpc_error failures[i - 1] while there is one, then answers 42. Counts the attempts.
result<int, tg::error> run_telegram(fake_clock& clk, const std::vector<std::string>& failures, int& calls) {
    tg::retry_options o;
    o.policy = plain(3);
    tg::retry_classifier c(o, false);
    calls = 0;
    return retry::run(
        o.policy, clk.hooks(),
        [&](int attempt) -> result<int, tg::error> {
            ++calls;
            if (attempt <= static_cast<int>(failures.size())) return unexpected{tg_error(420, failures[attempt - 1])};
            return 42;
        },
        [&](const tg::error& e, const retry::attempt_state& s) { return c(e, 0, s); });
}

TEST_CASE("retry: telegram flood wait end to end with the engine", "[retry][telegram]") {
    fake_clock clk;
    int calls = 0;
    auto r = run_telegram(clk, {"FLOOD_WAIT_3", "FLOOD_WAIT_7"}, calls);
    REQUIRE(r);
    CHECK(*r == 42);
    CHECK(clk.sleeps == std::vector<long long>{3000, 7000});
    REQUIRE(clk.events.size() == 2);
    CHECK(clk.events[0].error == "rpc_error 420 FLOOD_WAIT_3");
}

TEST_CASE("retry: telegram FLOOD_PREMIUM_WAIT_X is waited out like FLOOD_WAIT_X, with the same cap", "[retry][telegram]") {
    tg::retry_options o;
    tg::retry_classifier c(o, false);
    auto d = c(tg_error(420, "FLOOD_PREMIUM_WAIT_30"), 0, state_at(0));
    CHECK(d.what == retry::decision::action::wait);
    CHECK(d.delay == milliseconds(30'000));
    CHECK(d.reason == "FLOOD_PREMIUM_WAIT");
    CHECK(c(tg_error(420, "FLOOD_PREMIUM_WAIT_60"), 0, state_at(0)).delay == milliseconds(60'000));
    CHECK(c(tg_error(420, "FLOOD_PREMIUM_WAIT_61"), 0, state_at(0)).what == retry::decision::action::stop);
    CHECK(c(tg_error(420, "FLOOD_PREMIUM_WAIT_0"), 0, state_at(0)).delay == milliseconds(1000));
    CHECK(c(tg_error(420, "FLOOD_PREMIUM_WAIT_X"), 0, state_at(0)).what == retry::decision::action::stop);

    fake_clock clk;
    int calls = 0;
    auto r = run_telegram(clk, {"FLOOD_PREMIUM_WAIT_30", "FLOOD_WAIT_2"}, calls);
    REQUIRE(r);
    CHECK(*r == 42);
    CHECK(calls == 3);
    CHECK(clk.sleeps == std::vector<long long>{30'000, 2000});
    REQUIRE(clk.events.size() == 2);
    CHECK(clk.events[0].error == "rpc_error 420 FLOOD_PREMIUM_WAIT_30");
}

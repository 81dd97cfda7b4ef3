#pragma once
// Bitrix24 helpers for the end-to-end tests: a client over a recording transport, the
// documented example calls, and the checks every outcome test shares.

#include <chatadmin/bitrix24.hpp>

#include "support.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace e2e::b24 {

namespace api = chatadmin::bitrix24;
using api::errc;
using set_manager = api::imbot::chat::set_manager;
using user_update = api::sonet_group::user::update;
using managers_get = api::im::department::managers::get;

inline api::auth webhook() { return api::auth::webhook(b24_webhook_user(), b24_webhook_code()); }
inline api::auth oauth() { return api::auth::oauth(b24_token()); }

/// A client that never retries (outcome tests see the first answer) over a recording transport.
struct session {
    recording_transport t;
    api::client<recording_transport&> c;

    explicit session(api::auth a = webhook(), const server_info& s = server(), api::client_options o = no_retry())
        : t(s), c(t, std::move(a), std::move(o)) {}

    static api::client_options no_retry() {
        api::client_options o;
        o.retry.policy = chatadmin::retry::policy::none();
        return o;
    }
};

// The documented example requests (seeds 000-002), as the golden request bodies have them.
inline set_manager example_set_manager() { return {.CHAT_ID = 2725, .USER_ID = 1269, .IS_MANAGER = true, .CLIENT_ID = b24_client_id()}; }
inline user_update example_user_update() { return {.GROUP_ID = 69, .USER_ID = {1271, 1272}, .ROLE = api::sonet_group::role::moderator}; }
inline managers_get example_managers_get() { return {.ID = {3, 7}, .USER_DATA = false}; }

/// The golden file of a documented error body in `dir` (a method or "system"): the
/// documented one, else the server-source variant; empty when there is none.
inline std::string golden_error_file(std::string_view dir, const api::documented_error& d, std::string_view name) {
    for (std::string_view suffix : {".json", ".source.json"}) {
        std::string rel = "bitrix24/" + std::string(dir) + "/error_" + std::to_string(d.http_status) + "_" + std::string(name) + std::string(suffix);
        if (std::filesystem::exists(std::string(CHATADMIN_GOLDEN_DIR) + "/" + rel)) return rel;
    }
    return {};
}

/// The failed call's typed error and raw answer: errc, HTTP status, and the body equal (as
/// JSON) to `golden` (a file under conformance/golden/), or to the table's body when empty.
template <class R>
void check_error(const R& r, const recording_transport& t, errc code, std::string golden = {}, int status = 0) {
    const api::documented_error d = api::documented(code);
    if (status == 0) status = d.http_status;
    REQUIRE_FALSE(r.has_value());
    INFO(r.error().to_string());
    CHECK(r.error().value() == code);
    CHECK(r.error().is_platform_error());
    CHECK(r.error().http_status == status);
    REQUIRE(t.last.has_value());
    CHECK(t.last->status == status);
    const std::string want = golden.empty() ? chatadmin::json::to_json(api::error_body{std::string(d.error), std::string(d.error_description)})
                                            : golden::read_body(golden);
    INFO("body: " << t.last->body << "\nwant: " << want);
    CHECK(json_equal(t.last->body, want));
}

/// The success body: `result` equal to the golden one, `time` of the same shape.
inline void check_success_body(const recording_transport& t, const std::string& golden_file) {
    REQUIRE(t.last.has_value());
    CHECK(t.last->status == 200);
    INFO("body: " << t.last->body);
    const auto got = boost::json::parse(t.last->body).as_object();
    const auto want = boost::json::parse(golden::read_body(golden_file)).as_object();
    CHECK(got.at("result") == want.at("result"));
    REQUIRE(got.contains("time"));
    CHECK(same_shape(got.at("time"), want.at("time")));
}

/// A documented error forced with X-Mock-Error: the error body of the table, compared with
/// the golden body of `dir` (the method's, or "system").
template <class Method>
void forced_error(const Method& call, errc code, std::string_view dir) {
    E2E_NEEDS_MOCK();
    session s;
    s.t.force_error(std::string(api::name(code)));
    auto r = s.c.call(call);
    const auto d = api::documented(code);
    check_error(r, s.t, code, golden_error_file(dir, d, d.error.empty() ? api::name(code) : d.error));
}

/// The method's own documented error list has `code`.
template <class Method>
bool documented_for(errc code) {
    for (const auto& d : Method::errors)
        if (d.code == code) return true;
    return false;
}

} // namespace e2e::b24

// One TEST_CASE per system error, forced with X-Mock-Error (those that arise from the
// world — NO_AUTH_FOUND, expired_token, INVALID_REQUEST — have their own tests).
#define E2E_B24_FORCED(NAME, CALL, CODE)                                                     \
    TEST_CASE(NAME " — " #CODE, "[method:" NAME "][outcome:" #CODE "][admin]") {               \
        ::e2e::b24::forced_error(CALL, ::e2e::b24::errc::CODE, "system");                    \
    }

#define E2E_B24_SYSTEM_ERRORS(NAME, CALL)                         \
    E2E_B24_FORCED(NAME, CALL, INTERNAL_SERVER_ERROR)             \
    E2E_B24_FORCED(NAME, CALL, ERROR_UNEXPECTED_ANSWER)           \
    E2E_B24_FORCED(NAME, CALL, QUERY_LIMIT_EXCEEDED)              \
    E2E_B24_FORCED(NAME, CALL, ERROR_BATCH_METHOD_NOT_ALLOWED)    \
    E2E_B24_FORCED(NAME, CALL, ERROR_BATCH_LENGTH_EXCEEDED)       \
    E2E_B24_FORCED(NAME, CALL, OVERLOAD_LIMIT)                    \
    E2E_B24_FORCED(NAME, CALL, ACCESS_DENIED)                     \
    E2E_B24_FORCED(NAME, CALL, INVALID_CREDENTIALS)               \
    E2E_B24_FORCED(NAME, CALL, ERROR_MANIFEST_IS_NOT_AVAILABLE)   \
    E2E_B24_FORCED(NAME, CALL, insufficient_scope)                \
    E2E_B24_FORCED(NAME, CALL, user_access_error)                 \
    E2E_B24_FORCED(NAME, CALL, PORTAL_DELETED)                    \
    E2E_B24_FORCED(NAME, CALL, OPERATION_TIME_LIMIT)              \
    E2E_B24_FORCED(NAME, CALL, invalid_token)                     \
    TEST_CASE(NAME " — NO_AUTH_FOUND", "[method:" NAME "][outcome:NO_AUTH_FOUND]") {                          \
        ::e2e::b24::session s(::chatadmin::bitrix24::auth::webhook(::e2e::b24_webhook_user(), "wrong-code"));    \
        ::e2e::b24::check_error(s.c.call(CALL), s.t, ::e2e::b24::errc::NO_AUTH_FOUND, "bitrix24/system/error_401_NO_AUTH_FOUND.json"); \
    }                                                                                                         \
    TEST_CASE(NAME " — expired_token", "[method:" NAME "][outcome:expired_token]") {                          \
        E2E_NEEDS_MOCK();                                                                                     \
        ::e2e::b24::session s(::chatadmin::bitrix24::auth::oauth("expiredtoken"));                            \
        ::e2e::b24::check_error(s.c.call(CALL), s.t, ::e2e::b24::errc::expired_token, "bitrix24/system/error_401_expired_token.json"); \
    }                                                                                                         \
    TEST_CASE(NAME " — INVALID_REQUEST", "[method:" NAME "][outcome:INVALID_REQUEST][admin]") {               \
        E2E_NEEDS_MOCK();                                                                                     \
        ::e2e::admin_api admin(::e2e::plain_server());                                                        \
        admin.reset();                                                                                        \
        admin.edit_world([](boost::json::object& w) { w["bitrix24"].as_object()["require_https"] = true; });  \
        ::e2e::b24::session s(::e2e::b24::webhook(), ::e2e::plain_server());                                  \
        ::e2e::b24::check_error(s.c.call(CALL), s.t, ::e2e::b24::errc::INVALID_REQUEST, "bitrix24/system/error_400_INVALID_REQUEST.json"); \
        admin.reset();                                                                                        \
    }

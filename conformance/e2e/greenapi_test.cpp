// Green API end to end: setGroupAdmin's documented outcomes in its three request forms, its
// five error ids and the common errors, through greenapi::client over HTTPS.

#include <chatadmin/greenapi.hpp>

#include "support.hpp"

#include <boost/describe/enum_to_string.hpp>

#include <filesystem>

namespace ga = chatadmin::greenapi;

namespace {

ga::instance mock_instance(const e2e::server_info& s = e2e::server()) {
    return {.api_url = s.url, .id_instance = e2e::greenapi_id_instance(), .api_token_instance = e2e::greenapi_token()};
}

struct session {
    e2e::recording_transport t;
    ga::client<e2e::recording_transport&> c;

    explicit session(ga::instance inst = mock_instance()) : t(e2e::server()), c(t, std::move(inst), no_retry()) {}

    static ga::client_options no_retry() {
        ga::client_options o;
        o.retry.policy = chatadmin::retry::policy::none();
        return o;
    }
};

// In the mock's default world: a WhatsApp group where the instance is an admin, one where it
// is not, and the same pair of Telegram groups (those of the documented Telegram example).
const ga::set_group_admin whatsapp_call{.chat_id = "120363043968066561@g.us", .participant_chat_id = "79001234567@c.us"};
const ga::set_group_admin telegram_call{.chat_id = "-10000000000000",
                                        .participant_chat_id = "10000000",
                                        .permissions = ga::admin_permissions{.can_change_info = true,
                                                                             .can_delete_messages = true,
                                                                             .can_restrict_members = true,
                                                                             .can_pin_messages = true,
                                                                             .can_promote_members = false,
                                                                             .is_anonymous = false},
                                        .form = ga::wire_form::telegram};
const ga::set_group_admin v3_call{.chat_id = "-10000000000000", .participant_chat_id = "10000000", .form = ga::wire_form::v3};

// The golden body of a common error: conformance/golden/greenapi/common/<enumerator>.{json,txt}.
std::string common_golden(ga::errc code) {
    const std::string name = boost::describe::enum_to_string(code, "unknown");
    for (const char* ext : {".json", ".txt"}) {
        std::string rel = "greenapi/common/" + name + ext;
        if (std::filesystem::exists(std::string(CHATADMIN_GOLDEN_DIR) + "/" + rel)) return rel;
    }
    return {};
}

template <class R>
void check_error(const R& r, const e2e::recording_transport& t, ga::errc code, const std::string& golden_file, int status = -1) {
    const auto& row = ga::info(code);
    if (status < 0) status = row.http_status;
    REQUIRE_FALSE(r.has_value());
    INFO(r.error().to_string());
    CHECK(r.error().value() == code);
    CHECK(r.error().http_status == status);
    CHECK(r.error().retryable() == row.retryable);
    REQUIRE(t.last.has_value());
    CHECK(t.last->status == status);
    if (golden_file.empty()) return;
    const std::string want = golden::read_body(golden_file);
    INFO("body: " << t.last->body << "\nwant: " << want);
    if (golden_file.ends_with(".json")) CHECK(e2e::json_equal(t.last->body, want));
    else CHECK(t.last->body == want);
}

void check_success(const e2e::recording_transport& t, const chatadmin::result<ga::set_group_admin_response, ga::call_error>& r) {
    REQUIRE(r.has_value());
    CHECK(r->set_group_admin);
    CHECK_FALSE(r->error.has_value());
    REQUIRE(t.last.has_value());
    CHECK(t.last->status == 200);
    CHECK(e2e::json_equal(t.last->body, golden::read_body("greenapi/set_group_admin/response_success.json")));
}

// A common error forced with X-Mock-Error (its error id), compared with its golden body.
void forced_common(ga::errc code) {
    E2E_NEEDS_MOCK();
    session s;
    s.t.force_error(std::string(ga::info(code).id));
    check_error(s.c.call(whatsapp_call), s.t, code, common_golden(code));
}

} // namespace

// ---- successes ----

TEST_CASE("setGroupAdmin — success (WhatsApp form)", "[method:setGroupAdmin][outcome:success]") {
    e2e::reset_world();
    session s;
    check_success(s.t, s.c.call(whatsapp_call));
}

TEST_CASE("setGroupAdmin — success (Telegram form, documented example)", "[method:setGroupAdmin][outcome:success (Telegram form)]") {
    e2e::reset_world();
    session s;
    auto r = s.c.call(telegram_call);
    REQUIRE_FALSE(s.t.requests.empty());
    CHECK(e2e::json_equal(s.t.requests.back().body, golden::read_body("greenapi/set_group_admin/request_telegram.json")));
    check_success(s.t, r);
}

TEST_CASE("setGroupAdmin — success (v3 form, documented example)", "[method:setGroupAdmin][outcome:success (v3 form)]") {
    e2e::reset_world();
    session s;
    auto r = s.c.call(v3_call);
    REQUIRE_FALSE(s.t.requests.empty());
    CHECK(s.t.requests.back().target.starts_with("/v3/waInstance"));
    CHECK(e2e::json_equal(s.t.requests.back().body, golden::read_body("greenapi/set_group_admin/request_v3.json")));
    check_success(s.t, r);
}

// ---- the method's error ids (HTTP 200) ----

TEST_CASE("setGroupAdmin — failed to set group admin", "[method:setGroupAdmin][outcome:failed to set group admin]") {
    session s;
    auto call = whatsapp_call;
    call.chat_id = "120363000000000002@g.us";  // the instance is not an admin there
    check_error(s.c.call(call), s.t, ga::errc::failed_to_set_group_admin, "greenapi/set_group_admin/error_failed_to_set_group_admin.json");
}

TEST_CASE("setGroupAdmin — participant not found", "[method:setGroupAdmin][outcome:participant not found]") {
    session s;
    auto call = whatsapp_call;
    call.participant_chat_id = "79009999999@c.us";
    check_error(s.c.call(call), s.t, ga::errc::participant_not_found, "greenapi/set_group_admin/error_participant_not_found.json");
}

TEST_CASE("setGroupAdmin — you have to be group admin to change settings",
          "[method:setGroupAdmin][outcome:you have to be group admin to change settings]") {
    session s;
    auto call = v3_call;
    call.chat_id = "-10000000000002";
    check_error(s.c.call(call), s.t, ga::errc::you_have_to_be_group_admin, "greenapi/set_group_admin/error_you_have_to_be_group_admin.json");
}

TEST_CASE("setGroupAdmin — no permission", "[method:setGroupAdmin][outcome:no permission][admin]") {
    E2E_NEEDS_MOCK();
    e2e::admin_api admin;
    admin.reset();
    admin.edit_world([](boost::json::object& w) {
        for (auto& g : w["greenapi"].as_object()["instances"].as_array()[0].as_object()["groups"].as_array())
            if (g.as_object()["id"] == "-10000000000000")
                for (auto& p : g.as_object()["participants"].as_array())
                    if (p.as_object()["id"] == "20000000") p.as_object()["can_promote"] = false;
    });
    session s;
    check_error(s.c.call(v3_call), s.t, ga::errc::no_permission, "greenapi/set_group_admin/error_no_permission.json");
    admin.reset();
}

TEST_CASE("setGroupAdmin — participant is not a group member", "[method:setGroupAdmin][outcome:participant is not a group member]") {
    session s;
    auto call = v3_call;
    call.participant_chat_id = "10000009";
    check_error(s.c.call(call), s.t, ga::errc::participant_is_not_a_group_member,
                "greenapi/set_group_admin/error_participant_is_not_a_group_member.json");
}

// ---- common errors ----

TEST_CASE("setGroupAdmin — 400 Validation failed", "[method:setGroupAdmin][outcome:400 Validation failed][admin]") {
    E2E_NEEDS_MOCK();
    session s;
    s.t.force_error("Validation failed");
    auto r = s.c.call(whatsapp_call);
    check_error(r, s.t, ga::errc::validation_failed, {});
    // The documented shape, with the token in `path` redacted by the server and by the client.
    const auto got = boost::json::parse(s.t.last->body);
    const auto want = boost::json::parse(golden::read_body(common_golden(ga::errc::validation_failed)));
    CHECK(e2e::same_shape(got, want));
    const std::string path(got.at("path").as_string());
    CHECK(path.find(e2e::greenapi_token()) == std::string::npos);
    REQUIRE(r.error().validation.has_value());
    CHECK(r.error().validation->message.starts_with("Validation failed"));
    CHECK(r.error().validation->path.find(e2e::greenapi_token()) == std::string::npos);
}

TEST_CASE("setGroupAdmin — 400 Unexpected token (malformed JSON)", "[method:setGroupAdmin][outcome:400 Unexpected token][admin]") {
    forced_common(ga::errc::malformed_json);
}
TEST_CASE("setGroupAdmin — 400 instance in starting process", "[method:setGroupAdmin][outcome:400 instance in starting process try later][admin]") {
    forced_common(ga::errc::instance_starting);
}
TEST_CASE("setGroupAdmin — 400 instance is starting or not authorized",
          "[method:setGroupAdmin][outcome:400 instance is starting or not authorized][admin]") {
    E2E_NEEDS_MOCK();
    e2e::admin_api admin;
    admin.reset();
    admin.edit_world([](boost::json::object& w) { w["greenapi"].as_object()["instances"].as_array()[0].as_object()["authorized"] = false; });
    session s;
    check_error(s.c.call(whatsapp_call), s.t, ga::errc::instance_not_authorized, common_golden(ga::errc::instance_not_authorized));
    admin.reset();
}
TEST_CASE("setGroupAdmin — 400 Instance account is expired", "[method:setGroupAdmin][outcome:400 Instance account is expired][admin]") {
    forced_common(ga::errc::instance_expired);
}
TEST_CASE("setGroupAdmin — 400 bad request data", "[method:setGroupAdmin][outcome:400 bad request data][admin]") {
    forced_common(ga::errc::bad_request_data);
}
TEST_CASE("setGroupAdmin — 400 Instance is deleted", "[method:setGroupAdmin][outcome:400 Instance is deleted][admin]") {
    forced_common(ga::errc::instance_deleted);
}

TEST_CASE("setGroupAdmin — 401 Unauthorized", "[method:setGroupAdmin][outcome:401 Unauthorized]") {
    auto inst = mock_instance();
    inst.api_token_instance = "wrongtoken0000000000000000000000000000000000000000";
    session s(inst);
    check_error(s.c.call(whatsapp_call), s.t, ga::errc::unauthorized, common_golden(ga::errc::unauthorized));
}

TEST_CASE("setGroupAdmin — 401 Unauthorized sent with HTTP 200", "[method:setGroupAdmin][outcome:401 Unauthorized with HTTP 200][admin]") {
    E2E_NEEDS_MOCK();
    e2e::admin_api admin;
    admin.reset();
    admin.edit_world([](boost::json::object& w) {
        w["greenapi"].as_object()["instances"].as_array()[0].as_object()["unauthorized_status"] = 200;
    });
    auto inst = mock_instance();
    inst.api_token_instance = "wrongtoken0000000000000000000000000000000000000000";
    session s(inst);
    check_error(s.c.call(whatsapp_call), s.t, ga::errc::unauthorized, common_golden(ga::errc::unauthorized), 200);
    session right;
    check_success(right.t, right.c.call(whatsapp_call));  // the right token is still answered as before
    admin.reset();
}

TEST_CASE("setGroupAdmin — 403 Forbidden", "[method:setGroupAdmin][outcome:403 Forbidden]") {
    auto inst = mock_instance();
    inst.id_instance = 1101999999;  // no such instance
    session s(inst);
    check_error(s.c.call(whatsapp_call), s.t, ga::errc::forbidden, common_golden(ga::errc::forbidden));
}

TEST_CASE("setGroupAdmin — 404 Not Found", "[method:setGroupAdmin][outcome:404 Not Found][admin]") { forced_common(ga::errc::not_found); }
TEST_CASE("setGroupAdmin — 429 Too Many Requests", "[method:setGroupAdmin][outcome:429 Too Many Requests][admin]") {
    forced_common(ga::errc::too_many_requests);
}
TEST_CASE("setGroupAdmin — 466 quota exceeded", "[method:setGroupAdmin][outcome:466 quota exceeded][admin]") {
    forced_common(ga::errc::quota_exceeded);
}
TEST_CASE("setGroupAdmin — 499 Client Closed Request", "[method:setGroupAdmin][outcome:499 Client Closed Request][admin]") {
    forced_common(ga::errc::client_closed_request);
}
TEST_CASE("setGroupAdmin — 500 File from url exceeded max upload size",
          "[method:setGroupAdmin][outcome:500 File from url exceeded max upload size][admin]") {
    forced_common(ga::errc::file_too_large);
}
TEST_CASE("setGroupAdmin — 502 Bad Gateway", "[method:setGroupAdmin][outcome:502 Bad Gateway][admin]") {
    forced_common(ga::errc::bad_gateway);
}

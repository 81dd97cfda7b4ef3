// Golden wire tests for the Bitrix24 bindings: every documented request and response body
// of the three method pages, and every documented error body, against the typed values.

#include <chatadmin/bitrix24.hpp>

#include "golden.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <variant>
#include <vector>

using namespace chatadmin;
namespace b24 = chatadmin::bitrix24;
using b24::errc;
using managers_get = b24::im::department::managers::get;
using set_manager = b24::imbot::chat::set_manager;
using user_update = b24::sonet_group::user::update;

namespace {

const b24::auth webhook_auth = b24::auth::webhook("**put_your_user_id_here**", "**put_your_webhook_here**");
const b24::auth oauth_auth = b24::auth::oauth("**put_access_token_here**");

std::string path(std::string_view method, std::string_view file) {
    return "bitrix24/" + std::string(method) + "/" + std::string(file);
}

// Golden bodies are read strictly: a key the types do not describe is a failure.
json::read_options strict() {
    json::read_options o;
    o.allow_unknown_members = false;
    return o;
}

http_response golden_response(int status, std::string_view method, std::string_view file) {
    return http_response{status, {{"Content-Type", "application/json; charset=utf-8"}}, golden::read_body(path(method, file))};
}

// `hook_call` is the webhook example, `app_call` the OAuth one.
template <class Method>
void check_request(const Method& hook_call, const Method& app_call, std::string_view dir) {
    auto hook = b24::make_request(hook_call, webhook_auth);
    CHECK(hook.method == "POST");
    CHECK(hook.target == "/rest/**put_your_user_id_here**/**put_your_webhook_here**/" + std::string(Method::method));
    CHECK(hook.header("Content-Type") == std::optional<std::string_view>("application/json"));
    CHECK(hook.header("Accept") == std::optional<std::string_view>("application/json"));
    CHECK(golden::json_equal(hook.body, golden::read_body(path(dir, "request_webhook.json"))));

    auto app = b24::make_request(app_call, oauth_auth);
    CHECK(app.target == "/rest/" + std::string(Method::method));
    CHECK(golden::json_equal(app.body, golden::read_body(path(dir, "request_oauth.json"))));

    // The other side: the documented bodies read back to the same request.
    auto hook_back = b24::decode_request<Method>(golden::read_body(path(dir, "request_webhook.json")));
    REQUIRE(hook_back.has_value());
    CHECK(json::to_json(*hook_back) == json::to_json(hook_call));
    auto app_back = b24::decode_request<Method>(golden::read_body(path(dir, "request_oauth.json")));
    REQUIRE(app_back.has_value());
    CHECK(json::to_json(*app_back) == json::to_json(app_call));
}

b24::time time_of(double start, double finish, double duration, double processing, std::string date, double reset) {
    return b24::time{start, finish, duration, processing, date, date, reset, 0};
}

} // namespace

TEST_CASE("bitrix24: golden requests for all three methods") {
    SECTION("imbot.chat.setManager") {
        // Webhook calls of imbot.* methods send CLIENT_ID; the OAuth example does not.
        check_request(set_manager{.CHAT_ID = 2725, .USER_ID = 1269, .IS_MANAGER = true, .CLIENT_ID = "**put_your_client_id_here**"},
                      set_manager{.CHAT_ID = 2725, .USER_ID = 1269, .IS_MANAGER = true}, set_manager::method);
        auto back = b24::decode_request<set_manager>(golden::read_body(path(set_manager::method, "request_webhook.json")));
        REQUIRE(back.has_value());
        CHECK(back->CHAT_ID == 2725);
        CHECK(back->USER_ID == 1269);
        CHECK(back->IS_MANAGER == true);
        CHECK(back->BOT_ID == std::nullopt);
        CHECK(back->CLIENT_ID == std::optional<std::string>("**put_your_client_id_here**"));
    }
    SECTION("sonet_group.user.update") {
        const user_update call{.GROUP_ID = 69, .USER_ID = {1271, 1272}, .ROLE = b24::sonet_group::role::moderator};
        check_request(call, call, user_update::method);
    }
    SECTION("im.department.managers.get") {
        const managers_get call{.ID = {3, 7}, .USER_DATA = true};
        check_request(call, call, managers_get::method);
    }
}

TEST_CASE("bitrix24: golden form bodies, byte for byte") {
    const set_manager sm{.CHAT_ID = 2725, .USER_ID = 1269, .IS_MANAGER = true};
    CHECK(b24::make_request(sm, webhook_auth, b24::body_format::form).body ==
          golden::read_body(path(set_manager::method, "request_form.txt")));
    CHECK(b24::make_request(sm, oauth_auth, b24::body_format::form).body ==
          golden::read_body(path(set_manager::method, "request_form_oauth.txt")));

    const user_update up{.GROUP_ID = 69, .USER_ID = {1271, 1272}, .ROLE = b24::sonet_group::role::moderator};
    CHECK(b24::make_request(up, webhook_auth, b24::body_format::form).body ==
          golden::read_body(path(user_update::method, "request_form.txt")));
    CHECK(b24::make_request(up, webhook_auth, b24::body_format::form, {.encode_brackets = true}).body ==
          golden::read_body(path(user_update::method, "request_form_encoded_brackets.txt")));

    auto form = b24::make_request(managers_get{.ID = {3, 7}, .USER_DATA = true}, webhook_auth, b24::body_format::form);
    CHECK(form.header("Content-Type") == std::optional<std::string_view>("application/x-www-form-urlencoded"));
    CHECK(form.body == golden::read_body(path(managers_get::method, "request_form.txt")));
    CHECK(b24::make_request(managers_get{.ID = b24::id_list({3, 7}, true), .USER_DATA = true}, webhook_auth,
                            b24::body_format::form)
              .body == golden::read_body(path(managers_get::method, "request_form_json_string.txt")));
}

TEST_CASE("bitrix24: golden form bodies read back to the same request") {
    auto same = [](auto call, std::string_view dir, std::string_view file) {
        using Method = decltype(call);
        INFO(file);
        auto back = b24::decode_request<Method>(golden::read_body(path(dir, file)), b24::body_format::form);
        REQUIRE(back.has_value());
        CHECK(json::to_json(*back) == json::to_json(call));
    };
    const set_manager sm{.CHAT_ID = 2725, .USER_ID = 1269, .IS_MANAGER = true};
    same(sm, set_manager::method, "request_form.txt");
    same(sm, set_manager::method, "request_form_oauth.txt");
    const user_update up{.GROUP_ID = 69, .USER_ID = {1271, 1272}, .ROLE = b24::sonet_group::role::moderator};
    same(up, user_update::method, "request_form.txt");
    same(up, user_update::method, "request_form_encoded_brackets.txt");
    same(managers_get{.ID = {3, 7}, .USER_DATA = true}, managers_get::method, "request_form.txt");
    same(managers_get{.ID = b24::id_list({3, 7}, true), .USER_DATA = true}, managers_get::method, "request_form_json_string.txt");
}

TEST_CASE("bitrix24: golden imbot.chat.setManager response") {
    auto resp = golden_response(200, set_manager::method, "response_200.json");
    auto r = b24::parse_envelope<set_manager>(resp, strict());
    REQUIRE(r.has_value());
    CHECK(r->result == true);
    CHECK(r->time == time_of(1772543706, 1772543706.871191, 0.8711910247802734, 0, "2026-03-03T16:15:06+01:00", 1772544306));
    CHECK(golden::json_equal(json::to_json(*r), resp.body));
    CHECK(b24::parse_response<set_manager>(resp).value() == true);
}

TEST_CASE("bitrix24: golden sonet_group.user.update response") {
    auto resp = golden_response(200, user_update::method, "response_200.json");
    auto r = b24::parse_envelope<user_update>(resp, strict());
    REQUIRE(r.has_value());
    CHECK(r->result == std::vector<std::int64_t>{1271, 1272});
    CHECK(r->time == time_of(1773810360, 1773810360.6451, 0.6451, 0.3112, "2026-03-18T08:46:00+02:00", 1773810960));
    // Written back in the server's form: ids as strings.
    b24::response<user_update::wire_result_type> wire{{1271, 1272}, r->time};
    CHECK(golden::json_equal(json::to_json(wire), resp.body));
}

TEST_CASE("bitrix24: golden im.department.managers.get responses, both USER_DATA forms") {
    using b24::im::department::managers::ids_by_department;
    using b24::im::department::managers::users_by_department;

    SECTION("USER_DATA = N") {
        auto resp = golden_response(200, managers_get::method, "response_200_user_data_n.json");
        auto r = b24::parse_envelope<managers_get>(resp, strict());
        REQUIRE(r.has_value());
        REQUIRE(std::holds_alternative<ids_by_department>(r->result));
        CHECK(std::get<ids_by_department>(r->result) == ids_by_department({{3, {13}}, {7, {103}}}));
        CHECK(r->time ==
              time_of(1772519172, 1772519172.208348, 0.20834803581237793, 0, "2026-03-03T09:26:12+01:00", 1772519772));
        CHECK(golden::json_equal(json::to_json(*r), resp.body));
        CHECK(b24::parse_response(managers_get{.ID = {3, 7}}, resp)->index() == 0);
    }
    SECTION("USER_DATA = Y") {
        auto resp = golden_response(200, managers_get::method, "response_200_user_data_y.json");
        auto r = b24::parse_envelope<managers_get>(resp, strict());
        REQUIRE(r.has_value());
        REQUIRE(std::holds_alternative<users_by_department>(r->result));
        const auto& deps = std::get<users_by_department>(r->result);

        b24::user john;
        john.id = 13;
        john.active = true;
        john.name = "John Smith";
        john.first_name = "John";
        john.last_name = "Smith";
        john.work_position = "Chief Accountant";
        john.color = "#728f7a";
        john.avatar = john.avatar_hr = "https://mysite.com/upload/avatars/john-smith.jpg";
        john.gender = "M";
        john.birthday = "10-09";
        john.external_auth_id = "socservices";
        john.status = "online";
        john.last_activity_date = "2024-02-19T00:40:41+01:00";
        john.departments = {9, 3};
        john.phones = b24::user_phones{.personal_mobile = "12134567890", .inner_phone = "55", .work_phone = {}, .personal_phone = {}};
        john.type = "user";
        john.email = "john.smith@mysite.com";

        b24::user anna;
        anna.id = 103;
        anna.active = true;
        anna.name = "Anna Johnson";
        anna.first_name = "Anna";
        anna.last_name = "Johnson";
        anna.work_position = "Head of Development Department";
        anna.color = "#4ba984";
        anna.avatar = anna.avatar_hr = "https://mysite.com/upload/avatars/anna-johnson.jpg";
        anna.gender = "F";
        anna.external_auth_id = "socservices";
        anna.status = "online";
        anna.last_activity_date = "2025-11-06T16:59:28+01:00";
        anna.departments = {1, 7};
        anna.type = "user";
        anna.email = "anna.johnson@mysite.com";

        CHECK(deps == users_by_department({{3, {john}}, {7, {anna}}}));
        CHECK_FALSE(deps.at(3)[0].idle.has_value());
        CHECK_FALSE(deps.at(7)[0].phones.has_value());
        CHECK_FALSE(deps.at(3)[0].bot_data.has_value());
        CHECK(r->time ==
              time_of(1772519165, 1772519165.292582, 0.29258203506469727, 0, "2026-03-03T09:26:05+01:00", 1772519765));
        CHECK(golden::json_equal(json::to_json(*r), resp.body));
        CHECK(b24::parse_response(managers_get{.ID = {3, 7}, .USER_DATA = true}, resp)->index() == 1);
    }
}

namespace {

struct error_case {
    std::string_view dir;
    std::string_view file;
    int status;
    errc code;
};

// Every documented error body: the page examples, the method tables, the system table,
// and the bodies the server source produces.
const error_case error_cases[] = {
    {"imbot.chat.setManager", "error_400_WRONG_REQUEST.json", 400, errc::WRONG_REQUEST},
    {"imbot.chat.setManager", "error_400_CHAT_ID_EMPTY.json", 400, errc::CHAT_ID_EMPTY},
    {"imbot.chat.setManager", "error_400_USER_ID_EMPTY.json", 400, errc::USER_ID_EMPTY},
    {"imbot.chat.setManager", "error_400_BOT_ID_ERROR.json", 400, errc::BOT_ID_ERROR},
    {"imbot.chat.setManager", "error_400_APP_ID_ERROR.json", 400, errc::APP_ID_ERROR},
    {"imbot.chat.setManager", "error_400_DIALOG_ID_EMPTY.source.json", 400, errc::DIALOG_ID_EMPTY},
    {"imbot.chat.setManager", "error_403_ACCESS_DENIED_client_id.source.json", 403, errc::ACCESS_DENIED},
    {"sonet_group.user.update", "error_400_incorrect_role_code.json", 400, errc::SONET_INCORRECT_ROLE_CODE},
    {"sonet_group.user.update", "error_400_wrong_group_id.json", 400, errc::SONET_WRONG_GROUP_ID},
    {"sonet_group.user.update", "error_400_no_permissions.json", 400, errc::SONET_NO_PERMISSIONS},
    {"sonet_group.user.update", "error_400_wrong_user_ids.json", 400, errc::SONET_WRONG_USER_IDS},
    {"sonet_group.user.update", "error_400_group_not_found.json", 400, errc::SONET_GROUP_NOT_FOUND},
    {"im.department.managers.get", "error_400_ID_EMPTY.json", 400, errc::ID_EMPTY},
    {"im.department.managers.get", "error_403_ACCESS_ERROR.json", 403, errc::ACCESS_ERROR},
    {"im.department.managers.get", "error_403_ACCESS_ERROR.source.json", 403, errc::ACCESS_ERROR},
    {"system", "error_500_INTERNAL_SERVER_ERROR.json", 500, errc::INTERNAL_SERVER_ERROR},
    {"system", "error_500_ERROR_UNEXPECTED_ANSWER.json", 500, errc::ERROR_UNEXPECTED_ANSWER},
    {"system", "error_503_QUERY_LIMIT_EXCEEDED.json", 503, errc::QUERY_LIMIT_EXCEEDED},
    {"system", "error_405_ERROR_BATCH_METHOD_NOT_ALLOWED.json", 405, errc::ERROR_BATCH_METHOD_NOT_ALLOWED},
    {"system", "error_400_ERROR_BATCH_LENGTH_EXCEEDED.json", 400, errc::ERROR_BATCH_LENGTH_EXCEEDED},
    {"system", "error_401_NO_AUTH_FOUND.json", 401, errc::NO_AUTH_FOUND},
    {"system", "error_400_INVALID_REQUEST.json", 400, errc::INVALID_REQUEST},
    {"system", "error_503_OVERLOAD_LIMIT.json", 503, errc::OVERLOAD_LIMIT},
    {"system", "error_403_ACCESS_DENIED.json", 403, errc::ACCESS_DENIED},
    {"system", "error_403_INVALID_CREDENTIALS.json", 403, errc::INVALID_CREDENTIALS},
    {"system", "error_404_ERROR_MANIFEST_IS_NOT_AVAILABLE.json", 404, errc::ERROR_MANIFEST_IS_NOT_AVAILABLE},
    {"system", "error_403_insufficient_scope.json", 403, errc::insufficient_scope},
    {"system", "error_401_expired_token.json", 401, errc::expired_token},
    {"system", "error_403_user_access_error.json", 403, errc::user_access_error},
    {"system", "error_500_PORTAL_DELETED.json", 500, errc::PORTAL_DELETED},
    {"system", "error_403_PORTAL_DELETED.source.json", 403, errc::PORTAL_DELETED},
    {"system", "error_404_ERROR_METHOD_NOT_FOUND.source.json", 404, errc::ERROR_METHOD_NOT_FOUND},
};

} // namespace

TEST_CASE("bitrix24: every documented error body decodes to its code, status and text") {
    for (const auto& c : error_cases) {
        INFO(c.dir << "/" << c.file);
        const std::string body = golden::read_body(path(c.dir, c.file));
        auto body_value = boost::json::parse(body).as_object();
        const std::string raw(body_value.at("error").as_string());
        const std::string text(body_value.at("error_description").as_string());

        http_response resp{c.status, {}, body};
        // The same body decodes the same whatever method was called.
        auto e1 = b24::parse_response<set_manager>(resp, strict());
        auto e2 = b24::parse_response<user_update>(resp, strict());
        auto e3 = b24::parse_response<managers_get>(resp, strict());
        REQUIRE_FALSE(e1.has_value());
        REQUIRE_FALSE(e2.has_value());
        REQUIRE_FALSE(e3.has_value());
        const b24::error& e = e1.error();
        CHECK(e.code == c.code);
        CHECK(e.value() == c.code);
        CHECK(e.raw_code == raw);
        CHECK(e.description == text);
        CHECK(e.http_status == c.status);
        CHECK(e2.error().code == c.code);
        CHECK(e3.error().code == c.code);
        CHECK(e.retryable() == (c.code == errc::QUERY_LIMIT_EXCEEDED));

        // The table (or its list of variants) holds this exact body and status, so the
        // mock can produce it.
        bool in_table = false;
        auto same = [&](const b24::documented_error& d) {
            return d.code == c.code && d.error == raw && d.error_description == text && d.http_status == c.status;
        };
        if (same(b24::documented(c.code))) in_table = true;
        for (const auto& v : b24::error_variants)
            if (same(v)) in_table = true;
        CHECK(in_table);
        b24::error_body written{raw, text};
        CHECK(golden::json_equal(json::to_json(written), body));
    }
}

TEST_CASE("bitrix24: each method lists its documented errors with the golden bodies") {
    auto has_golden = [](std::string_view dir, const b24::documented_error& d) {
        for (const auto& c : error_cases)
            if (c.dir == dir && c.code == d.code && c.status == d.http_status) {
                auto body = boost::json::parse(golden::read_body(path(c.dir, c.file))).as_object();
                if (body.at("error_description").as_string() == d.error_description && body.at("error").as_string() == d.error)
                    return true;
            }
        return false;
    };
    for (const auto& d : set_manager::errors) CHECK(has_golden(set_manager::method, d));
    for (const auto& d : user_update::errors) CHECK(has_golden(user_update::method, d));
    for (const auto& d : managers_get::errors) CHECK(has_golden(managers_get::method, d));
}

// Green API setGroupAdmin against the documented bodies in golden/greenapi/.

#include <chatadmin/greenapi.hpp>

#include <catch2/catch.hpp>
#include <golden.hpp>

#include <boost/describe/enum_to_string.hpp>

#include <string>

namespace ga = chatadmin::greenapi;
using chatadmin::http_response;

namespace {

const ga::instance test_instance{"https://7105.api.greenapi.com", 7105187566, "d75b3a66374942c5b3c019c698abc2067e151558acbd451234"};

std::string dir(std::string_view file) { return "greenapi/set_group_admin/" + std::string(file); }

http_response response(int status, std::string body) {
    http_response r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

ga::set_group_admin seed_request() {
    ga::admin_permissions p;
    p.can_change_info = true;
    p.can_delete_messages = true;
    p.can_restrict_members = true;
    p.can_pin_messages = true;
    p.can_promote_members = false;
    p.is_anonymous = false;
    return {"-10000000000000", "10000000", p, ga::wire_form::telegram};
}

struct request_case {
    const char* file;
    ga::set_group_admin request;
    const char* target;
};

const request_case request_cases[] = {
    {"request_telegram.json", seed_request(),
     "/waInstance7105187566/setGroupAdmin/d75b3a66374942c5b3c019c698abc2067e151558acbd451234"},
    {"request_telegram_no_permissions.json", {"-10000000000000", "10000000", std::nullopt, ga::wire_form::telegram},
     "/waInstance7105187566/setGroupAdmin/d75b3a66374942c5b3c019c698abc2067e151558acbd451234"},
    {"request_whatsapp.json",
     {"79876543210-1587570015@g.us", "79001234565@c.us", std::nullopt, ga::wire_form::whatsapp},
     "/waInstance7105187566/setGroupAdmin/d75b3a66374942c5b3c019c698abc2067e151558acbd451234"},
    {"request_v3.json", {"-10000000000000", "10000000", std::nullopt, ga::wire_form::v3},
     "/v3/waInstance7105187566/setGroupAdmin/d75b3a66374942c5b3c019c698abc2067e151558acbd451234"},
};

std::string common_file(ga::errc e) {
    const auto& row = ga::info(e);
    std::string name = boost::describe::enum_to_string(e, "?");
    return "greenapi/common/" + name + (row.content_type == ga::json_type ? ".json" : ".txt");
}

} // namespace

TEST_CASE("greenapi: each typed request encodes to its documented body", "[greenapi][golden]") {
    for (const auto& c : request_cases) {
        INFO(c.file);
        auto req = ga::make_request(c.request, test_instance);
        REQUIRE(req.has_value());
        const std::string expected = golden::read_body(dir(c.file));
        CHECK(golden::json_equal(req->body, expected));
        CHECK(req->method == "POST");
        CHECK(req->target == c.target);
        CHECK(req->header("Content-Type") == std::optional<std::string_view>("application/json"));
        CHECK(req->redacted_target.find(test_instance.api_token_instance) == std::string::npos);
        CHECK(req->redacted_target.find("/setGroupAdmin/d75b…") != std::string::npos);
    }
}

TEST_CASE("greenapi: each documented request body decodes to its typed value (server side)", "[greenapi][golden]") {
    for (const auto& c : request_cases) {
        INFO(c.file);
        auto parsed = ga::parse_request(golden::read_body(dir(c.file)), c.target);
        REQUIRE(parsed.has_value());
        CHECK(*parsed == c.request);
    }
    // The seed's body read strictly: every key is one the types describe.
    chatadmin::json::read_options strict;
    strict.allow_unknown_members = false;
    auto strict_read = chatadmin::json::from_json<ga::wire::set_group_admin_telegram>(
        golden::read_body(dir("request_telegram.json")), strict);
    REQUIRE(strict_read.has_value());
    CHECK(strict_read->permissions == seed_request().permissions);
}

TEST_CASE("greenapi: the documented success decodes to true", "[greenapi][golden]") {
    auto r = ga::parse_response(response(200, golden::read_body(dir("response_success.json"))));
    REQUIRE(r.has_value());
    CHECK(*r == ga::set_group_admin_response{true, std::nullopt});
    CHECK(golden::json_equal(chatadmin::json::to_json(ga::set_group_admin_response{true, std::nullopt}),
                             golden::read_body(dir("response_success.json"))));
}

TEST_CASE("greenapi: each documented setGroupAdmin error decodes to its enumerator", "[greenapi][golden]") {
    struct row {
        const char* file;
        ga::errc code;
        const char* id;
    };
    const row rows[] = {
        {"error_failed_to_set_group_admin.json", ga::errc::failed_to_set_group_admin, "failed to set group admin"},
        {"error_you_have_to_be_group_admin.json", ga::errc::you_have_to_be_group_admin,
         "you have to be group admin to change settings"},
        {"error_no_permission.json", ga::errc::no_permission, "no permission"},
        {"error_participant_is_not_a_group_member.json", ga::errc::participant_is_not_a_group_member,
         "participant is not a group member"},
        {"error_participant_not_found.json", ga::errc::participant_not_found, "participant not found"},
        {"error_participant_not_found_with_true.json", ga::errc::participant_not_found, "participant not found"},
    };
    for (const auto& r : rows) {
        INFO(r.file);
        const std::string body = golden::read_body(dir(r.file));
        auto res = ga::parse_response(response(200, body));
        REQUIRE_FALSE(res.has_value());
        CHECK(res.error().code == r.code);
        CHECK(res.error().value() == r.code);
        CHECK(res.error().http_status == 200);
        CHECK(res.error().id == r.id);
        CHECK_FALSE(res.error().retryable());
        // The table row a mock replays is the same body, and the typed value encodes to it.
        const auto& info = ga::info(r.code);
        CHECK(info.http_status == 200);
        CHECK(info.origin == ga::error_origin::method);
        if (std::string_view(r.file).find("with_true") == std::string_view::npos) {
            CHECK(golden::json_equal(info.body, body));
            CHECK(golden::json_equal(chatadmin::json::to_json(ga::set_group_admin_response{false, std::string(r.id)}), body));
        }
    }
}

TEST_CASE("greenapi: every documented common error body decodes to its enumerator", "[greenapi][golden]") {
    int checked = 0;
    for (const auto& row : ga::error_table) {
        if (row.origin != ga::error_origin::common || row.body.empty()) continue;
        INFO(boost::describe::enum_to_string(row.code, "?"));
        const std::string body = golden::read_body(common_file(row.code));
        // The table is what a mock replays: it must be the golden body (the validation row is a
        // template with {{idInstance}} / {{apiTokenInstance}} placeholders).
        if (row.code != ga::errc::validation_failed) {
            if (row.content_type == ga::json_type) CHECK(golden::json_equal(row.body, body));
            else CHECK(row.body == body);
        }
        auto res = ga::parse_response(response(row.http_status, body), test_instance);
        REQUIRE_FALSE(res.has_value());
        const auto& e = res.error();
        CHECK(e.code == row.code);
        CHECK(e.http_status == row.http_status);
        CHECK(e.retryable() == row.retryable);
        CHECK(e.to_string().find(test_instance.api_token_instance) == std::string::npos);
        // The table row itself, as replayed, decodes to the same enumerator.
        auto replayed = ga::parse_response(response(row.http_status, std::string(row.body)));
        REQUIRE_FALSE(replayed.has_value());
        CHECK(replayed.error().code == row.code);
        ++checked;
    }
    CHECK(checked == 15);

    // 429, 499 and 502 are the retryable ones.
    for (const auto& row : ga::error_table)
        CHECK(row.retryable == (row.http_status == 429 || row.http_status == 499 || row.http_status == 502));
}

TEST_CASE("greenapi: the older spellings of common errors decode too", "[greenapi][golden]") {
    auto legacy = ga::parse_response(response(400, golden::read_body("greenapi/common/instance_not_authorized_legacy.txt")));
    REQUIRE_FALSE(legacy.has_value());
    CHECK(legacy.error().code == ga::errc::instance_not_authorized);
    CHECK(legacy.error().id == "instance account not authorized");

    auto validation = ga::parse_response(response(400, golden::read_body("greenapi/common/validation_failed_legacy.json")));
    REQUIRE_FALSE(validation.has_value());
    CHECK(validation.error().code == ga::errc::validation_failed);
    CHECK(validation.error().id == "Validation failed");
    CHECK_FALSE(validation.error().validation.has_value());
}

TEST_CASE("greenapi: 401 sent with HTTP 200 is the 401 error", "[greenapi][golden]") {
    const std::string body = golden::read_body("greenapi/common/unauthorized.json");
    for (int status : {200, 401}) {
        auto r = ga::parse_response(response(status, body));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == ga::errc::unauthorized);
        CHECK(r.error().http_status == status);
        CHECK(r.error().id == "Unauthorized");
        CHECK_FALSE(r.error().retryable());
    }
    ga::failure_body typed;
    typed.code = 401;
    typed.description = "Unauthorized";
    CHECK(golden::json_equal(chatadmin::json::to_json(typed), body));
}

TEST_CASE("greenapi: the 400 validation body is decoded with the token redacted", "[greenapi][golden]") {
    const std::string body = golden::read_body("greenapi/common/validation_failed.json");
    const std::string token = "d75b3a66374942c5b3c019c698abc2067e151558acbd451234";
    REQUIRE(body.find(token) != std::string::npos);

    // Without knowing the token: the echoed path is recognised and masked.
    auto r = ga::parse_response(response(400, body));
    REQUIRE_FALSE(r.has_value());
    const auto& e = r.error();
    CHECK(e.code == ga::errc::validation_failed);
    CHECK(e.http_status == 400);
    REQUIRE(e.validation.has_value());
    CHECK(e.validation->status_code.value == 400);
    CHECK(e.validation->timestamp == ga::validation_body::timestamp_type{std::string("2026-01-15T10:00:00.000Z")});
    CHECK(e.validation->path == "/waInstance1101000001/setGroupAdmin/d75b…");
    CHECK(e.validation->message ==
          "Validation failed. Details: 'chatId' must be one of the next formats: 'phone_number@c.us', 'chat_id@lid' or "
          "'group_id@g.us'");
    CHECK(e.id == e.validation->message);
    CHECK(e.to_string().find(token) == std::string::npos);
    CHECK(e.to_string().find("Validation failed. Details: 'chatId'") != std::string::npos);

    // Encoding the typed body (with the path as the server sent it) gives the documented body.
    ga::validation_body typed = *e.validation;
    typed.path = "/waInstance1101000001/setGroupAdmin/" + token;
    CHECK(golden::json_equal(chatadmin::json::to_json(typed), body));
}

TEST_CASE("greenapi: the 466 quota body is decoded", "[greenapi][golden]") {
    const std::string body = golden::read_body("greenapi/common/quota_exceeded.json");
    auto r = ga::parse_response(response(466, body));
    REQUIRE_FALSE(r.has_value());
    const auto& e = r.error();
    CHECK(e.code == ga::errc::quota_exceeded);
    REQUIRE(e.quota.has_value());
    REQUIRE(e.quota->invoke_status.has_value());
    CHECK_FALSE(e.quota->correspondents_status.has_value());
    const ga::quota_status expected{"checkwhatsapp", 100, 100, "QUOTE_EXCEEDED",
                                    "Monthly quota has been exceeded. Please go to your personal account and change "
                                    "the tariff to business https://console.green-api.com"};
    CHECK(*e.quota->invoke_status == expected);
    CHECK(e.id == expected.description);
    CHECK(golden::json_equal(chatadmin::json::to_json(*e.quota), body));

    const std::string variant = golden::read_body("greenapi/common/quota_exceeded_correspondents.json");
    auto v = ga::parse_response(response(466, variant));
    REQUIRE_FALSE(v.has_value());
    REQUIRE(v.error().quota.has_value());
    REQUIRE(v.error().quota->correspondents_status.has_value());
    CHECK(v.error().quota->correspondents_status->status == "CORRESPONDENTS_QUOTE_EXCEEDED");
    CHECK(v.error().quota->correspondents_status->used.value == 3);
    CHECK(golden::json_equal(chatadmin::json::to_json(*v.error().quota), variant));
}

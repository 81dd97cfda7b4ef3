// Green API: URL building, redaction, chat id validation, bad responses, the error category.

#include <chatadmin/greenapi.hpp>

#include <catch2/catch.hpp>

#include <string>

namespace ga = chatadmin::greenapi;
using chatadmin::decode_errc;
using chatadmin::http_response;

namespace {

const std::string token = "d75b3a66374942c5b3c019c698abc2067e151558acbd451234";

ga::instance inst(std::string url = "https://7105.api.greenapi.com") { return {std::move(url), 7105187566, token}; }

http_response response(int status, std::string body, chatadmin::http_headers headers = {}) {
    http_response r;
    r.status = status;
    r.body = std::move(body);
    r.headers = std::move(headers);
    return r;
}

ga::error failure(int status, std::string body, chatadmin::http_headers headers = {}) {
    auto r = ga::parse_response(response(status, std::move(body), std::move(headers)));
    REQUIRE_FALSE(r.has_value());
    return r.error();
}

bool no_token(const ga::error& e) {
    return e.to_string().find(token) == std::string::npos && e.id.find(token) == std::string::npos &&
           e.detail.find(token) == std::string::npos;
}

} // namespace

TEST_CASE("greenapi: method URLs for each host form and the v3 prefix", "[greenapi][url]") {
    CHECK(ga::method_url(inst(), "setGroupAdmin") ==
          "https://7105.api.greenapi.com/waInstance7105187566/setGroupAdmin/" + token);
    CHECK(ga::method_url(inst("https://7105.api.greenapi.com/"), "setGroupAdmin") ==
          "https://7105.api.greenapi.com/waInstance7105187566/setGroupAdmin/" + token);
    CHECK(ga::method_url(inst(), "setGroupAdmin", true) ==
          "https://7105.api.greenapi.com/v3/waInstance7105187566/setGroupAdmin/" + token);
    // An apiUrl that already carries /v3 does not get a second one.
    CHECK(ga::method_target(inst("https://3100.api.green-api.com/v3"), "setGroupAdmin", true) ==
          "/v3/waInstance7105187566/setGroupAdmin/" + token);
    CHECK(ga::method_target(inst("http://localhost:8080/mock"), "setGroupAdmin") ==
          "/mock/waInstance7105187566/setGroupAdmin/" + token);
    CHECK(ga::origin(inst("http://localhost:8080/mock")) == "http://localhost:8080");
    CHECK(ga::origin(ga::instance{}) == "https://api.green-api.com");

    CHECK(ga::redacted_method_url(inst(), "setGroupAdmin") ==
          "https://7105.api.greenapi.com/waInstance7105187566/setGroupAdmin/d75b…");
    CHECK(ga::redacted_method_target(inst(), "setGroupAdmin", true) == "/v3/waInstance7105187566/setGroupAdmin/d75b…");
}

TEST_CASE("greenapi: unusable instances are refused before sending", "[greenapi][url]") {
    auto refused = [](ga::instance i) {
        auto e = ga::validate_instance(i);
        REQUIRE(e.has_value());
        CHECK(e->code == ga::errc::invalid_instance);
        CHECK(e->http_status == 0);
        CHECK_FALSE(e->detail.empty());
        auto r = ga::make_request({"1@g.us", "1@c.us", std::nullopt, ga::wire_form::whatsapp}, i);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == ga::errc::invalid_instance);
        return e->detail;
    };
    CHECK(refused({"ftp://x", 1, "t"}).find("apiUrl") != std::string::npos);
    CHECK(refused({"7105.api.greenapi.com", 1, "t"}).find("apiUrl") != std::string::npos);
    CHECK(refused({"https://", 1, "t"}).find("apiUrl") != std::string::npos);
    CHECK(refused({"https://h/?x=1", 1, "t"}).find("query") != std::string::npos);
    CHECK(refused({"https://h", 0, "t"}).find("idInstance") != std::string::npos);
    CHECK(refused({"https://h", 1, ""}).find("apiTokenInstance") != std::string::npos);
    auto detail = refused({"https://h", 1, "abc/def" + token});
    CHECK(detail.find("URL-safe") != std::string::npos);
    CHECK(detail.find(token) == std::string::npos);
    CHECK_FALSE(ga::validate_instance(inst()).has_value());
}

TEST_CASE("greenapi: tokens are redacted in echoed paths and known places", "[greenapi][redaction]") {
    CHECK(ga::redact_tokens("/waInstance1101000001/checkWhatsapp/" + token) == "/waInstance1101000001/checkWhatsapp/d75b…");
    CHECK(ga::redact_tokens("GET https://h/v3/waInstance1/setGroupAdmin/" + token + "?x=1 failed") ==
          "GET https://h/v3/waInstance1/setGroupAdmin/d75b…?x=1 failed");
    CHECK(ga::redact_tokens(R"({"path":"\/waInstance1\/setGroupAdmin\/)" + token + R"("})") ==
          R"({"path":"\/waInstance1\/setGroupAdmin\/d75b…"})");
    CHECK(ga::redact_tokens("<a href=\"/waInstance1/a/" + token + "\">x</a> and /waInstance2/b/" + token) ==
          "<a href=\"/waInstance1/a/d75b…\">x</a> and /waInstance2/b/d75b…");
    // Already redacted text stays as it is; short tokens disappear completely.
    CHECK(ga::redact_tokens("/waInstance1/a/d75b…") == "/waInstance1/a/d75b…");
    CHECK(ga::redact_tokens("/waInstance1/a/abc") == "/waInstance1/a/…");
    // Not the URL shape: left alone unless the token is known.
    CHECK(ga::redact_tokens("waInstance/x/y") == "waInstance/x/y");
    CHECK(ga::redact_tokens("token " + token + " leaked", token) == "token d75b… leaked");
}

TEST_CASE("greenapi: request targets parse back into their parts", "[greenapi][url]") {
    auto p = ga::parse_target("/waInstance7105187566/setGroupAdmin/" + token);
    REQUIRE(p.has_value());
    CHECK_FALSE(p->v3);
    CHECK(p->id_instance == 7105187566u);
    CHECK(p->method == "setGroupAdmin");
    CHECK(p->api_token_instance == token);

    auto v3 = ga::parse_target("/v3/waInstance3100000001/setGroupAdmin/abc?x=1");
    REQUIRE(v3.has_value());
    CHECK(v3->v3);
    CHECK(v3->api_token_instance == "abc");

    CHECK_FALSE(ga::parse_target("/waInstance/setGroupAdmin/abc").has_value());
    CHECK_FALSE(ga::parse_target("/waInstance12x/setGroupAdmin/abc").has_value());
    CHECK_FALSE(ga::parse_target("/waInstance12/setGroupAdmin").has_value());
    CHECK_FALSE(ga::parse_target("/waInstance12/setGroupAdmin/").has_value());
    CHECK_FALSE(ga::parse_target("/waInstance12/setGroupAdmin/a/b").has_value());
    CHECK_FALSE(ga::parse_target("/rest/1/abc/imbot.chat.setManager").has_value());
    CHECK_FALSE(ga::parse_target("/waInstance99999999999999999999999/m/t").has_value());
}

TEST_CASE("greenapi: chat id formats", "[greenapi][chat_id]") {
    using k = ga::chat_id_kind;
    CHECK(ga::classify_chat_id("79001234567@c.us") == k::personal);
    CHECK(ga::classify_chat_id("120363043968066561@g.us") == k::group);
    CHECK(ga::classify_chat_id("79876543210-1587570015@g.us") == k::group);
    CHECK(ga::classify_chat_id("123456789012345@lid") == k::lid);
    CHECK(ga::classify_chat_id("-10000000000000") == k::numeric);
    CHECK(ga::classify_chat_id("10000000") == k::numeric);
    for (const char* bad : {"", "@c.us", "+79001234567@c.us", "7900 1234567@c.us", "7900@s.whatsapp.net", "-", "--1",
                            "1-@g.us", "-1@g.us", "1-2-3@g.us", "abc@lid", "12a", "79001234567@C.US", "1.5"})
        CHECK_FALSE(ga::classify_chat_id(bad).has_value());
    static_assert(ga::classify_chat_id("1@c.us") == k::personal);
}

TEST_CASE("greenapi: ids are checked per wire form before sending", "[greenapi][chat_id]") {
    auto refused = [](ga::set_group_admin req) {
        auto r = ga::make_request(req, inst());
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == ga::errc::invalid_chat_id);
        CHECK(r.error().http_status == 0);
        CHECK_FALSE(r.error().retryable());
        return r.error().to_string();
    };
    using f = ga::wire_form;
    auto msg = refused({"79001234567@c.us", "79001234567@c.us", std::nullopt, f::whatsapp});
    CHECK(msg.find("groupId") != std::string::npos);
    CHECK(msg.find("personal id, not allowed here") != std::string::npos);
    CHECK(msg.find("'<digits>@g.us'") != std::string::npos);

    msg = refused({"120363043968066561@g.us", "+79001234567@c.us", std::nullopt, f::whatsapp});
    CHECK(msg.find("participantChatId: \"+79001234567@c.us\" is not a chat id") != std::string::npos);

    msg = refused({"120363043968066561@g.us", "", std::nullopt, f::whatsapp});
    CHECK(msg.find("participantChatId is empty") != std::string::npos);

    CHECK(refused({"-100", "10000000", std::nullopt, f::whatsapp}).find("groupId") != std::string::npos);
    CHECK(refused({"group", "10000000", std::nullopt, f::telegram}).find("chatId") != std::string::npos);
    CHECK(refused({"-100", "user", std::nullopt, f::v3}).find("participantChatId") != std::string::npos);
    CHECK(refused({"-100", "1@g.us", std::nullopt, f::telegram}).find("group id, not allowed") != std::string::npos);

    // Long ids are cut in the message.
    CHECK(refused({std::string(500, 'x'), "1", std::nullopt, f::v3}).size() < 300);

    // Accepted combinations.
    CHECK(ga::make_request({"120363043968066561@g.us", "123456789012345@lid", std::nullopt, f::whatsapp}, inst()));
    CHECK(ga::make_request({"-10000000000000", "10000000", std::nullopt, f::v3}, inst()));
    CHECK(ga::make_request({"-10000000000000", "79001234567@c.us", std::nullopt, f::telegram}, inst()));
}

TEST_CASE("greenapi: permissions only go in the telegram form", "[greenapi][request]") {
    ga::admin_permissions p;
    p.can_manage_chat = true;
    for (auto form : {ga::wire_form::whatsapp, ga::wire_form::v3}) {
        ga::set_group_admin req{form == ga::wire_form::whatsapp ? "1@g.us" : "-1", form == ga::wire_form::whatsapp ? "1@c.us" : "1", p, form};
        auto r = ga::make_request(req, inst());
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == ga::errc::invalid_request);
        CHECK(r.error().detail.find("permissions") != std::string::npos);
    }
    auto ok = ga::make_request({"-1", "1", p, ga::wire_form::telegram}, inst());
    REQUIRE(ok.has_value());
    CHECK(ok->body == R"({"chatId":"-1","participantChatId":"1","permissions":{"canManageChat":true}})");
}

TEST_CASE("greenapi: all fifteen permissions are camelCase on the wire and round-trip", "[greenapi][request]") {
    ga::admin_permissions p{true, false, true, false, true, false, true, false, true, false, true, false, true, false, true};
    const std::string json = chatadmin::json::to_json(p);
    CHECK(json ==
          R"({"canManageChat":true,"canChangeInfo":false,"canPostMessages":true,"canEditMessages":false,)"
          R"("canDeleteMessages":true,"canInviteUsers":false,"canRestrictMembers":true,"canPinMessages":false,)"
          R"("canManageTopics":true,"canPromoteMembers":false,"canManageVideoChats":true,"canPostStories":false,)"
          R"("canEditStories":true,"canDeleteStories":false,"isAnonymous":true})");
    auto back = chatadmin::json::from_json<ga::admin_permissions>(json);
    REQUIRE(back.has_value());
    CHECK(*back == p);
    CHECK(chatadmin::json::to_json(ga::admin_permissions{}) == "{}");

    auto bad = ga::parse_request(R"({"chatId":"-1","participantChatId":"1","permissions":{"canChangeInfo":"true"}})");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code == decode_errc::unexpected_type);
    CHECK(bad.error().path == "permissions.canChangeInfo");
}

TEST_CASE("greenapi: a server reads any of the three request forms", "[greenapi][request]") {
    auto wa = ga::parse_request(R"({"groupId":"1@g.us","participantChatId":"2@c.us"})");
    REQUIRE(wa.has_value());
    CHECK(wa->form == ga::wire_form::whatsapp);
    CHECK(wa->chat_id == "1@g.us");

    auto tg = ga::parse_request(R"({"chatId":"-1","participantChatId":"2","extra":[1,{"a":null}]})", "/waInstance1/setGroupAdmin/t");
    REQUIRE(tg.has_value());
    CHECK(tg->form == ga::wire_form::telegram);

    chatadmin::http_request req;
    req.target = "/v3/waInstance1/setGroupAdmin/t";
    req.body = R"({"chatId":"-1","participantChatId":"2"})";
    auto v3 = ga::parse_request(req);
    REQUIRE(v3.has_value());
    CHECK(v3->form == ga::wire_form::v3);

    auto both = ga::parse_request(R"({"groupId":"1@g.us","chatId":"1@g.us","participantChatId":"2@c.us"})");
    REQUIRE(both.has_value());
    CHECK(both->form == ga::wire_form::whatsapp);

    auto differ = ga::parse_request(R"({"groupId":"1@g.us","chatId":"2@g.us","participantChatId":"2@c.us"})");
    REQUIRE_FALSE(differ.has_value());
    CHECK(differ.error().code == decode_errc::invalid_value);

    auto neither = ga::parse_request(R"({"participantChatId":"2@c.us"})");
    REQUIRE_FALSE(neither.has_value());
    CHECK(neither.error().code == decode_errc::missing_member);
    CHECK(neither.error().to_string().find("groupId or chatId") != std::string::npos);

    auto no_participant = ga::parse_request(R"({"groupId":"1@g.us"})");
    REQUIRE_FALSE(no_participant.has_value());
    CHECK(no_participant.error().path == "participantChatId");

    CHECK_FALSE(ga::parse_request("").has_value());
    CHECK_FALSE(ga::parse_request("[]").has_value());
    CHECK_FALSE(ga::parse_request(R"({"groupId":1,"participantChatId":"2"})").has_value());
}

TEST_CASE("greenapi: non-JSON bodies keep the HTTP status and do not crash", "[greenapi][response]") {
    const std::string html = "<html><head><title>502 Bad Gateway</title></head><body><center>proxy</center></body></html>";
    auto e = failure(502, html);
    CHECK(e.code == ga::errc::bad_gateway);
    CHECK(e.http_status == 502);
    CHECK(e.retryable());
    CHECK(e.id.find("<html>") == 0);

    e = failure(502, "");
    CHECK(e.code == ga::errc::bad_gateway);
    CHECK(e.retryable());
    CHECK(e.detail == "empty body");

    e = failure(429, "Too Many Requests", {{"retry-after", "3"}});
    CHECK(e.code == ga::errc::too_many_requests);
    CHECK(e.retryable());
    REQUIRE(e.retry_after.has_value());
    CHECK(e.retry_after->count() == 3);
    CHECK(e.to_string() == "greenapi.too_many_requests (HTTP 429): Too Many Requests; retry after 3 s");

    e = failure(429, "", {{"Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"}});
    CHECK(e.code == ga::errc::too_many_requests);
    CHECK_FALSE(e.retry_after.has_value());

    e = failure(503, "<html>Service Unavailable</html>");
    CHECK(e.code == ga::errc::unknown);
    CHECK(e.retryable());

    e = failure(500, "Internal Server Error");
    CHECK(e.code == ga::errc::unknown);
    CHECK(e.id == "Internal Server Error");
    CHECK_FALSE(e.retryable());

    // A proxy page sent with 200 is a decode error that names what it got.
    e = failure(200, "<html><body>Please wait…</body></html>");
    CHECK(e.code == decode_errc::syntax_error);
    CHECK(e.http_status == 200);
    CHECK(e.detail.find("expected object") != std::string::npos);
    CHECK_FALSE(e.retryable());

    e = failure(200, "");
    CHECK(e.code == decode_errc::truncated);
    CHECK(e.to_string().find("HTTP 200") != std::string::npos);

    e = failure(204, "");
    CHECK(e.code == ga::errc::no_content);

    // A huge body is cut in the error.
    e = failure(502, std::string(100000, 'x'));
    CHECK(e.id.size() < 300);
    // Cut on a UTF-8 boundary.
    std::string cyr;
    for (int i = 0; i < 200; ++i) cyr += "ж";
    e = failure(400, cyr);
    CHECK(chatadmin::json::from_json<std::string>(chatadmin::json::to_json(e.id)).value() == e.id);
    CHECK(e.id.find("\xef\xbf\xbd") == std::string::npos);
}

TEST_CASE("greenapi: malformed or mistyped JSON is a decode error with a path", "[greenapi][response]") {
    auto e = failure(200, R"({"setGroupAdmin":tr)");
    CHECK(e.code.category() == chatadmin::decode_category());
    CHECK(e.http_status == 200);

    e = failure(200, R"({"setGroupAdmin":"true"})");
    CHECK(e.code == decode_errc::unexpected_type);
    CHECK(e.detail.find("setGroupAdmin: expected boolean, got string") != std::string::npos);

    e = failure(200, "{}");
    CHECK(e.code == decode_errc::missing_member);
    CHECK(e.detail.find("setGroupAdmin") != std::string::npos);

    e = failure(200, R"({"setGroupAdmin":true} {"setGroupAdmin":true})");
    CHECK(e.code == decode_errc::trailing_data);

    e = failure(200, R"({"setGroupAdmin":true,"error":{"code":1}})");
    CHECK(e.code == decode_errc::unexpected_type);

    e = failure(200, std::string(100000, '[') + std::string(100000, ']'));
    CHECK(e.code.category() == chatadmin::decode_category());

    e = failure(200, "{\"setGroupAdmin\":true,\"x\":" + std::string(1000, '[') + std::string(1000, ']') + "}");
    CHECK(e.code == decode_errc::too_deep);

    e = failure(200, "{\"error\":\"\xff\"}");
    CHECK(e.code == decode_errc::invalid_utf8);

    // Unknown keys next to the result are fine.
    auto ok = ga::parse_response(response(200, R"({"setGroupAdmin":true,"requestId":"x","nested":{"a":[1,2]}})"));
    REQUIRE(ok.has_value());
    CHECK(ok->set_group_admin);
    auto empty_error = ga::parse_response(response(200, R"({"setGroupAdmin":true,"error":""})"));
    REQUIRE(empty_error.has_value());
    CHECK_FALSE(empty_error->error.has_value());
}

TEST_CASE("greenapi: failures that arrive as HTTP 200", "[greenapi][response]") {
    auto e = failure(200, R"({"setGroupAdmin":false})");
    CHECK(e.code == ga::errc::unknown);
    CHECK(e.detail.find("no error id") != std::string::npos);

    e = failure(200, R"({"setGroupAdmin":false,"error":"chat is archived"})");
    CHECK(e.code == ga::errc::unknown);
    CHECK(e.id == "chat is archived");
    CHECK(e.to_string() == "greenapi.unknown (HTTP 200): chat is archived");

    e = failure(200, R"({"setGroupAdmin":true,"error":"no permission"})");
    CHECK(e.code == ga::errc::no_permission);

    e = failure(200, R"({"setGroupAdmin":false,"error":"Participant Not Found"})");
    CHECK(e.code == ga::errc::participant_not_found);
    CHECK(e.id == "Participant Not Found");

    e = failure(200, R"({"error":"participant not found"})");
    CHECK(e.code == ga::errc::participant_not_found);

    e = failure(418, R"({"foo":1})");
    CHECK(e.code == ga::errc::unknown);
    CHECK(e.http_status == 418);
    CHECK(e.id == R"({"foo":1})");
}

TEST_CASE("greenapi: common errors in other JSON shapes", "[greenapi][response]") {
    auto e = failure(400, R"({"message":"instance in starting process try later"})");
    CHECK(e.code == ga::errc::instance_starting);
    CHECK_FALSE(e.retryable());

    e = failure(400, R"({"statusCode":400,"message":"Unexpected token } in JSON at position 52","error":"Bad Request"})");
    CHECK(e.code == ga::errc::malformed_json);
    REQUIRE(e.validation.has_value());

    e = failure(400, R"({"statusCode":"400","timestamp":1768471200000,"path":"/waInstance1/setGroupAdmin/)" + token +
                         R"(","message":"Validation failed. Details: 'participantChatId' is required"})");
    CHECK(e.code == ga::errc::validation_failed);
    REQUIRE(e.validation.has_value());
    CHECK(e.validation->status_code.value == 400);
    CHECK(e.validation->timestamp == ga::validation_body::timestamp_type{std::int64_t{1768471200000}});
    CHECK(e.validation->path == "/waInstance1/setGroupAdmin/d75b…");
    CHECK(no_token(e));

    e = failure(400, R"({"statusCode":400,"message":"something new"})");
    CHECK(e.code == ga::errc::unknown);
    CHECK(e.id == "something new");

    e = failure(401, R"({"code":401})");
    CHECK(e.code == ga::errc::unauthorized);

    e = failure(200, R"({"code":"403","description":"Forbidden"})");
    CHECK(e.code == ga::errc::forbidden);

    e = failure(466, R"({"invokeStatus":{"method":"m","used":"5","total":"5","status":"QUOTE_EXCEEDED"}})");
    CHECK(e.code == ga::errc::quota_exceeded);
    REQUIRE(e.quota.has_value());
    CHECK(e.quota->invoke_status->used.value == 5);

    e = failure(466, R"({"invokeStatus":{"used":5}})");
    CHECK(e.code == ga::errc::quota_exceeded);
    CHECK(e.detail.find("status") != std::string::npos);
}

TEST_CASE("greenapi: the token never leaks through an error", "[greenapi][redaction]") {
    const std::string echoed = "<html>POST /waInstance7105187566/setGroupAdmin/" + token + " failed</html>";
    auto e = failure(502, echoed);
    CHECK(no_token(e));
    CHECK(e.id.find("/setGroupAdmin/d75b…") != std::string::npos);

    // Anywhere in the body, when the caller hands over the instance.
    auto r = ga::parse_response(response(500, "token=" + token), inst());
    REQUIRE_FALSE(r.has_value());
    CHECK(no_token(r.error()));
    r = ga::parse_response(response(200, "{\"setGroupAdmin\":tr " + token), inst());
    REQUIRE_FALSE(r.has_value());
    CHECK(no_token(r.error()));
    r = ga::parse_response(response(200, R"({"setGroupAdmin":false,"error":"bad token )" + token + "\"}"), inst());
    REQUIRE_FALSE(r.has_value());
    CHECK(no_token(r.error()));

    // And a thrown result carries the redacted text.
    try {
        (void)ga::parse_response(response(502, echoed)).value();
        FAIL("value() should throw");
    } catch (const chatadmin::bad_result_access& ex) {
        CHECK(std::string(ex.what()).find(token) == std::string::npos);
        CHECK(std::string(ex.what()).find("bad_gateway") != std::string::npos);
    }
}

TEST_CASE("greenapi: the error category and table", "[greenapi][errors]") {
    std::error_code ec = ga::errc::participant_not_found;
    CHECK(ec);
    CHECK(std::string(ec.category().name()) == "chatadmin.greenapi");
    CHECK(ec.message() == "participant not found: wrong chatId (Telegram); the number is not a participant of the group (WhatsApp)");
    CHECK(ec == ga::errc::participant_not_found);
    CHECK(ec != ga::errc::no_permission);
    CHECK(ec != decode_errc::invalid_value);
    CHECK(std::error_code(ga::errc::unknown));
    CHECK(std::error_code(ga::errc::unknown).message() == "an error id this library does not know");
    CHECK(ga::errc_category().message(999) == "unknown greenapi error");
    CHECK(ga::errc_category().message(0) == "unknown greenapi error");

    for (const auto& row : ga::error_table) {
        CHECK(&ga::info(row.code) == &row);
        CHECK_FALSE(row.meaning.empty());
        if (row.origin == ga::error_origin::method || row.origin == ga::error_origin::common) {
            CHECK_FALSE(row.id.empty());
            CHECK(ga::errc_from_id(row.id) == row.code);
            if (!row.alt_id.empty()) CHECK(ga::errc_from_id(row.alt_id) == row.code);
            CHECK(row.http_status != 0);
        } else {
            CHECK(row.http_status == 0);
            CHECK(row.body.empty());
        }
    }
    CHECK(ga::errc_from_id("  participant not found\n") == ga::errc::participant_not_found);
    CHECK(ga::errc_from_id("Validation failed. Details: 'x' is required") == ga::errc::validation_failed);
    CHECK(ga::errc_from_id("Bad Request") == ga::errc::validation_failed);
    CHECK(ga::errc_from_id("participant not found!") == ga::errc::unknown);
    CHECK(ga::errc_from_id("") == ga::errc::unknown);
    static_assert(ga::errc_from_id("no permission") == ga::errc::no_permission);

    ga::error plain;
    plain.code = decode_errc::syntax_error;
    plain.http_status = 499;
    CHECK(plain.retryable());
    CHECK(plain.value() == ga::errc::unknown);
    CHECK(plain.to_string().find("chatadmin.decode: syntax error (HTTP 499)") == 0);
}

// Unit tests for the Bitrix24 bindings: bad responses, leniency, the error category and
// table, retry hints, request building and redaction.

#include <chatadmin/bitrix24.hpp>

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <chrono>
#include <random>
#include <string>
#include <variant>
#include <vector>

using namespace chatadmin;
namespace b24 = chatadmin::bitrix24;
using b24::errc;
using managers_get = b24::im::department::managers::get;
using set_manager = b24::imbot::chat::set_manager;
using user_update = b24::sonet_group::user::update;
using b24::im::department::managers::ids_by_department;
using b24::im::department::managers::users_by_department;

namespace {

const char* const users_body =
    R"({"result":{"3":[{"id":13,"active":true,"name":"John Smith","work_position":null,"idle":false,)"
    R"("last_activity_date":"2024-02-19T00:40:41+01:00","departments":[9,3],)"
    R"("phones":{"personal_mobile":"12134567890","inner_phone":"55"},"bot_data":null}]},)"
    R"("time":{"start":1772519165,"finish":1772519165.292582,"operating_reset_at":1772519765,"operating":0}})";

template <class Method>
b24::error fail(int status, std::string body, http_headers headers = {}) {
    auto r = b24::parse_response<Method>(http_response{status, std::move(headers), std::move(body)});
    REQUIRE_FALSE(r.has_value());
    return r.error();
}

} // namespace

TEST_CASE("bitrix24: an HTML page from a proxy is a clear error that keeps the status") {
    auto e = fail<set_manager>(502, "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>nginx</body></html>",
                               {{"Content-Type", "text/html"}});
    CHECK(e.code == decode_errc::syntax_error);
    CHECK_FALSE(e.is_platform_error());
    CHECK(e.http_status == 502);
    CHECK(e.value() == errc::unknown);
    CHECK(e.to_string() == "HTTP 502: body is not JSON (Content-Type: text/html; title: 502 Bad Gateway)");
    CHECK(e.retryable());

    auto plain = fail<set_manager>(500, "Internal Server Error");
    CHECK(plain.to_string() == "HTTP 500: body is not JSON");
    CHECK_FALSE(plain.retryable());

    auto moved = fail<set_manager>(302, "<a href=\"https://new.example/rest/\">Found</a>");
    CHECK(moved.description.find("redirect") != std::string::npos);
}

TEST_CASE("bitrix24: empty, garbage, truncated and trailing bodies are decode errors") {
    CHECK(fail<set_manager>(500, "").code == decode_errc::truncated);
    CHECK(fail<set_manager>(200, "   ").http_status == 200);
    CHECK(fail<set_manager>(200, "{\"result\":tru").code == decode_errc::truncated);
    CHECK(fail<set_manager>(200, "{\"result\":true").code == decode_errc::truncated);
    CHECK(fail<set_manager>(200, "{\"result\":true} x").code == decode_errc::trailing_data);
    CHECK(fail<set_manager>(200, "{\"result\":true,}").code == decode_errc::syntax_error);
    CHECK(fail<set_manager>(200, "nul").code == decode_errc::truncated);
    CHECK(fail<set_manager>(200, "[]").code == decode_errc::unexpected_type);
    CHECK(fail<set_manager>(200, std::string(200000, '[')).code == decode_errc::unexpected_type);
    CHECK(fail<set_manager>(200, "{\"result\":true,\"extra\":" + std::string(200000, '[')).code == decode_errc::too_deep);
    CHECK(fail<set_manager>(200, "{\"result\":true,\"time\":{\"date_start\":\"\xff\"}}").code == decode_errc::invalid_utf8);
}

TEST_CASE("bitrix24: wrong types are decode errors naming the path") {
    auto e = fail<set_manager>(200, R"({"result":"yes","time":{}})");
    CHECK(e.code == decode_errc::unexpected_type);
    CHECK(e.decode.path == "result");
    CHECK(e.to_string() == "HTTP 200: cannot decode the response: result: expected boolean, got string");

    auto phones = fail<managers_get>(200, R"({"result":{"3":[{"id":13,"phones":"12134567890"}]}})");
    CHECK(phones.decode.path == "result.3[0].phones");
    CHECK(phones.decode.to_string() == "result.3[0].phones: expected object or false, got string");

    CHECK(fail<user_update>(200, R"({"result":["1271","x"]})").decode.path == "result[1]");
    CHECK(fail<user_update>(200, R"({"result":{"a":1}})").decode.path == "result");
    CHECK(fail<managers_get>(200, R"({"result":{"abc":[1]}})").code == decode_errc::unexpected_type);
    CHECK(fail<managers_get>(200, R"({"result":[1,2]})").code == decode_errc::unexpected_type);
    CHECK(fail<set_manager>(200, R"({"result":true,"time":{"start":"soon"}})").decode.path == "time.start");
    CHECK(fail<set_manager>(400, R"({"error":5,"error_description":"x"})").decode.path == "error");
}

TEST_CASE("bitrix24: a body with neither result nor error is a missing-result error") {
    auto e = fail<set_manager>(200, R"({"time":{"start":1}})");
    CHECK(e.code == decode_errc::missing_member);
    CHECK(e.decode.path == "result");
    CHECK(fail<set_manager>(200, "{}").code == decode_errc::missing_member);
    CHECK(fail<set_manager>(200, R"({"result":null})").code == decode_errc::missing_member);
}

TEST_CASE("bitrix24: every prefix and many mutations of a valid body decode without crashing") {
    const std::string body = users_body;
    for (std::size_t n = 0; n < body.size(); ++n) {
        auto r = b24::parse_response<managers_get>(http_response{200, {}, body.substr(0, n)});
        CHECK_FALSE(r.has_value());
        CHECK_FALSE(r.error().is_platform_error());
    }
    REQUIRE(b24::parse_response<managers_get>(http_response{200, {}, body}).has_value());

    std::mt19937 rng(1234);
    const std::string alphabet = "{}[]\",:0123456789-.eEtruefalsnl \\/u\x80\xff";
    for (int i = 0; i < 5000; ++i) {
        std::string m = body;
        for (int k = 0; k < 3; ++k) m[rng() % m.size()] = alphabet[rng() % alphabet.size()];
        auto r = b24::parse_response<managers_get>(http_response{200, {}, m});
        if (!r) CHECK_FALSE(r.error().to_string().empty());
    }
}

TEST_CASE("bitrix24: lenient reading of results") {
    SECTION("an empty managers result that arrives as [] is empty") {
        http_response resp{200, {}, R"({"result":[],"time":{"start":1}})"};
        auto ids = b24::parse_response<managers_get>(resp);
        REQUIRE(ids.has_value());
        CHECK(std::get<ids_by_department>(*ids).empty());
        auto users = b24::parse_response(managers_get{.ID = {3}, .USER_DATA = true}, resp);
        REQUIRE(users.has_value());
        REQUIRE(std::holds_alternative<users_by_department>(*users));
        CHECK(std::get<users_by_department>(*users).empty());
        CHECK(json::to_json(b24::response<managers_get::result_type>{}) ==
              R"({"result":[],"time":{"start":0,"finish":0,"duration":0,"processing":0,"date_start":"","date_finish":""}})");
    }
    SECTION("ids as strings or numbers, several managers per department") {
        auto r = b24::parse_response<managers_get>(http_response{200, {}, R"({"result":{"3":["13",14],"7":[]}})"});
        REQUIRE(r.has_value());
        CHECK(std::get<ids_by_department>(*r) == ids_by_department({{3, {13, 14}}, {7, {}}}));
        auto u = b24::parse_response<user_update>(http_response{200, {}, R"({"result":[1271,"1272"]})"});
        CHECK(u.value() == std::vector<std::int64_t>{1271, 1272});
        CHECK(b24::parse_response<user_update>(http_response{200, {}, R"({"result":[]})"}).value().empty());
    }
    SECTION("user objects from older and newer servers") {
        auto r = b24::parse_response<managers_get>(http_response{
            200, {}, R"({"result":{"3":[{"id":"13","work_position":false,"last_activity_date":false,"new_field":{"x":[1]},)"
                     R"("bot_data":{"code":"bot","type":"H"}}]}})"});
        REQUIRE(r.has_value());
        const auto& u = std::get<users_by_department>(*r).at(3).at(0);
        CHECK(u.id == 13);
        CHECK_FALSE(u.work_position.has_value());
        CHECK_FALSE(u.last_activity_date.has_value());
        REQUIRE(u.bot_data.has_value());
        CHECK(u.bot_data->text == R"({"code":"bot","type":"H"})");
        CHECK(json::to_json(u).find(R"("bot_data":{"code":"bot","type":"H"})") != std::string::npos);

        auto full = b24::parse_envelope<managers_get>(http_response{200, {}, users_body});
        REQUIRE(full.has_value());
        const auto& john = std::get<users_by_department>(full->result).at(3).at(0);
        CHECK(john.phones->inner_phone == std::optional<std::string>("55"));
        CHECK(john.last_activity_date.value() == "2024-02-19T00:40:41+01:00");
        CHECK(full->time.operating == std::optional<double>(0));
    }
    SECTION("time: every field may be missing; operating fields are optional") {
        auto r = b24::parse_envelope<set_manager>(http_response{200, {}, R"({"result":true})"});
        REQUIRE(r.has_value());
        CHECK(r->time == b24::time{});
        CHECK_FALSE(r->time.reset_at().has_value());
        auto t = b24::parse_envelope<set_manager>(http_response{200, {}, R"({"result":true,"time":{"operating_reset_at":1772544306.5}})"});
        REQUIRE(t.has_value());
        CHECK(t->time.reset_at() == std::chrono::system_clock::time_point(std::chrono::milliseconds(1772544306500)));
        CHECK(json::to_json(t->time).find("operating") != std::string::npos);
        CHECK(json::to_json(b24::time{}).find("operating") == std::string::npos);
    }
    SECTION("list methods' next and total, and extra error keys, are ignored") {
        CHECK(b24::parse_response<set_manager>(http_response{200, {}, R"({"result":true,"next":50,"total":2})"}).value());
        auto e = fail<set_manager>(400, R"({"error":"ERROR_ARGUMENT","error_description":"bad","argument":"CHAT_ID"})");
        CHECK(e.code == errc::ERROR_ARGUMENT);
    }
}

TEST_CASE("bitrix24: unknown codes are kept; codes match case-sensitively") {
    auto e = fail<set_manager>(418, R"({"error":"SOMETHING_NEW","error_description":"New thing"})");
    CHECK(e.code == errc::unknown);
    CHECK(e.is_platform_error());
    CHECK(e.raw_code == "SOMETHING_NEW");
    CHECK(e.to_string() == "SOMETHING_NEW (HTTP 418): New thing");
    CHECK_FALSE(e.retryable());

    auto upper = fail<set_manager>(401, R"({"error":"EXPIRED_TOKEN","error_description":"x"})");
    CHECK(upper.code == errc::unknown);
    CHECK_FALSE(upper.token_expired());
    CHECK(fail<set_manager>(401, R"({"error":"expired_token","error_description":"x"})").token_expired());
    CHECK(fail<set_manager>(401, R"({"error":"invalid_token","error_description":"x"})").token_expired());

    auto empty = fail<user_update>(400, R"({"error":"","error_description":"Something else"})");
    CHECK(empty.code == errc::unknown);
    CHECK(empty.raw_code.empty());
    CHECK(empty.to_string() == "unknown (HTTP 400, empty error code): Something else");

    auto no_text = fail<set_manager>(400, R"({"error":"CHAT_ID_EMPTY"})");
    CHECK(no_text.code == errc::CHAT_ID_EMPTY);
    CHECK(no_text.description.empty());
    // A 200 with an error body is still an error.
    CHECK(fail<set_manager>(200, R"({"error":"ACCESS_DENIED","error_description":"Access denied!"})").code == errc::ACCESS_DENIED);
}

TEST_CASE("bitrix24: sonet errors are keyed by their exact description, also under older codes") {
    CHECK(b24::classify("", "Wrong group ID") == errc::SONET_WRONG_GROUP_ID);
    CHECK(b24::classify("", "wrong group id") == errc::unknown);
    CHECK(b24::classify("ERROR_CORE", "Socialnetwork group not found") == errc::SONET_GROUP_NOT_FOUND);
    CHECK(b24::classify("ERROR_ARGUMENT", "Incorrect role code") == errc::SONET_INCORRECT_ROLE_CODE);
    CHECK(b24::classify("ERROR_CORE", "Something") == errc::ERROR_CORE);
    auto e = fail<user_update>(400, R"({"error":"ERROR_CORE","error_description":"Wrong user IDs"})");
    CHECK(e.code == errc::SONET_WRONG_USER_IDS);
    CHECK(e.raw_code == "ERROR_CORE");
    CHECK(e.to_string() == "SONET_WRONG_USER_IDS [ERROR_CORE] (HTTP 400): Wrong user IDs");
    CHECK(fail<user_update>(400, R"({"error":"","error_description":"Incorrect role code"})").to_string() ==
          "SONET_INCORRECT_ROLE_CODE (HTTP 400, empty error code): Incorrect role code");
}

TEST_CASE("bitrix24: the error category and the table cover every code") {
    CHECK(std::string(b24::error_category().name()) == "chatadmin.bitrix24");
    std::error_code ec = errc::QUERY_LIMIT_EXCEEDED;
    CHECK(ec.category() == b24::error_category());
    CHECK(ec == errc::QUERY_LIMIT_EXCEEDED);
    CHECK(ec != decode_errc::syntax_error);
    CHECK(ec.message() == "The request intensity limit has been exceeded");
    CHECK(std::error_code(errc::unknown).message() == "unknown Bitrix24 error code");

    std::size_t count = 0;
    std::vector<std::string_view> wire;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<errc>>([&](auto D) {
        ++count;
        if (D.value == errc::unknown) return;
        const b24::error_info* p = b24::info(D.value);
        REQUIRE(p != nullptr);
        CHECK(p->body.code == D.value);
        CHECK(b24::name(D.value) == D.name);
        CHECK(p->body.http_status >= 400);
        CHECK_FALSE(p->meaning.empty());
        if (!p->body.error.empty()) {
            CHECK(b24::classify(p->body.error, "") == D.value);
            wire.push_back(p->body.error);
        } else {
            CHECK(b24::classify("", p->body.error_description) == D.value);
        }
    });
    CHECK(count == b24::error_table.size() + 1);
    std::sort(wire.begin(), wire.end());
    CHECK(std::adjacent_find(wire.begin(), wire.end()) == wire.end());
    CHECK(b24::info(errc::unknown) == nullptr);
    CHECK(b24::info(static_cast<errc>(0)) == nullptr);
    CHECK(b24::info(static_cast<errc>(999)) == nullptr);

    // The documented statuses that differ by code.
    CHECK(b24::documented(errc::QUERY_LIMIT_EXCEEDED).http_status == 503);
    CHECK(b24::documented(errc::OPERATION_TIME_LIMIT).http_status == 429);
    CHECK(b24::documented(errc::expired_token).http_status == 401);
    CHECK(b24::documented(errc::ACCESS_ERROR).http_status == 403);
    CHECK(b24::documented(errc::ERROR_METHOD_NOT_FOUND).http_status == 404);
    CHECK(b24::documented(errc::PORTAL_DELETED).http_status == 500);
}

TEST_CASE("bitrix24: retryable errors and how long to wait") {
    using namespace std::chrono;
    const auto now = system_clock::time_point(seconds(1772544000));

    auto query = fail<set_manager>(503, R"({"error":"QUERY_LIMIT_EXCEEDED","error_description":"Too many requests"})");
    CHECK(query.retryable());
    CHECK(query.retry_delay(nullptr, now) == milliseconds(1500));

    auto op = fail<set_manager>(429, R"({"error":"OPERATION_TIME_LIMIT","error_description":"x"})");
    CHECK(op.retryable());
    CHECK(op.retry_delay(nullptr, now) == milliseconds(10000));
    b24::time last;
    last.operating_reset_at = 1772544306;
    CHECK(op.retry_delay(&last, now) == milliseconds(307000));
    last.operating_reset_at = 1772543000;  // already passed
    CHECK(op.retry_delay(&last, now) == milliseconds(1000));

    auto with_header = fail<set_manager>(429, R"({"error":"OPERATION_TIME_LIMIT","error_description":"x"})", {{"retry-after", "42"}});
    CHECK(with_header.retry_delay(nullptr, now) == milliseconds(42000));
    auto time_in_body =
        fail<set_manager>(429, R"({"error":"OPERATION_TIME_LIMIT","error_description":"x","time":{"operating_reset_at":1772544010}})");
    CHECK(time_in_body.retry_delay(nullptr, now) == milliseconds(11000));

    for (auto code : {"OVERLOAD_LIMIT", "INTERNAL_SERVER_ERROR", "ACCESS_DENIED", "CHAT_ID_EMPTY", "expired_token", "NO_AUTH_FOUND"}) {
        auto e = fail<set_manager>(b24::documented(b24::classify(code, "")).http_status,
                                   std::string(R"({"error":")") + code + R"(","error_description":""})");
        INFO(code);
        CHECK_FALSE(e.retryable());
        CHECK_FALSE(e.retry_delay(nullptr, now).has_value());
    }
    CHECK(fail<set_manager>(503, R"({"error":"NEW_LIMIT","error_description":""})").retryable());
    CHECK(fail<set_manager>(504, "<html></html>").retry_delay(nullptr, now) == milliseconds(1000));
    CHECK_FALSE(fail<set_manager>(200, "<html></html>").retryable());
}

TEST_CASE("bitrix24: webhook and OAuth request building") {
    const auto hook = b24::auth::webhook(7, "s3cr3tc0de99");
    auto r = b24::make_request(set_manager{.CHAT_ID = 5, .USER_ID = 6, .IS_MANAGER = false, .BOT_ID = 9}, hook);
    CHECK(r.method == "POST");
    CHECK(r.target == "/rest/7/s3cr3tc0de99/imbot.chat.setManager");
    CHECK(r.redacted_target == "/rest/7/s3cr…/imbot.chat.setManager");
    CHECK(r.body == R"({"CHAT_ID":5,"USER_ID":6,"IS_MANAGER":"N","BOT_ID":9})");

    const auto app = b24::auth::oauth("tok\"en\\1234");
    auto o = b24::make_request(user_update{.GROUP_ID = 1, .USER_ID = 2, .ROLE = b24::sonet_group::role::participant}, app);
    CHECK(o.target == "/rest/sonet_group.user.update");
    CHECK(o.redacted_target == o.target);
    CHECK(o.body == R"({"GROUP_ID":1,"USER_ID":2,"ROLE":"K","auth":"tok\"en\\1234"})");
    CHECK(boost::json::parse(o.body).at("auth").as_string() == "tok\"en\\1234");

    auto f = b24::make_request(user_update{.GROUP_ID = 1, .USER_ID = 2, .ROLE = b24::sonet_group::role::participant}, app,
                               b24::body_format::form);
    CHECK(f.body == "GROUP_ID=1&USER_ID=2&ROLE=K&auth=tok%22en%5C1234");

    // Path segments are percent-encoded, so a code cannot change the path.
    auto odd = b24::make_request(managers_get{.ID = {1}}, b24::auth::webhook("1", "a/b?c"));
    CHECK(odd.target == "/rest/1/a%2Fb%3Fc/im.department.managers.get");
    CHECK(odd.body == R"({"ID":[1],"USER_DATA":"N"})");
    CHECK(b24::make_request(managers_get{.ID = b24::id_list({3, 7}, true)}, hook).body == R"({"ID":"[3,7]","USER_DATA":"N"})");
}

TEST_CASE("bitrix24: secrets never appear in full in redacted forms") {
    const std::string code = "k2h3j4k5l6m7n8b9";
    const auto hook = b24::auth::webhook(1, code);
    auto r = b24::make_request(set_manager{.CHAT_ID = 1, .USER_ID = 2}, hook);
    CHECK(r.target.find(code) != std::string::npos);
    CHECK(r.redacted_target.find(code) == std::string::npos);
    CHECK(hook.redacted() == "webhook 1/k2h3…");
    CHECK(hook.redacted().find(code) == std::string::npos);

    const std::string token = "ya29.a0AfH6SMB/xyz+abc";
    const auto app = b24::auth::oauth(token);
    CHECK(app.redacted() == "oauth ya29…");
    auto form = b24::make_request(set_manager{.CHAT_ID = 1, .USER_ID = 2}, app, b24::body_format::form);
    CHECK(form.body.find(token) == std::string::npos);  // percent-encoded in the body…
    CHECK(app.redact_in(form.body).find("ya29.a0AfH6SMB%2Fxyz%2Babc") == std::string::npos);  // …and masked too
    auto json = b24::make_request(set_manager{.CHAT_ID = 1, .USER_ID = 2}, app);
    CHECK(app.redact_in(json.body).find(token) == std::string::npos);
    CHECK(app.redact_in(json.body).find("ya29…") != std::string::npos);
}

TEST_CASE("bitrix24: request bodies read back as the server reads them") {
    auto empty = b24::decode_request<set_manager>("{}");
    REQUIRE(empty.has_value());
    CHECK(empty->CHAT_ID == 0);
    CHECK(empty->USER_ID == 0);
    CHECK(empty->IS_MANAGER == true);

    auto strings = b24::decode_request<set_manager>(R"({"CHAT_ID":"2725","USER_ID":1269,"IS_MANAGER":"N","auth":"t"})");
    REQUIRE(strings.has_value());
    CHECK(strings->CHAT_ID == 2725);
    CHECK(strings->IS_MANAGER == false);

    auto scalar = b24::decode_request<user_update>(R"({"GROUP_ID":69,"USER_ID":1271,"ROLE":"K"})");
    REQUIRE(scalar.has_value());
    CHECK(scalar->USER_ID.values == std::vector<std::int64_t>{1271});
    CHECK(scalar->USER_ID.scalar);
    CHECK(scalar->ROLE == b24::sonet_group::role::participant);
    CHECK(json::to_json(*scalar) == R"({"GROUP_ID":69,"USER_ID":1271,"ROLE":"K"})");

    auto no_role = b24::decode_request<user_update>(R"({"GROUP_ID":69,"USER_ID":[1]})");
    REQUIRE(no_role.has_value());
    CHECK(no_role->ROLE == b24::sonet_group::role{});
    auto bad_role = b24::decode_request<user_update>(R"({"GROUP_ID":69,"USER_ID":[1],"ROLE":"A"})");
    REQUIRE_FALSE(bad_role.has_value());
    CHECK(bad_role.error().code == decode_errc::unknown_enumerator);
    CHECK(bad_role.error().path == "ROLE");

    auto text_ids = b24::decode_request<managers_get>(R"({"ID":"[3,7]"})");
    REQUIRE(text_ids.has_value());
    CHECK(text_ids->ID.values == std::vector<std::int64_t>{3, 7});
    CHECK(text_ids->ID.as_json_string);
    CHECK(text_ids->USER_DATA == false);
    auto one_id = b24::decode_request<managers_get>(R"({"ID":3,"USER_DATA":"Y"})");
    REQUIRE(one_id.has_value());
    CHECK(one_id->ID == b24::id_list{3});
    CHECK(one_id->result_index() == 1);
    auto bad_ids = b24::decode_request<managers_get>(R"({"ID":"[3,"})");
    REQUIRE_FALSE(bad_ids.has_value());
    CHECK(bad_ids.error().path == "ID[1]");  // the place inside the JSON string
    CHECK(bad_ids.error().message.rfind("in JSON string: ", 0) == 0);
}

TEST_CASE("bitrix24: the mock's side writes the server's bodies") {
    CHECK(json::to_json(b24::error_body{"", "Wrong group ID"}) == R"({"error":"","error_description":"Wrong group ID"})");
    b24::response<user_update::wire_result_type> ids{{1271, 1272}, {}};
    CHECK(json::to_json(ids).rfind(R"({"result":["1271","1272"],)", 0) == 0);
    for (const auto& d : set_manager::errors) CHECK(d.http_status >= 400);
    CHECK(set_manager::errors.back().error_description == "Access denied! Client ID not specified");
}

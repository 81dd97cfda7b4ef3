// Bitrix24 batch end to end: bitrix24::batch through bitrix24::client to the server's `batch`.

#include "bitrix24_support.hpp"

#include <variant>

using namespace e2e::b24;

namespace {
// The raw answer's result sections, as sent.
boost::json::object sections(const e2e::recording_transport& t) {
    REQUIRE(t.last.has_value());
    return boost::json::parse(t.last->body).as_object().at("result").as_object();
}
} // namespace

TEST_CASE("batch — success (the three methods in one request)", "[method:batch][outcome:success]") {
    for (auto format : {chatadmin::bitrix24::body_format::json, chatadmin::bitrix24::body_format::form}) {
        e2e::reset_world();
        auto o = session::no_retry();
        o.format = format;
        session s(webhook(), e2e::server(), o);
        chatadmin::bitrix24::batch b;
        auto mgr = b.add("mgr", example_set_manager());
        auto upd = b.add("upd", example_user_update());
        auto dep = b.add("dep", example_managers_get());
        auto r = s.c.call(b);
        REQUIRE(r.has_value());
        CHECK(r->get(mgr).value() == true);
        CHECK(r->get(upd).value() == std::vector<std::int64_t>{1271, 1272});
        CHECK(r->get(dep).value().index() == 0);
        CHECK(s.c.last_time("imbot.chat.setManager") != nullptr);
        const auto sec = sections(s.t);
        // Empty sections are [] on the wire, not {}.
        CHECK(sec.at("result_error") == boost::json::array{});
        CHECK(sec.at("result_total") == boost::json::array{});
        CHECK(sec.at("result_next") == boost::json::array{});
        CHECK(sec.at("result_time").as_object().size() == 3);
    }
}

TEST_CASE("batch — command errors in result_error (halt=false)", "[method:batch][outcome:result_error]") {
    e2e::reset_world();
    session s;
    chatadmin::bitrix24::batch b;
    auto bad = b.add("bad", user_update{.GROUP_ID = 0, .USER_ID = {1271}, .ROLE = chatadmin::bitrix24::sonet_group::role::moderator});
    auto good = b.add("good", example_managers_get());
    auto r = s.c.call(b);
    REQUIRE(r.has_value());
    CHECK(r->failed("bad"));
    auto e = r->get(bad);
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().value() == errc::SONET_WRONG_GROUP_ID);
    CHECK(r->get(good).has_value());
    CHECK(sections(s.t).at("result_error").at("bad") ==
          boost::json::parse(golden::read_body("bitrix24/sonet_group.user.update/error_400_wrong_group_id.json")));
}

TEST_CASE("batch — halt stops at the first failure", "[method:batch][outcome:halt]") {
    e2e::reset_world();
    session s;
    chatadmin::bitrix24::batch b(true);
    auto bad = b.add("bad", managers_get{.ID = {0}});
    auto later = b.add("later", example_managers_get());
    auto r = s.c.call(b);
    REQUIRE(r.has_value());
    CHECK(r->get(bad).error().value() == errc::ID_EMPTY);
    auto l = r->get(later);
    REQUIRE_FALSE(l.has_value());
    CHECK(l.error().code == chatadmin::decode_errc::missing_member);
    CHECK(sections(s.t).at("result") == boost::json::array{});
}

TEST_CASE("batch — ERROR_BATCH_METHOD_NOT_ALLOWED", "[method:batch][outcome:ERROR_BATCH_METHOD_NOT_ALLOWED]") {
    session s;
    chatadmin::bitrix24::batch inner;
    inner.add("x", example_managers_get());
    chatadmin::bitrix24::batch b;
    b.add("nested", inner.request());
    auto r = s.c.call(b);
    REQUIRE(r.has_value());
    REQUIRE(r->failed("nested"));
    const auto& item = r->payload.result_error.at("nested");
    CHECK(chatadmin::bitrix24::classify(item.error, item.error_description) == errc::ERROR_BATCH_METHOD_NOT_ALLOWED);
    const auto d = chatadmin::bitrix24::documented(errc::ERROR_BATCH_METHOD_NOT_ALLOWED);
    CHECK(item.error_description == d.error_description);
}

TEST_CASE("batch — ERROR_BATCH_LENGTH_EXCEEDED", "[method:batch][outcome:ERROR_BATCH_LENGTH_EXCEEDED]") {
    session s;
    chatadmin::bitrix24::batch b;
    for (int i = 0; i < 51; ++i) b.add(example_managers_get());
    // The client refuses before sending…
    auto r = s.c.call(b);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().value() == errc::ERROR_BATCH_LENGTH_EXCEEDED);
    CHECK(r.error().http_status == 0);
    CHECK(s.t.requests.empty());
    // …and the server refuses the same request sent anyway.
    auto resp = s.t.send(chatadmin::bitrix24::make_request(b.request(), webhook()));
    REQUIRE(resp.has_value());
    auto parsed = chatadmin::bitrix24::parse_batch_response(*resp);
    REQUIRE_FALSE(parsed.has_value());
    CHECK(parsed.error().value() == errc::ERROR_BATCH_LENGTH_EXCEEDED);
    CHECK(resp->status == 400);
    CHECK(e2e::json_equal(resp->body, golden::read_body("bitrix24/system/error_400_ERROR_BATCH_LENGTH_EXCEEDED.json")));
}

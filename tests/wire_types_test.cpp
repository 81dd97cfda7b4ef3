#include <chatadmin/core.hpp>

#include <boost/describe.hpp>
#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

using namespace chatadmin;

namespace wt {

struct names_as_is {
    int CHAT_ID = 0;
    int user_id = 0;
};
BOOST_DESCRIBE_STRUCT(names_as_is, (), (CHAT_ID, user_id))

struct names_upper {
    int chat_id = 0;
    int botId = 0;
    int delete_ = 0;
};
BOOST_DESCRIBE_STRUCT(names_upper, (), (chat_id, botId, delete_))
constexpr naming wire_naming(const names_upper*) { return naming::upper_snake; }

struct names_camel {
    int participant_chat_id = 0;
    int can_manage_video_chats = 0;
    int type = 0;
};
BOOST_DESCRIBE_STRUCT(names_camel, (), (participant_chat_id, can_manage_video_chats, type))
constexpr naming wire_naming(const names_camel*) { return naming::camel_case; }
constexpr std::string_view wire_rename(const names_camel*, std::string_view m) { return m == "type" ? "_" : std::string_view{}; }

enum class role { moderator, participant };
BOOST_DESCRIBE_ENUM(role, moderator, participant)
constexpr std::string_view wire_rename(const role*, std::string_view m) {
    return m == "moderator" ? "E" : m == "participant" ? "K" : std::string_view{};
}

struct request {
    std::int64_t GROUP_ID = 0;
    one_or_many<std::int64_t> USER_ID;
    role ROLE = role::participant;
    yes_no IS_MANAGER = true;
    std::optional<std::string> CLIENT_ID;
};
BOOST_DESCRIBE_STRUCT(request, (), (GROUP_ID, USER_ID, ROLE, IS_MANAGER, CLIENT_ID))

struct user {
    false_or<std::string> idle;
    nullable<std::string> work_position;
    false_or<std::map<std::string, std::string>> phones;
};
BOOST_DESCRIBE_STRUCT(user, (), (idle, work_position, phones))

struct ids {
    json_string<std::vector<int>> ID;
};
BOOST_DESCRIBE_STRUCT(ids, (), (ID))

} // namespace wt

TEST_CASE("wire names: policies and overrides are computed at compile time") {
    CHECK(json::to_json(wt::names_as_is{1, 2}) == R"({"CHAT_ID":1,"user_id":2})");
    CHECK(json::to_json(wt::names_upper{1, 2, 3}) == R"({"CHAT_ID":1,"BOT_ID":2,"DELETE":3})");
    CHECK(json::to_json(wt::names_camel{1, 2, 3}) == R"({"participantChatId":1,"canManageVideoChats":2,"_":3})");
    using first = boost::mp11::mp_front<boost::describe::describe_members<wt::names_camel, boost::describe::mod_public>>;
    static_assert(wire_name_v<wt::names_camel, first> == "participantChatId");
    CHECK(json::from_json<wt::names_camel>(R"({"participantChatId":1,"canManageVideoChats":2,"_":3})")->type == 3);
}

TEST_CASE("wire types: enums use their wire names") {
    CHECK(json::to_json(wt::role::moderator) == R"("E")");
    CHECK(*json::from_json<wt::role>(R"("K")") == wt::role::participant);
    CHECK(json::from_json<wt::role>(R"("A")").error().to_string() == R"(unknown value "A" (expected one of E, K))");
}

TEST_CASE("wire types: yes_no is Y/N on the wire") {
    wt::request r;
    r.GROUP_ID = 69;
    r.USER_ID = {1271, 1272};
    r.ROLE = wt::role::moderator;
    CHECK(json::to_json(r) == R"({"GROUP_ID":69,"USER_ID":[1271,1272],"ROLE":"E","IS_MANAGER":"Y"})");
    r.IS_MANAGER = false;
    CHECK(json::to_json(r.IS_MANAGER) == R"("N")");
    CHECK(json::from_json<yes_no>(R"("Y")")->value);
    CHECK_FALSE(json::from_json<yes_no>(R"("n")")->value);
    CHECK(json::from_json<yes_no>("true")->value);
    CHECK(json::from_json<yes_no>(R"("maybe")").error().code == decode_errc::unknown_enumerator);
    CHECK(json::from_json<yes_no>("1").error().to_string() == R"(expected "Y" or "N", got number)");
}

TEST_CASE("wire types: one_or_many keeps the form it was built with") {
    CHECK(json::to_json(one_or_many<int>(5)) == "5");
    CHECK(json::to_json(one_or_many<int>{5}) == "[5]");
    CHECK(json::to_json(one_or_many<int>{1, 2}) == "[1,2]");
    auto s = json::from_json<one_or_many<int>>("7");
    REQUIRE(s.has_value());
    CHECK(s->scalar);
    CHECK(s->values == std::vector<int>{7});
    auto m = json::from_json<one_or_many<int>>("[7,8]");
    CHECK(m->values == std::vector<int>{7, 8});
    CHECK(json::from_json<one_or_many<int>>(R"(["7"])").error().to_string() == "[0]: expected integer, got string");
}

TEST_CASE("wire types: false_or and nullable") {
    CHECK(json::to_json(wt::user{}) == R"({"idle":false,"work_position":null,"phones":false})");
    auto u = json::from_json<wt::user>(R"({"idle":"2024-02-19T00:40:41+01:00","work_position":"CFO","phones":{"inner_phone":"55"}})");
    REQUIRE(u.has_value());
    CHECK(*u->idle == "2024-02-19T00:40:41+01:00");
    CHECK(*u->work_position == "CFO");
    CHECK(u->phones->at("inner_phone") == "55");
    auto empty = json::from_json<wt::user>(R"({"idle":false,"work_position":false,"phones":null})");
    REQUIRE(empty.has_value());
    CHECK_FALSE(empty->idle);
    CHECK_FALSE(empty->work_position);
    CHECK_FALSE(empty->phones);
    CHECK(json::from_json<wt::user>("{}").has_value());
    CHECK(json::from_json<wt::user>(R"({"phones":"x"})").error().to_string() == "phones: expected object or false, got string");
    CHECK(json::from_json<wt::user>(R"({"phones":true})").error().to_string() == "phones: expected object or false, got boolean");
    CHECK(json::from_json<wt::user>(R"({"phones":{"a":1}})").error().to_string() == "phones.a: expected string, got number");
}

TEST_CASE("wire types: numbers that arrive as strings") {
    auto l = json::from_json<lenient<std::vector<std::int64_t>>>(R"(["1271",1272])");
    REQUIRE(l.has_value());
    CHECK(l->value == std::vector<std::int64_t>{1271, 1272});
    CHECK(json::to_json(*l) == "[1271,1272]");
    CHECK(json::from_json<lenient<std::vector<std::int64_t>>>(R"(["12x"])").error().to_string() ==
          R"([0]: expected integer or numeric string, got string "12x")");
    CHECK(json::from_json<lenient<std::int32_t>>(R"("99999999999")").error().code == decode_errc::out_of_range);
    CHECK(json::from_json<lenient<double>>(R"("1.5")")->value == 1.5);
    CHECK(json::to_json(std::vector<as_string<std::int64_t>>{1271, 1272}) == R"(["1271","1272"])");
    CHECK(json::from_json<as_string<int>>("5")->value == 5);
    CHECK(json::from_json<as_string<int>>(R"("5")")->value == 5);
    // outside lenient<>, strings are not numbers
    CHECK(json::from_json<std::int64_t>(R"("5")").error().to_string() == "expected integer, got string");
}

TEST_CASE("wire types: JSON passed as a string") {
    CHECK(json::to_json(wt::ids{{{3, 7}}}) == R"({"ID":"[3,7]"})");
    CHECK(json::from_json<wt::ids>(R"({"ID":"[3,7]"})")->ID.value == std::vector<int>{3, 7});
    CHECK(json::from_json<wt::ids>(R"({"ID":[3,7]})")->ID.value == std::vector<int>{3, 7});
    auto bad = json::from_json<wt::ids>(R"({"ID":"[3,"})");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().path == "ID[1]");
    CHECK(bad.error().message.rfind("in JSON string: ", 0) == 0);
}

TEST_CASE("wire types: objects that arrive as [] when empty") {
    using M = object_or_array<std::map<std::int64_t, std::vector<int>>>;
    auto e = json::from_json<M>("[]");
    REQUIRE(e.has_value());
    CHECK(e->empty());
    CHECK(json::to_json(*e) == "[]");
    auto m = json::from_json<M>(R"({"3":[13]})");
    REQUIRE(m.has_value());
    CHECK(m->at(3) == std::vector<int>{13});
    CHECK(json::from_json<M>("[1]").error().code == decode_errc::unexpected_type);
    CHECK(json::from_json<M>(R"({"x":[1]})").error().to_string() == R"(expected an integer key, got "x")");
}

TEST_CASE("form: PHP-style indexed arrays and Y/N") {
    wt::request r;
    r.GROUP_ID = 69;
    r.USER_ID = {1271, 1272};
    r.ROLE = wt::role::moderator;
    CHECK(form::to_form(r) == "GROUP_ID=69&USER_ID[0]=1271&USER_ID[1]=1272&ROLE=E&IS_MANAGER=Y");
    form::write_options enc;
    enc.encode_brackets = true;
    CHECK(form::to_form(r, enc) == "GROUP_ID=69&USER_ID%5B0%5D=1271&USER_ID%5B1%5D=1272&ROLE=E&IS_MANAGER=Y");
    r.USER_ID = one_or_many<std::int64_t>(5);
    r.CLIENT_ID = "a b&c=d/é";
    CHECK(form::to_form(r) == "GROUP_ID=69&USER_ID=5&ROLE=E&IS_MANAGER=Y&CLIENT_ID=a+b%26c%3Dd%2F%C3%A9");
    CHECK(form::to_form(wt::ids{{{3, 7}}}) == "ID=%5B3%2C7%5D");
}

TEST_CASE("http: redaction keeps only a prefix of a secret") {
    CHECK(redact("abcdefgh") == "abcd…");
    CHECK(redact("abc") == "…");
    CHECK(redact_in("/rest/1/secretcode/x?auth=secretcode", "secretcode") == "/rest/1/secr…/x?auth=secr…");
    http_response r;
    r.headers = {{"Content-Type", "application/json"}};
    CHECK(r.header("content-type") == "application/json");
    CHECK_FALSE(r.header("x"));
}

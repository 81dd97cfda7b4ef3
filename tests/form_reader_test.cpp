#include <chatadmin/core/form_reader.hpp>
#include <chatadmin/core/wire_types.hpp>

#include <boost/describe/class.hpp>
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace {

std::string json_of(std::string_view body, chatadmin::form::read_options o = {}) {
    auto r = chatadmin::form::to_json_text(body, o);
    REQUIRE(r.has_value());
    return *r;
}

struct sonet_update {
    std::int64_t GROUP_ID = 0;
    chatadmin::one_or_many<std::int64_t> USER_ID;
    std::string ROLE;
    std::optional<std::string> auth;
};
BOOST_DESCRIBE_STRUCT(sonet_update, (), (GROUP_ID, USER_ID, ROLE, auth))

} // namespace

TEST_CASE("form_reader: scalars, plus and percent escapes", "[form]") {
    CHECK(json_of("a=1&b=x+y&c=%26%3D%5B") == R"({"a":"1","b":"x y","c":"&=["})");
    CHECK(json_of("") == "{}");
    CHECK(json_of("&&a=&b") == R"({"a":"","b":""})");
    CHECK(json_of("a=1&a=2") == R"({"a":"2"})");
    CHECK(json_of("q=%D0%BF%D1%80") == "{\"q\":\"\xD0\xBF\xD1\x80\"}");
}

TEST_CASE("form_reader: PHP indexed arrays", "[form]") {
    CHECK(json_of("USER_ID[0]=1271&USER_ID[1]=1272") == R"({"USER_ID":["1271","1272"]})");
    CHECK(json_of("USER_ID%5B0%5D=1271&USER_ID%5B1%5D=1272") == R"({"USER_ID":["1271","1272"]})");
    CHECK(json_of("USER_ID[]=1&USER_ID[]=2&USER_ID[]=3") == R"({"USER_ID":["1","2","3"]})");
    CHECK(json_of("a[5]=x&a[]=y") == R"({"a":{"5":"x","6":"y"}})");
    CHECK(json_of("a[1]=x&a[0]=y") == R"({"a":{"1":"x","0":"y"}})");
}

TEST_CASE("form_reader: nested keys", "[form]") {
    CHECK(json_of("fields[PHONE][0][VALUE]=112233&fields[PHONE][0][VALUE_TYPE]=WORK") ==
          R"({"fields":{"PHONE":[{"VALUE":"112233","VALUE_TYPE":"WORK"}]}})");
    CHECK(json_of("a[b][c]=1&a[b][d]=2") == R"({"a":{"b":{"c":"1","d":"2"}}})");
}

TEST_CASE("form_reader: later assignments replace earlier ones, as in PHP", "[form]") {
    CHECK(json_of("a=1&a[]=2") == R"({"a":["2"]})");
    CHECK(json_of("a[]=2&a=1") == R"({"a":"1"})");
    CHECK(json_of("a[x]=1&a[x][y]=2") == R"({"a":{"x":{"y":"2"}}})");
}

TEST_CASE("form_reader: PHP name rules", "[form]") {
    CHECK(json_of("a.b=1&c d=2") == R"({"a_b":"1","c_d":"2"})");
    CHECK(json_of("=1&[x]=2") == "{}");
    CHECK(json_of("a[b=1") == R"({"a[b":"1"})");
    CHECK(json_of("a[b]x[c]=1") == R"({"a":{"b":"1"}})");
    chatadmin::form::read_options up;
    up.upper_case_names = true;
    CHECK(json_of("chat_id=1&User_Id[0]=2", up) == R"({"CHAT_ID":"1","USER_ID":["2"]})");
}

TEST_CASE("form_reader: malformed input is a clear error", "[form]") {
    auto r = chatadmin::form::to_json_text("a=1&b=%zz");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == chatadmin::decode_errc::syntax_error);
    CHECK(r.error().offset == 6);
    CHECK_THAT(r.error().message, Catch::Contains("percent-encoding"));
    CHECK_FALSE(chatadmin::form::to_json_text("a=%4"));
    CHECK_FALSE(chatadmin::form::to_json_text("%=1"));

    chatadmin::form::read_options small;
    small.max_fields = 2;
    auto many = chatadmin::form::to_json_text("a=1&b=2&c=3", small);
    REQUIRE_FALSE(many);
    CHECK(many.error().code == chatadmin::decode_errc::too_large);

    std::string deep = "a";
    for (int i = 0; i < 70; ++i) deep += "[x]";
    auto d = chatadmin::form::to_json_text(deep + "=1");
    REQUIRE_FALSE(d);
    CHECK(d.error().code == chatadmin::decode_errc::too_deep);
}

TEST_CASE("form_reader: reads into described request types with lenient numbers", "[form]") {
    auto a = chatadmin::form::from_form<sonet_update>("GROUP_ID=69&USER_ID[0]=1271&USER_ID[1]=1272&ROLE=E");
    REQUIRE(a);
    CHECK(a->GROUP_ID == 69);
    CHECK(a->USER_ID.values == std::vector<std::int64_t>{1271, 1272});
    CHECK(a->ROLE == "E");
    CHECK_FALSE(a->auth);

    auto b = chatadmin::form::from_form<sonet_update>("GROUP_ID=69&USER_ID=1271&ROLE=K&auth=tok");
    REQUIRE(b);
    CHECK(b->USER_ID.scalar);
    CHECK(*b->auth == "tok");

    auto c = chatadmin::form::from_form<sonet_update>("GROUP_ID=abc&USER_ID=1&ROLE=K");
    REQUIRE_FALSE(c);
    CHECK(c.error().path == "GROUP_ID");
}

namespace {

struct form_sample {
    std::int64_t id = 0;
    std::vector<std::int64_t> ids;
    std::vector<std::int16_t> small;
    std::string text;
    std::optional<std::string> note;
    friend bool operator==(const form_sample&, const form_sample&) = default;
};
BOOST_DESCRIBE_STRUCT(form_sample, (), (id, ids, small, text, note))

} // namespace

// An empty array is left out of a form, as http_build_query does, so every array here has an element.
TEST_CASE("form writer: random values read back the same, with and without encoded brackets", "[form]") {
    std::mt19937_64 rng(11);
    for (int round = 0; round < 300; ++round) {
        form_sample v;
        v.id = static_cast<std::int64_t>(rng());
        if (round % 7 == 0) v.id = std::numeric_limits<std::int64_t>::min();
        for (std::size_t i = 0, n = 1 + rng() % 30; i < n; ++i) v.ids.push_back(static_cast<std::int64_t>(rng()));
        for (std::size_t i = 0, n = 1 + rng() % 3; i < n; ++i) v.small.push_back(static_cast<std::int16_t>(rng()));
        // Printable ASCII and a two-byte character: the reader goes through JSON text, which
        // holds only valid UTF-8.
        for (std::size_t i = 0, n = rng() % 40; i < n; ++i) {
            if (rng() % 8 == 0) v.text += "é";
            else v.text += static_cast<char>(0x20 + rng() % 95);
        }
        if (rng() & 1) v.note = "a b&c=d[e]%f+";
        chatadmin::form::write_options o;
        o.encode_brackets = rng() & 1;
        const std::string body = chatadmin::form::to_form(v, o);
        INFO(body);
        CHECK(body.find("&&") == std::string::npos);
        CHECK(body.front() != '&');
        auto back = chatadmin::form::from_form<form_sample>(body);
        if (!back) FAIL(back.error().to_string());
        CHECK(*back == v);
    }
}

TEST_CASE("form writer: a caller's writer appends after what is there, one exact field at a time", "[form]") {
    std::string out = "x=1";
    chatadmin::form::writer w(out);
    w.field("auth", "a b");
    CHECK(out == "x=1&auth=a+b");
    w.integer_field("n", -42);
    CHECK(out == "x=1&auth=a+b&n=-42");
    const std::int64_t ids[] = {7, -8};
    w.integer_items("ID", ids, 2);
    CHECK(out == "x=1&auth=a+b&n=-42&ID[0]=7&ID[1]=-8");
    std::string empty;
    chatadmin::form::writer e(empty, {.encode_brackets = true});
    e.integer_items("ID", ids, 2);
    CHECK(empty == "ID%5B0%5D=7&ID%5B1%5D=-8");
    form_sample one;
    one.id = 1;
    chatadmin::form::write_to(empty, one);
    CHECK(empty == "ID%5B0%5D=7&ID%5B1%5D=-8&id=1&text=");
}

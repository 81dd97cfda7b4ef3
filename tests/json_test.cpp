#include <chatadmin/core.hpp>

#include <boost/describe.hpp>
#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

using namespace chatadmin;

namespace jt {

enum class color { red, dark_green };
BOOST_DESCRIBE_ENUM(color, red, dark_green)

struct inner {
    int a = 0;
    std::optional<std::string> b;
    friend bool operator==(const inner&, const inner&) = default;
};
BOOST_DESCRIBE_STRUCT(inner, (), (a, b))

struct outer {
    std::int64_t id = 0;
    std::string name;
    bool flag = false;
    double ratio = 0;
    std::optional<int> maybe;
    std::vector<inner> items;
    std::map<std::int64_t, std::vector<int>> by_id;
    color hue = color::red;
    friend bool operator==(const outer&, const outer&) = default;
};
BOOST_DESCRIBE_STRUCT(outer, (), (id, name, flag, ratio, maybe, items, by_id, hue))

struct narrow {
    std::uint8_t u8 = 0;
    std::int16_t i16 = 0;
    std::uint32_t u32 = 0;
};
BOOST_DESCRIBE_STRUCT(narrow, (), (u8, i16, u32))

struct with_default {
    int required = 0;
    int defaulted = 5;
};
BOOST_DESCRIBE_STRUCT(with_default, (), (required, defaulted))
constexpr bool wire_optional(const with_default*, std::string_view m) { return m == "defaulted"; }

// Every kind of value with a most length known ahead.
struct bounded_all {
    std::int64_t id = 0;
    double ratio = 0;
    bool flag = false;
    std::string text;
    std::optional<std::string> maybe;
    color hue = color::red;
    std::vector<std::int64_t> ids;
    nullable<std::int64_t> peer;
    std::optional<narrow> sizes;
};
BOOST_DESCRIBE_STRUCT(bounded_all, (), (id, ratio, flag, text, maybe, hue, ids, peer, sizes))

} // namespace jt

static decode_error decode_err(std::string_view text) {
    auto r = json::from_json<jt::outer>(text);
    REQUIRE_FALSE(r.has_value());
    return r.error();
}

static const char* full = R"({"id":7,"name":"x","flag":true,"ratio":0.5,"items":[{"a":1},{"a":2,"b":"two"}],"by_id":{"3":[13],"7":[103]},"hue":"dark_green"})";

TEST_CASE("json: writes a described struct, omitting absent optionals") {
    jt::outer v{7, "x", true, 0.5, std::nullopt, {{1, {}}, {2, "two"}}, {{3, {13}}, {7, {103}}}, jt::color::dark_green};
    CHECK(json::to_json(v) == full);
    v.maybe = 0;
    CHECK(json::to_json(v).find(R"("maybe":0)") != std::string::npos);
}

TEST_CASE("json: a top-level empty optional is null") {
    CHECK(json::to_json(std::optional<int>{}) == "null");
}

TEST_CASE("json: reads what it writes") {
    auto r = json::from_json<jt::outer>(full);
    REQUIRE(r.has_value());
    CHECK(json::to_json(*r) == full);
    CHECK(r->by_id.at(7) == std::vector<int>{103});
    CHECK(r->hue == jt::color::dark_green);
}

TEST_CASE("json: round trips of random values") {
    std::mt19937_64 rng(42);
    for (int i = 0; i < 500; ++i) {
        jt::outer v;
        v.id = static_cast<std::int64_t>(rng());
        v.name.resize(rng() % 20);
        for (auto& c : v.name) c = static_cast<char>(rng() % 128);
        v.flag = rng() & 1;
        v.ratio = std::uniform_real_distribution<double>(-1e12, 1e12)(rng);
        if (rng() & 1) v.maybe = static_cast<int>(rng());
        for (int k = 0, n = static_cast<int>(rng() % 4); k < n; ++k)
            v.items.push_back({static_cast<int>(rng()), (rng() & 1) ? std::optional<std::string>("s" + std::to_string(k)) : std::nullopt});
        v.by_id[static_cast<std::int64_t>(rng() % 1000) - 500] = {1, 2};
        v.hue = (rng() & 1) ? jt::color::red : jt::color::dark_green;
        auto text = json::to_json(v);
        INFO(text);
        auto back = json::from_json<jt::outer>(text);
        REQUIRE(back.has_value());
        CHECK(*back == v);
        CHECK_NOTHROW(boost::json::parse(text));
    }
}

TEST_CASE("json: strings are escaped and UTF-8 passes through") {
    CHECK(json::to_json(std::string("a\"b\\c\n\t\x01\x1f/")) == R"("a\"b\\c\n\t\u0001\u001f/")");
    CHECK(json::to_json(std::string("привет €𝄞")) == "\"привет €𝄞\"");
    // invalid UTF-8 never produces invalid JSON
    CHECK(json::to_json(std::string("a\xff" "b\xc3")) == R"("a\ufffdb\ufffd")");
    CHECK(json::to_json(std::string("\xed\xa0\x80")) == R"("\ufffd\ufffd\ufffd")");  // encoded surrogate
}

TEST_CASE("json: unescapes strings, including surrogate pairs") {
    auto r = json::from_json<std::string>(R"("a\"\\\/\b\f\n\r\t\u00e9\u20ac\ud834\udd1e")");
    REQUIRE(r.has_value());
    CHECK(*r == "a\"\\/\b\f\n\r\t\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e");
}

TEST_CASE("json: invalid escapes and strings are errors") {
    auto code = [](std::string_view t) { return json::from_json<std::string>(t).error().code; };
    CHECK(code(R"("\x")") == decode_errc::invalid_escape);
    CHECK(code(R"("\u12G4")") == decode_errc::invalid_escape);
    CHECK(code(R"("\udc00")") == decode_errc::invalid_escape);
    CHECK(code(R"("\ud800")") == decode_errc::invalid_escape);
    CHECK(code(R"("\ud800\u0041")") == decode_errc::invalid_escape);
    CHECK(code("\"a\x01\"") == decode_errc::syntax_error);
    CHECK(code("\"\xff\"") == decode_errc::invalid_utf8);
    CHECK(code("\"\xc3\"") == decode_errc::invalid_utf8);
    CHECK(code(R"("abc)") == decode_errc::truncated);
    CHECK(code(R"("\u12)") == decode_errc::truncated);
}

TEST_CASE("json: wrong types name the path") {
    auto e = decode_err(R"({"id":7,"name":"x","flag":true,"ratio":1,"items":[{"a":1},{"a":"2"}],"by_id":{},"hue":"red"})");
    CHECK(e.code == decode_errc::unexpected_type);
    CHECK(e.to_string() == "items[1].a: expected integer, got string");

    e = decode_err(R"({"id":7,"name":"x","flag":true,"ratio":1,"items":[],"by_id":{"3":[1,"x"]},"hue":"red"})");
    CHECK(e.to_string() == "by_id.3[1]: expected integer, got string");

    e = decode_err(R"({"id":7,"name":null,"flag":true,"ratio":1,"items":[],"by_id":{},"hue":"red"})");
    CHECK(e.to_string() == "name: expected string, got null");

    e = decode_err(R"([1])");
    CHECK(e.to_string() == "expected object, got array");
}

TEST_CASE("json: a missing required member is an error; absent optionals stay empty") {
    auto e = decode_err(R"({"id":7,"name":"x","flag":true,"ratio":1,"items":[],"by_id":{}})");
    CHECK(e.code == decode_errc::missing_member);
    CHECK(e.to_string() == "hue: missing required member");

    auto r = json::from_json<jt::inner>(R"({"a":1})");
    REQUIRE(r.has_value());
    CHECK_FALSE(r->b.has_value());

    auto d = json::from_json<jt::with_default>(R"({"required":1})");
    REQUIRE(d.has_value());
    CHECK(d->defaulted == 5);
    CHECK(json::from_json<jt::with_default>(R"({"defaulted":1})").error().to_string() == "required: missing required member");
}

TEST_CASE("json: unknown keys are skipped at any depth, or rejected in strict mode") {
    const char* text = R"({"a":1,"x":{"y":[1,{"z":null}],"w":"s"},"b":"q","t":[true,false,-1.5e3]})";
    auto r = json::from_json<jt::inner>(text);
    REQUIRE(r.has_value());
    CHECK(*r == jt::inner{1, "q"});
    json::read_options strict;
    strict.allow_unknown_members = false;
    auto s = json::from_json<jt::inner>(text, strict);
    REQUIRE_FALSE(s.has_value());
    CHECK(s.error().code == decode_errc::unknown_member);
    CHECK(s.error().to_string() == "x: unknown member");
}

TEST_CASE("json: numbers out of range are errors, never truncated") {
    auto n = [](std::string_view t) { return json::from_json<jt::narrow>(t); };
    CHECK(n(R"({"u8":255,"i16":-32768,"u32":4294967295})").has_value());
    CHECK(n(R"({"u8":256,"i16":0,"u32":0})").error().to_string() == "u8: number 256 out of range for a 8-bit integer");
    CHECK(n(R"({"u8":0,"i16":40000,"u32":0})").error().code == decode_errc::out_of_range);
    CHECK(n(R"({"u8":0,"i16":0,"u32":-1})").error().code == decode_errc::out_of_range);
    CHECK(n(R"({"u8":0,"i16":0,"u32":1.5})").error().to_string() == "u32: expected integer, got number 1.5");
    CHECK(json::from_json<std::int64_t>("9223372036854775807").has_value());
    CHECK(json::from_json<std::int64_t>("9223372036854775808").error().code == decode_errc::out_of_range);
    CHECK(json::from_json<double>("1e400").error().code == decode_errc::out_of_range);
    CHECK(*json::from_json<double>("-0.25e-2") == Approx(-0.0025));
}

TEST_CASE("json: malformed documents are syntax errors with an offset") {
    for (std::string_view bad : {"{", "{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\":1,", "[1,2", "tru", "nul", "-", "1.", "1e", ""}) {
        INFO(bad);
        auto r = json::from_json<jt::inner>(bad);
        REQUIRE_FALSE(r.has_value());
        CHECK((r.error().code == decode_errc::truncated || r.error().code == decode_errc::syntax_error ||
               r.error().code == decode_errc::unexpected_type));
    }
    for (std::string_view bad : {"{'a':1}", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":01}", "{\"a\":+1}", "{\"a\":1 \"b\":2}",
                                 "{\"a\":NaN}", "{\"a\":truex}", "{\"a\":1}//"}) {
        INFO(bad);
        auto r = json::from_json<jt::inner>(bad);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code != decode_errc::ok);
    }
    auto t = json::from_json<jt::inner>(R"({"a":1} x)");
    CHECK(t.error().code == decode_errc::trailing_data);
    CHECK(t.error().offset == 8);
}

TEST_CASE("json: every truncation of a valid document is a clean error") {
    std::string text = full;
    for (std::size_t n = 0; n < text.size(); ++n) {
        auto r = json::from_json<jt::outer>(std::string_view(text).substr(0, n));
        INFO(n);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().offset <= n);
    }
}

TEST_CASE("json: deep nesting is bounded") {
    std::string deep(10000, '[');
    deep += std::string(10000, ']');
    std::string doc = R"({"a":1,"x":)" + deep + "}";
    auto r = json::from_json<jt::inner>(doc);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == decode_errc::too_deep);
    CHECK(r.error().to_string() == "nesting deeper than 64");
    json::read_options opts;
    opts.max_depth = 20000;
    CHECK(json::from_json<jt::inner>(doc, opts).has_value());
}

TEST_CASE("json: huge strings are bounded") {
    std::string big = "\"" + std::string(1 << 20, 'x') + "\"";
    json::read_options opts;
    opts.max_string_length = 1000;
    auto r = json::from_json<std::string>(big, opts);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == decode_errc::too_large);
    CHECK(json::from_json<std::string>(big).has_value());
}

TEST_CASE("json: unknown enumerators are errors, never the first enumerator") {
    auto e = decode_err(R"({"id":7,"name":"x","flag":true,"ratio":1,"items":[],"by_id":{},"hue":"blue"})");
    CHECK(e.code == decode_errc::unknown_enumerator);
    CHECK(e.to_string() == R"(hue: unknown value "blue" (expected one of red, dark_green))");
}

TEST_CASE("json: duplicate keys: the last one wins") {
    auto r = json::from_json<jt::inner>(R"({"a":1,"a":2})");
    REQUIRE(r.has_value());
    CHECK(r->a == 2);
}

TEST_CASE("json: variants take the first alternative that fits") {
    using V = std::variant<std::vector<int>, std::vector<jt::inner>>;
    auto a = json::from_json<V>("[1,2]");
    REQUIRE(a.has_value());
    CHECK(a->index() == 0);
    auto b = json::from_json<V>(R"([{"a":1}])");
    REQUIRE(b.has_value());
    CHECK(b->index() == 1);
    CHECK_FALSE(json::from_json<V>(R"(["s"])").has_value());
}

TEST_CASE("json: read_into reuses storage") {
    jt::outer v;
    CHECK_FALSE(json::read_into(full, v));
    CHECK(v.items.size() == 2);
    CHECK_FALSE(json::read_into(full, v));
    CHECK(v.items.size() == 2);
}

TEST_CASE("json: integer arrays of any length, with the extremes, as numbers and as strings") {
    std::mt19937_64 rng(7);
    for (std::size_t n : {0u, 1u, 2u, 63u, 64u, 65u, 128u, 129u, 1000u}) {
        std::vector<std::int64_t> v(n);
        for (auto& x : v) {
            switch (rng() % 4) {
            case 0: x = std::numeric_limits<std::int64_t>::min(); break;
            case 1: x = std::numeric_limits<std::int64_t>::max(); break;
            case 2: x = static_cast<std::int64_t>(rng() % 100) - 50; break;
            default: x = static_cast<std::int64_t>(rng()); break;
            }
        }
        INFO("n = " << n);
        // Boost.JSON's serializer is the independent reference.
        CHECK(json::to_json(v) == boost::json::serialize(boost::json::value_from(v)));
        std::string quoted = "[";
        for (std::size_t i = 0; i < n; ++i) quoted += (i ? ",\"" : "\"") + std::to_string(v[i]) + "\"";
        quoted += "]";
        CHECK(json::to_json(v, {.int64_as_string = true}) == quoted);
    }
    CHECK(json::to_json(std::vector<std::uint8_t>{0, 255}) == "[0,255]");
    CHECK(json::to_json(std::vector<short>{-32768, 32767}) == "[-32768,32767]");
    CHECK(json::to_json(std::vector<int>{-1}, {.int64_as_string = true}) == "[-1]");  // only 64-bit ones are quoted
    CHECK(json::to_json(std::vector<bool>{true, false}) == "[true,false]");
}

TEST_CASE("json: writing through a caller's writer appends after what is there") {
    std::string out = "prefix:";
    json::writer w(out);
    w.raw('[');
    json::write(w, jt::inner{1, "one"});      // a bounded shape: written on a writer of its own
    w.raw(',');
    json::write(w, jt::outer{});              // not bounded (nested arrays of structs, a map)
    w.raw(',');
    json::write(w, std::vector<std::int64_t>{3, -7});
    w.raw(']');
    CHECK(out == R"(prefix:[{"a":1,"b":"one"},{"id":0,"name":"","flag":false,"ratio":0,"items":[],"by_id":{},"hue":"red"},[3,-7]])");
    CHECK(w.buffer() == out);
}

TEST_CASE("json: a bounded value writes no more than its most length, and the text of the growing writer") {
    std::mt19937_64 rng(7);
    const auto any_byte_string = [&](std::size_t max) {
        std::string s(rng() % max, '\0');
        for (auto& c : s) c = static_cast<char>(rng() % 4 == 0 ? rng() : 'a' + rng() % 26);  // controls, quotes, invalid UTF-8
        return s;
    };
    for (int i = 0; i < 2000; ++i) {
        jt::bounded_all v;
        v.id = (rng() & 1) ? std::numeric_limits<std::int64_t>::min() : static_cast<std::int64_t>(rng());
        v.ratio = (rng() & 1) ? -std::numeric_limits<double>::denorm_min() : std::uniform_real_distribution<double>(-1e300, 1e300)(rng);
        v.flag = rng() & 1;
        v.text = any_byte_string(80);
        if (rng() & 1) v.maybe = any_byte_string(8);
        v.hue = (rng() & 1) ? jt::color::dark_green : static_cast<jt::color>(rng() % 1000);
        v.ids.resize(rng() % 100);
        for (auto& x : v.ids) x = static_cast<std::int64_t>(rng());
        if (rng() & 1) v.peer.emplace(static_cast<std::int64_t>(rng()));
        if (rng() & 1) v.sizes = jt::narrow{255, -32768, 4294967295u};
        const json::write_options opts{.int64_as_string = (rng() & 1) != 0};

        const std::string text = json::to_json(v, opts);
        INFO(text);
        CHECK(text.size() <= json::detail::max_size(v));
        CHECK_NOTHROW(boost::json::parse(text));
        // Inside a vector (no bounded form) the same value is written with room grown as it goes.
        CHECK(json::to_json(std::vector<jt::bounded_all>{v}, opts) == "[" + text + "]");
    }
    // At the most: every byte of a string is an escape of six.
    const std::string invalid(600, '\xff');
    const std::string text = json::to_json(invalid);
    CHECK(text.size() == json::detail::max_size(invalid));
    CHECK(text == "\"" + [] { std::string e; for (int i = 0; i < 600; ++i) e += "\\ufffd"; return e; }() + "\"");
}

TEST_CASE("json: a long bounded value is not given six times its length") {
    jt::inner v{1, std::string(100'000, 'a')};
    std::string out;
    json::write_to(out, v);
    CHECK(out == "{\"a\":1,\"b\":\"" + *v.b + "\"}");
    CHECK(out.capacity() < 2 * out.size());
}

TEST_CASE("json: which shapes are written with their most length known ahead") {
    static_assert(json::detail::bounded<jt::inner>());
    static_assert(json::detail::bounded<jt::narrow>());
    static_assert(json::detail::bounded<std::vector<std::int64_t>>());
    static_assert(!json::detail::bounded<std::vector<jt::inner>>());
    static_assert(!json::detail::bounded<jt::outer>());
    static_assert(json::detail::bounded<nullable<std::int64_t>>());
    static_assert(!json::detail::bounded<nullable<jt::outer>>());
    static_assert(!json::detail::bounded<raw_json>());
    SUCCEED();
}

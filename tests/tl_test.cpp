// TL codec: primitives, vectors, constructors, flags, and malformed input.

#include <chatadmin/core/tl.hpp>

#include <boost/describe/class.hpp>
#include <catch2/catch.hpp>

#include "tl_bytes.hpp"

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tl = chatadmin::tl;
using chatadmin::decode_errc;

using tl_bytes::hex;
using tl_bytes::unhex;
using tl_bytes::check_prefixes;

namespace {




template <class T, unsigned B, unsigned W>
const std::optional<T>& as_optional(const tl::opt<T, B, W>& o) {
    return o;
}

template <class T>
void check_both_ways(const T& v, const std::string& hexbytes) {
    std::string bytes = unhex(hexbytes);
    CHECK(hex(tl::encode(v)) == hex(bytes));
    auto d = tl::decode<T>(bytes);
    REQUIRE(d.has_value());
    CHECK(hex(tl::encode(*d)) == hex(bytes));
}

} // namespace

namespace sample {

// req_pq_multi#be7e8ef1 nonce:int128 = ResPQ;
struct req_pq_multi {
    static constexpr std::uint32_t tl_id = 0xbe7e8ef1;
    static constexpr std::string_view tl_name = "req_pq_multi";
    tl::int128 nonce;
};
BOOST_DESCRIBE_STRUCT(req_pq_multi, (), (nonce))

// resPQ#05162463 nonce:int128 server_nonce:int128 pq:string
//   server_public_key_fingerprints:Vector<long> = ResPQ;
struct res_pq {
    static constexpr std::uint32_t tl_id = 0x05162463;
    static constexpr std::string_view tl_name = "resPQ";
    tl::int128 nonce;
    tl::int128 server_nonce;
    tl::bytes pq;
    std::vector<std::int64_t> server_public_key_fingerprints;
};
BOOST_DESCRIBE_STRUCT(res_pq, (), (nonce, server_nonce, pq, server_public_key_fingerprints))

struct leaf {
    static constexpr std::uint32_t tl_id = 0x11111111;
    static constexpr std::string_view tl_name = "leaf";
    std::string name;
};
BOOST_DESCRIBE_STRUCT(leaf, (), (name))

struct node;
struct wrap {
    static constexpr std::uint32_t tl_id = 0x22222222;
    static constexpr std::string_view tl_name = "wrap";
    tl::indirect<node> inner;
};
BOOST_DESCRIBE_STRUCT(wrap, (), (inner))

struct node : std::variant<leaf, wrap> {
    using variant::variant;
};

struct holder {
    static constexpr std::uint32_t tl_id = 0x33333333;
    static constexpr std::string_view tl_name = "holder";
    std::vector<node> items;
    tl::bare<std::vector<std::int32_t>> bare_ints;
    bool ok = false;
    double ratio = 0;
};
BOOST_DESCRIBE_STRUCT(holder, (), (items, bare_ints, ok, ratio))

// Two flags words, true-flags, optional fields, and a bit shared by two members.
struct flagged {
    static constexpr std::uint32_t tl_id = 0x44444444;
    static constexpr std::string_view tl_name = "flagged";
    tl::flags<0> flags;
    tl::flag<0> a;
    tl::flag<3> b;
    tl::flag<31> c;
    std::int64_t id = 0;
    tl::opt<std::int32_t, 1> n;
    tl::opt<std::string, 2> text;
    tl::flag<5> shared;
    tl::opt<std::int64_t, 5> shared_value;
    tl::flags<1> flags2;
    tl::flag<0, 1> d;
    tl::opt<std::vector<std::int64_t>, 4, 1> list;
    tl::opt<tl::unmodelled<"MessageMedia">, 7> media;
    tl::opt<std::vector<tl::unmodelled<"MessageEntity">>, 8> entities;
};
BOOST_DESCRIBE_STRUCT(flagged, (),
                      (flags, a, b, c, id, n, text, shared, shared_value, flags2, d, list, media, entities))

} // namespace sample

TEST_CASE("tl: int, long and double are little-endian words") {
    check_both_ways<std::int32_t>(-1, "ff ff ff ff");
    check_both_ways<std::int32_t>(std::numeric_limits<std::int32_t>::min(), "00 00 00 80");
    check_both_ways<std::int32_t>(1, "01 00 00 00");
    check_both_ways<std::int64_t>(1, "01 00 00 00 00 00 00 00");
    check_both_ways<std::int64_t>(-2, "fe ff ff ff ff ff ff ff");
    check_both_ways<double>(1.5, "00 00 00 00 00 00 f8 3f");
    check_prefixes<std::int64_t>(unhex("fe ff ff ff ff ff ff ff"));
}

TEST_CASE("tl: strings in short and long form, padded to 4 bytes") {
    check_both_ways<std::string>("", "00 00 00 00");
    check_both_ways<std::string>("a", "01 61 00 00");
    check_both_ways<std::string>("abc", "03 61 62 63");
    check_both_ways<std::string>("abcd", "04 61 62 63 64 00 00 00");

    std::string s253(253, 'y');
    auto e253 = tl::encode(s253);
    CHECK(e253.size() == 256);
    CHECK(static_cast<unsigned char>(e253[0]) == 253);

    std::string s254(254, 'x');
    auto e254 = tl::encode(s254);
    REQUIRE(e254.size() == 260);
    CHECK(hex(e254.substr(0, 4)) == "fe fe 00 00");
    CHECK(e254.substr(4, 254) == s254);
    CHECK(e254.substr(258) == std::string(2, '\0'));
    CHECK(tl::decode<std::string>(e254).value() == s254);

    std::string s256;
    for (int i = 0; i < 256; ++i) s256 += static_cast<char>(i);
    auto e256 = tl::encode(tl::bytes(s256));
    REQUIRE(e256.size() == 260);
    CHECK(hex(e256.substr(0, 4)) == "fe 00 01 00");
    CHECK(e256.substr(4) == s256);
    CHECK(tl::decode<tl::bytes>(e256).value() == s256);

    for (const auto& e : {e253, e254, e256, tl::encode(std::string("abcd"))}) check_prefixes<std::string>(e);
}

TEST_CASE("tl: Bool is boxed boolTrue / boolFalse") {
    check_both_ways(true, "b5 75 72 99");
    check_both_ways(false, "37 97 79 bc");
    auto bad = tl::decode<bool>(unhex("01 00 00 00"));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == decode_errc::unknown_constructor);
    CHECK(bad.error().message.find("0x00000001") != std::string::npos);
}

TEST_CASE("tl: Vector headers") {
    check_both_ways(std::vector<std::int64_t>{}, "15 c4 b5 1c 00 00 00 00");
    check_both_ways(std::vector<std::int32_t>{7}, "15 c4 b5 1c 01 00 00 00 07 00 00 00");
    check_both_ways(std::vector<bool>{true, false}, "15 c4 b5 1c 02 00 00 00 b5 75 72 99 37 97 79 bc");
    check_both_ways(tl::bare<std::vector<std::int32_t>>{{5}}, "01 00 00 00 05 00 00 00");
    check_prefixes<std::vector<std::int32_t>>(unhex("15 c4 b5 1c 02 00 00 00 01 00 00 00 02 00 00 00"));

    auto wrong = tl::decode<std::vector<std::int32_t>>(unhex("16 c4 b5 1c 00 00 00 00"));
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().code == decode_errc::unknown_constructor);
    CHECK(wrong.error().message.find("0x1cb5c416") != std::string::npos);
}

TEST_CASE("tl: published req_pq_multi and resPQ samples") {
    sample::req_pq_multi req;
    auto nonce = unhex("40 67 09 F6 12 FA DF BE C3 F0 28 9D 0A A6 7E EF");
    std::copy(nonce.begin(), nonce.end(), reinterpret_cast<char*>(req.nonce.data.data()));
    const char* req_hex = "F1 8E 7E BE 40 67 09 F6 12 FA DF BE C3 F0 28 9D 0A A6 7E EF";
    check_both_ways(req, req_hex);
    check_prefixes<sample::req_pq_multi>(unhex(req_hex));

    const char* res_hex = "63 24 16 05 40 67 09 F6 12 FA DF BE C3 F0 28 9D 0A A6 7E EF"
                          "E1 1D BC 3B C9 7D 91 A2 61 54 F9 32 AF 01 99 43"
                          "08 25 65 95 ED B7 76 67 97 00 00 00"
                          "15 C4 B5 1C 03 00 00 00 A5 B7 F7 09 35 5F C3 0B 21 6B E8 6C 02 2B B4 C3"
                          "85 FD 64 DE 85 1D 9D D0";
    auto res = tl::decode<sample::res_pq>(unhex(res_hex));
    REQUIRE(res);
    CHECK(res->nonce == req.nonce);
    CHECK(hex(res->pq) == "25 65 95 ed b7 76 67 97");
    REQUIRE(res->server_public_key_fingerprints.size() == 3);
    CHECK(static_cast<std::uint64_t>(res->server_public_key_fingerprints[0]) == 0x0bc35f3509f7b7a5ull);
    CHECK(static_cast<std::uint64_t>(res->server_public_key_fingerprints[2]) == 0xd09d1d85de64fd85ull);
    check_both_ways(*res, res_hex);
    check_prefixes<sample::res_pq>(unhex(res_hex));

    // p_q_inner_data_dc begins with the same pq string, then p.
    CHECK(hex(tl::encode(tl::bytes(unhex("25 65 95 ED B7 76 67 97")))) == "08 25 65 95 ed b7 76 67 97 00 00 00");
    CHECK(hex(tl::encode(tl::bytes(unhex("5A 30 0D 4B")))) == "04 5a 30 0d 4b 00 00 00");
}

TEST_CASE("tl: a length prefix past the end or beyond the limits is an error") {
    auto past = tl::decode<std::string>(unhex("fe ff ff 00 61 62 63 64"));
    REQUIRE_FALSE(past);
    CHECK(past.error().code == decode_errc::truncated);
    CHECK(past.error().offset == 0);

    tl::limits small;
    small.max_string = 100;
    auto big = tl::decode<std::string>(tl::encode(std::string(200, 'z')), small);
    REQUIRE_FALSE(big);
    CHECK(big.error().code == decode_errc::too_large);

    auto ff = tl::decode<std::string>(unhex("ff 00 00 00 00 00 00 00"));
    REQUIRE_FALSE(ff);
    CHECK(ff.error().code == decode_errc::invalid_value);

    auto huge = tl::decode<std::vector<std::int64_t>>(unhex("15 c4 b5 1c ff ff ff 7f"));
    REQUIRE_FALSE(huge);
    CHECK(huge.error().code == decode_errc::too_large);

    auto many = tl::decode<std::vector<std::int64_t>>(unhex("15 c4 b5 1c e8 03 00 00 01 00 00 00 00 00 00 00"));
    REQUIRE_FALSE(many);
    CHECK(many.error().code == decode_errc::truncated);

    auto negative = tl::decode<std::vector<std::int32_t>>(unhex("15 c4 b5 1c ff ff ff ff"));
    REQUIRE_FALSE(negative);
    CHECK(negative.error().code == decode_errc::invalid_value);
}

TEST_CASE("tl: trailing garbage after a top-level value") {
    auto r = tl::decode<std::int32_t>(unhex("01 00 00 00 02"));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == decode_errc::trailing_data);
    CHECK(r.error().offset == 4);
    const std::string two = unhex("01 00 00 00 02 00 00 00");
    tl::reader rd(two);
    CHECK(tl::decode_from<std::int32_t>(rd).value() == 1);
    CHECK(tl::decode_from<std::int32_t>(rd).value() == 2);
    CHECK(rd.remaining() == 0);
}

TEST_CASE("tl: wrong and unknown constructors name the id") {
    auto wrong = tl::decode<sample::leaf>(unhex("22 22 22 22 00 00 00 00"));
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().code == decode_errc::unknown_constructor);
    CHECK(wrong.error().message.find("0x22222222") != std::string::npos);
    CHECK(wrong.error().message.find("leaf#11111111") != std::string::npos);

    auto unknown = tl::decode<sample::node>(unhex("ef be ad de 00 00 00 00"));
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == decode_errc::unknown_constructor);
    CHECK(unknown.error().message.find("0xdeadbeef") != std::string::npos);
    CHECK(unknown.error().message.find("leaf, wrap") != std::string::npos);
}

TEST_CASE("tl: polymorphic values, nesting, and error paths") {
    sample::holder h;
    h.items.push_back(sample::leaf{"one"});
    h.items.push_back(sample::wrap{sample::node{sample::leaf{"two"}}});
    h.bare_ints.value = {1, 2};
    h.ok = true;
    h.ratio = 0.25;
    auto bytes = tl::encode(h);
    auto back = tl::decode<sample::holder>(bytes);
    REQUIRE(back);
    REQUIRE(back->items.size() == 2);
    CHECK(std::get<sample::leaf>(back->items[0]).name == "one");
    CHECK(std::get<sample::leaf>(*std::get<sample::wrap>(back->items[1]).inner).name == "two");
    CHECK(back->bare_ints.value == std::vector<std::int32_t>{1, 2});
    CHECK(back->ok);
    CHECK(back->ratio == 0.25);
    CHECK(tl::encode(*back) == bytes);
    check_prefixes<sample::holder>(bytes);

    // Cut inside the second item's inner leaf name.
    auto cut = tl::decode<sample::holder>(std::string_view(bytes).substr(0, 4 + 8 + 8 + 4 + 4 + 2));
    REQUIRE_FALSE(cut);
    CHECK(cut.error().path == "items[1].inner.name");
    CHECK(cut.error().to_string().rfind("items[1].inner.name: ", 0) == 0);
}

TEST_CASE("tl: nesting depth is limited") {
    std::string deep;
    for (int i = 0; i < 100000; ++i) tl::put_u32(deep, sample::wrap::tl_id);
    tl::put_u32(deep, sample::leaf::tl_id);
    tl::put_string(deep, "x");
    auto r = tl::decode<sample::node>(deep);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == decode_errc::too_deep);

    std::string shallow;
    for (int i = 0; i < 10; ++i) tl::put_u32(shallow, sample::wrap::tl_id);
    tl::put_u32(shallow, sample::leaf::tl_id);
    tl::put_string(shallow, "x");
    CHECK(tl::decode<sample::node>(shallow).has_value());
    tl::limits lim;
    lim.max_depth = 5;
    auto limited = tl::decode<sample::node>(shallow, lim);
    REQUIRE_FALSE(limited);
    CHECK(limited.error().code == decode_errc::too_deep);
}

TEST_CASE("tl: flags are computed from the members") {
    sample::flagged f;
    f.a = true;
    f.id = 7;
    f.text = "hi";
    f.d = true;
    auto bytes = tl::encode(f);
    CHECK(hex(bytes) == "44 44 44 44 05 00 00 00 07 00 00 00 00 00 00 00 02 68 69 00 01 00 00 00");

    f.flags.value = 0x7; // bits 1 and 2 are declared: ignored; bit 0 declared and set
    CHECK(tl::encode(f) == bytes);

    // A shared bit promises both values: the absent one is written as its default.
    sample::flagged s;
    s.shared = true;
    auto sb = tl::encode(s);
    CHECK(hex(sb) == "44 44 44 44 20 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00");
    auto sd = tl::decode<sample::flagged>(sb).value();
    CHECK(sd.shared);
    CHECK(sd.shared_value == std::int64_t{0});

    // An empty vector of an unmodelled type is still representable.
    sample::flagged e;
    e.entities.emplace();
    auto eb = tl::encode(e);
    CHECK(hex(eb) == "44 44 44 44 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 15 c4 b5 1c 00 00 00 00");
    CHECK(tl::decode<sample::flagged>(eb).value().entities.has_value());
}

TEST_CASE("tl: bits nobody declares are kept and written back") {
    auto in = unhex("44 44 44 44 00 00 10 40 07 00 00 00 00 00 00 00 00 00 00 80");
    auto d = tl::decode<sample::flagged>(in);
    REQUIRE(d);
    CHECK(d->flags.value == 0x40100000);
    CHECK(d->flags2.value == 0x80000000);
    CHECK(d->id == 7);
    CHECK(tl::encode(*d) == in);
}

TEST_CASE("tl: a present field of an unmodelled type is an error naming it") {
    auto media = tl::decode<sample::flagged>(unhex("44 44 44 44 80 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "
                                                   "3d ed 20 63"));
    REQUIRE_FALSE(media);
    CHECK(media.error().code == decode_errc::unexpected_type);
    CHECK(media.error().path == "media");
    CHECK(media.error().message.find("MessageMedia") != std::string::npos);
    CHECK(media.error().offset == 20);

    auto ents = tl::decode<sample::flagged>(unhex("44 44 44 44 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "
                                                  "15 c4 b5 1c 01 00 00 00 00 00 00 00"));
    REQUIRE_FALSE(ents);
    CHECK(ents.error().path == "entities");
    CHECK(ents.error().message.find("MessageEntity") != std::string::npos);
}

TEST_CASE("tl: random flagged values round-trip") {
    std::mt19937_64 rng(20260801);
    auto bit = [&] { return (rng() & 1) != 0; };
    auto text = [&] {
        std::string s(rng() % 600, '\0');
        for (auto& c : s) c = static_cast<char>(rng());
        return s;
    };
    for (int i = 0; i < 3000; ++i) {
        sample::flagged f;
        f.a = bit();
        f.b = bit();
        f.c = bit();
        f.id = static_cast<std::int64_t>(rng());
        if (bit()) f.n = static_cast<std::int32_t>(rng());
        if (bit()) f.text = text();
        f.shared = bit();
        if (bit()) f.shared_value = static_cast<std::int64_t>(rng());
        f.d = bit();
        if (bit()) {
            f.list.emplace();
            for (auto k = rng() % 5; k > 0; --k) f.list->push_back(static_cast<std::int64_t>(rng()));
        }
        auto bytes = tl::encode(f);
        REQUIRE(bytes.size() % 4 == 0);
        auto d = tl::decode<sample::flagged>(bytes);
        REQUIRE(d);
        CHECK(d->a == f.a);
        CHECK(d->b == f.b);
        CHECK(d->c == f.c);
        CHECK(d->id == f.id);
        CHECK(as_optional(d->n) == as_optional(f.n));
        CHECK(as_optional(d->text) == as_optional(f.text));
        CHECK(d->shared == (f.shared || f.shared_value.has_value()));
        CHECK(d->shared_value.has_value() == (f.shared || f.shared_value.has_value()));
        CHECK(d->d == f.d);
        CHECK(as_optional(d->list) == as_optional(f.list));
        CHECK(tl::encode(*d) == bytes);
        if (i % 100 == 0) check_prefixes<sample::flagged>(bytes);
    }
}

TEST_CASE("tl: random strings round-trip and stay aligned") {
    std::mt19937 rng(42);
    for (int i = 0; i < 3000; ++i) {
        std::size_t len = i < 600 ? static_cast<std::size_t>(i) : rng() % 70000;
        tl::bytes s(std::string(len, '\0'));
        for (auto& c : s) c = static_cast<char>(rng());
        auto e = tl::encode(s);
        REQUIRE(e.size() % 4 == 0);
        CHECK(e.size() == ((len <= 253 ? 1 : 4) + len + 3) / 4 * 4);
        auto d = tl::decode<tl::bytes>(e);
        REQUIRE(d);
        CHECK(*d == s);
    }
}

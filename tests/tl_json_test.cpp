// The JSON form of TL objects: {"_":"predicate", …}, long as a string, bytes as base64.

#include <chatadmin/core/tl.hpp>
#include <chatadmin/telegram.hpp>

#include <boost/describe/class.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>
#include <catch2/catch.hpp>

#include "telegram_samples.hpp"
#include "tl_bytes.hpp"

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tl = chatadmin::tl;
namespace tg = chatadmin::telegram;
namespace json = chatadmin::json;
using chatadmin::decode_errc;

using tl_bytes::hex;
using tl_bytes::unhex;
using tl_bytes::check_prefixes;

namespace {



template <class T>
chatadmin::decode_error json_error(std::string_view text) {
    auto r = json::from_json<T>(text);
    REQUIRE_FALSE(r.has_value());
    return r.error();
}

// The same value both ways: TL bytes after a TL round trip equal those after a JSON one.
template <class T>
void check_round_trip(const T& v) {
    const std::string bytes = tl::encode(v);
    auto via_tl = tl::decode<T>(bytes);
    REQUIRE(via_tl);
    const std::string text = json::to_json(v);
    INFO(text);
    CHECK_NOTHROW(boost::json::parse(text));
    auto via_json = json::from_json<T>(text);
    if (!via_json) FAIL(via_json.error().to_string());
    CHECK(hex(tl::encode(*via_json)) == hex(tl::encode(*via_tl)));
    CHECK(json::to_json(*via_json) == text);
}

const std::int64_t hash = 0x0102030405060708;

tg::channels::edit_admin documented_edit_admin() {
    tg::channels::edit_admin e;
    e.channel = tg::input_channel{1234567890, hash};
    e.user_id = tg::input_user{987654321, -1};
    e.admin_rights.change_info = true;
    e.admin_rights.delete_messages = true;
    e.admin_rights.ban_users = true;
    e.admin_rights.pin_messages = true;
    e.rank = "mod";
    return e;
}

const std::string edit_admin_json =
    R"({"_":"channels.editAdmin",)"
    R"("channel":{"_":"inputChannel","channel_id":"1234567890","access_hash":"72623859790382856"},)"
    R"("user_id":{"_":"inputUser","user_id":"987654321","access_hash":"-1"},)"
    R"("admin_rights":{"_":"chatAdminRights","change_info":true,"delete_messages":true,"ban_users":true,"pin_messages":true},)"
    R"("rank":"mod"})";

// ---- random values of any described TL type ----

struct random_values {
    std::mt19937_64 rng;
    int depth = 0;

    bool coin() { return (rng() & 1) != 0; }

    std::string text() {
        static constexpr std::string_view pieces[] = {"a", "Z", "0", " ", "\"", "\\", "\n", "\x01", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "/"};
        std::string s;
        for (auto n = rng() % 12; n > 0; --n) s += pieces[rng() % std::size(pieces)];
        return s;
    }

    std::int64_t any_long() {
        switch (rng() % 4) {
        case 0: return std::numeric_limits<std::int64_t>::min();
        case 1: return std::numeric_limits<std::int64_t>::max();
        case 2: return static_cast<std::int64_t>(rng() % 2000) - 1000;
        default: return static_cast<std::int64_t>(rng());
        }
    }

    template <class T>
    void fill(T& v) {
        using namespace tl::detail;
        if constexpr (std::is_same_v<T, bool>) v = coin();
        else if constexpr (std::is_same_v<T, std::int32_t>) v = static_cast<std::int32_t>(rng());
        else if constexpr (std::is_same_v<T, std::int64_t>) v = any_long();
        else if constexpr (std::is_same_v<T, double>) v = std::ldexp(static_cast<double>(static_cast<std::int64_t>(rng())), static_cast<int>(rng() % 200) - 100);
        else if constexpr (std::is_same_v<T, tl::bytes>) {
            v.assign(rng() % 40, '\0');
            for (auto& c : v) c = static_cast<char>(rng());
        } else if constexpr (std::is_same_v<T, std::string>) v = text();
        else if constexpr (is_intn<T>::value) for (auto& b : v.data) b = static_cast<std::uint8_t>(rng());
        else if constexpr (is_vector<T>::value) {
            v.clear();
            if constexpr (!is_unmodelled<typename T::value_type>::value)
                if (depth < 4)
                    for (auto n = rng() % 4; n > 0; --n) {
                        typename T::value_type e{};
                        fill(e);
                        v.push_back(std::move(e));
                    }
        } else if constexpr (is_bare<T>::value) fill(v.value);
        else if constexpr (is_indirect<T>::value) fill(*v);
        else if constexpr (tl::polymorphic<T>) {
            using V = tl::variant_of<T>;
            constexpr std::size_t n = std::variant_size_v<V>;
            ++depth;
            boost::mp11::mp_with_index<n>(depth > 3 ? 0 : rng() % n, [&](auto I) { fill(tl::detail::as_variant(v).template emplace<I>()); });
            --depth;
        } else if constexpr (tl::constructor<T>) {
            boost::mp11::mp_for_each<tl::detail::members<T>>([&](auto D) {
                using M = tl::detail::member_t<T, decltype(D)>;
                auto& m = v.*D.pointer;
                if constexpr (is_flags<M>::value) m.value = 0;
                else if constexpr (is_flag<M>::value) m.value = coin();
                else if constexpr (is_opt<M>::value) {
                    m.reset();
                    if constexpr (!is_unmodelled<typename M::value_type>::value)
                        if (coin()) fill(m.emplace());
                } else fill(m);
            });
        }
    }

    template <class T>
    T make() {
        T v{};
        fill(v);
        return v;
    }
};

} // namespace

namespace sample {

struct node;

// Every primitive the TL JSON form knows.
struct everything {
    static constexpr std::uint32_t tl_id = 0x0e0e0e0e;
    static constexpr std::string_view tl_name = "sample.everything";
    tl::flags<> flags;
    tl::flag<0> on;
    std::int32_t i = 0;
    std::int64_t l = 0;
    double d = 0;
    std::string s;
    tl::bytes b;
    tl::int128 nonce;
    tl::int256 key;
    bool yes = false;
    std::vector<std::int64_t> longs;
    tl::bare<std::vector<std::int32_t>> bare_ints;
    tl::opt<tl::bytes, 1> maybe;
    tl::flags<1> flags2;
    tl::opt<std::vector<tl::bytes>, 0, 1> blobs;
    tl::opt<tl::unmodelled<"Nothing">, 2> never;
    std::vector<tl::unmodelled<"Nothing">> none;
    std::vector<bool> bools;
};
BOOST_DESCRIBE_STRUCT(everything, (), (flags, on, i, l, d, s, b, nonce, key, yes, longs, bare_ints, maybe, flags2, blobs, never, none, bools))

struct leaf {
    static constexpr std::uint32_t tl_id = 0x11111111;
    static constexpr std::string_view tl_name = "leaf";
    std::string name;
};
BOOST_DESCRIBE_STRUCT(leaf, (), (name))

struct wrap {
    static constexpr std::uint32_t tl_id = 0x22222222;
    static constexpr std::string_view tl_name = "wrap";
    tl::indirect<node> inner;
};
BOOST_DESCRIBE_STRUCT(wrap, (), (inner))

struct node : std::variant<leaf, wrap> {
    using variant::variant;
};

} // namespace sample

TEST_CASE("tl json: editAdmin in the current form, both ways") {
    auto e = documented_edit_admin();
    CHECK(json::to_json(e) == edit_admin_json);
    auto back = json::from_json<tg::channels::edit_admin>(edit_admin_json);
    REQUIRE(back);
    CHECK(hex(tl::encode(*back)) ==
          hex(unhex("68 ad 98 9a 01 00 00 00 28 ec 5a f3 d2 02 96 49 00 00 00 00 08 07 06 05 04 03 02 01 "
                    "c6 58 11 f2 b1 68 de 3a 00 00 00 00 ff ff ff ff ff ff ff ff d5 24 b2 5f 99 00 00 00 03 6d 6f 64")));

    e.rank.reset();
    CHECK(json::to_json(e).find("rank") == std::string::npos);
    check_round_trip(e);
}

TEST_CASE("tl json: editAdmin in the seed's #d33c8902 form") {
    auto legacy = tg::channels::to_legacy(documented_edit_admin());
    // Same predicate and the same fields: the JSON text is the same as the current form's.
    CHECK(json::to_json(legacy) == edit_admin_json);
    auto back = json::from_json<tg::channels::legacy::edit_admin>(edit_admin_json);
    REQUIRE(back);
    CHECK(hex(tl::encode(*back)) ==
          hex(unhex("02 89 3c d3 28 ec 5a f3 d2 02 96 49 00 00 00 00 08 07 06 05 04 03 02 01 "
                    "c6 58 11 f2 b1 68 de 3a 00 00 00 00 ff ff ff ff ff ff ff ff d5 24 b2 5f 99 00 00 00 03 6d 6f 64")));

    // In a type holding both, the second is written (and selected) as "predicate#id".
    struct either : std::variant<tg::channels::edit_admin, tg::channels::legacy::edit_admin> {
        using variant::variant;
    };
    std::string text = json::to_json(either{legacy});
    CHECK(text.starts_with(R"({"_":"channels.editAdmin#d33c8902","channel":)"));
    auto sel = json::from_json<either>(text);
    REQUIRE(sel);
    CHECK(sel->index() == 1);
    auto plain = json::from_json<either>(edit_admin_json);
    REQUIRE(plain);
    CHECK(plain->index() == 0);
    CHECK(json::to_json(either{documented_edit_admin()}) == edit_admin_json);
    // A wrong id for a monomorphic target is an unknown constructor.
    auto err = json_error<tg::channels::edit_admin>(R"({"_":"channels.editAdmin#d33c8902"})");
    CHECK(err.code == decode_errc::unknown_constructor);
    CHECK(err.path == "_");
}

TEST_CASE("tl json: rpc_error(420, FLOOD_WAIT_30)") {
    tg::rpc_error e{420, "FLOOD_WAIT_30"};
    const std::string text = R"({"_":"rpc_error","error_code":420,"error_message":"FLOOD_WAIT_30"})";
    CHECK(json::to_json(e) == text);
    auto back = json::from_json<tg::rpc_error>(text);
    REQUIRE(back);
    CHECK(hex(tl::encode(*back)) == hex(unhex("19 ca 44 21 a4 01 00 00 0d 46 4c 4f 4f 44 5f 57 41 49 54 5f 33 30 00 00")));
    auto api = tg::api_error::from(*back);
    CHECK(api.retry_after() == std::chrono::seconds(30));
    // Keys in any order; "_" last is fine.
    auto shuffled = json::from_json<tg::rpc_error>(R"({"error_message":"USER_CREATOR","error_code":400,"_":"rpc_error"})");
    REQUIRE(shuffled);
    CHECK(shuffled->error_code == 400);
    CHECK(shuffled->error_message == "USER_CREATOR");
}

TEST_CASE("tl json: an updates answer with updateChannel and updateChannelParticipant") {
    const tg::updates_type answer{telegram_samples::sample_answer()};

    const std::string text =
        R"({"_":"updates","updates":[{"_":"updateChannel","channel_id":"1234567890"},)"
        R"({"_":"updateChannelParticipant","channel_id":"1234567890","date":1700000000,"actor_id":"42","user_id":"987654321",)"
        R"("prev_participant":{"_":"channelParticipant","user_id":"987654321","date":1600000000},)"
        R"("new_participant":{"_":"channelParticipantAdmin","can_edit":true,"user_id":"987654321","promoted_by":"42","date":1700000000,)"
        R"("admin_rights":{"_":"chatAdminRights","change_info":true,"manage_linked_peers":true},"rank":"mod"},"qts":5}],)"
        R"("users":[{"_":"userEmpty","id":"987654321"}],)"
        R"("chats":[{"_":"channelForbidden","megagroup":true,"id":"1234567890","access_hash":"7","title":"group"}],)"
        R"("date":1700000001,"seq":0})";
    CHECK(json::to_json(answer) == text);
    auto back = json::from_json<tg::updates_type>(text);
    REQUIRE(back);
    CHECK(hex(tl::encode(*back)) == hex(tl::encode(answer)));
    auto& b = std::get<tg::updates>(*back);
    auto& a = std::get<tg::channel_participant_admin>(*std::get<tg::update_channel_participant>(b.updates[1]).new_participant);
    CHECK(a.can_edit);
    CHECK_FALSE(a.self);
    CHECK(a.rank == std::string("mod"));
    check_round_trip(answer);

    // The same answer through the binary decoder and back out as JSON.
    auto from_tl = tl::decode<tg::updates_type>(tl::encode(answer));
    REQUIRE(from_tl);
    CHECK(json::to_json(*from_tl) == text);
}

TEST_CASE("tl json: full user and channel constructors of layers 228 and 227") {
    tg::user cur;
    cur.id = 987654321;
    cur.access_hash = -1;
    cur.first_name = "Ivan";
    cur.username = "ivanp";
    cur.status = tg::user_status_recently{{}, true};
    cur.usernames = std::vector<tg::username>{{{}, true, true, "ivanp"}};
    cur.linked_community_id = 7;
    tg::legacy::user old;
    old.self = true;
    old.id = 100000001;
    old.stories_unavailable = true;
    tg::channel ch;
    ch.megagroup = true;
    ch.id = 1234567890;
    ch.access_hash = 72623859790382856;
    ch.title = "Mock channel";
    ch.photo = tg::chat_photo{{}, false, 5, chatadmin::tl::bytes(std::string("\x01\x02", 2)), 2};
    ch.date = 1600000000;
    ch.participants_count = 3;
    ch.color = tg::input_peer_color_collectible{11};
    tg::legacy::channel och;
    och.broadcast = true;
    och.id = 1;
    och.title = "old";
    och.level = 2;
    tg::updates u;
    u.updates = {tg::update_channel{1234567890}};
    u.users = {cur, old};
    u.chats = {ch, och};
    u.date = 1700000000;
    const tg::updates_type answer{u};

    const std::string text =
        R"({"_":"updates","updates":[{"_":"updateChannel","channel_id":"1234567890"}],"users":[)"
        R"({"_":"user","id":"987654321","access_hash":"-1","first_name":"Ivan","username":"ivanp",)"
        R"("status":{"_":"userStatusRecently","by_me":true},"usernames":[{"_":"username","editable":true,"active":true,"username":"ivanp"}],)"
        R"("linked_community_id":"7"},)"
        R"({"_":"user#31774388","self":true,"stories_unavailable":true,"id":"100000001"}],"chats":[)"
        R"({"_":"channel","megagroup":true,"id":"1234567890","access_hash":"72623859790382856","title":"Mock channel",)"
        R"("photo":{"_":"chatPhoto","photo_id":"5","stripped_thumb":"AQI=","dc_id":2},"date":1600000000,"participants_count":3,)"
        R"("color":{"_":"inputPeerColorCollectible","collectible_id":"11"}},)"
        R"({"_":"channel#1c32b11c","broadcast":true,"id":"1","title":"old","photo":{"_":"chatPhotoEmpty"},"date":0,"level":2}],)"
        R"("date":1700000000,"seq":0})";
    CHECK(json::to_json(answer) == text);
    auto back = json::from_json<tg::updates_type>(text);
    if (!back) FAIL(back.error().to_string());
    CHECK(hex(tl::encode(*back)) == hex(tl::encode(answer)));
    auto& b = std::get<tg::updates>(*back);
    CHECK(std::holds_alternative<tg::user>(b.users[0]));
    CHECK(std::get<tg::legacy::user>(b.users[1]).self);
    CHECK(std::holds_alternative<tg::channel>(b.chats[0]));
    CHECK(std::get<tg::legacy::channel>(b.chats[1]).level == 2);
    check_round_trip(answer);

    // A plain "user" or "channel" reads as the layer-228 constructor.
    auto plain = json::from_json<tg::user_type>(R"({"_":"user","id":"5"})");
    REQUIRE(plain);
    CHECK(std::holds_alternative<tg::user>(*plain));
    auto plain_channel = json::from_json<tg::chat_type>(R"({"_":"channel","id":"5","title":"","photo":{"_":"chatPhotoEmpty"},"date":0})");
    REQUIRE(plain_channel);
    CHECK(std::holds_alternative<tg::channel>(*plain_channel));
    CHECK(std::holds_alternative<tg::chat_photo_empty>(std::get<tg::channel>(*plain_channel).photo));

    // The shared full sample: TL to JSON to TL gives the same bytes.
    const tg::updates_type full{telegram_samples::full_answer()};
    check_round_trip(full);
    auto from_tl = tl::decode<tg::updates_type>(tl::encode(full));
    REQUIRE(from_tl);
    CHECK(json::to_json(*from_tl) == json::to_json(full));
}

TEST_CASE("tl json: bad nested parts of a user or channel name the place") {
    auto e = json_error<tg::updates_type>(
        R"({"_":"updates","updates":[],"users":[{"_":"user","id":"1","photo":{"_":"userProfilePhotoBig"}}],"chats":[],"date":0,"seq":0})");
    CHECK(e.code == decode_errc::unknown_constructor);
    CHECK(e.path == "users[0].photo._");
    CHECK(e.message.find("userProfilePhotoEmpty, userProfilePhoto") != std::string::npos);
    auto c = json_error<tg::updates_type>(
        R"({"_":"updates","updates":[],"users":[],"chats":[{"_":"channel","id":"1","title":"t","photo":{"_":"chatPhotoEmpty"},"date":0,)"
        R"("usernames":[{"_":"username","username":"a"},{"_":"username","username":5}]}],"date":0,"seq":0})");
    CHECK(c.code == decode_errc::unexpected_type);
    CHECK(c.path == "chats[0].usernames[1].username");
    auto m = json_error<tg::chat_type>(R"({"_":"channel","id":"1","title":"t","date":0})");
    CHECK(m.code == decode_errc::missing_member);
    CHECK(m.path == "photo");
}

TEST_CASE("tl json: chatAdminRights flags are implicit") {
    tg::chat_admin_rights r;
    CHECK(json::to_json(r) == R"({"_":"chatAdminRights"})");
    r.change_info = true;
    r.delete_messages = true;
    r.ban_users = true;
    r.pin_messages = true;
    r.manage_ranks = true;
    const std::string text =
        R"({"_":"chatAdminRights","change_info":true,"delete_messages":true,"ban_users":true,"pin_messages":true,"manage_ranks":true})";
    CHECK(json::to_json(r) == text);
    auto back = json::from_json<tg::chat_admin_rights>(text);
    REQUIRE(back);
    CHECK(hex(tl::encode(*back)) == hex(unhex("d5 24 b2 5f 99 00 04 00")));

    // false and null read as unset; "_" may be left out for a type with one constructor.
    auto lenient = json::from_json<tg::chat_admin_rights>(R"({"change_info":true,"post_messages":false,"ban_users":null})");
    REQUIRE(lenient);
    CHECK(hex(tl::encode(*lenient)) == hex(unhex("d5 24 b2 5f 01 00 00 00")));

    // An explicit flags word is read: declared bits come from the members, bits 6 and 8
    // (declared by nobody) are kept and written back.
    auto flagged = json::from_json<tg::chat_admin_rights>(R"({"_":"chatAdminRights","flags":321,"add_admins":true})");
    REQUIRE(flagged);
    CHECK(hex(tl::encode(*flagged)) == hex(unhex("d5 24 b2 5f 40 03 00 00")));
}

TEST_CASE("tl json: long is a string, exact above 2^53") {
    for (std::int64_t v : {std::int64_t(9007199254740993), std::int64_t(-9007199254740993), std::numeric_limits<std::int64_t>::max(),
                           std::numeric_limits<std::int64_t>::min(), std::int64_t(0), std::int64_t(-1)}) {
        tg::update_channel u{v};
        const std::string text = R"({"_":"updateChannel","channel_id":")" + std::to_string(v) + R"("})";
        CHECK(json::to_json(u) == text);
        auto back = json::from_json<tg::update_channel>(text);
        REQUIRE(back);
        CHECK(back->channel_id == v);
        // A number is accepted too, read from its text (no trip through double).
        auto num = json::from_json<tg::update_channel>(R"({"_":"updateChannel","channel_id":)" + std::to_string(v) + "}");
        REQUIRE(num);
        CHECK(num->channel_id == v);
    }
    // int is a number; a numeric string is accepted when read.
    auto e = json::from_json<tg::rpc_error>(R"({"_":"rpc_error","error_code":"-503","error_message":"Timeout"})");
    REQUIRE(e);
    CHECK(e->error_code == -503);
    CHECK(json::to_json(*e) == R"({"_":"rpc_error","error_code":-503,"error_message":"Timeout"})");
}

TEST_CASE("tl json: bytes, int128, int256, double, Bool and bare vectors") {
    sample::everything v;
    v.on = true;
    v.i = -7;
    v.l = 1;
    v.d = 0.5;
    v.s = "caf\xC3\xA9";
    v.b = tl::bytes(std::string("\x00\xff\x10hi", 5));
    for (std::size_t k = 0; k < v.nonce.data.size(); ++k) v.nonce.data[k] = static_cast<std::uint8_t>(k * 17);
    v.key.data[31] = 0xAB;
    v.yes = true;
    v.longs = {1, -2};
    v.bare_ints.value = {3, 4};
    v.maybe = tl::bytes(std::string("f"));
    v.blobs.emplace({tl::bytes(std::string("fo")), tl::bytes(std::string("foo")), tl::bytes()});
    v.bools = {true, false};
    const std::string text =
        R"({"_":"sample.everything","on":true,"i":-7,"l":"1","d":0.5,"s":"café","b":"AP8QaGk=",)"
        R"("nonce":"00112233445566778899aabbccddeeff",)"
        R"("key":"00000000000000000000000000000000000000000000000000000000000000ab",)"
        R"("yes":true,"longs":["1","-2"],"bare_ints":[3,4],"maybe":"Zg==","blobs":["Zm8=","Zm9v",""],"none":[],"bools":[true,false]})";
    CHECK(json::to_json(v) == text);
    check_round_trip(v);
    auto upper = json::from_json<sample::everything>(
        R"({"_":"sample.everything","i":0,"l":0,"d":1e300,"s":"","b":"","nonce":"00112233445566778899AABBCCDDEEFF",)"
        R"("key":"00000000000000000000000000000000000000000000000000000000000000AB","yes":false,"longs":[],"bare_ints":[],"none":[],"bools":[]})");
    REQUIRE(upper);
    CHECK(upper->nonce == v.nonce);
    CHECK(upper->d == 1e300);

    // Base64 of every length, through the JSON form.
    std::mt19937 rng(7);
    for (int n = 0; n < 64; ++n) {
        sample::everything x;
        x.b.assign(static_cast<std::size_t>(n), '\0');
        for (auto& c : x.b) c = static_cast<char>(rng());
        auto back = json::from_json<sample::everything>(json::to_json(x));
        REQUIRE(back);
        CHECK(back->b == x.b);
    }
}

TEST_CASE("tl json: indirect, self-containing types") {
    sample::node n = sample::wrap{sample::node{sample::wrap{sample::node{sample::leaf{"x"}}}}};
    const std::string text = R"({"_":"wrap","inner":{"_":"wrap","inner":{"_":"leaf","name":"x"}}})";
    CHECK(json::to_json(n) == text);
    check_round_trip(n);

    tg::input_peer_type peer = tg::input_peer_user_from_message{tg::input_peer_type{tg::input_peer_channel{5, -5}}, 10, 77};
    check_round_trip(peer);
    CHECK(json::to_json(peer) ==
          R"({"_":"inputPeerUserFromMessage","peer":{"_":"inputPeerChannel","channel_id":"5","access_hash":"-5"},"msg_id":10,"user_id":"77"})");
}

TEST_CASE("tl json: Updates constructors that share a predicate across layers") {
    tg::legacy::update_short_message old;
    old.id = 1;
    old.user_id = 2;
    old.message = "hi";
    tg::update_short_message cur;
    cur.id = 1;
    cur.user_id = 2;
    cur.message = "hi";
    auto old_text = json::to_json(tg::updates_type{old});
    auto cur_text = json::to_json(tg::updates_type{cur});
    CHECK(old_text.starts_with(R"({"_":"updateShortMessage#2296d2c8","id":1,"user_id":2,)"));
    CHECK(cur_text.starts_with(R"({"_":"updateShortMessage","id":1,"user_id":"2",)"));
    auto a = json::from_json<tg::updates_type>(old_text);
    auto b = json::from_json<tg::updates_type>(cur_text);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(std::holds_alternative<tg::legacy::update_short_message>(*a));
    CHECK(std::holds_alternative<tg::update_short_message>(*b));
    // A plain predicate takes the first constructor that reads it: here the current one.
    auto c = json::from_json<tg::updates_type>(R"({"_":"updateShortSentMessage","id":1,"pts":2,"pts_count":1,"date":3})");
    REQUIRE(c);
    CHECK(std::holds_alternative<tg::update_short_sent_message>(*c));
    // "#id" in upper case digits, "_" not first, and a multi-candidate predicate with "_" last.
    auto d = json::from_json<tg::updates_type>(R"({"id":1,"pts":2,"pts_count":1,"date":3,"_":"updateShortSentMessage#11F1331C"})");
    REQUIRE(d);
    CHECK(std::holds_alternative<tg::legacy::update_short_sent_message>(*d));
}

TEST_CASE("tl json: random values of every Telegram type round-trip") {
    random_values gen{std::mt19937_64(20260805)};
    for (int i = 0; i < 400; ++i) {
        check_round_trip(gen.make<tg::updates_type>());
        check_round_trip(gen.make<tg::channels::edit_admin>());
        check_round_trip(gen.make<tg::channels::legacy::edit_admin>());
        check_round_trip(gen.make<tg::channel_participant_type>());
        check_round_trip(gen.make<tg::input_peer_type>());
        check_round_trip(gen.make<tg::chat_type>());
        check_round_trip(gen.make<tg::user_type>());
        check_round_trip(gen.make<tg::user_profile_photo_type>());
        check_round_trip(gen.make<tg::user_status_type>());
        check_round_trip(gen.make<tg::emoji_status_type>());
        check_round_trip(gen.make<tg::peer_color_type>());
        check_round_trip(gen.make<tg::chat_photo_type>());
        check_round_trip(gen.make<tg::restriction_reason>());
        check_round_trip(gen.make<tg::username>());
        check_round_trip(gen.make<tg::recent_story>());
        check_round_trip(gen.make<tg::rpc_error>());
        check_round_trip(gen.make<sample::everything>());
        check_round_trip(gen.make<sample::node>());
    }
}

TEST_CASE("tl json: every truncation of a valid text is a clean error") {
    random_values gen{std::mt19937_64(3)};
    for (int i = 0; i < 20; ++i) {
        const std::string text = json::to_json(gen.make<tg::updates_type>());
        for (std::size_t n = 0; n < text.size(); ++n) {
            auto r = json::from_json<tg::updates_type>(std::string_view(text).substr(0, n));
            INFO(text.substr(0, n));
            REQUIRE_FALSE(r.has_value());
        }
    }
}

TEST_CASE("tl json: bad input names the place") {
    using ea = tg::channels::edit_admin;
    auto replace = [](std::string s, std::string_view from, std::string_view to) {
        auto at = s.find(from);
        REQUIRE(at != std::string::npos);
        return s.replace(at, from.size(), to);
    };

    SECTION("missing \"_\" in a polymorphic value") {
        auto e = json_error<ea>(replace(edit_admin_json, R"("_":"inputChannel",)", ""));
        CHECK(e.code == decode_errc::missing_member);
        CHECK(e.path == "channel._");
        CHECK(e.message.find("inputChannelEmpty, inputChannel, inputChannelFromMessage") != std::string::npos);
        CHECK(json_error<tg::updates_type>("{}").code == decode_errc::missing_member);
    }
    SECTION("unknown predicate") {
        auto e = json_error<ea>(replace(edit_admin_json, "inputUser\"", "inputUserNope\""));
        CHECK(e.code == decode_errc::unknown_constructor);
        CHECK(e.path == "user_id._");
        CHECK(e.message.find("\"inputUserNope\"") != std::string::npos);
        CHECK(e.message.find("inputUserEmpty, inputUserSelf, inputUser, inputUserFromMessage") != std::string::npos);
        auto top = json_error<ea>(replace(edit_admin_json, "channels.editAdmin", "channels.editBanned"));
        CHECK(top.code == decode_errc::unknown_constructor);
        CHECK(top.path == "_");
        auto bad_id = json_error<tg::updates_type>(R"({"_":"updates#zz"})");
        CHECK(bad_id.code == decode_errc::unknown_constructor);
        CHECK(json_error<tg::updates_type>(R"({"_":7})").code == decode_errc::unexpected_type);
    }
    SECTION("wrong types") {
        auto e = json_error<ea>(replace(edit_admin_json, R"("1234567890")", "true"));
        CHECK(e.code == decode_errc::unexpected_type);
        CHECK(e.path == "channel.channel_id");
        auto s = json_error<ea>(replace(edit_admin_json, R"("1234567890")", R"("12x")"));
        CHECK(s.code == decode_errc::unexpected_type);
        CHECK(s.path == "channel.channel_id");
        auto f = json_error<ea>(replace(edit_admin_json, R"("ban_users":true)", R"("ban_users":1)"));
        CHECK(f.code == decode_errc::unexpected_type);
        CHECK(f.path == "admin_rights.ban_users");
        auto r = json_error<ea>(replace(edit_admin_json, R"("rank":"mod")", R"("rank":["mod"])"));
        CHECK(r.path == "rank");
        auto v = json_error<tg::updates_type>(R"({"_":"updates","updates":{},"users":[],"chats":[],"date":0,"seq":0})");
        CHECK(v.code == decode_errc::unexpected_type);
        CHECK(v.path == "updates");
        auto el = json_error<tg::updates_type>(
            R"({"_":"updates","updates":[{"_":"updateChannel","channel_id":"1"},{"_":"updateChannel","channel_id":null}],"users":[],"chats":[],"date":0,"seq":0})");
        CHECK(el.path == "updates[1].channel_id");
        auto m = json_error<ea>(replace(edit_admin_json, R"(,"access_hash":"-1")", ""));
        CHECK(m.code == decode_errc::missing_member);
        CHECK(m.path == "user_id.access_hash");
        CHECK(json_error<ea>("[]").code == decode_errc::unexpected_type);
    }
    SECTION("bad base64") {
        auto base = json::to_json(sample::everything{});
        for (std::string_view bad : {"\"Zg=\"", "\"Zg\"", "\"Z===\"", "\"Zh==\"", "\"Z!==\"", "\"Zg==Zg==\"", "\"Zm 9v\"", "\"Zm9v\\n\""}) {
            INFO(bad);
            auto e = json_error<sample::everything>(replace(base, R"("b":"")", std::string(R"("b":)") + std::string(bad)));
            CHECK(e.code == decode_errc::invalid_value);
            CHECK(e.path == "b");
            CHECK(e.message.find("base64") != std::string::npos);
        }
        auto n = json_error<sample::everything>(replace(base, R"("nonce":"0000)", R"("nonce":"00)"));
        CHECK(n.code == decode_errc::invalid_value);
        CHECK(n.path == "nonce");
    }
    SECTION("long out of range") {
        auto e = json_error<ea>(replace(edit_admin_json, R"("72623859790382856")", R"("9223372036854775808")"));
        CHECK(e.code == decode_errc::out_of_range);
        CHECK(e.path == "channel.access_hash");
        auto n = json_error<ea>(replace(edit_admin_json, R"("72623859790382856")", "-9223372036854775809"));
        CHECK(n.code == decode_errc::out_of_range);
        auto i = json_error<tg::rpc_error>(R"({"_":"rpc_error","error_code":2147483648,"error_message":""})");
        CHECK(i.code == decode_errc::out_of_range);
        CHECK(i.path == "error_code");
    }
    SECTION("unmodelled parts") {
        auto e = json_error<tg::update_channel_participant>(
            R"({"_":"updateChannelParticipant","channel_id":"1","date":0,"actor_id":"0","user_id":"0","invite":{"_":"chatInviteExported"},"qts":0})");
        CHECK(e.code == decode_errc::unexpected_type);
        CHECK(e.path == "invite");
        CHECK(e.message.find("ExportedChatInvite") != std::string::npos);
        auto v = json_error<sample::everything>(replace(json::to_json(sample::everything{}), R"("none":[])", R"("none":[1])"));
        CHECK(v.path == "none");
        CHECK(v.message.find("Nothing") != std::string::npos);
        // null for an absent optional is fine
        CHECK(json::from_json<tg::update_channel_participant>(
                  R"({"_":"updateChannelParticipant","channel_id":"1","date":0,"actor_id":"0","user_id":"0","invite":null,"qts":0})"));
    }
    SECTION("strict mode rejects unknown members; lenient skips them") {
        auto text = replace(edit_admin_json, R"("rank":"mod")", R"("rank":"mod","extra":{"a":[1]})");
        CHECK(json::from_json<ea>(text));
        auto e = json::from_json<ea>(text, json::read_options{.allow_unknown_members = false});
        REQUIRE_FALSE(e);
        CHECK(e.error().code == decode_errc::unknown_member);
        CHECK(e.error().path == "extra");
    }
}

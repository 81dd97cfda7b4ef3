// Telegram channels.editAdmin: request forms, answers, rpc_error.

#include <chatadmin/telegram.hpp>

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>
#include <catch2/catch.hpp>

#include "telegram_samples.hpp"
#include "tl_bytes.hpp"

#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <variant>

namespace tl = chatadmin::tl;
namespace tg = chatadmin::telegram;
using chatadmin::decode_errc;

using tl_bytes::hex;
using tl_bytes::unhex;
using tl_bytes::check_prefixes;
using telegram_samples::full_answer;
using telegram_samples::sample_answer;

namespace {




const char* const with_rank_hex =
    "68 ad 98 9a 01 00 00 00 28 ec 5a f3 d2 02 96 49 00 00 00 00 08 07 06 05 04 03 02 01 "
    "c6 58 11 f2 b1 68 de 3a 00 00 00 00 ff ff ff ff ff ff ff ff d5 24 b2 5f 99 00 00 00 03 6d 6f 64";
const char* const without_rank_hex =
    "68 ad 98 9a 00 00 00 00 28 ec 5a f3 d2 02 96 49 00 00 00 00 08 07 06 05 04 03 02 01 "
    "c6 58 11 f2 b1 68 de 3a 00 00 00 00 ff ff ff ff ff ff ff ff d5 24 b2 5f 99 00 00 00";
const char* const legacy_hex =
    "02 89 3c d3 28 ec 5a f3 d2 02 96 49 00 00 00 00 08 07 06 05 04 03 02 01 "
    "c6 58 11 f2 b1 68 de 3a 00 00 00 00 ff ff ff ff ff ff ff ff d5 24 b2 5f 99 00 00 00 03 6d 6f 64";
const char* const flood_hex = "19 ca 44 21 a4 01 00 00 0d 46 4c 4f 4f 44 5f 57 41 49 54 5f 33 30 00 00";

tg::channels::edit_admin sample_request(bool with_rank) {
    tg::channels::edit_admin req;
    req.channel = tg::input_channel{1234567890, 0x0102030405060708};
    req.user_id = tg::input_user{987654321, -1};
    req.admin_rights.change_info = true;
    req.admin_rights.delete_messages = true;
    req.admin_rights.ban_users = true;
    req.admin_rights.pin_messages = true;
    if (with_rank) req.rank = "mod";
    return req;
}


// TL written by hand, word by word (little-endian), to check the codec against.
struct wire {
    std::string b;
    wire& u32(std::uint32_t v) {
        for (int i = 0; i < 4; ++i) b += static_cast<char>(v >> (8 * i) & 0xFF);
        return *this;
    }
    wire& i32(std::int32_t v) { return u32(static_cast<std::uint32_t>(v)); }
    wire& i64(std::int64_t v) {
        const auto u = static_cast<std::uint64_t>(v);
        return u32(static_cast<std::uint32_t>(u)).u32(static_cast<std::uint32_t>(u >> 32));
    }
    // Short strings only: one length byte, the bytes, zeros up to a multiple of four.
    wire& str(std::string_view s) {
        b += static_cast<char>(s.size());
        b += s;
        while (b.size() % 4) b += '\0';
        return *this;
    }
    wire& vec(std::uint32_t n) { return u32(0x1cb5c415).u32(n); }
    std::size_t at() const { return b.size(); }
};

// The full editAdmin answer of telegram_samples::full_answer, and where some parts start.
struct full_answer_wire {
    std::string bytes;
    std::size_t user_flags = 0, user_flags2 = 0, user_photo = 0, user_usernames = 0;
    std::size_t channel_flags = 0, channel_flags2 = 0, channel_emoji_status = 0;
};

full_answer_wire full_answer_bytes() {
    full_answer_wire f;
    wire w;
    w.u32(0x74ae4240);                                // updates
    w.vec(1).u32(0x635b4c09).i64(1234567890);         // updateChannel
    w.vec(2);
    // user#b1b8cc83: access_hash, first/last name, username, photo, status, premium, emoji_status;
    // flags2: usernames, stories_max_id, color, profile_color
    w.u32(0xb1b8cc83);
    f.user_flags = w.at();
    w.u32(0x5000006f);
    f.user_flags2 = w.at();
    w.u32(0x00000321);
    w.i64(987654321).i64(5577006791947779410).str("Ivan").str("Petrov").str("ivanp");
    f.user_photo = w.at();
    w.u32(0x82d1f706).u32(0x2).i64(5420066447220520000).str(std::string("\x01\x28\x28", 3)).i32(2);
    w.u32(0x008c703f).i32(1700000000);                                   // userStatusOffline
    w.u32(0xe7ff068a).u32(0x1).i64(5368324170671202286).i32(1767225600); // emojiStatus
    f.user_usernames = w.at();
    w.vec(2).u32(0xb4073647).u32(0x3).str("ivanp").u32(0xb4073647).u32(0x2).str("ivan_collectible");
    w.u32(0x711d692d).u32(0x2).i32(17);                                  // recentStory
    w.u32(0xb54b5acf).u32(0x1).i32(5);                                   // peerColor
    w.u32(0xb54b5acf).u32(0x3).i32(8).i64(5413703918947413540);
    // user#31774388: self, premium, access_hash, first_name, phone, status, lang_code; flags2: stories_unavailable
    w.u32(0x31774388).u32(0x10400453).u32(0x00000010);
    w.i64(100000001).i64(-8198552921648689607).str("Mock").str("79001234567");
    w.u32(0xedb93949).i32(1700000300);                                   // userStatusOnline
    w.str("en");
    // channel#d49f34c6: creator, username, megagroup, restricted, access_hash, admin_rights,
    // participants_count, default_banned_rights; flags2: color, emoji_status, level, linked_community_id
    w.vec(1).u32(0xd49f34c6);
    f.channel_flags = w.at();
    w.u32(0x00066341);
    f.channel_flags2 = w.at();
    w.u32(0x00100680);
    w.i64(1234567890).i64(72623859790382856).str("Mock channel").str("mockchan");
    w.u32(0x1c6e1c11).u32(0x1).i64(6012345678901234567).i32(4);        // chatPhoto, has_video
    w.i32(1600000000);
    w.vec(1).u32(0xd072acb4).str("android").str("sensitive").str("May contain sensitive content");
    w.u32(0x5fb224d5).u32(0x000002b9);                                   // chatAdminRights
    w.u32(0x9f120418).u32(0x00020400).i32(2147483647);                   // chatBannedRights
    w.i32(3);                                                            // participants_count
    w.u32(0xb54b5acf).u32(0x1).i32(3);
    f.channel_emoji_status = w.at();
    w.u32(0x7184603b).u32(0x0).i64(6001234567890123456).i64(5368324170671202287).str("Plush Pepe #12")
        .str("PlushPepe-12").i64(5368324170671202288).i32(0x5b7bbf).i32(0x2d4a8a).i32(0x1a2b4c).i32(0xffffff);
    w.i32(5);                                                            // level
    w.i64(4200000001);                                                   // linked_community_id
    w.i32(1700000001).i32(0);
    f.bytes = std::move(w.b);
    return f;
}

} // namespace

TEST_CASE("telegram: editAdmin layer 228 with and without rank, byte for byte") {
    CHECK(hex(tg::channels::encode(sample_request(true))) == hex(unhex(with_rank_hex)));
    CHECK(hex(tg::channels::encode(sample_request(false))) == hex(unhex(without_rank_hex)));
    CHECK(tl::encode(sample_request(true)) == unhex(with_rank_hex));

    auto d = tl::decode<tg::channels::edit_admin>(unhex(with_rank_hex));
    REQUIRE(d);
    CHECK(d->flags.value == 1);
    CHECK(d->rank == std::string("mod"));
    REQUIRE(std::holds_alternative<tg::input_channel>(d->channel));
    CHECK(std::get<tg::input_channel>(d->channel).channel_id == 1234567890);
    CHECK(std::get<tg::input_channel>(d->channel).access_hash == 0x0102030405060708);
    CHECK(std::get<tg::input_user>(d->user_id).user_id == 987654321);
    CHECK(std::get<tg::input_user>(d->user_id).access_hash == -1);
    CHECK(d->admin_rights.flags.value == 0x99);
    CHECK(d->admin_rights.change_info);
    CHECK(d->admin_rights.delete_messages);
    CHECK(d->admin_rights.ban_users);
    CHECK(d->admin_rights.pin_messages);
    CHECK_FALSE(d->admin_rights.post_messages);

    auto n = tl::decode<tg::channels::edit_admin>(unhex(without_rank_hex));
    REQUIRE(n);
    CHECK_FALSE(n->rank.has_value());
    CHECK(tl::encode(*n) == unhex(without_rank_hex));

    check_prefixes<tg::channels::edit_admin>(unhex(with_rank_hex));
    check_prefixes<tg::channels::edit_admin>(unhex(without_rank_hex));
}

TEST_CASE("telegram: editAdmin in the seed's #d33c8902 form") {
    auto req = sample_request(true);
    CHECK(hex(tg::channels::encode(req, tg::channels::edit_admin_layer::legacy)) == hex(unhex(legacy_hex)));
    auto no_rank = tg::channels::encode(sample_request(false), tg::channels::edit_admin_layer::legacy);
    CHECK(hex(no_rank) == hex(unhex(legacy_hex).substr(0, 52) + std::string(4, '\0')));

    auto d = tl::decode<tg::channels::legacy::edit_admin>(unhex(legacy_hex));
    REQUIRE(d);
    CHECK(d->rank == "mod");
    CHECK(tl::encode(*d) == unhex(legacy_hex));
    check_prefixes<tg::channels::legacy::edit_admin>(unhex(legacy_hex));

    std::string appended = "x";
    tg::channels::encode_to(appended, req, tg::channels::edit_admin_layer::legacy);
    CHECK(appended == "x" + unhex(legacy_hex));
}

TEST_CASE("telegram: a server reads either request form") {
    for (auto [bytes, layer, rank] :
         {std::tuple{with_rank_hex, tg::channels::edit_admin_layer::current, true},
          std::tuple{without_rank_hex, tg::channels::edit_admin_layer::current, false},
          std::tuple{legacy_hex, tg::channels::edit_admin_layer::legacy, true}}) {
        auto d = tg::channels::decode_request(unhex(bytes));
        REQUIRE(d);
        CHECK(d->layer == layer);
        CHECK(d->request.rank.has_value() == rank);
        CHECK(tg::channels::encode(d->request, layer) == unhex(bytes));
    }
    auto legacy_empty = tg::channels::decode_request(
        tg::channels::encode(sample_request(false), tg::channels::edit_admin_layer::legacy));
    REQUIRE(legacy_empty);
    CHECK_FALSE(legacy_empty->request.rank.has_value());

    auto bad = tg::channels::decode_request(unhex("01 02 03 04"));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == decode_errc::unknown_constructor);
    CHECK(bad.error().message.find("0x04030201") != std::string::npos);
}

TEST_CASE("telegram: InputPeer, InputUser and InputChannel constructors round-trip") {
    tg::input_peer_type deep = tg::input_peer_user_from_message{
        tg::input_peer_type{tg::input_peer_channel_from_message{tg::input_peer_type{tg::input_peer_channel{5, 6}}, 7, 8}},
        9, 10};
    std::vector<tg::input_peer_type> peers{tg::input_peer_empty{}, tg::input_peer_self{}, tg::input_peer_chat{1},
                                           tg::input_peer_user{2, 3}, tg::input_peer_channel{4, 5}, deep};
    auto bytes = tl::encode(peers);
    CHECK(hex(bytes.substr(8, 8)) == "ea 18 3b 7f c9 7e a0 7d");
    auto back = tl::decode<std::vector<tg::input_peer_type>>(bytes);
    REQUIRE(back);
    REQUIRE(back->size() == 6);
    auto& outer = std::get<tg::input_peer_user_from_message>((*back)[5]);
    CHECK(outer.user_id == 10);
    CHECK(std::get<tg::input_peer_channel>(*std::get<tg::input_peer_channel_from_message>(*outer.peer).peer).access_hash == 6);
    CHECK(tl::encode(*back) == bytes);
    check_prefixes<std::vector<tg::input_peer_type>>(bytes);

    std::vector<tg::input_user_type> users{tg::input_user_empty{}, tg::input_user_self{}, tg::input_user{1, 2},
                                           tg::input_user_from_message{tg::input_peer_chat{3}, 4, 5}};
    auto ub = tl::encode(users);
    CHECK(tl::encode(tl::decode<std::vector<tg::input_user_type>>(ub).value()) == ub);
    CHECK(hex(ub.substr(8, 4)) == "cf 86 88 b9");

    std::vector<tg::input_channel_type> chans{tg::input_channel_empty{}, tg::input_channel{1, 2},
                                              tg::input_channel_from_message{tg::input_peer_self{}, 3, 4}};
    auto cb = tl::encode(chans);
    CHECK(tl::encode(tl::decode<std::vector<tg::input_channel_type>>(cb).value()) == cb);
    CHECK(hex(cb.substr(8, 4)) == "86 1e 8c ee");
}

TEST_CASE("telegram: chatAdminRights bits round-trip for random values") {
    std::mt19937 rng(228);
    const std::uint32_t named = 0xFFFFF & ~((1u << 6) | (1u << 8));
    for (int i = 0; i < 4000; ++i) {
        std::uint32_t word = i < 32 ? (1u << i) : static_cast<std::uint32_t>(rng());
        std::string bytes;
        tl::put_u32(bytes, tg::chat_admin_rights::tl_id);
        tl::put_u32(bytes, word);
        auto d = tl::decode<tg::chat_admin_rights>(bytes);
        REQUIRE(d);
        CHECK(d->flags.value == word);
        CHECK(static_cast<bool>(d->change_info) == ((word & 1u) != 0));
        CHECK(static_cast<bool>(d->pin_messages) == ((word >> 7 & 1u) != 0));
        CHECK(static_cast<bool>(d->add_admins) == ((word >> 9 & 1u) != 0));
        CHECK(static_cast<bool>(d->manage_linked_peers) == ((word >> 19 & 1u) != 0));
        CHECK(tl::encode(*d) == bytes);

        // Built from the named bools alone, the word is exactly the named bits.
        tg::chat_admin_rights fresh;
        boost::mp11::mp_for_each<boost::describe::describe_members<tg::chat_admin_rights, boost::describe::mod_public>>(
            [&](auto D) {
                if constexpr (!std::is_same_v<decltype(fresh.*D.pointer), tl::flags<>&>) fresh.*D.pointer = (*d).*D.pointer;
            });
        auto fb = tl::encode(fresh);
        CHECK(tl::decode<tg::chat_admin_rights>(fb).value().flags.value == (word & named));
    }
}

TEST_CASE("telegram: updatesTooLong and the other Updates constructors") {
    CHECK(hex(tl::encode(tg::updates_type{tg::updates_too_long{}})) == "7e af 17 e3");
    auto d = tl::decode<tg::updates_type>(unhex("7e af 17 e3"));
    REQUIRE(d);
    CHECK(std::holds_alternative<tg::updates_too_long>(*d));

    tg::update_short_message m;
    m.out = true;
    m.id = 1;
    m.user_id = 2;
    m.message = "hello";
    m.ttl_period = 60;
    m.entities.emplace();
    tg::legacy::update_short_message lm;
    lm.silent = true;
    lm.via_bot_id = 9;
    lm.message = "old";
    tg::update_short_chat_message cm;
    cm.chat_id = 77;
    tg::legacy::update_short_chat_message lcm;
    lcm.chat_id = 78;
    tg::update_short_sent_message sm;
    sm.ttl_period = 3;
    tg::legacy::update_short_sent_message lsm;
    lsm.out = true;
    tg::update_short us{tg::update_channel{99}, 5};
    tg::updates_combined uc;
    uc.updates.push_back(tg::update_channel{1});
    uc.seq_start = 3;
    uc.seq = 4;

    std::vector<tg::updates_type> all{tg::updates_too_long{}, m, lm, cm, lcm, sm, lsm, us, uc, sample_answer()};
    std::vector<std::uint32_t> ids{0xe317af7e, 0x313bc7f8, 0x2296d2c8, 0x4d6deea5, 0x402d5dbb,
                                   0x9015e101, 0x11f1331c, 0x78d4dec1, 0x725b04c3, 0x74ae4240};
    for (std::size_t i = 0; i < all.size(); ++i) {
        auto bytes = tl::encode(all[i]);
        std::string id;
        tl::put_u32(id, ids[i]);
        CHECK(bytes.substr(0, 4) == id);
        auto back = tl::decode<tg::updates_type>(bytes);
        REQUIRE(back);
        CHECK(back->index() == all[i].index());
        CHECK(tl::encode(*back) == bytes);
        check_prefixes<tg::updates_type>(bytes);
    }
    auto back = tl::decode<tg::updates_type>(tl::encode(all[1])).value();
    auto& bm = std::get<tg::update_short_message>(back);
    CHECK(bm.message == "hello");
    CHECK(bm.ttl_period == 60);
    CHECK(bm.out);
    CHECK(bm.entities.has_value());
    CHECK(bm.entities->empty());
}

TEST_CASE("telegram: an updates answer with updateChannel and updateChannelParticipant round-trips") {
    auto u = sample_answer();
    auto bytes = tl::encode(tg::updates_type{u});
    auto back = tl::decode<tg::updates_type>(bytes);
    REQUIRE(back);
    auto& b = std::get<tg::updates>(*back);
    REQUIRE(b.updates.size() == 2);
    CHECK(std::get<tg::update_channel>(b.updates[0]).channel_id == 1234567890);
    auto& p = std::get<tg::update_channel_participant>(b.updates[1]);
    CHECK(p.flags.value == 0x3);
    CHECK(p.qts == 5);
    REQUIRE(p.prev_participant.has_value());
    CHECK(std::get<tg::channel_participant>(*p.prev_participant).date == 1600000000);
    REQUIRE(p.new_participant.has_value());
    auto& a = std::get<tg::channel_participant_admin>(*p.new_participant);
    CHECK(a.can_edit);
    CHECK_FALSE(a.self);
    CHECK_FALSE(a.inviter_id.has_value());
    CHECK(a.promoted_by == 42);
    CHECK(a.rank == std::string("mod"));
    CHECK(a.admin_rights.flags.value == ((1u << 0) | (1u << 19)));
    CHECK(a.flags.value == 0x5);
    CHECK(std::get<tg::user_empty>(b.users[0]).id == 987654321);
    auto& ch = std::get<tg::channel_forbidden>(b.chats[0]);
    CHECK(ch.megagroup);
    CHECK(ch.title == "group");
    CHECK_FALSE(ch.until_date.has_value());
    CHECK(tl::encode(*back) == bytes);
    check_prefixes<tg::updates_type>(bytes);

    auto r = tg::decode_response<tg::channels::edit_admin>(bytes);
    REQUIRE(r);
    CHECK(std::holds_alternative<tg::updates>(*r));

    // Cut inside the admin's rank: the error names the path down to it.
    auto cut = tl::decode<tg::updates_type>(std::string_view(bytes).substr(0, bytes.find("\x03mod") + 2));
    REQUIRE_FALSE(cut);
    CHECK(cut.error().code == decode_errc::truncated);
    CHECK(cut.error().path == "updates[1].new_participant.rank");
}

TEST_CASE("telegram: an editAdmin answer with full user and channel constructors, field by field") {
    const auto f = full_answer_bytes();
    auto d = tg::decode_response<tg::channels::edit_admin>(f.bytes);
    if (!d) FAIL(d.error().to_string());
    auto& b = std::get<tg::updates>(*d);
    CHECK(std::get<tg::update_channel>(b.updates.at(0)).channel_id == 1234567890);
    REQUIRE(b.users.size() == 2);
    REQUIRE(b.chats.size() == 1);
    CHECK(b.date == 1700000001);

    const auto& u = std::get<tg::user>(b.users[0]);
    CHECK(u.flags.value == 0x5000006f);
    CHECK(u.flags2.value == 0x321);
    CHECK(u.premium);
    CHECK_FALSE(u.self);
    CHECK_FALSE(u.bot);
    CHECK_FALSE(u.bot_info_version.has_value());
    CHECK(u.id == 987654321);
    CHECK(u.access_hash == std::int64_t{5577006791947779410});
    CHECK(u.first_name == std::string("Ivan"));
    CHECK(u.last_name == std::string("Petrov"));
    CHECK(u.username == std::string("ivanp"));
    CHECK_FALSE(u.phone.has_value());
    const auto& photo = std::get<tg::user_profile_photo>(u.photo.value());
    CHECK_FALSE(photo.has_video);
    CHECK(photo.photo_id == 5420066447220520000);
    CHECK(photo.stripped_thumb.value() == std::string("\x01\x28\x28", 3));
    CHECK(photo.dc_id == 2);
    CHECK(std::get<tg::user_status_offline>(u.status.value()).was_online == 1700000000);
    CHECK_FALSE(u.restriction_reason.has_value());
    CHECK_FALSE(u.lang_code.has_value());
    const auto& es = std::get<tg::emoji_status>(u.emoji_status.value());
    CHECK(es.document_id == 5368324170671202286);
    CHECK(es.until == 1767225600);
    REQUIRE(u.usernames.value().size() == 2);
    CHECK(u.usernames->at(0).editable);
    CHECK(u.usernames->at(0).active);
    CHECK(u.usernames->at(0).username_ == "ivanp");
    CHECK_FALSE(u.usernames->at(1).editable);
    CHECK(u.usernames->at(1).username_ == "ivan_collectible");
    CHECK_FALSE(u.stories_max_id.value().live);
    CHECK(u.stories_max_id->max_id == 17);
    CHECK(std::get<tg::peer_color>(u.color.value()).color == 5);
    CHECK_FALSE(std::get<tg::peer_color>(u.color.value()).background_emoji_id.has_value());
    CHECK(std::get<tg::peer_color>(u.profile_color.value()).background_emoji_id == std::int64_t{5413703918947413540});
    CHECK_FALSE(u.linked_community_id.has_value());

    const auto& me = std::get<tg::legacy::user>(b.users[1]);
    CHECK(me.self);
    CHECK(me.premium);
    CHECK(me.stories_unavailable);
    CHECK(me.id == 100000001);
    CHECK(me.access_hash == std::int64_t{-8198552921648689607});
    CHECK(me.first_name == std::string("Mock"));
    CHECK_FALSE(me.last_name.has_value());
    CHECK(me.phone == std::string("79001234567"));
    CHECK(std::get<tg::user_status_online>(me.status.value()).expires == 1700000300);
    CHECK(me.lang_code == std::string("en"));
    CHECK_FALSE(me.photo.has_value());

    const auto& c = std::get<tg::channel>(b.chats[0]);
    CHECK(c.flags.value == 0x66341);
    CHECK(c.flags2.value == 0x100680);
    CHECK(c.creator);
    CHECK(c.megagroup);
    CHECK_FALSE(c.broadcast);
    CHECK(c.restricted);
    CHECK_FALSE(c.left);
    CHECK(c.id == 1234567890);
    CHECK(c.access_hash == std::int64_t{72623859790382856});
    CHECK(c.title == "Mock channel");
    CHECK(c.username == std::string("mockchan"));
    const auto& cp = std::get<tg::chat_photo>(c.photo);
    CHECK(cp.has_video);
    CHECK(cp.photo_id == 6012345678901234567);
    CHECK_FALSE(cp.stripped_thumb.has_value());
    CHECK(cp.dc_id == 4);
    CHECK(c.date == 1600000000);
    REQUIRE(c.restriction_reason.value().size() == 1);
    CHECK(c.restriction_reason->at(0).platform == "android");
    CHECK(c.restriction_reason->at(0).reason == "sensitive");
    CHECK(c.restriction_reason->at(0).text == "May contain sensitive content");
    CHECK(c.admin_rights.value().add_admins);
    CHECK(c.admin_rights->flags.value == 0x2b9);
    CHECK_FALSE(c.banned_rights.has_value());
    CHECK(c.default_banned_rights.value().change_info);
    CHECK(c.default_banned_rights->pin_messages);
    CHECK(c.default_banned_rights->until_date == 2147483647);
    CHECK(c.participants_count == 3);
    CHECK_FALSE(c.usernames.has_value());
    CHECK(std::get<tg::peer_color>(c.color.value()).color == 3);
    const auto& ec = std::get<tg::emoji_status_collectible>(c.emoji_status.value());
    CHECK(ec.collectible_id == 6001234567890123456);
    CHECK(ec.title == "Plush Pepe #12");
    CHECK(ec.slug == "PlushPepe-12");
    CHECK(ec.pattern_document_id == 5368324170671202288);
    CHECK(ec.center_color == 0x5b7bbf);
    CHECK(ec.text_color == 0xffffff);
    CHECK_FALSE(ec.until.has_value());
    CHECK(c.level == 5);
    CHECK_FALSE(c.subscription_until_date.has_value());
    CHECK_FALSE(c.linked_monoforum_id.has_value());
    CHECK(c.linked_community_id == std::int64_t{4200000001});

    // Byte for byte back, and the shared sample encodes to the same bytes.
    CHECK(hex(tl::encode(*d)) == hex(f.bytes));
    CHECK(hex(tl::encode(tg::updates_type{full_answer()})) == hex(f.bytes));
}

TEST_CASE("telegram: every truncation of the full answer is a clean error") {
    check_prefixes<tg::updates_type>(full_answer_bytes().bytes);
}

TEST_CASE("telegram: flags bits the schema does not name survive a round trip") {
    auto f = full_answer_bytes();
    auto set = [&](std::size_t at, std::uint32_t bits) {
        for (int i = 0; i < 4; ++i) f.bytes[at + i] = static_cast<char>(static_cast<unsigned char>(f.bytes[at + i]) | (bits >> (8 * i) & 0xFF));
    };
    set(f.user_flags, (1u << 7) | (1u << 31));
    set(f.user_flags2, (1u << 6) | (1u << 31));
    set(f.channel_flags, (1u << 1) | (1u << 16));
    set(f.channel_flags2, (1u << 21) | (1u << 31));
    auto d = tl::decode<tg::updates_type>(f.bytes);
    if (!d) FAIL(d.error().to_string());
    auto& b = std::get<tg::updates>(*d);
    auto& u = std::get<tg::user>(b.users[0]);
    CHECK(u.flags.value == (0x5000006fu | (1u << 7) | (1u << 31)));
    CHECK(u.flags2.value == (0x321u | (1u << 6) | (1u << 31)));
    CHECK(hex(tl::encode(*d)) == hex(f.bytes));

    // Still there after named members change; the named bits follow the members.
    auto& c = std::get<tg::channel>(b.chats[0]);
    c.creator = false;
    c.linked_community_id.reset();
    u.premium = false;
    auto again = tl::decode<tg::updates_type>(tl::encode(*d));
    REQUIRE(again);
    auto& u2 = std::get<tg::user>(std::get<tg::updates>(*again).users[0]);
    auto& c2 = std::get<tg::channel>(std::get<tg::updates>(*again).chats[0]);
    CHECK(u2.flags.value == ((0x5000006fu & ~(1u << 28)) | (1u << 7) | (1u << 31)));
    CHECK(c2.flags.value == ((0x66341u & ~1u) | (1u << 1) | (1u << 16)));
    CHECK(c2.flags2.value == ((0x100680u & ~(1u << 20)) | (1u << 21) | (1u << 31)));
    CHECK_FALSE(c2.linked_community_id.has_value());
}

TEST_CASE("telegram: an unknown constructor inside a user or channel names its path") {
    const auto f = full_answer_bytes();
    auto with_id = [&](std::size_t at, std::uint32_t id) {
        std::string b = f.bytes;
        std::string w;
        tl::put_u32(w, id);
        b.replace(at, 4, w);
        return b;
    };
    struct place {
        std::size_t at;
        const char* path;
        const char* expected;
    };
    const std::size_t second_username = f.user_usernames + 8 + 4 + 4 + 8;  // after "ivanp"
    for (const auto& p : {place{f.user_photo, "users[0].photo", "userProfilePhotoEmpty, userProfilePhoto"},
                          place{second_username, "users[0].usernames[1]", "username#b4073647"},
                          place{f.channel_emoji_status, "chats[0].emoji_status", "emojiStatusCollectible"}}) {
        auto r = tg::decode_response<tg::channels::edit_admin>(with_id(p.at, 0xdeadbeef));
        INFO(p.path);
        REQUIRE_FALSE(r);
        REQUIRE(r.error().decode());
        CHECK(r.error().decode()->code == decode_errc::unknown_constructor);
        CHECK(r.error().decode()->path == p.path);
        CHECK(r.error().decode()->offset == p.at);
        CHECK(r.error().to_string().find("0xdeadbeef") != std::string::npos);
        CHECK(r.error().to_string().find(p.expected) != std::string::npos);
    }
}

TEST_CASE("telegram: random User, Chat and nested values round-trip byte for byte") {
    std::mt19937_64 rng(229);
    auto coin = [&] { return (rng() & 1) != 0; };
    auto text = [&] { return std::string(rng() % 9, static_cast<char>('a' + rng() % 26)); };
    auto color = [&]() -> tg::peer_color_type {
        switch (rng() % 3) {
        case 0: {
            tg::peer_color p;
            if (coin()) p.color = static_cast<std::int32_t>(rng());
            if (coin()) p.background_emoji_id = static_cast<std::int64_t>(rng());
            return p;
        }
        case 1: {
            tg::peer_color_collectible c;
            c.collectible_id = static_cast<std::int64_t>(rng());
            c.accent_color = static_cast<std::int32_t>(rng());
            for (auto n = rng() % 4; n > 0; --n) c.colors.push_back(static_cast<std::int32_t>(rng()));
            if (coin()) c.dark_colors = std::vector<std::int32_t>{static_cast<std::int32_t>(rng())};
            if (coin()) c.dark_accent_color = static_cast<std::int32_t>(rng());
            return c;
        }
        default: return tg::input_peer_color_collectible{static_cast<std::int64_t>(rng())};
        }
    };
    auto status = [&]() -> tg::emoji_status_type {
        switch (rng() % 4) {
        case 0: return tg::emoji_status_empty{};
        case 1: {
            tg::emoji_status e;
            e.document_id = static_cast<std::int64_t>(rng());
            if (coin()) e.until = 1;
            return e;
        }
        case 2: {
            tg::emoji_status_collectible e;
            e.title = text();
            e.slug = text();
            e.text_color = static_cast<std::int32_t>(rng());
            if (coin()) e.until = 7;
            return e;
        }
        default: return tg::input_emoji_status_collectible{{}, static_cast<std::int64_t>(rng()), {}};
        }
    };
    const tg::user_status_type statuses[] = {tg::user_status_empty{}, tg::user_status_online{1}, tg::user_status_offline{2},
                                             tg::user_status_recently{{}, true}, tg::user_status_last_week{{}, false},
                                             tg::user_status_last_month{{}, true}};
    for (int i = 0; i < 300; ++i) {
        tg::user u;
        tg::legacy::user lu;
        tg::channel c;
        tg::legacy::channel lc;
        tg::chat g;
        u.flags.value = static_cast<std::uint32_t>(rng());  // any bit: named ones are recomputed
        u.flags2.value = static_cast<std::uint32_t>(rng());
        u.id = static_cast<std::int64_t>(rng());
        if (coin()) u.access_hash = static_cast<std::int64_t>(rng());
        if (coin()) u.first_name = text();
        if (coin()) u.photo = coin() ? tg::user_profile_photo_type{tg::user_profile_photo_empty{}}
                                     : tg::user_profile_photo{{}, coin(), coin(), 1, chatadmin::tl::bytes(text()), 2};
        if (coin()) u.status = statuses[rng() % std::size(statuses)];
        if (coin()) u.bot = true;
        if (coin()) u.restriction_reason = std::vector<tg::restriction_reason>{{text(), text(), text()}};
        if (coin()) u.emoji_status = status();
        if (coin()) u.usernames = std::vector<tg::username>{{{}, coin(), coin(), text()}};
        if (coin()) {
            tg::recent_story r;
            r.live = coin();
            if (coin()) r.max_id = 3;
            u.stories_max_id = r;
        }
        if (coin()) u.color = color();
        if (coin()) u.profile_color = color();
        if (coin()) u.linked_community_id = static_cast<std::int64_t>(rng());
        u.bot_guard = coin();
        lu.id = u.id;
        lu.flags2.value = static_cast<std::uint32_t>(rng());
        if (coin()) lu.emoji_status = status();
        lu.bot_guestchat = coin();
        c.flags.value = static_cast<std::uint32_t>(rng());
        c.title = text();
        c.photo = coin() ? tg::chat_photo_type{tg::chat_photo_empty{}} : tg::chat_photo{{}, coin(), 1, {}, 2};
        if (coin()) c.restriction_reason = std::vector<tg::restriction_reason>{};
        if (coin()) c.admin_rights = tg::chat_admin_rights{};
        if (coin()) c.emoji_status = status();
        if (coin()) c.color = color();
        if (coin()) c.linked_monoforum_id = 9;
        c.monoforum = coin();
        lc.title = text();
        lc.forum_tabs = coin();
        if (coin()) lc.level = 4;
        g.title = text();
        if (coin()) g.migrated_to = tg::input_channel{1, 2};
        g.deactivated = coin();
        for (const auto& v : {tg::user_type{u}, tg::user_type{lu}}) {
            const auto bytes = tl::encode(v);
            auto back = tl::decode<tg::user_type>(bytes);
            REQUIRE(back);
            CHECK(back->index() == v.index());
            CHECK(tl::encode(*back) == bytes);
        }
        for (const auto& v : {tg::chat_type{c}, tg::chat_type{lc}, tg::chat_type{g}}) {
            const auto bytes = tl::encode(v);
            auto back = tl::decode<tg::chat_type>(bytes);
            REQUIRE(back);
            CHECK(back->index() == v.index());
            CHECK(tl::encode(*back) == bytes);
        }
    }
}

TEST_CASE("telegram: other ChannelParticipant constructors round-trip") {
    tg::channel_participant_self self{{}, true, 1, 2, 3, 4, std::string("r")};
    tg::channel_participant_creator creator;
    creator.user_id = 5;
    creator.admin_rights.add_admins = true;
    creator.rank = "owner";
    tg::channel_participant_admin admin;
    admin.self = true;  // shares bit 1 with inviter_id
    tg::channel_participant_banned banned;
    banned.left = true;
    banned.peer = tg::peer_channel{8};
    banned.banned_rights.send_messages = true;
    banned.banned_rights.until_date = 100;
    tg::channel_participant_left left{tg::peer_user{9}};
    std::vector<tg::channel_participant_type> all{self, creator, admin, banned, left, tg::channel_participant{}};
    auto bytes = tl::encode(all);
    auto back = tl::decode<std::vector<tg::channel_participant_type>>(bytes);
    REQUIRE(back);
    CHECK(tl::encode(*back) == bytes);
    CHECK(std::get<tg::channel_participant_self>((*back)[0]).via_request);
    CHECK(std::get<tg::channel_participant_creator>((*back)[1]).rank == std::string("owner"));
    auto& ad = std::get<tg::channel_participant_admin>((*back)[2]);
    CHECK(ad.self);
    CHECK(ad.inviter_id == std::int64_t{0});
    auto& bn = std::get<tg::channel_participant_banned>((*back)[3]);
    CHECK(std::get<tg::peer_channel>(bn.peer).channel_id == 8);
    CHECK(bn.banned_rights.send_messages);
    CHECK(bn.banned_rights.until_date == 100);
    CHECK(std::get<tg::peer_user>(std::get<tg::channel_participant_left>((*back)[4]).peer).user_id == 9);
    check_prefixes<std::vector<tg::channel_participant_type>>(bytes);
}

TEST_CASE("telegram: unmodelled and unknown parts of an answer are errors, not misreads") {
    tg::update_short_message m;
    auto bytes = tl::encode(tg::updates_type{m});
    bytes[4] = 0x04;  // flags: fwd_from (bit 2) present
    bytes += std::string(16, '\0');
    auto fwd = tl::decode<tg::updates_type>(bytes);
    REQUIRE_FALSE(fwd);
    CHECK(fwd.error().code == decode_errc::unexpected_type);
    CHECK(fwd.error().path == "fwd_from");
    CHECK(fwd.error().message.find("MessageFwdHeader") != std::string::npos);

    tg::update_channel_participant up;
    auto ub = tl::encode(tg::update_type{up});
    ub[4] = 0x04;  // invite (bit 2) present
    auto inv = tl::decode<tg::update_type>(ub);
    REQUIRE_FALSE(inv);
    CHECK(inv.error().path == "invite");
    CHECK(inv.error().message.find("ExportedChatInvite") != std::string::npos);

    // A User constructor this library does not know, inside users.
    auto u = sample_answer();
    auto ab = tl::encode(tg::updates_type{u});
    std::string user_empty_id;
    tl::put_u32(user_empty_id, tg::user_empty::tl_id);
    auto at = ab.find(user_empty_id);
    REQUIRE(at != std::string::npos);
    std::string user_id;
    tl::put_u32(user_id, 0x0badc0de);
    ab.replace(at, 4, user_id);
    auto r = tg::decode_response<tg::channels::edit_admin>(ab);
    REQUIRE_FALSE(r);
    REQUIRE(r.error().decode());
    CHECK(r.error().decode()->code == decode_errc::unknown_constructor);
    CHECK(r.error().decode()->path == "users[0]");
    CHECK(r.error().decode()->offset == at);
    CHECK(r.error().to_string().find("0x0badc0de") != std::string::npos);
    CHECK(r.error().to_string().find("userEmpty, user, user") != std::string::npos);

    auto unknown_update = tl::decode<tg::update_type>(unhex("ef be ad de"));
    REQUIRE_FALSE(unknown_update);
    CHECK(unknown_update.error().message.find("0xdeadbeef") != std::string::npos);
    CHECK(unknown_update.error().message.find("updateChannelParticipant") != std::string::npos);
}

TEST_CASE("telegram: rpc_error(420, FLOOD_WAIT_30) both ways") {
    tg::rpc_error e{420, "FLOOD_WAIT_30"};
    CHECK(hex(tl::encode(e)) == hex(unhex(flood_hex)));
    auto d = tl::decode<tg::rpc_error>(unhex(flood_hex));
    REQUIRE(d);
    CHECK(d->error_code == 420);
    CHECK(d->error_message == "FLOOD_WAIT_30");
    check_prefixes<tg::rpc_error>(unhex(flood_hex));

    for (std::string body : {unhex(flood_hex), unhex("01 6d 5c f3 00 72 06 00 50 3d c5 65") + unhex(flood_hex)}) {
        auto r = tg::decode_response<tg::channels::edit_admin>(body);
        REQUIRE_FALSE(r);
        REQUIRE(r.error().is_rpc_error());
        auto& a = *r.error().rpc();
        CHECK(a.code == tg::errc::flood_wait);
        CHECK(a.error_code == 420);
        CHECK(a.error_message == "FLOOD_WAIT_30");
        CHECK(a.retry_after() == std::chrono::seconds(30));
        CHECK(r.error().retry_after() == std::chrono::seconds(30));
        CHECK(r.error().ec() == tg::errc::flood_wait);
        CHECK(r.error().to_string() == "rpc_error 420 FLOOD_WAIT_30");
    }

    auto wrapped = unhex("01 6d 5c f3 00 72 06 00 50 3d c5 65") + unhex(flood_hex);
    for (std::size_t n = 0; n < wrapped.size(); ++n) {
        auto r = tg::decode_response<tg::channels::edit_admin>(std::string_view(wrapped).substr(0, n));
        INFO("prefix length " << n);
        REQUIRE_FALSE(r);
        REQUIRE(r.error().decode());
        CHECK(r.error().decode()->code == decode_errc::truncated);
    }
    auto trailing = tg::decode_response<tg::channels::edit_admin>(unhex(flood_hex) + std::string(4, '\0'));
    REQUIRE_FALSE(trailing);
    REQUIRE(trailing.error().decode());
    CHECK(trailing.error().decode()->code == decode_errc::trailing_data);
    CHECK(trailing.error().decode()->offset == 24);

    auto gz = tg::decode_response<tg::channels::edit_admin>(unhex("a1 cf 72 30 00 00 00 00"));
    REQUIRE_FALSE(gz);
    CHECK(gz.error().to_string().find("gzip_packed") != std::string::npos);
}

TEST_CASE("telegram: every documented error is matched on its message string") {
    std::size_t count = 0;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<tg::errc>>([&](auto D) {
        ++count;
        tg::errc e = D.value;
        auto doc = tg::documented(e);
        CHECK_FALSE(doc.description.empty());
        if (e == tg::errc::unknown) return;
        std::string type(tg::error_type(e));
        INFO(type);
        CHECK(doc.code >= 400);
        CHECK(std::string_view(D.name).size() == type.size());
        bool wait = tg::carries_wait(e);
        std::string msg = wait ? type + "_17" : type;
        // A code other than the documented one must not matter.
        auto a = tg::api_error::from({doc.code == 400 ? 403 : 400, msg});
        CHECK(a.code == e);
        CHECK(a.error_message == msg);
        CHECK(a.ec() == e);
        CHECK(a.ec().category().name() == std::string("chatadmin.telegram"));
        CHECK(a.ec().message().find(std::string(doc.description)) != std::string::npos);
        if (wait) CHECK(a.retry_after() == std::chrono::seconds(17));
        else CHECK_FALSE(a.retry_after().has_value());

        auto wire = tl::encode(tg::rpc_error{doc.code, msg});
        auto r = tg::decode_response<tg::channels::edit_admin>(wire);
        REQUIRE_FALSE(r);
        REQUIRE(r.error().rpc());
        CHECK(r.error().rpc()->code == e);
    });
    CHECK(count == 30);  // unknown + 23 from the method page + 3 from layer 228 + 3 waits

    CHECK(tg::error_type(tg::errc::user_creator) == "USER_CREATOR");
    CHECK(tg::error_type(tg::errc::bot_channels_na) == "BOT_CHANNELS_NA");
    CHECK(tg::documented(tg::errc::chat_admin_required).code == 403);
    CHECK(tg::documented(tg::errc::fresh_change_admins_forbidden).code == 406);
    CHECK(tg::documented(tg::errc::channel_monoforum_unsupported).code == 400);
    CHECK(tg::documented(tg::errc::user_kicked).code == 400);
    CHECK(tg::documented(tg::errc::msg_id_invalid).code == 400);
}

TEST_CASE("telegram: FLOOD_WAIT_X, SLOWMODE_WAIT_X and unknown errors") {
    auto f = tg::api_error::from({420, "FLOOD_WAIT_3600"});
    CHECK(f.code == tg::errc::flood_wait);
    CHECK(f.retry_after() == std::chrono::hours(1));
    auto s = tg::api_error::from({420, "SLOWMODE_WAIT_5"});
    CHECK(s.code == tg::errc::slowmode_wait);
    CHECK(s.retry_after() == std::chrono::seconds(5));
    CHECK(tg::api_error::from({420, "FLOOD_WAIT_0"}).retry_after() == std::chrono::seconds(0));

    for (const char* odd : {"FLOOD_WAIT", "FLOOD_WAIT_", "FLOOD_WAIT_X", "FLOOD_WAIT_1_2", "FLOOD_WAIT_12345678901",
                            "SOMETHING_NEW", "", "USER_CREATOR_"}) {
        INFO(odd);
        auto u = tg::api_error::from({420, odd});
        CHECK(u.code == tg::errc::unknown);
        CHECK(u.error_message == odd);
        CHECK(u.error_code == 420);
        CHECK_FALSE(u.retry_after().has_value());
    }
    auto lower = tg::api_error::from({400, "user_creator"});
    CHECK(lower.code == tg::errc::user_creator);

    auto unknown = tg::decode_response<tg::channels::edit_admin>(tl::encode(tg::rpc_error{-503, "Timeout"}));
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().rpc()->code == tg::errc::unknown);
    CHECK(unknown.error().rpc()->error_code == -503);
    CHECK(unknown.error().rpc()->error_message == "Timeout");
    CHECK(unknown.error().to_string() == "rpc_error -503 Timeout");

    std::error_code ec = tg::errc::user_creator;
    CHECK(ec.category().name() == std::string("chatadmin.telegram"));
    CHECK(ec.message().rfind("USER_CREATOR: ", 0) == 0);
    CHECK(std::error_code(tg::errc::flood_wait).message().rfind("FLOOD_WAIT_X: ", 0) == 0);
}

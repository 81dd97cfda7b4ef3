// Telegram TL: encoding channels.editAdmin and decoding its answers (an `updates` and an
// `rpc_error`), chatadmin against hand-written code. No JSON library has a TL form.

#include "common.hpp"
#include "telegram_samples.hpp"
#include "workloads.hpp"

#include <cstring>
#include <stdexcept>

using namespace bench;
namespace tl = chatadmin::tl;

namespace hand {

[[noreturn]] inline void bad(const char* what) { throw std::runtime_error(what); }

// Writes into a buffer sized up front; words stored with memcpy (little-endian host).
struct out {
    std::string& s;
    char* p;
    void u32(std::uint32_t v) { std::memcpy(p, &v, 4); p += 4; }
    void i64(std::int64_t v) { std::memcpy(p, &v, 8); p += 8; }
    void str(std::string_view v) {  // short form only (< 254 bytes), as in the workload
        *p++ = static_cast<char>(v.size());
        std::memcpy(p, v.data(), v.size());
        p += v.size();
        std::size_t pad = (4 - (1 + v.size()) % 4) % 4;
        std::memset(p, 0, pad);
        p += pad;
    }
};

inline std::uint32_t rights_flags(const tg::chat_admin_rights& r) {
    std::uint32_t f = 0;
    f |= r.change_info ? 1u << 0 : 0; f |= r.post_messages ? 1u << 1 : 0; f |= r.edit_messages ? 1u << 2 : 0;
    f |= r.delete_messages ? 1u << 3 : 0; f |= r.ban_users ? 1u << 4 : 0; f |= r.invite_users ? 1u << 5 : 0;
    f |= r.pin_messages ? 1u << 7 : 0; f |= r.add_admins ? 1u << 9 : 0; f |= r.anonymous ? 1u << 10 : 0;
    f |= r.manage_call ? 1u << 11 : 0; f |= r.other ? 1u << 12 : 0; f |= r.manage_topics ? 1u << 13 : 0;
    f |= r.post_stories ? 1u << 14 : 0; f |= r.edit_stories ? 1u << 15 : 0; f |= r.delete_stories ? 1u << 16 : 0;
    f |= r.manage_direct_messages ? 1u << 17 : 0; f |= r.manage_ranks ? 1u << 18 : 0; f |= r.manage_linked_peers ? 1u << 19 : 0;
    return f | (r.flags.value & ~0xFFEBFu);
}

// Only the alternatives the workload uses (inputChannel, inputUser); others are not handled.
inline void encode(std::string& s, const tg::channels::edit_admin& r) {
    const auto& ch = std::get<tg::input_channel>(r.channel);
    const auto& us = std::get<tg::input_user>(r.user_id);
    std::size_t rank = r.rank ? r.rank->size() : 0;
    std::size_t start = s.size();
    s.resize(start + 4 * 4 + 16 + 16 + 8 + (r.rank ? (1 + rank + 3) / 4 * 4 : 0));
    out o{s, s.data() + start};
    o.u32(0x9a98ad68);
    o.u32(r.rank ? 1u : 0u);
    o.u32(0xf35aec28); o.i64(ch.channel_id); o.i64(ch.access_hash);
    o.u32(0xf21158c6); o.i64(us.user_id); o.i64(us.access_hash);
    o.u32(0x5fb224d5); o.u32(rights_flags(r.admin_rights));
    if (r.rank) o.str(*r.rank);
}

// A reader with a bounds check per read, throwing on malformed input.
struct in {
    const char* p;
    const char* e;
    std::uint32_t u32() {
        if (e - p < 4) bad("truncated");
        std::uint32_t v;
        std::memcpy(&v, p, 4);
        p += 4;
        return v;
    }
    std::int32_t i32() { return static_cast<std::int32_t>(u32()); }
    std::int64_t i64() {
        if (e - p < 8) bad("truncated");
        std::int64_t v;
        std::memcpy(&v, p, 8);
        p += 8;
        return v;
    }
    void str(std::string& out) {
        if (p == e) bad("truncated");
        std::size_t len = static_cast<unsigned char>(*p), head = 1;
        if (len == 254) {
            if (e - p < 4) bad("truncated");
            len = static_cast<unsigned char>(p[1]) | std::size_t(static_cast<unsigned char>(p[2])) << 8 | std::size_t(static_cast<unsigned char>(p[3])) << 16;
            head = 4;
        } else if (len == 255) bad("bad string");
        std::size_t total = (head + len + 3) / 4 * 4;
        if (static_cast<std::size_t>(e - p) < total) bad("truncated");
        out.assign(p + head, len);
        p += total;
    }
    std::uint32_t vec() {
        if (u32() != 0x1cb5c415) bad("expected vector");
        std::int32_t n = i32();
        if (n < 0 || static_cast<std::size_t>(n) > static_cast<std::size_t>(e - p) / 4) bad("bad vector length");
        return static_cast<std::uint32_t>(n);
    }
};

inline void rights(in& r, tg::chat_admin_rights& a) {
    if (r.u32() != tg::chat_admin_rights::tl_id) bad("expected chatAdminRights");
    std::uint32_t f = a.flags.value = r.u32();
    a.change_info = f & 1; a.post_messages = f >> 1 & 1; a.edit_messages = f >> 2 & 1; a.delete_messages = f >> 3 & 1;
    a.ban_users = f >> 4 & 1; a.invite_users = f >> 5 & 1; a.pin_messages = f >> 7 & 1; a.add_admins = f >> 9 & 1;
    a.anonymous = f >> 10 & 1; a.manage_call = f >> 11 & 1; a.other = f >> 12 & 1; a.manage_topics = f >> 13 & 1;
    a.post_stories = f >> 14 & 1; a.edit_stories = f >> 15 & 1; a.delete_stories = f >> 16 & 1;
    a.manage_direct_messages = f >> 17 & 1; a.manage_ranks = f >> 18 & 1; a.manage_linked_peers = f >> 19 & 1;
}

inline void participant(in& r, tg::channel_participant_type& out) {
    switch (r.u32()) {
    case tg::channel_participant::tl_id: {
        auto& p = out.emplace<tg::channel_participant>();
        std::uint32_t f = p.flags.value = r.u32();
        p.user_id = r.i64();
        p.date = r.i32();
        if (f & 1) p.subscription_until_date = r.i32();
        if (f & 4) r.str(p.rank.emplace());
        return;
    }
    case tg::channel_participant_admin::tl_id: {
        auto& p = out.emplace<tg::channel_participant_admin>();
        std::uint32_t f = p.flags.value = r.u32();
        p.can_edit = f & 1;
        p.self = f >> 1 & 1;
        p.user_id = r.i64();
        if (f & 2) p.inviter_id = r.i64();
        p.promoted_by = r.i64();
        p.date = r.i32();
        rights(r, p.admin_rights);
        if (f & 4) r.str(p.rank.emplace());
        return;
    }
    default: bad("participant constructor not handled");
    }
}

inline void decode_updates(std::string_view bytes, tg::updates_type& out) {
    in r{bytes.data(), bytes.data() + bytes.size()};
    if (r.u32() != tg::updates::tl_id) bad("only updates#74ae4240 is handled");
    auto& u = out.emplace<tg::updates>();
    for (std::uint32_t n = r.vec(), i = 0; i < n; ++i) {
        auto& up = u.updates.emplace_back();
        switch (r.u32()) {
        case tg::update_channel::tl_id: up.emplace<tg::update_channel>().channel_id = r.i64(); break;
        case tg::update_channel_participant::tl_id: {
            auto& p = up.emplace<tg::update_channel_participant>();
            std::uint32_t f = p.flags.value = r.u32();
            p.via_chatlist = f >> 3 & 1;
            p.channel_id = r.i64();
            p.date = r.i32();
            p.actor_id = r.i64();
            p.user_id = r.i64();
            if (f & 1) participant(r, p.prev_participant.emplace());
            if (f & 2) participant(r, p.new_participant.emplace());
            if (f & 4) bad("invite not modelled");
            p.qts = r.i32();
            break;
        }
        default: bad("update constructor not handled");
        }
    }
    for (std::uint32_t n = r.vec(), i = 0; i < n; ++i) {
        if (r.u32() != tg::user_empty::tl_id) bad("user constructor not handled");
        u.users.emplace_back().emplace<tg::user_empty>().id = r.i64();
    }
    for (std::uint32_t n = r.vec(), i = 0; i < n; ++i) {
        auto& c = u.chats.emplace_back();
        switch (r.u32()) {
        case tg::chat_empty::tl_id: c.emplace<tg::chat_empty>().id = r.i64(); break;
        case tg::chat_forbidden::tl_id: { auto& x = c.emplace<tg::chat_forbidden>(); x.id = r.i64(); r.str(x.title); break; }
        case tg::channel_forbidden::tl_id: {
            auto& x = c.emplace<tg::channel_forbidden>();
            std::uint32_t f = x.flags.value = r.u32();
            x.broadcast = f >> 5 & 1; x.megagroup = f >> 8 & 1; x.monoforum = f >> 10 & 1;
            x.id = r.i64();
            x.access_hash = r.i64();
            r.str(x.title);
            if (f >> 16 & 1) x.until_date = r.i32();
            break;
        }
        default: bad("chat constructor not handled");
        }
    }
    u.date = r.i32();
    u.seq = r.i32();
    if (r.p != r.e) bad("trailing data");
}

inline void decode_rpc_error(std::string_view bytes, tg::rpc_error& e) {
    in r{bytes.data(), bytes.data() + bytes.size()};
    if (r.u32() != tg::rpc_error::tl_id) bad("expected rpc_error");
    e.error_code = r.i32();
    r.str(e.error_message);
    if (r.p != r.e) bad("trailing data");
}

} // namespace hand

namespace {

using telegram_samples::sample_answer;

[[maybe_unused]] const bool registered = [] {
    // ---- write: channels.editAdmin#9a98ad68 with rank
    const auto req = edit_admin_request();
    const std::string want = tg::channels::encode(req);
    {
        std::string h;
        hand::encode(h, req);
        if (h != want) die("write/editAdmin.tl/hand: bytes differ from chatadmin's");
        if (want.size() != 60) die("write/editAdmin.tl: unexpected size");
    }
    benchmark::RegisterBenchmark("write/editAdmin.tl/chatadmin", [=](benchmark::State& st) {
        std::string buf;
        run(st, want.size(), [&] {
            buf.clear();
            tg::channels::encode_to(buf, req);
            benchmark::DoNotOptimize(buf.data());
        });
    });
    benchmark::RegisterBenchmark("write/editAdmin.tl/hand", [=](benchmark::State& st) {
        std::string buf;
        run(st, want.size(), [&] {
            buf.clear();
            hand::encode(buf, req);
            benchmark::DoNotOptimize(buf.data());
        });
    });

    // ---- read: updates
    const std::string upd = tl::encode(tg::updates_type{sample_answer()});
    {
        tg::updates_type h;
        hand::decode_updates(upd, h);
        if (tl::encode(h) != upd) die("read/updates.tl/hand: result differs");
        auto c = tg::decode_response<tg::channels::edit_admin>(upd);
        if (!c || tl::encode(*c) != upd) die("read/updates.tl/chatadmin: result differs");
    }
    benchmark::RegisterBenchmark("read/updates.tl/chatadmin", [=](benchmark::State& st) {
        run(st, upd.size(), [&] {
            tl::reader r(upd);
            tg::updates_type v;
            bool ok = tl::read_value(r, v);
            benchmark::DoNotOptimize(ok);
            benchmark::DoNotOptimize(v);
        });
    });
    benchmark::RegisterBenchmark("read/updates.tl/hand", [=](benchmark::State& st) {
        run(st, upd.size(), [&] {
            tg::updates_type v;
            hand::decode_updates(upd, v);
            benchmark::DoNotOptimize(v);
        });
    });
    benchmark::RegisterBenchmark("read/updates.tl/chatadmin_decode_response", [=](benchmark::State& st) {
        run(st, upd.size(), [&] {
            auto r = tg::decode_response<tg::channels::edit_admin>(upd);
            benchmark::DoNotOptimize(r);
        });
    });

    // ---- read: rpc_error 420 FLOOD_WAIT_30
    const std::string err = tl::encode(tg::rpc_error{420, "FLOOD_WAIT_30"});
    {
        tg::rpc_error h;
        hand::decode_rpc_error(err, h);
        if (h.error_code != 420 || h.error_message != "FLOOD_WAIT_30") die("read/rpc_error.tl/hand: result differs");
    }
    benchmark::RegisterBenchmark("read/rpc_error.tl/chatadmin", [=](benchmark::State& st) {
        run(st, err.size(), [&] {
            tl::reader r(err);
            tg::rpc_error v;
            bool ok = tl::read_value(r, v);
            benchmark::DoNotOptimize(ok);
            benchmark::DoNotOptimize(v);
        });
    });
    benchmark::RegisterBenchmark("read/rpc_error.tl/hand", [=](benchmark::State& st) {
        run(st, err.size(), [&] {
            tg::rpc_error v;
            hand::decode_rpc_error(err, v);
            benchmark::DoNotOptimize(v);
        });
    });
    benchmark::RegisterBenchmark("read/rpc_error.tl/chatadmin_decode_response", [=](benchmark::State& st) {
        run(st, err.size(), [&] {
            auto r = tg::decode_response<tg::channels::edit_admin>(err);
            benchmark::DoNotOptimize(r);
        });
    });
    return true;
}();

} // namespace

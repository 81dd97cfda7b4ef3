#include "telegram_handler.hpp"

#include <chatadmin/core/json_reader.hpp>
#include <chatadmin/core/json_writer.hpp>
#include <chatadmin/core/result.hpp>
#include <chatadmin/core/tl.hpp>
#include <chatadmin/telegram/channels/edit_admin.hpp>
#include <chatadmin/telegram/chat.hpp>
#include <chatadmin/telegram/errors.hpp>
#include <chatadmin/telegram/rpc_error.hpp>
#include <chatadmin/telegram/updates.hpp>
#include <chatadmin/telegram/user.hpp>

#include <boost/describe/class.hpp>

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <variant>

namespace chatadmin::mock {

namespace tg = chatadmin::telegram;

namespace {

// What a call answers, before it is put into either encoding.
using answer = std::variant<tg::updates_type, tg::rpc_error>;

// The two encodings of one request and its answer: /telegram/api (TL binary) and
// /telegram/json (the JSON form of the same TL objects).
enum class form { tl, json };

form form_of(std::string_view path) { return path == "/telegram/json" ? form::json : form::tl; }

http_response encode(const answer& a, form f) {
    http_response r;
    r.status = 200;
    if (f == form::json) {
        r.headers.emplace_back("Content-Type", "application/json");
        r.body = std::visit([](const auto& v) { return json::to_json(v); }, a);
    } else {
        r.headers.emplace_back("Content-Type", "application/octet-stream");
        r.body = std::visit([](const auto& v) { return tl::encode(v); }, a);
    }
    return r;
}

tg::rpc_error rpc_error(std::int32_t code, std::string message) { return {code, std::move(message)}; }

/// The documented rpc_error of e.
tg::rpc_error rpc_error(tg::errc e) { return rpc_error(tg::documented(e).code, std::string(tg::error_type(e))); }

// X-Mock-Error: an error message ("USER_CREATOR", "FLOOD_WAIT_30"); its code is the documented
// one, 420 for the waits, 400 for messages the table does not know.
tg::rpc_error forced(std::string_view message) {
    auto a = tg::api_error::from(tg::rpc_error{0, std::string(message)});
    std::int32_t code = a.code == tg::errc::unknown ? 400 : tg::documented(a.code).code;
    return rpc_error(code, std::string(message));
}

// The journal's params for a body that did not decode.
struct decode_problem {
    std::string decode_error;
};
BOOST_DESCRIBE_STRUCT(decode_problem, (), (decode_error))

// A "layer" member next to the call in the JSON form (ignored by the TL JSON reader).
struct layer_hint {
    std::optional<std::int32_t> layer;
};
BOOST_DESCRIBE_STRUCT(layer_hint, (), (layer))

// The first layer with channels.editAdmin#9a98ad68.
constexpr std::int32_t current_layer_since = 223;

// channels.editAdmin in the JSON form. Both constructors have the predicate
// "channels.editAdmin" and the same fields, so the seed's #d33c8902 is chosen by
// "channels.editAdmin#d33c8902" or by a "layer" member below 223; otherwise the current one.
result<tg::channels::decoded_edit_admin> decode_json_request(std::string_view body) {
    using tg::channels::decoded_edit_admin;
    using tg::channels::edit_admin_layer;
    auto hint = json::from_json<layer_hint>(body);
    if (hint && hint->layer && *hint->layer < current_layer_since) {
        auto old = json::from_json<tg::channels::legacy::edit_admin>(body);
        if (!old) return unexpected{std::move(old.error())};
        return decoded_edit_admin{tg::channels::from_legacy(*old), edit_admin_layer::legacy};
    }
    struct either : std::variant<tg::channels::edit_admin, tg::channels::legacy::edit_admin> {
        using variant::variant;
    };
    auto v = json::from_json<either>(body);
    if (!v) return unexpected{std::move(v.error())};
    if (auto* cur = std::get_if<tg::channels::edit_admin>(&*v)) return decoded_edit_admin{std::move(*cur), edit_admin_layer::current};
    return decoded_edit_admin{tg::channels::from_legacy(std::get<tg::channels::legacy::edit_admin>(*v)), edit_admin_layer::legacy};
}

result<tg::channels::decoded_edit_admin> decode_request(std::string_view body, form f) {
    return f == form::json ? decode_json_request(body) : tg::channels::decode_request(body);
}

// A header value: printable ASCII only (the message may quote the body), at most 300 bytes.
std::string header_safe(std::string_view s) {
    std::string out(s.substr(0, 300));
    for (auto& c : out)
        if (c < 0x20 || c > 0x7e) c = '?';
    return out;
}

// An emoji (or any pictograph) in a rank: code points in the symbol and emoji blocks.
bool has_emoji(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::uint32_t cp = c;
        std::size_t n = 1;
        if (c >= 0xF0 && i + 3 < s.size() + 0) { cp = ((c & 7u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu); n = 4; }
        else if (c >= 0xE0 && i + 2 < s.size()) { cp = ((c & 15u) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu); n = 3; }
        else if (c >= 0xC0 && i + 1 < s.size()) { cp = ((c & 31u) << 6) | (s[i + 1] & 0x3Fu); n = 2; }
        if ((cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF)) return true;
        i += n;
    }
    return false;
}

std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

class telegram_handler final : public handler {
public:
    std::string_view platform() const override { return "telegram"; }
    bool accepts(std::string_view path) const override { return path == "/telegram/api" || path == "/telegram/json"; }

    std::string method_of(const http_request& req, std::string_view path) const override {
        auto d = decode_request(req.body, form_of(path));
        return d ? std::string(tg::channels::edit_admin::tl_name) : std::string{};
    }

    http_response rate_limited(call& c) const override {
        c.outcome = "FLOOD_WAIT_1";
        return encode(rpc_error(420, "FLOOD_WAIT_1"), form_of(c.path));
    }

    http_response handle(call& c) override {
        c.redacted_target = std::string(c.path);
        if (c.req.method != "POST") {
            c.outcome = "HTTP 405";
            return json_response(405, R"({"error":"method_not_allowed","error_description":"POST one TL function call"})");
        }
        const form f = form_of(c.path);
        std::string problem;
        answer a = respond(c, f, problem);
        auto* e = std::get_if<tg::rpc_error>(&a);
        c.outcome = e ? e->error_message : "ok";
        http_response r = encode(a, f);
        if (!problem.empty()) r.headers.emplace_back("X-Mock-Decode-Error", header_safe(problem));
        return r;
    }

private:
    // One path from the parsed request to the world change to the answer, for both forms.
    static answer respond(call& c, form f, std::string& problem) {
        auto d = decode_request(c.req.body, f);
        if (!d) {
            // Not a call this server knows, or not TL at all: the answer MTProto gives to a
            // malformed query. Why it did not decode goes into a header and the journal.
            c.api_method = "";
            problem = d.error().to_string();
            c.params.text = json::to_json(decode_problem{problem});
            return rpc_error(400, "INPUT_CONSTRUCTOR_INVALID");
        }
        c.api_method = std::string(tg::channels::edit_admin::tl_name);
        c.params.text = describe(*d);
        if (c.forced_error) return forced(*c.forced_error);
        return edit_admin(c.w.telegram, d->request);
    }

    static std::string describe(const tg::channels::decoded_edit_admin& d) {
        std::string s = "{\"layer\":";
        s += d.layer == tg::channels::edit_admin_layer::legacy ? "\"legacy\"" : "\"current\"";
        if (auto* ch = std::get_if<tg::input_channel>(&d.request.channel)) s += ",\"channel_id\":" + std::to_string(ch->channel_id);
        if (auto* u = std::get_if<tg::input_user>(&d.request.user_id)) s += ",\"user_id\":" + std::to_string(u->user_id);
        if (std::holds_alternative<tg::input_user_self>(d.request.user_id)) s += ",\"user_id\":\"self\"";
        s += ",\"rights\":" + std::to_string(rights_word(d.request.admin_rights));
        if (d.request.rank) s += ",\"rank\":" + json::to_json(*d.request.rank);
        s += "}";
        return s;
    }

    static std::uint32_t rights_word(const tg::chat_admin_rights& r) {
        // The flags word as encoded: the encoder computes it from the members.
        std::string bytes = tl::encode(r);
        std::uint32_t w = 0;
        for (int i = 0; i < 4; ++i) w |= std::uint32_t(static_cast<unsigned char>(bytes[4 + i])) << (8 * i);
        return w;
    }

    static answer edit_admin(telegram_world& w, const tg::channels::edit_admin& req) {
        auto* ic = std::get_if<tg::input_channel>(&req.channel);
        if (!ic) return rpc_error(tg::errc::channel_invalid);
        auto ch = std::find_if(w.channels.begin(), w.channels.end(), [&](const tg_channel& x) { return x.id == ic->channel_id; });
        if (ch == w.channels.end() || ch->access_hash != ic->access_hash) return rpc_error(tg::errc::channel_invalid);
        const std::int64_t self = w.self_id;
        if (!std::count(ch->members.begin(), ch->members.end(), self)) return rpc_error(tg::errc::channel_private);

        std::int64_t target = 0;
        if (std::holds_alternative<tg::input_user_self>(req.user_id)) target = self;
        else if (auto* iu = std::get_if<tg::input_user>(&req.user_id)) {
            auto u = std::find_if(w.users.begin(), w.users.end(), [&](const tg_user& x) { return x.id == iu->user_id; });
            if (u == w.users.end() || u->access_hash != iu->access_hash) return rpc_error(tg::errc::user_id_invalid);
            target = u->id;
        } else {
            return rpc_error(tg::errc::user_id_invalid);
        }
        auto user = std::find_if(w.users.begin(), w.users.end(), [&](const tg_user& x) { return x.id == target; });

        // The caller must be the creator or an admin who may add admins.
        auto admin_of = [&](std::int64_t id) {
            return std::find_if(ch->admins.begin(), ch->admins.end(), [&](const tg_admin& a) { return a.user_id == id; });
        };
        constexpr std::uint32_t add_admins_bit = 1u << 9;
        const bool creator = ch->creator == self;
        auto me = admin_of(self);
        if (!creator && (me == ch->admins.end() || !(me->rights & add_admins_bit))) return rpc_error(tg::errc::chat_admin_required);
        if (target == ch->creator) return rpc_error(tg::errc::user_creator);
        if (user != w.users.end() && user->deactivated) return rpc_error(tg::errc::input_user_deactivated);

        const std::string rank = req.rank.value_or(std::string{});
        if (has_emoji(rank)) return rpc_error(tg::errc::admin_rank_emoji_not_allowed);
        if (utf8_length(rank) > 16) return rpc_error(tg::errc::admin_rank_invalid);

        const std::uint32_t rights = rights_word(req.admin_rights);
        if (!creator && (rights & ~me->rights)) return rpc_error(tg::errc::right_forbidden);
        auto existing = admin_of(target);
        if (!creator && existing != ch->admins.end() && existing->promoted_by != self) return rpc_error(tg::errc::right_forbidden);

        const bool member = std::count(ch->members.begin(), ch->members.end(), target) > 0;
        if (!member) {
            if (user != w.users.end() && user->privacy_restricted) return rpc_error(tg::errc::user_privacy_restricted);
            if (user != w.users.end() && user->bot && !ch->megagroup) return rpc_error(tg::errc::bot_channels_na);
        }
        if (rights != 0 && existing == ch->admins.end() &&
            static_cast<std::int32_t>(ch->admins.size()) + 1 >= ch->admins_limit)
            return rpc_error(tg::errc::admins_too_much);

        // Apply: all-zero rights demote; otherwise promote (inviting a non-member).
        if (rights == 0) {
            if (existing != ch->admins.end()) ch->admins.erase(existing);
        } else {
            if (!member) ch->members.push_back(target);
            if (existing == ch->admins.end()) ch->admins.push_back({target, rights, rank, self});
            else { existing->rights = rights; existing->rank = rank; }
        }

        const auto now = static_cast<std::int32_t>(
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
        tg::updates u;
        u.updates.push_back(tg::update_channel{ch->id});
        if (user != w.users.end()) u.users.push_back(user_of(w, *user));
        else u.users.push_back(tg::user_empty{target});
        u.chats.push_back(channel_of(w, *ch));
        u.date = now;
        u.seq = 0;
        return tg::updates_type{std::move(u)};
    }

    // The user as a layer-228 server describes them to the caller.
    static tg::user user_of(const telegram_world& w, const tg_user& x) {
        tg::user u;
        u.self = x.id == w.self_id;
        u.bot = x.bot;
        u.id = x.id;
        u.access_hash = x.access_hash;
        if (!x.first_name.empty()) u.first_name = x.first_name;
        if (!x.last_name.empty()) u.last_name = x.last_name;
        if (!x.username.empty()) u.username = x.username;
        if (x.was_online > 0) u.status = tg::user_status_offline{x.was_online};
        else u.status = tg::user_status_recently{};
        return u;
    }

    // The channel as a layer-228 server describes it to the caller (a member): the caller's own
    // admin rights when it is an admin.
    static tg::channel channel_of(const telegram_world& w, const tg_channel& c) {
        tg::channel x;
        x.creator = c.creator == w.self_id;
        x.broadcast = !c.megagroup;
        x.megagroup = c.megagroup;
        x.id = c.id;
        x.access_hash = c.access_hash;
        x.title = c.title;
        if (!c.username.empty()) x.username = c.username;
        x.photo = tg::chat_photo_empty{};
        x.date = c.date;
        auto me = std::find_if(c.admins.begin(), c.admins.end(), [&](const tg_admin& a) { return a.user_id == w.self_id; });
        if (me != c.admins.end()) x.admin_rights = admin_rights_of(me->rights);
        x.participants_count = static_cast<std::int32_t>(c.members.size());
        return x;
    }

    static tg::chat_admin_rights admin_rights_of(std::uint32_t word) {
        std::string bytes;
        tl::put_u32(bytes, tg::chat_admin_rights::tl_id);
        tl::put_u32(bytes, word);
        auto r = tl::decode<tg::chat_admin_rights>(bytes);
        return r ? *r : tg::chat_admin_rights{};
    }
};

} // namespace

std::unique_ptr<handler> make_telegram_handler() { return std::make_unique<telegram_handler>(); }

} // namespace chatadmin::mock

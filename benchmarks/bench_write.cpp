// Writing the documented requests: chatadmin against a hand-written writer and the peers.
// Every writer's output is checked against the golden body before it is timed.

#include "common.hpp"
#include "workloads.hpp"

#include <boost/json.hpp>

#ifdef BENCH_HAVE_NLOHMANN
#include <nlohmann/json.hpp>
#endif
#ifdef BENCH_HAVE_RAPIDJSON
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#endif

#include <charconv>
#include <cstring>

using namespace bench;
namespace json = chatadmin::json;
namespace form = chatadmin::form;

// ---------------------------------------------------------------- hand-written baseline
namespace hand {

// Direct appends: precomputed keys, to_chars, escaping of '"', '\\' and controls.
struct out {
    std::string& s;
    void lit(std::string_view v) { s.append(v); }
    void i64(std::int64_t v) {
        char b[24];
        auto r = std::to_chars(b, b + 24, v);
        s.append(b, static_cast<std::size_t>(r.ptr - b));
    }
    void str(std::string_view v) {
        s.push_back('"');
        std::size_t run = 0;
        for (std::size_t i = 0; i < v.size(); ++i) {
            unsigned char c = static_cast<unsigned char>(v[i]);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            s.append(v.data() + run, i - run);
            run = i + 1;
            static constexpr char hex[] = "0123456789abcdef";
            if (c == '"' || c == '\\') { s.push_back('\\'); s.push_back(static_cast<char>(c)); }
            else { char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]}; s.append(e, 6); }
        }
        s.append(v.data() + run, v.size() - run);
        s.push_back('"');
    }
};

inline void write(std::string& s, const set_manager& v) {
    out o{s};
    o.lit("{\"CHAT_ID\":"); o.i64(v.CHAT_ID);
    o.lit(",\"USER_ID\":"); o.i64(v.USER_ID);
    o.lit(v.IS_MANAGER ? ",\"IS_MANAGER\":\"Y\"" : ",\"IS_MANAGER\":\"N\"");
    if (v.BOT_ID) { o.lit(",\"BOT_ID\":"); o.i64(*v.BOT_ID); }
    if (v.CLIENT_ID) { o.lit(",\"CLIENT_ID\":"); o.str(*v.CLIENT_ID); }
    o.lit("}");
}
inline void write(std::string& s, const sonet_update& v) {
    out o{s};
    o.lit("{\"GROUP_ID\":"); o.i64(v.GROUP_ID);
    o.lit(",\"USER_ID\":");
    if (v.USER_ID.scalar && v.USER_ID.values.size() == 1) o.i64(v.USER_ID.values[0]);
    else {
        o.lit("[");
        for (std::size_t i = 0; i < v.USER_ID.values.size(); ++i) { if (i) o.lit(","); o.i64(v.USER_ID.values[i]); }
        o.lit("]");
    }
    o.lit(v.ROLE == b24::sonet_group::role::moderator ? ",\"ROLE\":\"E\"}" : ",\"ROLE\":\"K\"}");
}
inline void write(std::string& s, const managers_get& v) {
    out o{s};
    o.lit("{\"ID\":[");
    for (std::size_t i = 0; i < v.ID.values.size(); ++i) { if (i) o.lit(","); o.i64(v.ID.values[i]); }
    o.lit(v.USER_DATA ? "],\"USER_DATA\":\"Y\"}" : "],\"USER_DATA\":\"N\"}");
}
inline void write(std::string& s, const ga_telegram& v) {
    out o{s};
    o.lit("{\"chatId\":"); o.str(v.chat_id);
    o.lit(",\"participantChatId\":"); o.str(v.participant_chat_id);
    if (v.permissions) {
        const auto& p = *v.permissions;
        char sep = '{';
        auto flag = [&](std::string_view key, const std::optional<bool>& b) {
            if (!b) return;
            s.push_back(sep);
            sep = ',';
            s.append(key);
            s.append(*b ? "true" : "false");
        };
        o.lit(",\"permissions\":");
        flag("\"canManageChat\":", p.can_manage_chat);
        flag("\"canChangeInfo\":", p.can_change_info);
        flag("\"canPostMessages\":", p.can_post_messages);
        flag("\"canEditMessages\":", p.can_edit_messages);
        flag("\"canDeleteMessages\":", p.can_delete_messages);
        flag("\"canInviteUsers\":", p.can_invite_users);
        flag("\"canRestrictMembers\":", p.can_restrict_members);
        flag("\"canPinMessages\":", p.can_pin_messages);
        flag("\"canManageTopics\":", p.can_manage_topics);
        flag("\"canPromoteMembers\":", p.can_promote_members);
        flag("\"canManageVideoChats\":", p.can_manage_video_chats);
        flag("\"canPostStories\":", p.can_post_stories);
        flag("\"canEditStories\":", p.can_edit_stories);
        flag("\"canDeleteStories\":", p.can_delete_stories);
        flag("\"isAnonymous\":", p.is_anonymous);
        if (sep == '{') s.push_back('{');
        s.push_back('}');
    }
    o.lit("}");
}

// Forms: keys are plain ASCII; values are numbers or Y/N here, so no percent-encoding is needed
// except in CLIENT_ID, which is encoded like PHP's http_build_query.
inline void form_value(std::string& s, std::string_view v) {
    static constexpr char hex[] = "0123456789ABCDEF";
    for (unsigned char c : v) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.') s.push_back(static_cast<char>(c));
        else if (c == ' ') s.push_back('+');
        else { s.push_back('%'); s.push_back(hex[c >> 4]); s.push_back(hex[c & 15]); }
    }
}
inline void form(std::string& s, const set_manager& v) {
    out o{s};
    o.lit("CHAT_ID="); o.i64(v.CHAT_ID);
    o.lit("&USER_ID="); o.i64(v.USER_ID);
    o.lit(v.IS_MANAGER ? "&IS_MANAGER=Y" : "&IS_MANAGER=N");
    if (v.BOT_ID) { o.lit("&BOT_ID="); o.i64(*v.BOT_ID); }
    if (v.CLIENT_ID) { o.lit("&CLIENT_ID="); form_value(s, *v.CLIENT_ID); }
}
inline void form(std::string& s, const sonet_update& v) {
    out o{s};
    o.lit("GROUP_ID="); o.i64(v.GROUP_ID);
    if (v.USER_ID.scalar && v.USER_ID.values.size() == 1) { o.lit("&USER_ID="); o.i64(v.USER_ID.values[0]); }
    else for (std::size_t i = 0; i < v.USER_ID.values.size(); ++i) {
        o.lit("&USER_ID["); o.i64(static_cast<std::int64_t>(i)); o.lit("]="); o.i64(v.USER_ID.values[i]);
    }
    o.lit(v.ROLE == b24::sonet_group::role::moderator ? "&ROLE=E" : "&ROLE=K");
}
inline void form(std::string& s, const managers_get& v) {
    out o{s};
    for (std::size_t i = 0; i < v.ID.values.size(); ++i) {
        o.lit(i ? "&ID[" : "ID["); o.i64(static_cast<std::int64_t>(i)); o.lit("]="); o.i64(v.ID.values[i]);
    }
    o.lit(v.USER_DATA ? "&USER_DATA=Y" : "&USER_DATA=N");
}

} // namespace hand

// ---------------------------------------------------------------- Boost.JSON: hand-written tag_invoke
namespace chatadmin::bitrix24::imbot::chat {
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const set_manager& v) {
    boost::json::object o(jv.storage());
    o.reserve(5);
    o.emplace("CHAT_ID", v.CHAT_ID);
    o.emplace("USER_ID", v.USER_ID);
    o.emplace("IS_MANAGER", v.IS_MANAGER ? "Y" : "N");
    if (v.BOT_ID) o.emplace("BOT_ID", *v.BOT_ID);
    if (v.CLIENT_ID) o.emplace("CLIENT_ID", *v.CLIENT_ID);
    jv = std::move(o);
}
} // namespace chatadmin::bitrix24::imbot::chat
namespace chatadmin::bitrix24::sonet_group::user {
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const update& v) {
    boost::json::object o(jv.storage());
    o.reserve(3);
    o.emplace("GROUP_ID", v.GROUP_ID);
    if (v.USER_ID.scalar && v.USER_ID.values.size() == 1) o.emplace("USER_ID", v.USER_ID.values[0]);
    else o.emplace("USER_ID", boost::json::value_from(v.USER_ID.values, jv.storage()));
    o.emplace("ROLE", v.ROLE == role::moderator ? "E" : "K");
    jv = std::move(o);
}
} // namespace chatadmin::bitrix24::sonet_group::user
namespace chatadmin::bitrix24::im::department::managers {
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const get& v) {
    boost::json::object o(jv.storage());
    o.reserve(2);
    o.emplace("ID", boost::json::value_from(v.ID.values, jv.storage()));
    o.emplace("USER_DATA", v.USER_DATA ? "Y" : "N");
    jv = std::move(o);
}
} // namespace chatadmin::bitrix24::im::department::managers
namespace chatadmin::greenapi::wire {
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const set_group_admin_telegram& v) {
    boost::json::object o(jv.storage());
    o.reserve(3);
    o.emplace("chatId", v.chat_id);
    o.emplace("participantChatId", v.participant_chat_id);
    if (v.permissions) {
        const auto& p = *v.permissions;
        boost::json::object q(jv.storage());
        auto flag = [&](const char* k, const std::optional<bool>& b) { if (b) q.emplace(k, *b); };
        flag("canManageChat", p.can_manage_chat);
        flag("canChangeInfo", p.can_change_info);
        flag("canPostMessages", p.can_post_messages);
        flag("canEditMessages", p.can_edit_messages);
        flag("canDeleteMessages", p.can_delete_messages);
        flag("canInviteUsers", p.can_invite_users);
        flag("canRestrictMembers", p.can_restrict_members);
        flag("canPinMessages", p.can_pin_messages);
        flag("canManageTopics", p.can_manage_topics);
        flag("canPromoteMembers", p.can_promote_members);
        flag("canManageVideoChats", p.can_manage_video_chats);
        flag("canPostStories", p.can_post_stories);
        flag("canEditStories", p.can_edit_stories);
        flag("canDeleteStories", p.can_delete_stories);
        flag("isAnonymous", p.is_anonymous);
        o.emplace("permissions", std::move(q));
    }
    jv = std::move(o);
}
} // namespace chatadmin::greenapi::wire

// ---------------------------------------------------------------- nlohmann (ordered_json keeps the documented order)
#ifdef BENCH_HAVE_NLOHMANN
namespace nl {
using oj = nlohmann::ordered_json;
inline oj to(const set_manager& v) {
    oj j;
    j["CHAT_ID"] = v.CHAT_ID;
    j["USER_ID"] = v.USER_ID;
    j["IS_MANAGER"] = v.IS_MANAGER ? "Y" : "N";
    if (v.BOT_ID) j["BOT_ID"] = *v.BOT_ID;
    if (v.CLIENT_ID) j["CLIENT_ID"] = *v.CLIENT_ID;
    return j;
}
inline oj to(const sonet_update& v) {
    oj j;
    j["GROUP_ID"] = v.GROUP_ID;
    if (v.USER_ID.scalar && v.USER_ID.values.size() == 1) j["USER_ID"] = v.USER_ID.values[0];
    else j["USER_ID"] = v.USER_ID.values;
    j["ROLE"] = v.ROLE == b24::sonet_group::role::moderator ? "E" : "K";
    return j;
}
inline oj to(const managers_get& v) {
    oj j;
    j["ID"] = v.ID.values;
    j["USER_DATA"] = v.USER_DATA ? "Y" : "N";
    return j;
}
inline oj to(const ga_telegram& v) {
    oj j;
    j["chatId"] = v.chat_id;
    j["participantChatId"] = v.participant_chat_id;
    if (v.permissions) {
        const auto& p = *v.permissions;
        oj q = oj::object();
        auto flag = [&](const char* k, const std::optional<bool>& b) { if (b) q[k] = *b; };
        flag("canManageChat", p.can_manage_chat);
        flag("canChangeInfo", p.can_change_info);
        flag("canPostMessages", p.can_post_messages);
        flag("canEditMessages", p.can_edit_messages);
        flag("canDeleteMessages", p.can_delete_messages);
        flag("canInviteUsers", p.can_invite_users);
        flag("canRestrictMembers", p.can_restrict_members);
        flag("canPinMessages", p.can_pin_messages);
        flag("canManageTopics", p.can_manage_topics);
        flag("canPromoteMembers", p.can_promote_members);
        flag("canManageVideoChats", p.can_manage_video_chats);
        flag("canPostStories", p.can_post_stories);
        flag("canEditStories", p.can_edit_stories);
        flag("canDeleteStories", p.can_delete_stories);
        flag("isAnonymous", p.is_anonymous);
        j["permissions"] = std::move(q);
    }
    return j;
}
} // namespace nl
#endif

// ---------------------------------------------------------------- RapidJSON (SAX Writer into a reused StringBuffer)
#ifdef BENCH_HAVE_RAPIDJSON
namespace rj {
using W = rapidjson::Writer<rapidjson::StringBuffer>;
inline void key(W& w, const char* k) { w.Key(k, static_cast<rapidjson::SizeType>(std::strlen(k))); }
inline void write(W& w, const set_manager& v) {
    w.StartObject();
    key(w, "CHAT_ID"); w.Int64(v.CHAT_ID);
    key(w, "USER_ID"); w.Int64(v.USER_ID);
    key(w, "IS_MANAGER"); w.String(v.IS_MANAGER ? "Y" : "N", 1);
    if (v.BOT_ID) { key(w, "BOT_ID"); w.Int64(*v.BOT_ID); }
    if (v.CLIENT_ID) { key(w, "CLIENT_ID"); w.String(v.CLIENT_ID->data(), static_cast<rapidjson::SizeType>(v.CLIENT_ID->size())); }
    w.EndObject();
}
inline void write(W& w, const sonet_update& v) {
    w.StartObject();
    key(w, "GROUP_ID"); w.Int64(v.GROUP_ID);
    key(w, "USER_ID");
    if (v.USER_ID.scalar && v.USER_ID.values.size() == 1) w.Int64(v.USER_ID.values[0]);
    else { w.StartArray(); for (auto x : v.USER_ID.values) w.Int64(x); w.EndArray(); }
    key(w, "ROLE"); w.String(v.ROLE == b24::sonet_group::role::moderator ? "E" : "K", 1);
    w.EndObject();
}
inline void write(W& w, const managers_get& v) {
    w.StartObject();
    key(w, "ID"); w.StartArray(); for (auto x : v.ID.values) w.Int64(x); w.EndArray();
    key(w, "USER_DATA"); w.String(v.USER_DATA ? "Y" : "N", 1);
    w.EndObject();
}
inline void write(W& w, const ga_telegram& v) {
    w.StartObject();
    key(w, "chatId"); w.String(v.chat_id.data(), static_cast<rapidjson::SizeType>(v.chat_id.size()));
    key(w, "participantChatId"); w.String(v.participant_chat_id.data(), static_cast<rapidjson::SizeType>(v.participant_chat_id.size()));
    if (v.permissions) {
        const auto& p = *v.permissions;
        key(w, "permissions");
        w.StartObject();
        auto flag = [&](const char* k, const std::optional<bool>& b) { if (b) { key(w, k); w.Bool(*b); } };
        flag("canManageChat", p.can_manage_chat);
        flag("canChangeInfo", p.can_change_info);
        flag("canPostMessages", p.can_post_messages);
        flag("canEditMessages", p.can_edit_messages);
        flag("canDeleteMessages", p.can_delete_messages);
        flag("canInviteUsers", p.can_invite_users);
        flag("canRestrictMembers", p.can_restrict_members);
        flag("canPinMessages", p.can_pin_messages);
        flag("canManageTopics", p.can_manage_topics);
        flag("canPromoteMembers", p.can_promote_members);
        flag("canManageVideoChats", p.can_manage_video_chats);
        flag("canPostStories", p.can_post_stories);
        flag("canEditStories", p.can_edit_stories);
        flag("canDeleteStories", p.can_delete_stories);
        flag("isAnonymous", p.is_anonymous);
        w.EndObject();
    }
    w.EndObject();
}
} // namespace rj
#endif

// ---------------------------------------------------------------- registration
namespace {

void check(const std::string& name, const std::string& got, const std::string& want) {
    if (got != want) die(name + ": output differs from the golden body\n  got:  " + got + "\n  want: " + want);
}

template <class T>
void register_json(const char* workload, T value, const char* golden_file) {
    const std::string want = compact(golden(golden_file));
    const std::string base = std::string("write/") + workload + "/";
    benchmark::RegisterBenchmark((base + "chatadmin").c_str(), [=](benchmark::State& st) {
        std::string buf;
        json::write_to(buf, value);
        check(base + "chatadmin", buf, want);
        run(st, want.size(), [&] {
            buf.clear();
            json::write_to(buf, value);
            benchmark::DoNotOptimize(buf.data());
        });
    });
    benchmark::RegisterBenchmark((base + "hand").c_str(), [=](benchmark::State& st) {
        std::string buf;
        hand::write(buf, value);
        check(base + "hand", buf, want);
        run(st, want.size(), [&] {
            buf.clear();
            hand::write(buf, value);
            benchmark::DoNotOptimize(buf.data());
        });
    });
    benchmark::RegisterBenchmark((base + "boost_json").c_str(), [=](benchmark::State& st) {
        std::string buf = boost::json::serialize(boost::json::value_from(value));
        check(base + "boost_json", buf, want);
        run(st, want.size(), [&] {
            buf = boost::json::serialize(boost::json::value_from(value));
            benchmark::DoNotOptimize(buf.data());
        });
    });
#ifdef BENCH_HAVE_NLOHMANN
    benchmark::RegisterBenchmark((base + "nlohmann").c_str(), [=](benchmark::State& st) {
        std::string buf = nl::to(value).dump();
        check(base + "nlohmann", buf, want);
        run(st, want.size(), [&] {
            buf = nl::to(value).dump();
            benchmark::DoNotOptimize(buf.data());
        });
    });
#endif
#ifdef BENCH_HAVE_RAPIDJSON
    benchmark::RegisterBenchmark((base + "rapidjson").c_str(), [=](benchmark::State& st) {
        rapidjson::StringBuffer sb;
        {
            rj::W w(sb);
            rj::write(w, value);
        }
        check(base + "rapidjson", std::string(sb.GetString(), sb.GetSize()), want);
        run(st, want.size(), [&] {
            sb.Clear();
            rj::W w(sb);
            rj::write(w, value);
            benchmark::DoNotOptimize(sb.GetString());
        });
    });
#endif
}

template <class T>
void register_form(const char* workload, T value, const char* golden_file) {
    std::string want = golden(golden_file);
    while (!want.empty() && (want.back() == '\n' || want.back() == '\r')) want.pop_back();
    const std::string base = std::string("write/") + workload + "/";
    benchmark::RegisterBenchmark((base + "chatadmin").c_str(), [=](benchmark::State& st) {
        std::string buf;
        form::write_to(buf, value);
        check(base + "chatadmin", buf, want);
        run(st, want.size(), [&] {
            buf.clear();
            form::write_to(buf, value);
            benchmark::DoNotOptimize(buf.data());
        });
    });
    benchmark::RegisterBenchmark((base + "hand").c_str(), [=](benchmark::State& st) {
        std::string buf;
        hand::form(buf, value);
        check(base + "hand", buf, want);
        run(st, want.size(), [&] {
            buf.clear();
            hand::form(buf, value);
            benchmark::DoNotOptimize(buf.data());
        });
    });
}

// The public entry point too: make_request builds the whole http_request (target, headers, body).
void register_make_request() {
    auto auth = b24::auth::webhook(1, "mockhook");
    const set_manager v = set_manager_request();
    const std::size_t n = compact(golden("bitrix24/imbot.chat.setManager/request_webhook.json")).size();
    benchmark::RegisterBenchmark("write/setManager.make_request/chatadmin", [=](benchmark::State& st) {
        run(st, n, [&] {
            auto r = b24::make_request(v, auth);
            benchmark::DoNotOptimize(r.body.data());
        });
    });
}

[[maybe_unused]] const bool registered = [] {
    register_json("setManager.json", set_manager_request(), "bitrix24/imbot.chat.setManager/request_webhook.json");
    register_json("sonet_update.json", sonet_update_request(), "bitrix24/sonet_group.user.update/request_webhook.json");
    register_json("managers_get.json", managers_get_request(), "bitrix24/im.department.managers.get/request_webhook.json");
    register_json("setGroupAdmin.json", set_group_admin_request(), "greenapi/set_group_admin/request_telegram.json");
    register_form("setManager.form", set_manager_form_request(), "bitrix24/imbot.chat.setManager/request_form.txt");
    register_form("sonet_update.form", sonet_update_request(), "bitrix24/sonet_group.user.update/request_form.txt");
    register_form("managers_get.form", managers_get_request(), "bitrix24/im.department.managers.get/request_form.txt");
    register_make_request();
    return true;
}();

} // namespace

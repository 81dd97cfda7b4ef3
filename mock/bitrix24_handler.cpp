#include "bitrix24_handler.hpp"

#include "params.hpp"

#include <chatadmin/bitrix24/envelope.hpp>
#include <chatadmin/bitrix24/errors.hpp>
#include <chatadmin/bitrix24/id_list.hpp>
#include <chatadmin/bitrix24/time.hpp>
#include <chatadmin/core/json_reader.hpp>
#include <chatadmin/core/json_writer.hpp>
#include <chatadmin/core/wire_types.hpp>

#include <boost/describe/class.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace chatadmin::mock {

namespace b24 = chatadmin::bitrix24;

namespace {

// The parameters as the server reads them: every one may be missing (the server then
// sees 0 or "" and answers with the method's own error), numbers may arrive as strings.
struct set_manager_params {
    std::optional<std::int64_t> CHAT_ID;
    std::optional<std::int64_t> USER_ID;
    std::optional<std::string> IS_MANAGER;
    std::optional<std::int64_t> BOT_ID;
    std::optional<std::string> CLIENT_ID;
    std::optional<std::string> DIALOG_ID;
};
BOOST_DESCRIBE_STRUCT(set_manager_params, (), (CHAT_ID, USER_ID, IS_MANAGER, BOT_ID, CLIENT_ID, DIALOG_ID))

struct sonet_update_params {
    std::optional<std::int64_t> GROUP_ID;
    std::optional<one_or_many<std::int64_t>> USER_ID;
    std::optional<std::string> ROLE;
};
BOOST_DESCRIBE_STRUCT(sonet_update_params, (), (GROUP_ID, USER_ID, ROLE))

struct managers_get_params {
    std::optional<b24::id_list> ID;
    std::optional<std::string> USER_DATA;
};
BOOST_DESCRIBE_STRUCT(managers_get_params, (), (ID, USER_DATA))

// The `result` of a batch answer; an empty section is written as [].
struct batch_payload {
    object_or_array<std::map<std::string, raw_json>> result;
    object_or_array<std::map<std::string, b24::error_body>> result_error;
    object_or_array<std::map<std::string, std::int64_t>> result_total;
    object_or_array<std::map<std::string, std::int64_t>> result_next;
    object_or_array<std::map<std::string, raw_json>> result_time;
};
BOOST_DESCRIBE_STRUCT(batch_payload, (), (result, result_error, result_total, result_next, result_time))

// One command's answer, split back into its parts.
struct command_answer {
    raw_json result;
    raw_json time;
};
BOOST_DESCRIBE_STRUCT(command_answer, (), (result, time))

struct auth_param {
    std::optional<std::string> auth;
};
BOOST_DESCRIBE_STRUCT(auth_param, (), (auth))

std::string iso8601(double unix_seconds) {
    std::time_t t = static_cast<std::time_t>(unix_seconds);
    // Formatted once per second and thread: most requests land in the same second.
    thread_local std::time_t cached_t = -1;
    thread_local std::string cached;
    if (t != cached_t) {
        std::tm tm{};
        gmtime_r(&t, &tm);
        char buf[40];
        std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+00:00", &tm);
        cached = buf;
        cached_t = t;
    }
    return cached;
}

b24::time make_time(std::chrono::system_clock::time_point started) {
    auto secs = [](std::chrono::system_clock::time_point p) {
        return std::chrono::duration<double>(p.time_since_epoch()).count();
    };
    b24::time t;
    t.start = secs(started);
    t.finish = secs(std::chrono::system_clock::now());
    t.duration = t.finish - t.start;
    t.processing = t.duration;
    t.date_start = iso8601(t.start);
    t.date_finish = iso8601(t.finish);
    t.operating_reset_at = std::floor(t.start) + 600;
    t.operating = 0;
    return t;
}

http_response error_response(const b24::documented_error& d, std::string_view description_override = {}) {
    b24::error_body body{std::string(d.error),
                         std::string(description_override.empty() ? d.error_description : description_override)};
    return json_response(d.http_status, json::to_json(body));
}

http_response error_response(b24::errc e) { return error_response(b24::documented(e)); }

// X-Mock-Error: a wire code ("WRONG_REQUEST", "expired_token"), an enumerator name
// ("SONET_INCORRECT_ROLE_CODE") or, for the codes the server leaves empty, the exact
// description ("Incorrect role code"). A code the table does not know is answered as
// sent, with HTTP 400.
http_response forced_error(std::string_view code) {
    for (const auto& row : b24::error_table) {
        if ((!row.body.error.empty() && row.body.error == code) || b24::name(row.body.code) == code ||
            (row.body.error.empty() && row.body.error_description == code))
            return error_response(row.body,
                                  row.body.error_description.empty() ? std::string_view("Error forced by X-Mock-Error") : std::string_view{});
    }
    for (const auto& v : b24::error_variants)
        if (v.error_description == code) return error_response(v);
    return json_response(400, json::to_json(b24::error_body{std::string(code), "Error forced by X-Mock-Error"}));
}

template <class T>
result<T> read_params(std::string_view json_text) {
    json::reader r(json_text);
    r.lenient_numbers = 1;
    T v{};
    if (!json::read(r, v) || !r.finish()) return unexpected{std::move(r.error())};
    return v;
}

http_response argument_error(const decode_error& e) {
    return error_response(b24::documented(b24::errc::ERROR_ARGUMENT), e.to_string());
}

bool contains(const std::vector<std::int64_t>& v, std::int64_t x) { return std::find(v.begin(), v.end(), x) != v.end(); }

struct caller {
    std::int64_t user_id = 0;
    std::string client_id;   // OAuth: the application; webhook: CLIENT_ID from the parameters
    bool webhook = false;
};

class bitrix24_handler final : public handler {
public:
    std::string_view platform() const override { return "bitrix24"; }
    bool accepts(std::string_view path) const override { return path.starts_with("/rest/"); }
    double rate_per_second() const override { return 2; }
    double rate_burst() const override { return 50; }

    std::string method_of(const http_request&, std::string_view path) const override { return parse_path(path).method; }

    http_response rate_limited(call& c) const override {
        describe(c);
        c.outcome = "QUERY_LIMIT_EXCEEDED";
        return error_response(b24::errc::QUERY_LIMIT_EXCEEDED);
    }

    http_response handle(call& c) override {
        const auto started = std::chrono::system_clock::now();
        const route rt = describe(c);
        auto fail = [&](http_response r) {
            c.outcome = outcome_of(r);
            return r;
        };

        if (rt.method.empty()) return fail(error_response(b24::errc::ERROR_METHOD_NOT_FOUND));
        if (c.forced_error) return fail(forced_error(*c.forced_error));
        if (c.w.bitrix24.require_https && !c.info.tls) return fail(error_response(b24::errc::INVALID_REQUEST));
        if (c.req.method != "GET" && c.req.method != "POST") return fail(error_response(b24::errc::ERROR_METHOD_NOT_FOUND));

        const std::string lower = to_lower(rt.method);
        const bool folds_keys = lower.starts_with("imbot.") || lower.starts_with("im.");
        auto params = merged_params(c.req, c.query, {.upper_case_keys = folds_keys});
        if (!params) return fail(error_response(b24::documented(b24::errc::ERROR_CORE), params.error().to_string()));
        c.params.text = *params;

        // Authorisation, as the REST server does it before looking at the method.
        caller who;
        if (rt.webhook) {
            auto& hooks = c.w.bitrix24.webhooks;
            auto it = std::find_if(hooks.begin(), hooks.end(),
                                   [&](const b24_webhook& h) { return h.user_id == rt.user_id && h.code == rt.code; });
            if (it == hooks.end()) return fail(error_response(b24::errc::NO_AUTH_FOUND));
            who.user_id = it->user_id;
            who.webhook = true;
        } else {
            auto a = read_params<auth_param>(folds_keys ? lower_auth(*params) : *params);
            std::string token = a && a->auth ? *a->auth : std::string{};
            auto& tokens = c.w.bitrix24.tokens;
            auto it = std::find_if(tokens.begin(), tokens.end(), [&](const b24_token& t) { return !token.empty() && t.token == token; });
            if (it == tokens.end()) return fail(error_response(b24::errc::NO_AUTH_FOUND));
            if (it->expired) return fail(error_response(b24::errc::expired_token));
            who.user_id = it->user_id;
            who.client_id = it->client_id;
            c.redacted_target = "/rest/" + rt.method;
        }

        http_response r;
        if (lower == "imbot.chat.setmanager") r = set_manager(c, *params, who, started);
        else if (lower == "sonet_group.user.update") r = sonet_update(c, *params, who, started);
        else if (lower == "im.department.managers.get") r = managers_get(c, *params, who, started);
        else if (lower == "batch") r = batch(c, *params, who, started);
        else r = error_response(b24::errc::ERROR_METHOD_NOT_FOUND);
        c.outcome = outcome_of(r);
        return r;
    }

private:
    struct route {
        bool webhook = false;
        std::int64_t user_id = 0;
        std::string code;
        std::string method;   // as sent, without .json / .xml
    };

    static std::string to_lower(std::string_view s) {
        std::string out(s);
        for (char& ch : out) ch = detail::ascii_lower(ch);
        return out;
    }

    // With upper-cased keys the OAuth token arrives as "AUTH".
    static std::string lower_auth(const std::string& params) {
        auto p = read_params<std::map<std::string, raw_json>>(params);
        if (!p) return params;
        auto it = p->find("AUTH");
        if (it == p->end()) return "{}";
        return "{\"auth\":" + it->second.text + "}";
    }

    static route parse_path(std::string_view path) {
        route rt;
        std::string_view rest = path.substr(6);   // after "/rest/"
        while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
        std::vector<std::string_view> parts;
        for (std::size_t pos = 0; pos <= rest.size();) {
            std::size_t slash = rest.find('/', pos);
            if (slash == std::string_view::npos) slash = rest.size();
            parts.push_back(rest.substr(pos, slash - pos));
            pos = slash + 1;
        }
        std::string_view method;
        if (parts.size() == 3) {
            rt.webhook = true;
            auto r = std::from_chars(parts[0].data(), parts[0].data() + parts[0].size(), rt.user_id);
            if (r.ec != std::errc() || r.ptr != parts[0].data() + parts[0].size()) rt.user_id = -1;
            rt.code = std::string(parts[1]);
            method = parts[2];
        } else if (parts.size() == 1) {
            method = parts[0];
        } else {
            return rt;
        }
        for (std::string_view suffix : {".json", ".xml"})
            if (method.size() > suffix.size() && to_lower(method.substr(method.size() - suffix.size())) == suffix)
                method.remove_suffix(suffix.size());
        rt.method = std::string(method);
        return rt;
    }

    static route describe(call& c) {
        route rt = parse_path(c.path);
        c.api_method = rt.method;
        if (rt.webhook) c.redacted_target = "/rest/" + std::to_string(rt.user_id) + "/" + redact(rt.code) + "/" + rt.method;
        else c.redacted_target = std::string(c.path);
        return rt;
    }

    static std::string outcome_of(const http_response& r) {
        if (r.status == 200) return "ok";
        auto e = json::from_json<b24::error_body>(r.body);
        if (!e) return "HTTP " + std::to_string(r.status);
        return e->error.empty() ? e->error_description : e->error;
    }

    template <class T>
    static http_response success(const T& result, std::chrono::system_clock::time_point started) {
        return json_response(200, json::to_json(b24::response<T>{result, make_time(started)}));
    }

    // imbot.chat.setManager, in the server's check order (fact sheet §3.3).
    http_response set_manager(call& c, const std::string& text, const caller& who, std::chrono::system_clock::time_point started) {
        auto p = read_params<set_manager_params>(text);
        if (!p) return argument_error(p.error());
        std::int64_t chat_id = p->CHAT_ID.value_or(0);
        if (p->DIALOG_ID) {
            std::string_view d = *p->DIALOG_ID;
            std::int64_t id = 0;
            if (!d.starts_with("chat") || std::from_chars(d.data() + 4, d.data() + d.size(), id).ec != std::errc() || id <= 0)
                return error_response(b24::errc::DIALOG_ID_EMPTY);
            chat_id = id;
        }
        if (chat_id <= 0) return error_response(b24::errc::CHAT_ID_EMPTY);
        const std::int64_t user_id = p->USER_ID.value_or(0);
        if (user_id <= 0) return error_response(b24::errc::USER_ID_EMPTY);

        std::string client = who.webhook ? p->CLIENT_ID.value_or(std::string{}) : who.client_id;
        if (client.empty()) {
            for (const auto& v : b24::error_variants)
                if (v.code == b24::errc::ACCESS_DENIED) return error_response(v);
        }
        auto& bots = c.w.bitrix24.bots;
        const b24_bot* bot = nullptr;
        if (p->BOT_ID && *p->BOT_ID > 0) {
            auto it = std::find_if(bots.begin(), bots.end(), [&](const b24_bot& b) { return b.id == *p->BOT_ID; });
            if (it == bots.end()) return error_response(b24::errc::BOT_ID_ERROR);
            if (it->client_id != client) return error_response(b24::errc::APP_ID_ERROR);
            bot = &*it;
        } else {
            auto it = std::find_if(bots.begin(), bots.end(), [&](const b24_bot& b) { return b.client_id == client; });
            if (it == bots.end()) return error_response(b24::errc::BOT_ID_ERROR);
            bot = &*it;
        }

        auto& chats = c.w.bitrix24.chats;
        auto chat = std::find_if(chats.begin(), chats.end(), [&](const b24_chat& ch) { return ch.id == chat_id; });
        if (chat == chats.end() || chat->owner != bot->id || !contains(chat->members, user_id))
            return error_response(b24::errc::WRONG_REQUEST);
        const bool assign = p->IS_MANAGER.value_or("Y") != "N";
        auto& m = chat->managers;
        if (assign && !contains(m, user_id)) m.push_back(user_id);
        if (!assign) m.erase(std::remove(m.begin(), m.end(), user_id), m.end());
        return success(true, started);
    }

    // sonet_group.user.update, in the server's check order (fact sheet §4.3).
    http_response sonet_update(call& c, const std::string& text, const caller& who, std::chrono::system_clock::time_point started) {
        auto p = read_params<sonet_update_params>(text);
        if (!p) {
            // The server casts with (int): a value it cannot read is 0, hence "wrong".
            if (p.error().path.starts_with("GROUP_ID")) return error_response(b24::errc::SONET_WRONG_GROUP_ID);
            // A USER_ID or ROLE it cannot read is no id / no role: dropped, as the server's checks see it.
            std::string kept = text;
            for (int i = 0; i < 2 && !p; ++i) {
                if (p.error().path.starts_with("USER_ID")) kept = drop_key(kept, "USER_ID");
                else if (p.error().path.starts_with("ROLE")) kept = drop_key(kept, "ROLE");
                else break;
                p = read_params<sonet_update_params>(kept);
            }
            if (!p) return argument_error(p.error());
        }
        const std::int64_t group_id = p->GROUP_ID.value_or(0);
        if (group_id <= 0) return error_response(b24::errc::SONET_WRONG_GROUP_ID);
        auto& groups = c.w.bitrix24.groups;
        auto group = std::find_if(groups.begin(), groups.end(), [&](const b24_group& g) { return g.id == group_id; });
        const auto& users = c.w.bitrix24.users;
        auto u = std::find_if(users.begin(), users.end(), [&](const b24_user& x) { return x.id == who.user_id; });
        const bool admin = (u != users.end() && u->admin) || (group != groups.end() && group->owner == who.user_id);
        if (!admin) return error_response(b24::errc::SONET_NO_PERMISSIONS);
        const std::string role = p->ROLE.value_or(std::string{});
        if (role != "E" && role != "K") return error_response(b24::errc::SONET_INCORRECT_ROLE_CODE);
        std::vector<std::int64_t> ids;
        if (p->USER_ID)
            for (auto id : p->USER_ID->values)
                if (id > 0) ids.push_back(id);
        if (ids.empty()) return error_response(b24::errc::SONET_WRONG_USER_IDS);
        if (group == groups.end()) return error_response(b24::errc::SONET_GROUP_NOT_FOUND);

        // Owners, non-members and members already in the role are left out, without an error.
        std::vector<std::string> changed;
        for (auto id : ids) {
            if (id == group->owner) continue;
            for (auto& m : group->members) {
                if (m.user_id != id || m.role == role || m.role == "A") continue;
                m.role = role;
                changed.push_back(std::to_string(id));
            }
        }
        return success(changed, started);
    }

    // One method of the three, as the batch runs it: parameters from a query string.
    http_response run_one(call& c, std::string_view line, const caller& who, std::chrono::system_clock::time_point started) {
        const std::size_t q = line.find('?');
        std::string lower = to_lower(line.substr(0, q));
        if (lower.ends_with(".json")) lower.resize(lower.size() - 5);
        if (lower == "batch") return error_response(b24::errc::ERROR_BATCH_METHOD_NOT_ALLOWED);
        http_request sub;
        sub.method = "GET";
        const bool folds_keys = lower.starts_with("imbot.") || lower.starts_with("im.");
        auto p = merged_params(sub, q == std::string_view::npos ? std::string_view{} : line.substr(q + 1), {.upper_case_keys = folds_keys});
        if (!p) return error_response(b24::documented(b24::errc::ERROR_CORE), p.error().to_string());
        if (lower == "imbot.chat.setmanager") return set_manager(c, *p, who, started);
        if (lower == "sonet_group.user.update") return sonet_update(c, *p, who, started);
        if (lower == "im.department.managers.get") return managers_get(c, *p, who, started);
        return error_response(b24::errc::ERROR_METHOD_NOT_FOUND);
    }

    // batch (fact sheet §6.3): `cmd` in the order sent, at most 50; halt stops at the first failure.
    http_response batch(call& c, const std::string& text, const caller& who, std::chrono::system_clock::time_point started) {
        boost::json::error_code ec;
        const boost::json::value v = boost::json::parse(text, ec);
        if (ec || !v.is_object()) return error_response(b24::documented(b24::errc::ERROR_CORE), "Invalid batch parameters");
        const auto& o = v.as_object();
        bool halt = false;
        if (const auto* h = o.if_contains("halt")) {
            if (h->is_bool()) halt = h->as_bool();
            else if (h->is_int64()) halt = h->as_int64() != 0;
            else if (h->is_string()) halt = h->as_string() == "1" || h->as_string() == "true" || h->as_string() == "Y";
        }
        std::vector<std::pair<std::string, std::string>> cmds;
        if (const auto* cmd = o.if_contains("cmd")) {
            if (cmd->is_object())
                for (const auto& [k, x] : cmd->as_object())
                    if (x.is_string()) cmds.emplace_back(std::string(k), std::string(x.as_string()));
            if (cmd->is_array())
                for (std::size_t i = 0; i < cmd->as_array().size(); ++i)
                    if (const auto& x = cmd->as_array()[i]; x.is_string()) cmds.emplace_back(std::to_string(i), std::string(x.as_string()));
        }
        if (cmds.size() > 50) return error_response(b24::errc::ERROR_BATCH_LENGTH_EXCEEDED);

        batch_payload out;
        for (const auto& [key, line] : cmds) {
            http_response r = run_one(c, line, who, started);
            if (r.status == 200) {
                auto a = json::from_json<command_answer>(r.body);
                if (a) {
                    out.result[key] = a->result;
                    out.result_time[key] = a->time;
                }
                continue;
            }
            auto e = json::from_json<b24::error_body>(r.body);
            out.result_error[key] = e ? *e : b24::error_body{"ERROR_CORE", "HTTP " + std::to_string(r.status)};
            if (halt) break;
        }
        return success(out, started);
    }

    static std::string drop_key(const std::string& text, const std::string& key) {
        auto p = read_params<std::map<std::string, raw_json>>(text);
        if (!p) return text;
        p->erase(key);
        return json::to_json(*p);
    }

    // im.department.managers.get (fact sheet §5).
    http_response managers_get(call& c, const std::string& text, const caller& who, std::chrono::system_clock::time_point started) {
        const auto& users = c.w.bitrix24.users;
        auto u = std::find_if(users.begin(), users.end(), [&](const b24_user& x) { return x.id == who.user_id; });
        if (u != users.end() && (u->extranet || u->bot)) return error_response(b24::errc::ACCESS_ERROR);
        auto p = read_params<managers_get_params>(text);
        if (!p) return error_response(b24::errc::ID_EMPTY);
        std::vector<std::int64_t> ids;
        if (p->ID)
            for (auto id : p->ID->values)
                if (id > 0 && !contains(ids, id)) ids.push_back(id);
        if (ids.empty()) return error_response(b24::errc::ID_EMPTY);
        const bool user_data = p->USER_DATA.value_or("N") == "Y";

        std::vector<std::pair<std::string, std::int64_t>> order;
        for (auto id : ids) {
            for (const auto& d : c.w.bitrix24.departments) {
                if (d.id != id || !d.active || d.head <= 0) continue;
                order.emplace_back(std::to_string(id), d.head);
            }
        }
        if (!user_data) {
            object_or_array<std::map<std::string, std::vector<std::int64_t>>> result;
            for (auto& [k, head] : order) result[k].push_back(head);
            return success(result, started);
        }
        std::map<std::string, std::vector<raw_json>> result;
        for (auto& [k, head] : order) {
            auto hu = std::find_if(users.begin(), users.end(), [id = head](const b24_user& x) { return x.id == id; });
            raw_json data;
            if (hu != users.end() && !hu->data.empty()) data = hu->data;
            else data.text = "{\"id\":" + std::to_string(head) + "}";
            result[k].push_back(std::move(data));
        }
        object_or_array<std::map<std::string, std::vector<raw_json>>> out(std::move(result));
        return success(out, started);
    }
};

} // namespace

std::unique_ptr<handler> make_bitrix24_handler() { return std::make_unique<bitrix24_handler>(); }

} // namespace chatadmin::mock

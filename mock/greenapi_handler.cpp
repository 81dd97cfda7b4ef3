#include "greenapi_handler.hpp"

#include <chatadmin/core/json_writer.hpp>
#include <chatadmin/greenapi/chat_id.hpp>
#include <chatadmin/greenapi/errors.hpp>
#include <chatadmin/greenapi/instance.hpp>
#include <chatadmin/greenapi/set_group_admin.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <ctime>
#include <string>

namespace chatadmin::mock {

namespace ga = chatadmin::greenapi;

namespace {

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
    for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
    return s;
}

std::string iso_now() {
    auto now = std::chrono::system_clock::now();
    std::time_t t = std::chrono::system_clock::to_time_t(now);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    char out[48];
    std::snprintf(out, sizeof out, "%s.%03lldZ", buf, static_cast<long long>(ms));
    return out;
}

/// The documented answer for e, with the request's idInstance and the token (redacted)
/// put in where the documented body has placeholders.
http_response documented(ga::errc e, std::string_view id_instance = {}, std::string_view token = {}) {
    const auto& row = ga::info(e);
    http_response r;
    r.status = row.http_status == 0 ? 400 : row.http_status;
    std::string body(row.body);
    body = replace_all(body, "{{idInstance}}", id_instance);
    body = replace_all(body, "{{apiTokenInstance}}", redact(token));
    if (!row.content_type.empty()) r.headers.emplace_back("Content-Type", std::string(row.content_type) + "; charset=utf-8");
    r.body = std::move(body);
    return r;
}

http_response method_failure(ga::errc e) {
    ga::set_group_admin_response body{false, std::string(ga::info(e).id)};
    return json_response(200, json::to_json(body));
}

class greenapi_handler final : public handler {
public:
    std::string_view platform() const override { return "greenapi"; }
    bool accepts(std::string_view path) const override {
        return path.starts_with("/waInstance") || path.starts_with("/v3/waInstance");
    }
    double rate_per_second() const override { return 10; }
    double rate_burst() const override { return 10; }

    std::string method_of(const http_request& req, std::string_view) const override {
        auto t = ga::parse_target(req.target);
        return t ? t->method : std::string{};
    }

    http_response rate_limited(call& c) const override {
        describe(c);
        c.outcome = "Too Many Requests";
        return documented(ga::errc::too_many_requests);
    }

    http_response handle(call& c) override {
        auto r = answer(c);
        if (r.status == 200) {
            auto b = json::from_json<ga::set_group_admin_response>(r.body);
            c.outcome = b && b->error ? *b->error : "ok";
        } else if (c.outcome.empty()) {
            c.outcome = "HTTP " + std::to_string(r.status);
        }
        return r;
    }

private:
    static std::optional<ga::target_parts> describe(call& c) {
        auto t = ga::parse_target(c.path);
        if (!t) {
            c.redacted_target = ga::redact_tokens(std::string(c.path));
            return t;
        }
        c.api_method = t->method;
        c.redacted_target = std::string(t->v3 ? "/v3" : "") + "/waInstance" + std::to_string(t->id_instance) + "/" +
                            t->method + "/" + redact(t->api_token_instance);
        return t;
    }

    // X-Mock-Error: an error id ("participant not found") or an HTTP status ("429").
    static http_response forced(std::string_view code, const ga::target_parts& t) {
        int status = 0;
        auto res = std::from_chars(code.data(), code.data() + code.size(), status);
        ga::errc e = ga::errc::unknown;
        if (res.ec == std::errc() && res.ptr == code.data() + code.size()) {
            e = ga::errc_from_status(status);
            if (e == ga::errc::unknown) {
                for (const auto& row : ga::error_table)
                    if (row.http_status == status && row.origin == ga::error_origin::common) { e = row.code; break; }
            }
            if (e == ga::errc::unknown) {
                http_response r;
                r.status = status >= 100 && status <= 599 ? status : 500;
                r.body = "";
                return r;
            }
        } else {
            e = ga::errc_from_id(code);
            if (e == ga::errc::unknown) return json_response(200, json::to_json(ga::set_group_admin_response{false, std::string(code)}));
        }
        if (ga::info(e).origin == ga::error_origin::method) return method_failure(e);
        return documented(e, std::to_string(t.id_instance), t.api_token_instance);
    }

    static http_response validation(const ga::target_parts& t, std::string message) {
        ga::validation_body b;
        b.status_code = 400;
        b.timestamp = iso_now();
        b.path = std::string(t.v3 ? "/v3" : "") + "/waInstance" + std::to_string(t.id_instance) + "/" + t.method + "/" +
                 redact(t.api_token_instance);
        b.message = "Validation failed. Details: " + std::move(message);
        return json_response(400, json::to_json(b));
    }

    static http_response answer(call& c) {
        auto t = describe(c);
        if (!t) return documented(ga::errc::forbidden);
        const std::string id = std::to_string(t->id_instance);
        if (c.forced_error) return forced(*c.forced_error, *t);

        auto& instances = c.w.greenapi.instances;
        auto inst = std::find_if(instances.begin(), instances.end(),
                                 [&](const ga_instance& i) { return static_cast<std::uint64_t>(i.id_instance) == t->id_instance; });
        if (inst == instances.end()) return documented(ga::errc::forbidden);
        if (inst->api_token != t->api_token_instance) {
            auto r = documented(ga::errc::unauthorized);
            if (inst->unauthorized_status >= 100 && inst->unauthorized_status <= 599) r.status = inst->unauthorized_status;
            return r;
        }
        if (c.req.method == "OPTIONS") return documented(ga::errc::no_content);
        if (!ga::detail::iequal(t->method, ga::set_group_admin::method) || c.req.method != "POST")
            return documented(ga::errc::not_found);
        if (!inst->authorized) return documented(ga::errc::instance_not_authorized);

        c.params.text = c.req.body;
        auto req = ga::parse_request(c.req.body, c.req.target);
        if (!req) {
            const auto& e = req.error();
            c.params = {};
            if (e.code == decode_errc::missing_member || e.code == decode_errc::unexpected_type ||
                e.code == decode_errc::invalid_value || e.code == decode_errc::unknown_enumerator) {
                std::string field = e.path.empty() ? std::string("body") : e.path.substr(0, e.path.find('.'));
                c.outcome = "Validation failed";
                if (e.code == decode_errc::missing_member) return validation(*t, "'" + field + "' is required");
                return validation(*t, "'" + field + "' " + e.message);
            }
            c.outcome = "Unexpected token";
            http_response r;
            r.status = 400;
            r.headers.emplace_back("Content-Type", "text/plain; charset=utf-8");
            std::string near = e.offset < c.req.body.size() ? std::string(1, c.req.body[e.offset]) : std::string("end");
            r.body = "Unexpected token " + near + " in JSON at position " + std::to_string(e.offset);
            return r;
        }
        if (auto bad = ga::validate(*req)) {
            c.outcome = "Validation failed";
            return validation(*t, bad->detail);
        }

        const bool whatsapp = req->form == ga::wire_form::whatsapp;
        const std::string& self = whatsapp ? inst->wid : inst->telegram_id;
        auto& groups = inst->groups;
        auto g = std::find_if(groups.begin(), groups.end(), [&](const ga_group& x) { return x.id == req->chat_id; });
        if (g == groups.end() || g->telegram == whatsapp)
            return method_failure(whatsapp ? ga::errc::failed_to_set_group_admin : ga::errc::participant_not_found);
        auto find = [&](const std::string& who) {
            return std::find_if(g->participants.begin(), g->participants.end(), [&](const ga_participant& p) { return p.id == who; });
        };
        auto me = find(self);
        if (me == g->participants.end() || !me->admin)
            return method_failure(whatsapp ? ga::errc::failed_to_set_group_admin : ga::errc::you_have_to_be_group_admin);
        if (!me->can_promote) return method_failure(whatsapp ? ga::errc::failed_to_set_group_admin : ga::errc::no_permission);
        auto p = find(req->participant_chat_id);
        if (p == g->participants.end())
            return method_failure(whatsapp ? ga::errc::participant_not_found : ga::errc::participant_is_not_a_group_member);
        if (p->admin && whatsapp) return method_failure(ga::errc::failed_to_set_group_admin);
        p->admin = true;
        if (req->permissions && req->permissions->can_promote_members) p->can_promote = *req->permissions->can_promote_members;
        return json_response(200, json::to_json(ga::set_group_admin_response{true, std::nullopt}));
    }
};

} // namespace

std::unique_ptr<handler> make_greenapi_handler() { return std::make_unique<greenapi_handler>(); }

} // namespace chatadmin::mock

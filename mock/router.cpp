#include "router.hpp"

#include "bitrix24_handler.hpp"
#include "greenapi_handler.hpp"
#include "redact.hpp"
#include "telegram_handler.hpp"

#include <chatadmin/core/gzip.hpp>
#include <chatadmin/core/json_reader.hpp>
#include <chatadmin/core/json_writer.hpp>
#include <chatadmin/core/tl.hpp>
#include <chatadmin/telegram/response.hpp>

#include <charconv>

namespace chatadmin::mock {

namespace {

struct admin_error {
    std::string error;
    std::string error_description;
};
BOOST_DESCRIBE_STRUCT(admin_error, (), (error, error_description))

http_response admin_fail(int status, std::string code, std::string description) {
    return json_response(status, json::to_json(admin_error{std::move(code), std::move(description)}));
}

// X-Mock-Gzip: 1 on /telegram/api: the TL answer (Updates or rpc_error) as gzip_packed, the
// way Telegram sends larger answers. JSON answers (a 405, /telegram/json) are left alone.
void gzip_tl_answer(http_response& r) {
    if (r.header("Content-Type") == std::string_view("application/octet-stream"))
        r.body = tl::encode(telegram::gzip_packed{gzip(r.body)});
}

double unix_now() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

} // namespace

router::router(world initial, router_options opts) : opts_(opts), initial_(initial), world_(std::move(initial)) {
    handlers_.push_back(make_bitrix24_handler());
    handlers_.push_back(make_greenapi_handler());
    handlers_.push_back(make_telegram_handler());
    for (auto& h : handlers_) buckets_.emplace_back(h->rate_per_second(), h->rate_burst());
}

router::~router() = default;

world router::snapshot() const {
    std::lock_guard lock(mu_);
    return world_;
}

outcome router::dispatch(const http_request& req, const request_info& info) {
    const std::string_view target = req.target;
    const std::size_t q = target.find('?');
    const std::string_view path = target.substr(0, q);
    const std::string_view query = q == std::string_view::npos ? std::string_view{} : target.substr(q + 1);

    journal_entry e;
    e.time = unix_now();
    e.http_method = req.method;

    // Only the world, the journal, the fault rules and the rate limiters need the lock;
    // everything that reads the request alone is done before taking it.
    std::unique_lock lock(mu_, std::defer_lock);
    outcome out;
    auto finish = [&](outcome o) {
        e.status = o.response.status;
        if (e.target.empty()) e.target = std::string(path);
        o.log_target = e.target;
        journal_.add(std::move(e));
        return o;
    };

    if (path.starts_with("/__admin/") || path == "/__admin") {
        e.platform = "admin";
        e.target = std::string(target);
        lock.lock();
        return finish(admin(req, path, e));
    }

    handler* h = nullptr;
    std::size_t index = 0;
    for (; index < handlers_.size(); ++index)
        if (handlers_[index]->accepts(path)) { h = handlers_[index].get(); break; }
    if (!h) {
        e.outcome = "not_found";
        e.target = std::string(path);
        out.response = admin_fail(404, "not_found",
                                  "no platform answers at this path; see /__admin/world for what the mock serves");
        lock.lock();
        return finish(std::move(out));
    }

    call c{req, info, path, query, world_, std::nullopt, {}, {}, {}, {}};
    e.platform = std::string(h->platform());
    std::string method = h->method_of(req, path);

    if (auto forced = req.header("X-Mock-Error")) c.forced_error = std::string(*forced);
    const bool gzip_answer = path == "/telegram/api" && req.header("X-Mock-Gzip") == std::string_view("1");
    if (auto d = req.header("X-Mock-Delay-Ms")) {
        long long ms = 0;
        auto r = std::from_chars(d->data(), d->data() + d->size(), ms);
        if (r.ec == std::errc() && ms > 0) out.delay = std::min(std::chrono::milliseconds(ms), opts_.max_delay);
    }
    lock.lock();
    if (auto rule = faults_.take(method)) {
        if (rule->drop) { out.drop = true; e.fault = "drop"; }
        if (rule->delay_ms && *rule->delay_ms > 0) {
            out.delay = std::min(std::chrono::milliseconds(*rule->delay_ms), opts_.max_delay);
            e.fault = "delay";
        }
        if (rule->error) { c.forced_error = rule->error; e.fault = "error"; }
    }

    if (req.body.size() > opts_.max_body) {
        e.outcome = "payload_too_large";
        out.response = admin_fail(413, "payload_too_large", "the body exceeds " + std::to_string(opts_.max_body) + " bytes");
    } else if (opts_.rate_limit && !buckets_[index].allow(std::chrono::steady_clock::now())) {
        out.response = h->rate_limited(c);
        if (c.outcome.empty()) c.outcome = "rate_limited";
    } else {
        out.response = h->handle(c);
    }
    if (gzip_answer) gzip_tl_answer(out.response);
    e.api_method = c.api_method.empty() ? std::move(method) : std::move(c.api_method);
    e.target = c.redacted_target.empty() ? std::string(path) : std::move(c.redacted_target);
    // Redacted when the journal is read, not on every request.
    if (!c.params.empty()) e.params = std::move(c.params);
    if (e.outcome.empty()) e.outcome = std::move(c.outcome);
    return finish(std::move(out));
}

outcome router::admin(const http_request& req, std::string_view path, journal_entry& e) {
    outcome out;
    const std::string_view what = path.size() > 9 ? path.substr(9) : std::string_view{};
    const std::string& m = req.method;
    e.api_method = std::string(what);
    auto ok = [] { return json_response(200, R"({"ok":true})"); };

    if (what == "reset" && m == "POST") {
        world_ = initial_;
        journal_.clear();
        faults_.clear();
        for (auto& b : buckets_) b.reset();
        out.response = ok();
    } else if (what == "world" && m == "GET") {
        out.response = json_response(200, world_to_json(world_));
    } else if (what == "world" && m == "PUT") {
        auto w = parse_world(req.body);
        if (!w) out.response = admin_fail(400, "invalid_world", w.error().to_string());
        else {
            world_ = std::move(*w);
            out.response = ok();
        }
    } else if (what == "journal" && m == "GET") {
        std::string body;
        json::writer w(body);
        w.raw('[');
        bool first = true;
        for (const auto& j : journal_.entries()) {
            if (!first) w.raw(',');
            first = false;
            journal_entry shown = j;
            if (!shown.params.empty()) shown.params.text = redact_params(shown.params.text);
            json::write(w, shown);
        }
        w.raw(']');
        out.response = json_response(200, std::move(body));
    } else if (what == "journal" && m == "DELETE") {
        journal_.clear();
        out.response = ok();
    } else if (what == "faults" && m == "POST") {
        // One rule or an array of rules.
        std::vector<fault_rule> rules;
        auto one = json::from_json<fault_rule>(req.body);
        if (one) rules.push_back(std::move(*one));
        else if (auto many = json::from_json<std::vector<fault_rule>>(req.body)) rules = std::move(*many);
        else {
            out.response = admin_fail(400, "invalid_fault", one.error().to_string());
            e.outcome = "invalid_fault";
            return out;
        }
        for (auto& r : rules) faults_.add(std::move(r));
        out.response = ok();
    } else if (what == "faults" && m == "GET") {
        out.response = json_response(200, json::to_json(faults_.rules()));
    } else if (what == "faults" && m == "DELETE") {
        faults_.clear();
        out.response = ok();
    } else if (what == "reset" || what == "world" || what == "journal" || what == "faults") {
        out.response = admin_fail(405, "method_not_allowed", m + " is not allowed on /__admin/" + std::string(what));
    } else {
        out.response = admin_fail(404, "not_found", "unknown admin endpoint; use reset, world, journal or faults");
    }
    e.outcome = out.response.status == 200 ? "ok" : "error";
    return out;
}

} // namespace chatadmin::mock

#pragma once
// How a Green API response says "failed", whatever the method: an `error` id next to the
// method's result (HTTP 200), the 400 validation body, {"code":401,"description":"Unauthorized"}
// (also with HTTP 200), the 466 quota body, and plain text or HTML from the server or a proxy.

#include <chatadmin/core/http.hpp>
#include <chatadmin/core/json_reader.hpp>
#include <chatadmin/core/result.hpp>
#include <chatadmin/greenapi/errors.hpp>
#include <chatadmin/greenapi/instance.hpp>

#include <boost/describe/class.hpp>

#include <charconv>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace chatadmin::greenapi {

/// Every key a documented failure body uses. Unknown keys (the method's own result) are skipped.
struct failure_body {
    std::optional<std::string> error;                      // {"setGroupAdmin":false,"error":"<id>"}
    std::optional<lenient<int>> code;                      // {"code":401,"description":"Unauthorized"}
    std::optional<std::string> description;
    std::optional<lenient<int>> status_code;               // the 400 validation body
    std::optional<validation_body::timestamp_type> timestamp;
    std::optional<std::string> path;
    std::optional<std::string> message;
    std::optional<quota_status> invoke_status;             // the 466 body
    std::optional<quota_status> correspondents_status;
};
BOOST_DESCRIBE_STRUCT(failure_body, (),
                      (error, code, description, status_code, timestamp, path, message, invoke_status,
                       correspondents_status))
constexpr naming wire_naming(const failure_body*) { return naming::camel_case; }

namespace detail {

inline std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// At most 200 bytes of a body, cut on a UTF-8 boundary, token redacted.
inline std::string excerpt(std::string_view body, std::string_view known_token) {
    body = trim(body);
    constexpr std::size_t limit = 200;
    bool cut = body.size() > limit;
    if (cut) {
        std::size_t n = limit;
        while (n > 0 && (static_cast<unsigned char>(body[n]) & 0xC0) == 0x80) --n;
        body = body.substr(0, n);
    }
    std::string s = redact_tokens(std::string(body), known_token);
    if (cut) s += "…";
    return s;
}

inline std::optional<std::chrono::seconds> retry_after(const http_response& resp) {
    auto h = resp.header("Retry-After");
    if (!h) return std::nullopt;
    std::string_view v = trim(*h);
    long long secs = 0;
    auto r = std::from_chars(v.data(), v.data() + v.size(), secs);
    // An HTTP-date is legal too; it is ignored rather than misread.
    if (v.empty() || r.ec != std::errc() || r.ptr != v.data() + v.size() || secs < 0) return std::nullopt;
    return std::chrono::seconds(secs);
}

} // namespace detail

/// The failure a response carries, or nothing when it is shaped like a success (then the
/// method's result is decoded from it). `known_token`, when given, is redacted wherever it
/// appears; tokens in echoed request paths are redacted in any case.
inline std::optional<error> response_failure(const http_response& resp, std::string_view known_token = {}) {
    error e;
    e.http_status = resp.status;
    e.retry_after = detail::retry_after(resp);
    const bool success_status = resp.status >= 200 && resp.status < 300 && resp.status != 204;
    const std::string_view body = detail::trim(resp.body);

    if (body.empty() || body.front() != '{') {
        if (success_status) return std::nullopt;  // the method's decoder reports what it got
        errc c = errc_from_id(body);
        e.code = c != errc::unknown ? c : errc_from_status(resp.status);
        e.id = detail::excerpt(body, known_token);
        if (body.empty()) e.detail = "empty body";
        return e;
    }

    auto parsed = json::from_json<failure_body>(resp.body);
    if (!parsed) {
        if (success_status) return std::nullopt;
        e.code = errc_from_status(resp.status);
        e.id = detail::excerpt(body, known_token);
        e.detail = redact_tokens("body not understood: " + parsed.error().to_string(), known_token);
        return e;
    }
    failure_body& f = *parsed;

    const bool quota = f.invoke_status || f.correspondents_status;
    const bool failed = !success_status || quota || (f.status_code && f.status_code->value >= 400) ||
                        (f.code && f.code->value >= 400) || (f.error && !f.error->empty());
    if (!failed) return std::nullopt;

    errc c = errc::unknown;
    if (quota) c = errc::quota_exceeded;
    for (const auto* text : {&f.message, &f.description, &f.error})
        if (c == errc::unknown && *text) c = errc_from_id(**text);
    if (c == errc::unknown && f.status_code) c = errc_from_status(f.status_code->value);
    if (c == errc::unknown && f.code) c = errc_from_status(f.code->value);
    if (c == errc::unknown) c = errc_from_status(resp.status);
    e.code = c;

    for (const auto* text : {&f.message, &f.description, &f.error})
        if (e.id.empty() && *text && !(*text)->empty()) e.id = redact_tokens(**text, known_token);
    if (e.id.empty() && quota) e.id = (f.invoke_status ? f.invoke_status : f.correspondents_status)->description;
    if (e.id.empty()) e.id = detail::excerpt(body, known_token);

    if (f.status_code) {
        validation_body v;
        v.status_code = *f.status_code;
        v.timestamp = std::move(f.timestamp);
        if (f.path) v.path = redact_tokens(std::move(*f.path), known_token);
        if (f.message) v.message = redact_tokens(std::move(*f.message), known_token);
        e.validation = std::move(v);
    }
    if (quota) e.quota = quota_body{std::move(f.invoke_status), std::move(f.correspondents_status)};
    return e;
}

/// Decodes the response to `Method` (a method traits type with `result_type`): a failure in
/// any documented form becomes a greenapi::error; a body that is neither a failure nor a
/// well-formed result becomes an error with a chatadmin::decode_errc naming the place.
template <class Method>
result<typename Method::result_type, error> parse_method_response(const http_response& resp,
                                                                  std::string_view known_token = {}) {
    if (auto failure = response_failure(resp, known_token)) return unexpected{std::move(*failure)};
    auto decoded = json::from_json<typename Method::result_type>(resp.body);
    if (decoded) return std::move(*decoded);
    error e;
    e.code = decoded.error().code;
    e.http_status = resp.status;
    e.id = detail::excerpt(resp.body, known_token);
    e.detail = redact_tokens(decoded.error().to_string(), known_token);
    if (e.id.empty()) e.detail += " (empty body)";
    return unexpected{std::move(e)};
}

} // namespace chatadmin::greenapi

#pragma once
// The Bitrix24 response envelope: {"result":…,"time":{…}} on success,
// {"error":…,"error_description":…} on failure, read into result<T, bitrix24::error>.

#include <chatadmin/bitrix24/error.hpp>
#include <chatadmin/bitrix24/errors.hpp>
#include <chatadmin/bitrix24/time.hpp>
#include <chatadmin/core/error.hpp>
#include <chatadmin/core/http.hpp>
#include <chatadmin/core/json_reader.hpp>
#include <chatadmin/core/result.hpp>
#include <chatadmin/core/wire_types.hpp>

#include <boost/describe/class.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cctype>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

namespace chatadmin::bitrix24 {

/// A successful response: the method's result and the request's `time`.
/// Written as the server writes it (the mock serves it with json::to_json).
template <class T>
struct response {
    T result{};
    bitrix24::time time;
    BOOST_DESCRIBE_CLASS(response, (), (result, time), (), ())
};

/// An error body, as the server writes it (no `time`).
struct error_body {
    std::string error;
    std::string error_description;
};
BOOST_DESCRIBE_STRUCT(error_body, (), (error, error_description))

/// Both shapes at once, for reading. Numbers inside `result` may arrive as strings
/// (PHP sends database values as strings).
template <class T>
struct envelope {
    std::optional<lenient<T>> result;
    std::optional<bitrix24::time> time;
    std::optional<std::string> error;
    std::optional<std::string> error_description;
    BOOST_DESCRIBE_CLASS(envelope, (), (result, time, error, error_description), (), ())
};

namespace detail {

inline bool starts_like_json(std::string_view body) {
    for (char c : body) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        return c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n';
    }
    return true;  // empty: let the reader say "end of input"
}

// The <title> of an HTML error page, printable ASCII only, at most 80 characters.
inline std::string html_title(std::string_view body) {
    std::string head(body.substr(0, 4096));
    for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto open = head.find("<title>");
    if (open == std::string::npos) return {};
    auto close = head.find("</title>", open);
    if (close == std::string::npos) return {};
    std::string out;
    for (char c : body.substr(open + 7, close - open - 7)) {
        if (out.size() >= 80) break;
        unsigned char u = static_cast<unsigned char>(c);
        if (u == '\n' || u == '\r' || u == '\t') c = ' ';
        else if (u < 0x20 || u >= 0x7f) continue;
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out.push_back(c);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

inline std::optional<std::chrono::seconds> retry_after_header(const http_response& resp) {
    auto h = resp.header("Retry-After");
    if (!h || h->empty() || h->size() > 9) return std::nullopt;
    long long n = 0;
    for (char c : *h) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return std::chrono::seconds(n);
}

inline error decode_failure(const http_response& resp, decode_error d) {
    error e;
    e.code = d.code;
    e.http_status = resp.status;
    e.description = "cannot decode the response: " + d.to_string();
    e.decode = std::move(d);
    e.retry_after = retry_after_header(resp);
    return e;
}

inline error not_json(const http_response& resp) {
    decode_error d;
    d.code = decode_errc::syntax_error;
    d.message = "body is not JSON";
    std::string detail;
    if (auto ct = resp.header("Content-Type")) detail += "Content-Type: " + std::string(ct->substr(0, 64));
    if (auto title = html_title(resp.body); !title.empty()) detail += (detail.empty() ? "" : "; ") + ("title: " + title);
    if (resp.status >= 300 && resp.status < 400) detail += (detail.empty() ? "" : "; ") + std::string("a redirect: the portal address may have changed");
    if (!detail.empty()) d.message += " (" + detail + ")";
    error e;
    e.code = d.code;
    e.http_status = resp.status;
    e.description = d.message;
    e.decode = std::move(d);
    e.retry_after = retry_after_header(resp);
    return e;
}

} // namespace detail

/// The error of an error body: the code classified, the texts kept as sent.
inline error make_error(std::string raw_code, std::string description, int http_status) {
    error e;
    e.code = classify(raw_code, description);
    e.raw_code = std::move(raw_code);
    e.description = std::move(description);
    e.http_status = http_status;
    return e;
}

/// Decodes a response to `Method` (anything with `result_type`), keeping its `time`.
/// - an error body, whatever the status: a bitrix24::errc error;
/// - a body that is not JSON (an HTML page from a proxy), malformed, truncated, of the
///   wrong shape, or with neither `result` nor `error`: a decode_errc error naming the
///   place, with the HTTP status kept.
template <class Method>
result<response<typename Method::result_type>, error> parse_envelope(const http_response& resp, json::read_options opts = {}) {
    using R = typename Method::result_type;
    if (!detail::starts_like_json(resp.body)) return unexpected{detail::not_json(resp)};
    envelope<R> env;
    if (decode_error d = json::read_into(resp.body, env, opts)) return unexpected{detail::decode_failure(resp, std::move(d))};
    if (env.error) {
        error e = make_error(std::move(*env.error), env.error_description.value_or(std::string{}), resp.status);
        if (env.time) e.reset_at = env.time->reset_at();
        e.retry_after = detail::retry_after_header(resp);
        return unexpected{std::move(e)};
    }
    if (!env.result) {
        decode_error d;
        d.code = decode_errc::missing_member;
        d.path = "result";
        d.message = "missing: the body has neither `result` nor `error`";
        return unexpected{detail::decode_failure(resp, std::move(d))};
    }
    return response<R>{std::move(env.result->value), env.time.value_or(bitrix24::time{})};
}

/// Decodes a response to `Method`: its typed result, or the error.
template <class Method>
result<typename Method::result_type, error> parse_response(const http_response& resp, json::read_options opts = {}) {
    auto r = parse_envelope<Method>(resp, opts);
    if (!r) return unexpected{std::move(r).error()};
    return std::move(r->result);
}

/// As parse_response<Method>, for a result whose shape depends on the request: when the
/// request names the alternative it asked for (`result_index()`, e.g. USER_DATA of
/// im.department.managers.get) an empty result is reported as that alternative.
template <class Method>
result<typename Method::result_type, error> parse_response(const Method& request, const http_response& resp,
                                                             json::read_options opts = {}) {
    auto r = parse_response<Method>(resp, opts);
    if constexpr (requires { request.result_index(); }) {
        if (r && r->index() != request.result_index() && std::visit([](const auto& m) { return m.empty(); }, *r)) {
            using R = typename Method::result_type;
            boost::mp11::mp_with_index<std::variant_size_v<R>>(request.result_index(), [&](auto I) { r->template emplace<I>(); });
        }
    }
    return r;
}

} // namespace chatadmin::bitrix24

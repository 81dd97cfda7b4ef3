#pragma once
// Building the HTTP request for a method call: webhook or OAuth, JSON or form body.
//
//   auto req = bitrix24::make_request(imbot::chat::set_manager{.CHAT_ID = 2725, .USER_ID = 1269},
//                                     bitrix24::auth::webhook(1, code));
//   // req.target          == "/rest/1/<code>/imbot.chat.setManager"
//   // req.redacted_target == "/rest/1/abcd…/imbot.chat.setManager"

#include <chatadmin/core/form_reader.hpp>
#include <chatadmin/core/form_writer.hpp>
#include <chatadmin/core/http.hpp>
#include <chatadmin/core/json_reader.hpp>
#include <chatadmin/core/json_writer.hpp>
#include <chatadmin/core/result.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace chatadmin::bitrix24 {

/// How a call authenticates. The secret (webhook code or access token) is not printable
/// through this type: use redacted() or redact_in() for logs.
class auth {
public:
    /// An inbound webhook: /rest/{user_id}/{code}/{method}.
    static auth webhook(std::string user_id, std::string code) { return auth(kind::webhook, std::move(user_id), std::move(code)); }
    static auth webhook(std::int64_t user_id, std::string code) { return webhook(std::to_string(user_id), std::move(code)); }
    /// An OAuth application: /rest/{method}, with the access token sent as `auth`.
    static auth oauth(std::string access_token) { return auth(kind::oauth, {}, std::move(access_token)); }

    bool is_webhook() const noexcept { return kind_ == kind::webhook; }
    /// The webhook's user id ("" for OAuth).
    const std::string& user_id() const noexcept { return user_id_; }

    /// "webhook 1/abcd…" or "oauth abcd…".
    std::string redacted() const { return is_webhook() ? "webhook " + user_id_ + "/" + redact(secret_) : "oauth " + redact(secret_); }
    /// text with the secret masked wherever it occurs (also percent-encoded).
    std::string redact_in(std::string text) const {
        text = chatadmin::redact_in(std::move(text), secret_);
        std::string encoded;
        form::percent_encode(encoded, secret_);
        if (encoded != secret_) text = chatadmin::redact_in(std::move(text), encoded);
        return text;
    }

    /// The webhook code or access token itself, for the transport only.
    const std::string& secret() const noexcept { return secret_; }

private:
    enum class kind { webhook, oauth };
    auth(kind k, std::string user, std::string secret) : kind_(k), user_id_(std::move(user)), secret_(std::move(secret)) {}
    kind kind_;
    std::string user_id_;
    std::string secret_;
};

/// The body encoding. JSON is what the documentation recommends; form is what PHP's
/// http_build_query produces (USER_ID[0]=1271&USER_ID[1]=1272).
enum class body_format { json, form };

namespace detail {

// One path segment: RFC 3986 pchar kept, everything else percent-encoded.
inline void append_segment(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789ABCDEF";
    for (unsigned char c : s) {
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    std::string_view("-._~!$&'()*+,;=:@").find(static_cast<char>(c)) != std::string_view::npos;
        if (keep) out.push_back(static_cast<char>(c));
        else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
}

} // namespace detail

/// The request for one call of `Method` (a described request struct with a static
/// `method` name): POST to the webhook or OAuth path, with Content-Type and Accept set,
/// the parameters in the body, and for OAuth the token as the body's `auth` parameter.
/// `redacted_target` is safe to log; the body of an OAuth call holds the token.
template <class Method>
http_request make_request(const Method& call, const auth& a, body_format format = body_format::json,
                          form::write_options form_opts = {}) {
    http_request req;
    req.method = "POST";
    req.target = "/rest/";
    req.redacted_target = "/rest/";
    if (a.is_webhook()) {
        detail::append_segment(req.target, a.user_id());
        req.target += '/';
        detail::append_segment(req.target, a.secret());
        req.target += '/';
        detail::append_segment(req.redacted_target, a.user_id());
        req.redacted_target += '/';
        req.redacted_target += redact(a.secret());
        req.redacted_target += '/';
    }
    detail::append_segment(req.target, Method::method);
    detail::append_segment(req.redacted_target, Method::method);

    if (format == body_format::json) {
        json::writer w(req.body);
        json::write(w, call);
        if (!a.is_webhook()) {
            req.body.pop_back();  // the closing brace of the object just written
            if (req.body.size() > 1) w.raw(',');
            w.raw("\"auth\":");
            w.string(a.secret());
            w.raw('}');
        }
        req.headers.emplace_back("Content-Type", "application/json");
    } else {
        form::writer w(req.body, form_opts);
        form::write_to(req.body, call, form_opts);
        if (!a.is_webhook()) w.field("auth", a.secret());
        req.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    }
    req.headers.emplace_back("Accept", "application/json");
    return req;
}

/// Reads a request body into `Method`, as the server would: unknown parameters (including
/// `auth`) are ignored, numbers may arrive as strings, and a missing parameter keeps its
/// default (0 for an id, which the server reports as empty). Form bodies are read with
/// PHP's rules (USER_ID[0]=1271, ID=%5B3%2C7%5D).
template <class Method>
result<Method> decode_request(std::string_view body, body_format format = body_format::json, json::read_options opts = {}) {
    if (format == body_format::form) return form::from_form<Method>(body, {}, opts);
    json::reader r(body, opts);
    r.lenient_numbers = 1;
    Method m{};
    if (!json::read(r, m) || !r.finish()) return unexpected{std::move(r.error())};
    return m;
}

} // namespace chatadmin::bitrix24

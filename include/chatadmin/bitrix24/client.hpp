#pragma once
// bitrix24::client: typed calls over any transport, with the platform's retry rules.
//
//   chatadmin::transport::httplib_transport http("https://portal.bitrix24.com");
//   bitrix24::client c(http, bitrix24::auth::webhook(1, code));
//   auto r = c.call(bitrix24::imbot::chat::set_manager{.CHAT_ID = 2725, .USER_ID = 1269});
//   if (!r) std::cerr << r.error().to_string() << '\n';   // typed: r.error().value() == errc::WRONG_REQUEST …
//
// The client builds requests and reads responses; the transport does the I/O. It keeps the
// current credentials and the `time` of each method's last success (for OPERATION_TIME_LIMIT).
// One client is not meant to be used from several threads at once.

#include <chatadmin/bitrix24/batch.hpp>
#include <chatadmin/bitrix24/envelope.hpp>
#include <chatadmin/bitrix24/error.hpp>
#include <chatadmin/bitrix24/request.hpp>
#include <chatadmin/bitrix24/retry.hpp>
#include <chatadmin/bitrix24/time.hpp>
#include <chatadmin/core/call_error.hpp>
#include <chatadmin/core/http.hpp>
#include <chatadmin/core/result.hpp>
#include <chatadmin/core/retry.hpp>
#include <chatadmin/core/transport_error.hpp>

#include <boost/mp11/algorithm.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

namespace chatadmin::bitrix24 {

/// For a transport failure `code` is the transport_errc, `http_status` is 0 and
/// `description` is the transport's (redacted) message.
inline error from_transport(std::type_identity<error>, const transport_error& t) {
    error e;
    e.code = make_error_code(t.kind);
    e.description = t.message;
    return e;
}

/// What a client call returns on failure: a bitrix24::error (an error body, or a response
/// that did not decode), or — with `transport` set — no HTTP response at all.
using call_error = chatadmin::call_error<error>;

/// Per-call choices.
using retry::call_options;

/// Client configuration.
struct client_options {
    body_format format = body_format::json;
    retry_options retry{};
    /// Time, sleep, jitter and the observer told before each wait.
    retry::hooks hooks{};
    /// OAuth: called once per call on 401 expired_token / invalid_token with the failure;
    /// returns the renewed credentials (store the new refresh token yourself), or nothing to
    /// give up. The call is then repeated once with them. Empty: such errors are returned.
    std::function<std::optional<auth>(const error&)> refresh_token{};
};

template <class Transport>
    requires chatadmin::http_transport<std::remove_reference_t<Transport>>
class client {
public:
    /// `Transport` may be a reference type (client<my_transport&>) to share one transport.
    client(Transport&& t, auth a, client_options opts = {})
        : transport_(std::forward<Transport>(t)), auth_(std::move(a)), opts_(std::move(opts)) {}

    /// Calls `Method` (any request struct with `method` and `result_type`), with retries.
    template <class Method>
    result<typename Method::result_type, call_error> call(const Method& m, call_options co = {}) {
        auto r = call_with_time(m, co);
        if (!r) return unexpected{std::move(r).error()};
        return std::move(r->result);
    }

    /// As call(), also returning the response's `time` (operating budget, timing).
    template <class Method>
    result<response<typename Method::result_type>, call_error> call_with_time(const Method& m, call_options co = {}) {
        using R = response<typename Method::result_type>;
        const bool idem = co.idempotent.value_or(is_idempotent_v<Method>);
        const std::string name(Method::method);
        const time* last = last_time(name);
        return run<R>(idem, last, [&]() -> result<R, call_error> {
            auto resp = send_via(transport_, make_request(m, auth_, opts_.format));
            if (!resp) return unexpected{call_error(std::move(resp).error())};
            auto parsed = parse_envelope<Method>(*resp);
            if (!parsed) return unexpected{call_error(std::move(parsed).error())};
            fix_result_index(m, parsed->result);
            last_time_[name] = parsed->time;
            return std::move(*parsed);
        });
    }

    /// Sends a batch (up to 50 commands) as one request. A batch is repeated only as a whole,
    /// for the reasons a single call is, and after a network failure only when all its
    /// commands are idempotent. The per-command results and errors are in the batch_result.
    result<batch_result, call_error> call(const batch& b, call_options co = {}) {
        if (auto e = b.validate()) return unexpected{call_error(std::move(*e))};
        const bool idem = co.idempotent.value_or(b.idempotent());
        auto r = run<batch_result>(idem, nullptr, [&]() -> result<batch_result, call_error> {
            auto req = make_request(b.request(), auth_, opts_.format);
            auto resp = send_via(transport_, req);
            if (!resp) return unexpected{call_error(std::move(resp).error())};
            auto parsed = parse_batch_response(*resp);
            if (!parsed) return unexpected{call_error(std::move(parsed).error())};
            return std::move(*parsed);
        });
        if (r) {
            // Each command's own time carries its method's operating budget.
            for (const auto& e : b.entries())
                if (auto it = r->payload.result_time.find(e.key); it != r->payload.result_time.end())
                    last_time_[std::string(e.method)] = it->second;
        }
        return r;
    }

    /// The `time` of the last successful call of `method` through this client, if any.
    const time* last_time(std::string_view method) const {
        auto it = last_time_.find(method);
        return it == last_time_.end() ? nullptr : &it->second;
    }

    const auth& credentials() const noexcept { return auth_; }
    void set_credentials(auth a) { auth_ = std::move(a); }
    client_options& options() noexcept { return opts_; }
    std::remove_reference_t<Transport>& transport() noexcept { return transport_; }

private:
    template <class R, class Once>
    result<R, call_error> run(bool idempotent, const time* last, Once&& once) {
        retry_classifier classify(opts_.retry, idempotent, last, [this](const error& e) {
            if (!opts_.refresh_token) return false;
            auto fresh = opts_.refresh_token(e);
            if (!fresh) return false;
            auth_ = std::move(*fresh);
            return true;
        });
        return retry::run(
            opts_.retry.policy, opts_.hooks, [&](int) { return once(); },
            [&](const call_error& e, const retry::attempt_state& s) {
                if (e.transport) return classify(*e.transport, s);
                return classify(static_cast<const error&>(e), s);
            });
    }

    // As parse_response(request, …): an empty result is the alternative the request asked for.
    template <class Method, class R>
    static void fix_result_index(const Method& m, R& r) {
        if constexpr (requires { m.result_index(); }) {
            if (r.index() != m.result_index() && std::visit([](const auto& v) { return v.empty(); }, r))
                boost::mp11::mp_with_index<std::variant_size_v<R>>(m.result_index(), [&](auto I) { r.template emplace<I>(); });
        }
    }

    Transport transport_;
    auth auth_;
    client_options opts_;
    std::map<std::string, time, std::less<>> last_time_;
};

/// client c(std::move(t), …) owns the transport; client c(t, …) refers to `t`, which must outlive it.
template <class T>
client(T&&, auth, client_options = {}) -> client<T>;

} // namespace chatadmin::bitrix24

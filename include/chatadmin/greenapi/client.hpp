#pragma once
// greenapi::client: typed calls over any transport, with the platform's retry rules.
//
//   greenapi::instance inst{.api_url = "https://7105.api.greenapi.com", .id_instance = 7105000001,
//                           .api_token_instance = token};
//   chatadmin::transport::httplib_transport http(greenapi::origin(inst));
//   greenapi::client c(http, inst);
//   auto r = c.call(greenapi::set_group_admin{.chat_id = "79876543210-1587570015@g.us",
//                                             .participant_chat_id = "79001234565@c.us"});
//   if (!r && r.error().value() == greenapi::errc::participant_not_found) …
//
// The transport connects to origin(instance); the client sends the path. The token is in
// the path, so every message the client keeps is redacted.

#include <chatadmin/core/call_error.hpp>
#include <chatadmin/core/http.hpp>
#include <chatadmin/core/result.hpp>
#include <chatadmin/core/retry.hpp>
#include <chatadmin/core/transport_error.hpp>
#include <chatadmin/greenapi/envelope.hpp>
#include <chatadmin/greenapi/errors.hpp>
#include <chatadmin/greenapi/instance.hpp>
#include <chatadmin/greenapi/retry.hpp>
#include <chatadmin/greenapi/set_group_admin.hpp>

#include <optional>
#include <string>
#include <type_traits>
#include <utility>

namespace chatadmin::greenapi {

/// For a transport failure `code` is the transport_errc, `http_status` is 0 and `detail`
/// is the transport's (redacted) message.
inline error from_transport(std::type_identity<error>, const transport_error& t) {
    error e;
    e.code = make_error_code(t.kind);
    e.detail = t.message;
    return e;
}

/// What a client call returns on failure: a greenapi::error (a documented failure, a
/// request refused before sending, or a response that did not decode), or — with
/// `transport` set — no HTTP response at all.
using call_error = chatadmin::call_error<error>;

/// Per-call choices.
using retry::call_options;

/// Client configuration.
struct client_options {
    retry_options retry{};
    /// Time, sleep, jitter and the observer told before each wait.
    retry::hooks hooks{};
};

template <class Transport>
    requires chatadmin::http_transport<std::remove_reference_t<Transport>>
class client {
public:
    /// `Transport` may be a reference type (client<my_transport&>) to share one transport.
    client(Transport&& t, instance inst, client_options opts = {})
        : transport_(std::forward<Transport>(t)), inst_(std::move(inst)), opts_(std::move(opts)) {}

    /// Calls `Method`: its request is built by make_request(m, instance) (found by ADL) and
    /// its answer read by parse_response for setGroupAdmin, else parse_method_response<Method>.
    template <class Method>
    result<typename Method::result_type, call_error> call(const Method& m, call_options co = {}) {
        using R = typename Method::result_type;
        auto req = make_request(m, inst_);
        if (!req) return unexpected{call_error(std::move(req).error())};  // refused before sending: never retried
        retry_classifier classify(opts_.retry, co.idempotent.value_or(is_idempotent_v<Method>));
        return retry::run(
            opts_.retry.policy, opts_.hooks,
            [&](int) -> result<R, call_error> {
                auto resp = send_via(transport_, *req);
                if (!resp) return unexpected{call_error(std::move(resp).error())};
                auto parsed = parse(m, *resp);
                if (!parsed) return unexpected{call_error(std::move(parsed).error())};
                return std::move(*parsed);
            },
            [&](const call_error& e, const retry::attempt_state& s) {
                if (e.transport) return classify(*e.transport, s);
                return classify(static_cast<const error&>(e), s);
            });
    }

    const instance& credentials() const noexcept { return inst_; }
    client_options& options() noexcept { return opts_; }
    std::remove_reference_t<Transport>& transport() noexcept { return transport_; }

private:
    template <class Method>
    result<typename Method::result_type, error> parse(const Method&, const http_response& resp) const {
        if constexpr (std::is_same_v<Method, set_group_admin>) return parse_response(resp, inst_);
        else return parse_method_response<Method>(resp, inst_.api_token_instance);
    }

    Transport transport_;
    instance inst_;
    client_options opts_;
};

/// client c(std::move(t), …) owns the transport; client c(t, …) refers to `t`, which must outlive it.
template <class T>
client(T&&, instance, client_options = {}) -> client<T>;

} // namespace chatadmin::greenapi

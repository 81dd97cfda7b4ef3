#pragma once
// telegram::client: typed TL calls over an HTTP transport that carries one boxed TL call per
// POST and answers with one boxed TL object (the test server's `POST /telegram/api`; there
// is no MTProto encryption or session here), with FLOOD_WAIT handling.
//
//   chatadmin::transport::httplib_transport http("http://127.0.0.1:8080");
//   telegram::client c(http);
//   auto r = c.call(telegram::channels::edit_admin{.channel = telegram::input_channel{1234567890, hash},
//                                                  .user_id = telegram::input_user{987654321, -1},
//                                                  .admin_rights = rights});
//   if (!r && r.error().rpc() && r.error().rpc()->code == telegram::errc::user_creator) …

#include <chatadmin/core/call_error.hpp>
#include <chatadmin/core/http.hpp>
#include <chatadmin/core/result.hpp>
#include <chatadmin/core/retry.hpp>
#include <chatadmin/core/tl.hpp>
#include <chatadmin/core/transport_error.hpp>
#include <chatadmin/telegram/channels/edit_admin.hpp>
#include <chatadmin/telegram/response.hpp>
#include <chatadmin/telegram/retry.hpp>
#include <chatadmin/telegram/rpc_error.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

namespace chatadmin::telegram {

/// A transport failure reads as a decode_error holding the transport_errc and message.
inline error from_transport(std::type_identity<error>, const transport_error& t) {
    decode_error d;
    d.code = make_error_code(t.kind);
    d.message = t.message;
    return error{std::move(d)};
}

/// What a client call returns on failure: a telegram::error (an rpc_error, or an answer
/// that did not decode), or — with `transport` set — no response at all. An HTTP answer
/// other than 200 keeps its status in `http_status` and is described as a decode error.
struct call_error : chatadmin::call_error<error> {
    using chatadmin::call_error<error>::call_error;
    /// The HTTP status when the answer was not 200 (a gateway page, a wrong path); 0 otherwise.
    int http_status = 0;
};

/// Per-call choices.
using retry::call_options;

/// Client configuration.
struct client_options {
    /// The path every call is POSTed to.
    std::string target = "/telegram/api";
    /// The constructor channels.editAdmin is sent with.
    channels::edit_admin_layer edit_admin_layer = channels::edit_admin_layer::current;
    retry_options retry{};
    /// Time, sleep, jitter and the observer told before each wait.
    retry::hooks hooks{};
    /// Limits for decoding answers.
    tl::limits limits{};
};

template <class Transport>
    requires chatadmin::http_transport<std::remove_reference_t<Transport>>
class client {
public:
    /// `Transport` may be a reference type (client<my_transport&>) to share one transport.
    explicit client(Transport&& t, client_options opts = {}) : transport_(std::forward<Transport>(t)), opts_(std::move(opts)) {}

    /// Calls `Method` (a described TL function with `tl_id` and `result_type`), with retries.
    template <class Method>
    result<typename Method::result_type, call_error> call(const Method& m, call_options co = {}) {
        using R = typename Method::result_type;
        http_request req;
        req.method = "POST";
        req.target = opts_.target;
        req.redacted_target = opts_.target;
        req.headers.emplace_back("Content-Type", "application/octet-stream");
        if constexpr (std::is_same_v<Method, channels::edit_admin>) req.body = channels::encode(m, opts_.edit_admin_layer);
        else req.body = tl::encode(m);

        retry_classifier classify(opts_.retry, co.idempotent.value_or(is_idempotent_v<Method>));
        return retry::run(
            opts_.retry.policy, opts_.hooks,
            [&](int) -> result<R, call_error> {
                auto resp = send_via(transport_, req);
                if (!resp) return unexpected{call_error(std::move(resp).error())};
                if (resp->status != 200) return unexpected{not_ok(*resp)};
                auto decoded = decode_response<Method>(resp->body, opts_.limits);
                if (!decoded) return unexpected{call_error(std::move(decoded).error())};
                return std::move(*decoded);
            },
            [&](const call_error& e, const retry::attempt_state& s) {
                if (e.transport) return classify(*e.transport, s);
                return classify(static_cast<const error&>(e), e.http_status, s);
            });
    }

    client_options& options() noexcept { return opts_; }
    std::remove_reference_t<Transport>& transport() noexcept { return transport_; }

private:
    static call_error not_ok(const http_response& resp) {
        decode_error d;
        d.code = decode_errc::unexpected_type;
        d.message = "HTTP " + std::to_string(resp.status) + " instead of 200";
        // MTProto's HTTP transport answers a 4-byte body holding a negative error code.
        if (resp.body.size() == 4) {
            auto b = [&](int i) { return std::uint32_t(static_cast<unsigned char>(resp.body[i])); };
            auto code = static_cast<std::int32_t>(b(0) | b(1) << 8 | b(2) << 16 | b(3) << 24);
            d.message += ", transport error code " + std::to_string(code);
        } else if (auto ct = resp.header("Content-Type")) {
            d.message += " (Content-Type: " + std::string(ct->substr(0, 64)) + ")";
        }
        call_error e{error{d}};
        e.http_status = resp.status;
        return e;
    }

    Transport transport_;
    client_options opts_;
};

/// client c(std::move(t)) owns the transport; client c(t) refers to `t`, which must outlive it.
template <class T>
client(T&&, client_options = {}) -> client<T>;

} // namespace chatadmin::telegram

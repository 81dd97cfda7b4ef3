#pragma once
// transport_error: a request that got no HTTP response (refused, timed out, TLS, reset),
// and the Transport concept every client is parameterised by.

#include <chatadmin/core/http.hpp>
#include <chatadmin/core/result.hpp>

#include <concepts>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace chatadmin {

/// Why no HTTP response arrived.
enum class transport_errc {
    connect = 1,  ///< could not connect (refused, unreachable, name not resolved)
    timeout,      ///< connect, read or write took longer than allowed
    tls,          ///< TLS handshake or certificate verification failed
    read,         ///< the connection broke while reading the response (reset, closed, malformed)
    write,        ///< the connection broke while sending the request
    canceled,     ///< the caller or the transport cancelled the request
    protocol,     ///< the response was not HTTP the transport could understand
    invalid,      ///< the request cannot be sent (bad URL or target, misconfigured transport)
    other,        ///< anything the transport cannot classify
};

class transport_category_impl final : public std::error_category {
public:
    const char* name() const noexcept override { return "chatadmin.transport"; }
    std::string message(int ev) const override {
        switch (static_cast<transport_errc>(ev)) {
        case transport_errc::connect: return "could not connect";
        case transport_errc::timeout: return "timed out";
        case transport_errc::tls: return "TLS failure";
        case transport_errc::read: return "connection failed while reading the response";
        case transport_errc::write: return "connection failed while sending the request";
        case transport_errc::canceled: return "canceled";
        case transport_errc::protocol: return "not a valid HTTP response";
        case transport_errc::invalid: return "request cannot be sent";
        case transport_errc::other: return "transport failure";
        }
        return "unknown transport error";
    }
};

/// The category of transport_errc values.
inline const std::error_category& transport_category() noexcept {
    static const transport_category_impl instance;
    return instance;
}

inline std::error_code make_error_code(transport_errc e) noexcept { return {static_cast<int>(e), transport_category()}; }

/// A failed exchange. `message` is safe to log: transports build it from the redacted
/// target, never from the request's target, headers or body.
struct transport_error {
    transport_errc kind = transport_errc::other;
    /// What happened, secrets redacted ("POST /rest/1/abcd…/imbot.chat.setManager: connection refused").
    std::string message;
    /// The underlying error where the transport knows one (an errno value, an OpenSSL
    /// error), else make_error_code(kind).
    std::error_code code;

    static transport_error make(transport_errc k, std::string message, std::error_code code = {}) {
        return {k, std::move(message), code ? code : make_error_code(k)};
    }

    /// "timeout: POST /rest/1/abcd…/imbot.chat.setManager: read timed out after 5000 ms"
    std::string to_string() const {
        std::string s = make_error_code(kind).message();
        if (!message.empty()) s += ": " + message;
        return s;
    }
};

/// Anything that sends one http_request and returns the response or why there is none:
/// an object with `send(const http_request&)`, or a callable taking the request.
/// `http_request::target` holds secrets (webhook codes, tokens in paths); a transport
/// must only ever print `redacted_target`.
template <class T>
concept http_transport = requires(T& t, const http_request& req) {
    { t.send(req) } -> std::same_as<result<http_response, transport_error>>;
} || std::is_invocable_r_v<result<http_response, transport_error>, T&, const http_request&>;

/// Sends `req` through `t`, whichever form the transport has.
template <http_transport T>
result<http_response, transport_error> send_via(T& t, const http_request& req) {
    if constexpr (requires { t.send(req); }) return t.send(req);
    else return t(req);
}

} // namespace chatadmin

template <>
struct std::is_error_code_enum<chatadmin::transport_errc> : std::true_type {};

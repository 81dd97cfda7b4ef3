#pragma once
// A transport over cpp-httplib: HTTP and HTTPS, keep-alive, TCP_NODELAY, connect/read/write
// timeouts, an optional proxy. The only header of this library that includes <httplib.h>;
// link chatadmin::httplib.
//
//   chatadmin::transport::httplib_transport http("https://portal.bitrix24.com");
//   chatadmin::transport::httplib_transport mock("https://127.0.0.1:8443", {.verify_peer = false});

#include <chatadmin/core/http.hpp>
#include <chatadmin/core/result.hpp>
#include <chatadmin/core/transport_error.hpp>

#include <httplib.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace chatadmin::transport {

/// Settings of an httplib_transport.
struct httplib_options {
    std::chrono::milliseconds connect_timeout{10'000};
    /// The longest wait for response bytes (Bitrix24 allows a request 60 s on the cloud).
    std::chrono::milliseconds read_timeout{65'000};
    std::chrono::milliseconds write_timeout{30'000};
    /// Keep the connection open between requests.
    bool keep_alive = true;
    /// HTTPS: verify the server's certificate (turn off only for a local test server with a
    /// self-signed certificate).
    bool verify_peer = true;
    /// HTTPS: a PEM file of trusted CA certificates (for example the test server's own
    /// certificate); empty: the system's trust store.
    std::string ca_file{};
    /// An HTTP proxy ("proxy.local", 3128); the port is ignored when the host is empty.
    std::string proxy_host{};
    int proxy_port = 3128;
    std::string proxy_user{};
    std::string proxy_password{};
    /// Sent with every request unless the request sets the same header.
    http_headers default_headers{{"User-Agent", "chatadmin"}};
};

/// Sends chatadmin::http_request values to one origin ("http://host:port" or
/// "https://host[:port]"). Requests are serialised: one connection, reused while it stays
/// open. Movable, not copyable.
class httplib_transport {
public:
    explicit httplib_transport(std::string origin, httplib_options opts = {})
        : state_(std::make_unique<state>(std::move(origin), std::move(opts))) {}

    /// The response, or why there is none. Any HTTP status is a response (a proxy's 502 page
    /// too); only a failed exchange is a transport_error. Messages name the redacted target
    /// and never the request's target, headers or body.
    result<http_response, transport_error> send(const http_request& req) {
        std::lock_guard lock(state_->mutex);
        auto& cli = state_->client;
        const std::string what = req.method + " " + (req.redacted_target.empty() ? std::string("(target not shown)") : req.redacted_target);
        if (!cli.is_valid()) return unexpected{transport_error::make(transport_errc::invalid, what + ": the transport's origin or TLS setup is not usable")};

        httplib::Request hreq;
        hreq.method = req.method;
        hreq.path = req.target;
        for (const auto& [k, v] : req.headers) hreq.headers.emplace(k, v);
        for (const auto& [k, v] : state_->opts.default_headers)
            if (!req.header(k)) hreq.headers.emplace(k, v);
        hreq.body = req.body;

        const auto start = std::chrono::steady_clock::now();
        httplib::Result res = cli.send(hreq);
        const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
        if (!res) return unexpected{map_error(res.error(), what, elapsed)};

        http_response out;
        out.status = res->status;
        out.headers.reserve(res->headers.size());
        for (const auto& [k, v] : res->headers) out.headers.emplace_back(k, v);
        out.body = std::move(res->body);
        return out;
    }

    /// Closes the connection (the next request opens a new one).
    void close() {
        std::lock_guard lock(state_->mutex);
        state_->client.stop();
    }

    const httplib_options& options() const noexcept { return state_->opts; }

private:
    struct state {
        state(std::string origin, httplib_options o) : opts(std::move(o)), client(origin) {
            client.set_tcp_nodelay(true);
            client.set_keep_alive(opts.keep_alive);
            client.set_url_encode(false);  // targets arrive percent-encoded already
            client.set_follow_location(false);  // a 302 is the caller's to see (a moved portal)
            client.set_connection_timeout(opts.connect_timeout);
            client.set_read_timeout(opts.read_timeout);
            client.set_write_timeout(opts.write_timeout);
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
            client.enable_server_certificate_verification(opts.verify_peer);
            if (!opts.ca_file.empty()) client.set_ca_cert_path(opts.ca_file);
#endif
            if (!opts.proxy_host.empty()) {
                client.set_proxy(opts.proxy_host, opts.proxy_port);
                if (!opts.proxy_user.empty()) client.set_proxy_basic_auth(opts.proxy_user, opts.proxy_password);
            }
        }
        httplib_options opts;
        httplib::Client client;
        std::mutex mutex;
    };

    // cpp-httplib 0.11 reports a read or write timeout as Error::Read / Error::Write, and a
    // connect timeout as Error::Connection or Error::ConnectionTimeout: a failure that took
    // the whole timeout is reported as a timeout.
    transport_error map_error(httplib::Error err, const std::string& what, std::chrono::milliseconds elapsed) const {
        const auto& o = state_->opts;
        auto took = [&](std::chrono::milliseconds limit) { return elapsed + std::chrono::milliseconds(50) >= limit; };
        auto timed_out = [&](std::string_view phase, std::chrono::milliseconds limit) {
            return transport_error::make(transport_errc::timeout, what + ": " + std::string(phase) + " timed out after " +
                                                                      std::to_string(limit.count()) + " ms");
        };
        const std::string via = o.proxy_host.empty() ? std::string() : " (through the proxy)";
        switch (err) {
        case httplib::Error::Success:
            return transport_error::make(transport_errc::other, what + ": no response");
        case httplib::Error::Connection:
            if (took(o.connect_timeout)) return timed_out("connect", o.connect_timeout);
            return transport_error::make(transport_errc::connect, what + ": could not connect" + via);
        case httplib::Error::ConnectionTimeout:
            return timed_out("connect", o.connect_timeout);
        case httplib::Error::BindIPAddress:
            return transport_error::make(transport_errc::connect, what + ": could not bind the local address");
        case httplib::Error::Read:
            if (took(o.read_timeout)) return timed_out("read", o.read_timeout);
            return transport_error::make(transport_errc::read, what + ": connection closed or reset while reading the response" + via);
        case httplib::Error::Write:
            if (took(o.write_timeout)) return timed_out("write", o.write_timeout);
            return transport_error::make(transport_errc::write, what + ": connection closed or reset while sending the request" + via);
        case httplib::Error::Canceled:
            return transport_error::make(transport_errc::canceled, what + ": canceled");
        case httplib::Error::SSLConnection:
            return transport_error::make(transport_errc::tls, what + ": TLS handshake failed");
        case httplib::Error::SSLLoadingCerts:
            return transport_error::make(transport_errc::tls, what + ": could not load the trusted certificates");
        case httplib::Error::SSLServerVerification:
            return transport_error::make(transport_errc::tls, what + ": the server's certificate did not verify");
        case httplib::Error::ExceedRedirectCount:
        case httplib::Error::Compression:
        case httplib::Error::UnsupportedMultipartBoundaryChars:
            return transport_error::make(transport_errc::protocol, what + ": " + httplib::to_string(err));
        case httplib::Error::Unknown:
        default:
            return transport_error::make(transport_errc::other, what + ": " + httplib::to_string(err));
        }
    }

    std::unique_ptr<state> state_;
};

} // namespace chatadmin::transport

#pragma once
// What the end-to-end conformance tests share: the server under test (a chatadmin-mock this
// process starts, or the one CHATADMIN_CONFORMANCE_BASE_URL names), a transport that keeps the
// last raw response and can add a header, the mock's admin API, and the credentials.

#include <chatadmin/core/http.hpp>
#include <chatadmin/core/result.hpp>
#include <chatadmin/core/transport_error.hpp>
#include <chatadmin/transport/httplib.hpp>

#include "golden.hpp"

#include <boost/json.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace e2e {

/// The value of an environment variable, or `fallback` when it is unset or empty.
inline std::string env(const char* name, std::string fallback = {}) {
    const char* v = std::getenv(name);
    return v && *v ? std::string(v) : std::move(fallback);
}

/// True when the tests run against another server (CHATADMIN_CONFORMANCE_BASE_URL is set):
/// tests that need the mock's admin API or X-Mock-Error are then skipped.
inline bool external() { return !env("CHATADMIN_CONFORMANCE_BASE_URL").empty(); }

/// A chatadmin-mock child process: started with the given arguments, stopped (SIGTERM, then
/// SIGKILL) by stop() or the destructor, and killed by the kernel if this process dies first.
class mock_process {
public:
    explicit mock_process(std::vector<std::string> args) {
        int fds[2];
        if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
        const pid_t parent = getpid();
        pid_ = fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (getppid() != parent) _exit(1);
            dup2(fds[1], 1);
            close(fds[0]);
            close(fds[1]);
            std::vector<char*> argv{const_cast<char*>(CHATADMIN_MOCK_BINARY)};
            for (auto& a : args) argv.push_back(a.data());
            argv.push_back(nullptr);
            execv(argv[0], argv.data());
            _exit(127);
        }
        close(fds[1]);
        FILE* out = fdopen(fds[0], "r");
        char line[1024];
        while (std::fgets(line, sizeof line, out)) {
            std::string s(line);
            while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
            if (auto at = s.find("certificate "); at != std::string::npos) cert_ = s.substr(at + 12);
            if (auto at = s.find("listening on "); at != std::string::npos) {
                url_ = s.substr(at + 13);
                break;
            }
        }
        fclose(out);
        if (url_.empty()) {
            stop();
            throw std::runtime_error("chatadmin-mock did not print its listen line");
        }
    }
    mock_process(const mock_process&) = delete;
    mock_process& operator=(const mock_process&) = delete;
    ~mock_process() { stop(); }

    void stop() {
        if (pid_ <= 0) return;
        kill(pid_, SIGTERM);
        for (int i = 0; i < 200; ++i) {
            if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
                pid_ = -1;
                return;
            }
            usleep(10'000);
        }
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }

    /// "https://127.0.0.1:PORT"
    const std::string& url() const { return url_; }
    /// The generated certificate (PEM), to trust as the CA; empty without --tls.
    const std::string& cert() const { return cert_; }

private:
    pid_t pid_ = -1;
    std::string url_;
    std::string cert_;
};

/// Where requests go, and how TLS is verified.
struct server_info {
    std::string url;
    std::string ca_file;
};

namespace detail {
// Function-local statics: one mock per test process, started on first use and stopped at exit.
inline mock_process& tls_mock() {
    static mock_process m({"--tls", "--quiet", "--listen", "127.0.0.1:0"});
    return m;
}
inline mock_process& plain_mock() {
    static mock_process m({"--quiet", "--listen", "127.0.0.1:0"});
    return m;
}
} // namespace detail

/// The server under test: CHATADMIN_CONFORMANCE_BASE_URL (with CHATADMIN_CONFORMANCE_CA_FILE),
/// or the mock over HTTPS with its own certificate as the only trusted CA.
inline server_info server() {
    if (external()) return {env("CHATADMIN_CONFORMANCE_BASE_URL"), env("CHATADMIN_CONFORMANCE_CA_FILE")};
    auto& m = detail::tls_mock();
    return {m.url(), m.cert()};
}

/// The mock over plain HTTP (a second process); against another server, the same as server().
inline server_info plain_server() {
    if (external()) return server();
    return {detail::plain_mock().url(), {}};
}

/// A transport that records the last response and every request it sent, and adds `extra`
/// headers (X-Mock-Error) to each request.
class recording_transport {
public:
    explicit recording_transport(const server_info& s = server())
        : http_(s.url, make_options(s)) {}

    chatadmin::result<chatadmin::http_response, chatadmin::transport_error> send(const chatadmin::http_request& req) {
        chatadmin::http_request r = req;
        for (const auto& h : extra) r.headers.push_back(h);
        requests.push_back(r);
        auto resp = http_.send(r);
        if (resp) last = *resp;
        else last.reset();
        return resp;
    }

    /// Sends every following request with `X-Mock-Error: code`.
    void force_error(std::string code) { extra = {{"X-Mock-Error", std::move(code)}}; }

    chatadmin::http_headers extra;
    std::vector<chatadmin::http_request> requests;
    std::optional<chatadmin::http_response> last;

private:
    static chatadmin::transport::httplib_options make_options(const server_info& s) {
        chatadmin::transport::httplib_options o;
        o.ca_file = s.ca_file;
        o.read_timeout = std::chrono::milliseconds(20'000);
        return o;
    }
    chatadmin::transport::httplib_transport http_;
};

/// The mock's admin API (/__admin/…), over the same kind of connection as the tests.
class admin_api {
public:
    explicit admin_api(const server_info& s = server()) : t_(s) {}

    /// The world back to the default; journal and fault rules cleared.
    void reset() { expect_ok(call("POST", "/__admin/reset")); }
    boost::json::object world() { return boost::json::parse(call("GET", "/__admin/world").body).as_object(); }
    void put_world(const boost::json::object& w) { expect_ok(call("PUT", "/__admin/world", boost::json::serialize(w))); }
    /// Changes the world: reads it, lets `f` edit it, writes it back.
    void edit_world(const std::function<void(boost::json::object&)>& f) {
        auto w = world();
        f(w);
        put_world(w);
    }
    void add_fault(const boost::json::value& rule) { expect_ok(call("POST", "/__admin/faults", boost::json::serialize(rule))); }
    boost::json::array journal() { return boost::json::parse(call("GET", "/__admin/journal").body).as_array(); }
    /// How many journal entries call `api_method`.
    std::size_t calls_of(std::string_view api_method) {
        std::size_t n = 0;
        for (const auto& e : journal())
            if (e.as_object().at("api_method").as_string() == api_method) ++n;
        return n;
    }

private:
    chatadmin::http_response call(std::string method, std::string target, std::string body = {}) {
        chatadmin::http_request r;
        r.method = std::move(method);
        r.target = r.redacted_target = std::move(target);
        r.body = std::move(body);
        if (!r.body.empty()) r.headers.emplace_back("Content-Type", "application/json");
        auto resp = t_.send(r);
        if (!resp) throw std::runtime_error("admin API: " + resp.error().to_string());
        return *resp;
    }
    static void expect_ok(const chatadmin::http_response& r) {
        if (r.status != 200) throw std::runtime_error("admin API answered " + std::to_string(r.status) + ": " + r.body);
    }
    recording_transport t_;
};

/// Resets the mock's world (no-op against another server, which the tests do not change
/// beyond what the documented examples do).
inline void reset_world() {
    if (!external()) admin_api().reset();
}

/// True when both texts are the same JSON value.
inline bool json_equal(std::string_view a, std::string_view b) { return golden::json_equal(a, b); }

/// True when both values have the same members with the same kinds of values, recursively
/// (numbers of any kind match each other): `time` objects differ in values only.
inline bool same_shape(const boost::json::value& a, const boost::json::value& b) {
    auto number = [](const boost::json::value& v) { return v.is_number(); };
    if (number(a) && number(b)) return true;
    if (a.kind() != b.kind()) return false;
    if (a.is_object()) {
        const auto& x = a.as_object();
        const auto& y = b.as_object();
        if (x.size() != y.size()) return false;
        for (const auto& [k, v] : x) {
            auto* w = y.if_contains(k);
            if (!w || !same_shape(v, *w)) return false;
        }
    }
    return true;
}

// Credentials: the mock's defaults, or the environment's for another server.
inline std::string b24_webhook_user() { return env("CHATADMIN_CONFORMANCE_B24_WEBHOOK_USER", "1"); }
inline std::string b24_webhook_code() { return env("CHATADMIN_CONFORMANCE_B24_WEBHOOK_CODE", "mockhook"); }
inline std::string b24_token() { return env("CHATADMIN_CONFORMANCE_B24_TOKEN", "mocktoken"); }
inline std::string b24_client_id() { return env("CHATADMIN_CONFORMANCE_B24_CLIENT_ID", "mockclient"); }
inline std::uint64_t greenapi_id_instance() { return std::stoull(env("CHATADMIN_CONFORMANCE_GREENAPI_ID_INSTANCE", "1101000001")); }
inline std::string greenapi_token() { return env("CHATADMIN_CONFORMANCE_GREENAPI_TOKEN", "mocktoken"); }
/// The path Telegram calls are POSTed to.
inline std::string telegram_target() { return env("CHATADMIN_CONFORMANCE_TELEGRAM_TARGET", "/telegram/api"); }
/// The server for Telegram calls: CHATADMIN_CONFORMANCE_TELEGRAM_URL, else server().
inline server_info telegram_server() {
    auto url = env("CHATADMIN_CONFORMANCE_TELEGRAM_URL");
    if (url.empty()) return server();
    return {url, env("CHATADMIN_CONFORMANCE_CA_FILE")};
}

} // namespace e2e

/// Ends a test that needs the mock (its admin API, X-Mock-Error or its world) when the suite
/// runs against another server.
#define E2E_NEEDS_MOCK()                                                                            \
    do {                                                                                            \
        if (::e2e::external()) {                                                                    \
            SUCCEED("skipped: needs chatadmin-mock (CHATADMIN_CONFORMANCE_BASE_URL is set)");     \
            return;                                                                                 \
        }                                                                                           \
    } while (false)

// The cpp-httplib transport against a tiny in-process server on 127.0.0.1.

#ifdef CHATADMIN_TEST_HTTPLIB

#include <chatadmin/bitrix24.hpp>
#include <chatadmin/bitrix24/client.hpp>
#include <chatadmin/transport/httplib.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <string>
#include <thread>

using namespace chatadmin;
using std::chrono::milliseconds;

namespace {

/// An httplib::Server on a free port of 127.0.0.1, run on its own thread for one test.
class test_server {
public:
    test_server() {
        server_.set_tcp_nodelay(true);
        server_.Post("/echo", [this](const httplib::Request& req, httplib::Response& res) {
            {
                std::lock_guard lock(mutex_);
                ports_.insert(req.remote_port);
                ++requests_;
            }
            res.status = 200;
            res.set_header("X-Echo-Type", req.get_header_value("Content-Type"));
            res.set_content(req.body, "text/plain");
        });
        server_.Post("/slow", [this](const httplib::Request&, httplib::Response& res) {
            std::unique_lock lock(mutex_);
            release_.wait_for(lock, std::chrono::seconds(5), [this] { return released_; });
            res.set_content("late", "text/plain");
        });
        server_.Post("/gateway", [](const httplib::Request&, httplib::Response& res) {
            res.status = 502;
            res.set_content("<html><title>502 Bad Gateway</title></html>", "text/html");
        });
        server_.Post(R"(/rest/1/([^/]+)/imbot.chat.setManager)", [](const httplib::Request& req, httplib::Response& res) {
            res.set_content(req.matches[1] == "s3cretcode" ? R"({"result":true,"time":{"start":1}})"
                                                           : R"({"error":"NO_AUTH_FOUND","error_description":"Wrong authorization data"})",
                            "application/json");
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running()) std::this_thread::sleep_for(milliseconds(1));
    }
    ~test_server() { stop(); }

    void stop() {
        {
            std::lock_guard lock(mutex_);
            released_ = true;
        }
        release_.notify_all();
        server_.stop();
        if (thread_.joinable()) thread_.join();
    }

    int port() const { return port_; }
    std::string origin() const { return "http://127.0.0.1:" + std::to_string(port_); }
    std::size_t distinct_client_ports() {
        std::lock_guard lock(mutex_);
        return ports_.size();
    }
    int requests() {
        std::lock_guard lock(mutex_);
        return requests_;
    }

private:
    httplib::Server server_;
    std::thread thread_;
    int port_ = 0;
    std::mutex mutex_;
    std::condition_variable release_;
    bool released_ = false;
    std::set<int> ports_;
    int requests_ = 0;
};

http_request post(std::string target, std::string body) {
    http_request r;
    r.method = "POST";
    r.target = target;
    r.redacted_target = target;
    r.headers.emplace_back("Content-Type", "application/json");
    r.body = std::move(body);
    return r;
}

} // namespace

TEST_CASE("transport: httplib sends the request and returns status, headers and body", "[transport]") {
    test_server srv;
    transport::httplib_transport http(srv.origin());
    auto r = http.send(post("/echo", R"({"a":1})"));
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->body == R"({"a":1})");
    REQUIRE(r->header("x-echo-type"));
    CHECK(*r->header("x-echo-type") == "application/json");
}

TEST_CASE("transport: httplib keeps the connection alive between requests", "[transport]") {
    test_server srv;
    transport::httplib_transport http(srv.origin());
    for (int i = 0; i < 5; ++i) REQUIRE(http.send(post("/echo", std::to_string(i))));
    CHECK(srv.requests() == 5);
    CHECK(srv.distinct_client_ports() == 1);

    transport::httplib_options no_keep_alive;
    no_keep_alive.keep_alive = false;
    test_server srv2;
    transport::httplib_transport once(srv2.origin(), no_keep_alive);
    for (int i = 0; i < 3; ++i) REQUIRE(once.send(post("/echo", "x")));
    CHECK(srv2.distinct_client_ports() == 3);
}

TEST_CASE("transport: httplib read timeout maps to transport_errc::timeout", "[transport]") {
    test_server srv;
    transport::httplib_options o;
    o.read_timeout = milliseconds(300);
    transport::httplib_transport http(srv.origin(), o);
    auto start = std::chrono::steady_clock::now();
    auto r = http.send(post("/slow", "x"));
    auto took = std::chrono::steady_clock::now() - start;
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == transport_errc::timeout);
    CHECK(r.error().code == transport_errc::timeout);
    CHECK(r.error().message.find("read timed out after 300 ms") != std::string::npos);
    CHECK(took < std::chrono::seconds(3));
    srv.stop();
}

TEST_CASE("transport: httplib connection refused maps to transport_errc::connect", "[transport]") {
    int port = 0;
    {
        test_server srv;
        port = srv.port();
    }
    transport::httplib_transport http("http://127.0.0.1:" + std::to_string(port));
    http_request req = post("/rest/1/s3cretcode/imbot.chat.setManager", "{}");
    req.redacted_target = "/rest/1/s3cr…/imbot.chat.setManager";
    auto r = http.send(req);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == transport_errc::connect);
    CHECK(r.error().message.find("s3cretcode") == std::string::npos);
    CHECK(r.error().message.find("/rest/1/s3cr…/imbot.chat.setManager") != std::string::npos);
}

TEST_CASE("transport: httplib TLS to a plain HTTP server maps to transport_errc::tls", "[transport]") {
    test_server srv;
    transport::httplib_options o;
    o.verify_peer = false;
    o.connect_timeout = milliseconds(2000);
    o.read_timeout = milliseconds(2000);
    transport::httplib_transport https("https://127.0.0.1:" + std::to_string(srv.port()), o);
    auto r = https.send(post("/echo", "x"));
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == transport_errc::tls);
}

TEST_CASE("transport: httplib an error page from a gateway is a response, not a transport error", "[transport]") {
    test_server srv;
    transport::httplib_transport http(srv.origin());
    auto r = http.send(post("/gateway", "x"));
    REQUIRE(r);
    CHECK(r->status == 502);
}

TEST_CASE("transport: httplib under the bitrix24 client", "[transport]") {
    test_server srv;
    transport::httplib_transport http(srv.origin());
    {
        bitrix24::client c(http, bitrix24::auth::webhook(1, "s3cretcode"));
        bitrix24::imbot::chat::set_manager m;
        m.CHAT_ID = 1;
        m.USER_ID = 2;
        auto r = c.call(m);
        REQUIRE(r);
        CHECK(*r);
    }
    bitrix24::client wrong(std::move(http), bitrix24::auth::webhook(1, "other"));
    bitrix24::imbot::chat::set_manager m;
    m.CHAT_ID = 1;
    m.USER_ID = 2;
    auto r = wrong.call(m);
    REQUIRE_FALSE(r);
    CHECK(r.error().value() == bitrix24::errc::NO_AUTH_FOUND);
}

#endif

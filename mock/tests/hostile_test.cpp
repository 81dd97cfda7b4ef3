// Hostile HTTP against the real server on 127.0.0.1: partial and slow requests, oversized
// headers and bodies, malformed encodings, deep nesting and truncated TL. Each gets a clear
// error (or the connection is closed), and the server answers a normal request afterwards.
// Also: loopback by default, and no secret in the access log or the journal.

#include "router.hpp"
#include "server.hpp"

#include <chatadmin/telegram.hpp>

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace chatadmin;
using namespace chatadmin::mock;

namespace {

/// The server on a free loopback port, in a thread of this process.
struct live_server {
    router r{default_world()};
    std::unique_ptr<server> s;
    std::thread t;
    explicit live_server(bool quiet = true) {
        server_options o;
        o.quiet = quiet;
        o.threads = 16;
        s = std::make_unique<server>(r, o);
        REQUIRE(s->bind() > 0);
        t = std::thread([this] { s->listen(); });
        s->wait_until_ready();
    }
    ~live_server() {
        s->stop();
        t.join();
    }
};

/// A raw TCP connection with a receive timeout.
struct raw_conn {
    int fd = -1;
    raw_conn(int port, int timeout_ms = 5000) {
        fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(static_cast<std::uint16_t>(port));
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
        timeval tv{timeout_ms / 1000, (timeout_ms % 1000) * 1000};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    }
    ~raw_conn() { close(); }
    void close() {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
    /// Sends all of s; false when the peer has closed the connection.
    bool send(std::string_view s) {
        while (!s.empty()) {
            auto n = ::send(fd, s.data(), s.size(), MSG_NOSIGNAL);
            if (n <= 0) return false;
            s.remove_prefix(static_cast<std::size_t>(n));
        }
        return true;
    }
    /// Everything until the peer closes, the timeout, or one complete response.
    std::string receive() {
        std::string out;
        char buf[8192];
        for (;;) {
            auto n = ::recv(fd, buf, sizeof buf, 0);
            if (n <= 0) break;
            out.append(buf, static_cast<std::size_t>(n));
            auto end = out.find("\r\n\r\n");
            if (end == std::string::npos) continue;
            auto cl = out.find("Content-Length: ");
            if (cl != std::string::npos && cl < end) {
                std::size_t len = std::stoul(out.substr(cl + 16));
                if (out.size() >= end + 4 + len) break;
            }
        }
        return out;
    }
};

int status_of(const std::string& response) {
    if (response.size() < 12 || !response.starts_with("HTTP/1.1 ")) return 0;
    return std::stoi(response.substr(9, 3));
}

std::string body_of(const std::string& response) {
    auto end = response.find("\r\n\r\n");
    return end == std::string::npos ? std::string() : response.substr(end + 4);
}

std::string http_text(std::string_view method, std::string_view target, std::string_view body,
                    std::string_view type = "application/json", std::string_view extra = {}) {
    std::string s = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!type.empty()) s += "Content-Type: " + std::string(type) + "\r\n";
    s += extra;
    s += "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n";
    s += body;
    return s;
}

const std::string set_manager = "/rest/1/mockhook/imbot.chat.setManager.json";
const std::string good_body = R"({"CHAT_ID":2725,"USER_ID":1269,"CLIENT_ID":"mockclient"})";

std::string send_receive(int port, const std::string& req) {
    raw_conn c(port);
    c.send(req);
    return c.receive();
}

void still_serves(int port) {
    auto res = send_receive(port, http_text("POST", set_manager, good_body));
    INFO(res);
    CHECK(status_of(res) == 200);
}

std::string deep_json(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

} // namespace

TEST_CASE("hostile: partial request then close, slow headers", "[hostile]") {
    live_server m;
    const int port = m.s->port();
    {
        raw_conn c(port);
        c.send("POST " + set_manager + " HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"CHAT");
    }
    {
        raw_conn c(port);
        c.send("POST /rest/1/mockh");
    }
    still_serves(port);

    // Slow clients that never finish their headers hold a connection each, not the server.
    std::vector<std::unique_ptr<raw_conn>> slow;
    for (int i = 0; i < 6; ++i) {
        slow.push_back(std::make_unique<raw_conn>(port, 300));
        slow.back()->send("GET /__admin/world HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    }
    for (int step = 0; step < 3; ++step) {
        for (auto& c : slow) c->send("a");
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    for (auto& c : slow) CHECK(c->receive().empty());  // nothing answered to an unfinished request
    still_serves(port);
}

TEST_CASE("hostile: oversized header and body", "[hostile]") {
    live_server m;
    const int port = m.s->port();

    auto big_header = send_receive(port, http_text("POST", set_manager, good_body, "application/json",
                                             "X-Big: " + std::string(64 * 1024, 'a') + "\r\n"));
    INFO(big_header.substr(0, 200));
    // Refused with a 4xx, or the connection closed without an answer.
    CHECK((big_header.empty() || (status_of(big_header) >= 400 && status_of(big_header) < 500)));
    still_serves(port);

    auto many_headers = std::string();
    for (int i = 0; i < 2000; ++i) many_headers += "X-H" + std::to_string(i) + ": v\r\n";
    auto many = send_receive(port, http_text("POST", set_manager, good_body, "application/json", many_headers));
    CHECK((many.empty() || status_of(many) == 200 || (status_of(many) >= 400 && status_of(many) < 500)));
    still_serves(port);

    // Too large: 413 naming the limit. (The server reads and discards a declared body before
    // answering, so a client that declares more than it sends waits for the read timeout.)
    {
        auto res = send_receive(port, http_text("POST", set_manager, std::string(2u << 20, ' ')));
        CHECK(status_of(res) == 413);
        CHECK(body_of(res).find("payload_too_large") != std::string::npos);
    }
    // Sent too large, chunked.
    {
        raw_conn c(port);
        std::string chunk(64 * 1024, 'x');
        std::string req = "POST " + set_manager + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        c.send(req);
        char size[32];
        std::snprintf(size, sizeof size, "%zx\r\n", chunk.size());
        for (int i = 0; i < 24 && c.send(std::string(size) + chunk + "\r\n"); ++i) {}
        c.send("0\r\n\r\n");
        auto res = c.receive();
        CHECK((res.empty() || status_of(res) == 413));
    }
    still_serves(port);
}

TEST_CASE("hostile: malformed encodings get a clear 400", "[hostile]") {
    live_server m;
    const int port = m.s->port();
    auto expect_400 = [&](const std::string& req, std::string_view needle) {
        auto res = send_receive(port, req);
        INFO(res.substr(0, 400));
        CHECK(status_of(res) == 400);
        CHECK(body_of(res).find(needle) != std::string::npos);
        still_serves(port);
    };
    // Invalid UTF-8 in JSON strings and in form values.
    expect_400(http_text("POST", set_manager, "{\"CHAT_ID\":2725,\"CLIENT_ID\":\"\xC3\x28\xFF\"}"), "error");
    expect_400(http_text("PUT", "/__admin/world", "{\"bitrix24\":{\"webhooks\":[{\"code\":\"\xFF\"}]}}"), "invalid_world");
    // Invalid percent-encoding in the body and in the query.
    expect_400(http_text("POST", set_manager, "CHAT_ID=27%G5&USER_ID=%", "application/x-www-form-urlencoded"), "error");
    expect_400(http_text("GET", "/rest/1/mockhook/im.department.managers.get?ID%ZZ=1", "", ""), "error");
    // 10,000 levels of nesting, on every platform and the admin API.
    const std::string deep = deep_json(10000);
    expect_400(http_text("POST", set_manager, "{\"CHAT_ID\":" + deep + "}"), "error");
    expect_400(http_text("POST", "/waInstance1101000001/setGroupAdmin/mocktoken", "{\"groupId\":" + deep + "}"), "");
    expect_400(http_text("PUT", "/__admin/world", "{\"bitrix24\":" + deep + "}"), "invalid_world");
    expect_400(http_text("POST", "/__admin/faults", deep), "invalid_fault");
}

TEST_CASE("hostile: TL length prefixes past the end get rpc_error", "[hostile]") {
    live_server m;
    const int port = m.s->port();
    telegram::channels::edit_admin e;
    e.channel = telegram::input_channel{1234567890, 72623859790382856};
    e.user_id = telegram::input_user{987654321, -1};
    e.rank = "mod";
    std::string body = telegram::channels::encode(e);
    // The rank's length byte claims 200 bytes; then a long-form length past the end.
    std::string short_form = body;
    short_form[short_form.size() - 4] = static_cast<char>(200);
    std::string long_form = body.substr(0, body.size() - 4) + std::string("\xFE\xFF\xFF\x00", 4) + "abcd";
    for (const auto& bad : {short_form, long_form, body.substr(0, 7), std::string("\x68\xad\x98\x9a", 4)}) {
        auto res = send_receive(port, http_text("POST", "/telegram/api", bad, "application/octet-stream"));
        REQUIRE(status_of(res) == 200);
        auto answer = telegram::decode_response<telegram::channels::edit_admin>(body_of(res));
        REQUIRE_FALSE(answer);
        REQUIRE(answer.error().rpc());
        CHECK(answer.error().rpc()->error_code == 400);
        still_serves(port);
    }
}

TEST_CASE("secrets: not in the access log or the journal", "[hostile][redact]") {
    // The access log goes to stderr: capture it in a file for the duration.
    char path[] = "/tmp/chatadmin-hostile-XXXXXX";
    int log_fd = mkstemp(path);
    REQUIRE(log_fd >= 0);
    std::fflush(stderr);
    int saved = dup(2);
    dup2(log_fd, 2);
    std::string journal;
    {
        live_server m(false);
        const int port = m.s->port();
        send_receive(port, http_text("POST", set_manager, good_body));
        send_receive(port, http_text("POST", "/rest/imbot.chat.setManager?auth=mocktoken", good_body));
        send_receive(port, http_text("POST", "/rest/imbot.chat.setManager", "CHAT_ID=1&auth=mocktoken",
                               "application/x-www-form-urlencoded"));
        send_receive(port, http_text("POST", "/rest/imbot.chat.setManager", R"({"CHAT_ID":1,"auth":"mocktoken"})"));
        send_receive(port, http_text("POST", "/waInstance1101000001/setGroupAdmin/mocktoken",
                               R"({"groupId":"1@g.us","participantChatId":"2@c.us"})"));
        send_receive(port, http_text("POST", "/v3/waInstance1101000001/setGroupAdmin/mocktoken", "{"));
        journal = body_of(send_receive(port, http_text("GET", "/__admin/journal", "", "")));
    }
    std::fflush(stderr);
    dup2(saved, 2);
    ::close(saved);
    std::ifstream in(path);
    std::stringstream log;
    log << in.rdbuf();
    ::close(log_fd);
    std::remove(path);

    INFO(log.str());
    INFO(journal);
    CHECK(log.str().find("setManager") != std::string::npos);
    CHECK(journal.find("setManager") != std::string::npos);
    for (std::string_view secret : {"mockhook", "mocktoken"}) {
        CHECK(log.str().find(secret) == std::string::npos);
        CHECK(journal.find(secret) == std::string::npos);
    }
}

TEST_CASE("binary: listens on loopback unless told otherwise", "[hostile][process]") {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 1);
        ::close(fds[0]);
        execl(CHATADMIN_MOCK_BINARY, CHATADMIN_MOCK_BINARY, "--quiet", static_cast<char*>(nullptr));
        _exit(127);
    }
    ::close(fds[1]);
    FILE* out = fdopen(fds[0], "r");
    char line[512] = {};
    std::string listening;
    while (std::fgets(line, sizeof line, out))
        if (std::string(line).find("listening on ") != std::string::npos) { listening = line; break; }
    kill(pid, SIGTERM);
    int st = 0;
    waitpid(pid, &st, 0);
    std::fclose(out);
    INFO(listening);
    CHECK(listening.find("listening on http://127.0.0.1:") != std::string::npos);
    CHECK(WIFEXITED(st));
}

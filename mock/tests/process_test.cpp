// The real binary over real HTTP and HTTPS: listen line, TLS, dropped connections, 413, signals.

#include <httplib.h>

#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <cstdio>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

/// Starts the binary, reads its listen line, stops it with SIGTERM on destruction.
struct mock_process {
    pid_t pid = -1;
    std::string url;
    std::string certificate;  ///< the path --tls printed, if any
    int status = -1;

    explicit mock_process(std::vector<std::string> args) {
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        pid = fork();
        if (pid == 0) {
            dup2(fds[1], 1);
            close(fds[0]);
            std::vector<char*> argv{const_cast<char*>(CHATADMIN_MOCK_BINARY)};
            for (auto& a : args) argv.push_back(a.data());
            argv.push_back(nullptr);
            execv(argv[0], argv.data());
            _exit(127);
        }
        close(fds[1]);
        FILE* out = fdopen(fds[0], "r");
        char line[512];
        while (std::fgets(line, sizeof line, out)) {
            std::string s(line);
            if (auto c = s.find("chatadmin-mock certificate "); c != std::string::npos) {
                certificate = s.substr(c + 27);
                while (!certificate.empty() && (certificate.back() == '\n' || certificate.back() == '\r')) certificate.pop_back();
            }
            auto at = s.find("listening on ");
            if (at != std::string::npos) {
                url = s.substr(at + 13);
                while (!url.empty() && (url.back() == '\n' || url.back() == '\r')) url.pop_back();
                break;
            }
        }
        fclose(out);
    }
    int stop(int signal = SIGTERM) {
        if (pid > 0) {
            kill(pid, signal);
            waitpid(pid, &status, 0);
            pid = -1;
        }
        return status;
    }
    ~mock_process() { stop(); }
};

} // namespace

TEST_CASE("binary: listen line, HTTP call, clean exit on SIGTERM", "[process]") {
    mock_process m({"--listen", "127.0.0.1:0", "--quiet"});
    REQUIRE(m.url.starts_with("http://127.0.0.1:"));
    httplib::Client c(m.url);
    c.set_tcp_nodelay(true);
    auto res = c.Post("/rest/1/mockhook/imbot.chat.setManager.json",
                      R"({"CHAT_ID":2725,"USER_ID":1269,"CLIENT_ID":"mockclient"})", "application/json");
    REQUIRE(res);
    CHECK(res->status == 200);
    auto big = c.Post("/rest/1/mockhook/imbot.chat.setManager", std::string(2u << 20, 'x'), "application/json");
    REQUIRE(big);
    CHECK(big->status == 413);
    REQUIRE(c.Post("/__admin/faults", R"({"method":"*","drop":true})", "application/json"));
    auto dropped = c.Get("/rest/1/mockhook/im.department.managers.get?ID=%5B3%5D");
    CHECK((!dropped || dropped->body.size() < 1024));
    auto after = c.Get("/rest/1/mockhook/im.department.managers.get?ID=%5B3%5D");
    REQUIRE(after);
    CHECK(after->status == 200);
    int st = m.stop();
    CHECK(WIFEXITED(st));
    CHECK(WEXITSTATUS(st) == 0);
}

TEST_CASE("binary: --tls serves HTTPS with a generated certificate", "[process][tls]") {
    mock_process m({"--listen", "127.0.0.1:0", "--tls", "--quiet"});
    REQUIRE(m.url.starts_with("https://127.0.0.1:"));
    httplib::SSLClient c("127.0.0.1", std::stoi(m.url.substr(m.url.rfind(':') + 1)));
    c.enable_server_certificate_verification(false);
    c.set_tcp_nodelay(true);
    auto res = c.Post("/waInstance1101000001/setGroupAdmin/mocktoken",
                      R"({"groupId":"120363043968066561@g.us","participantChatId":"79001234567@c.us"})", "application/json");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->body == R"({"setGroupAdmin":true})");
    int st = m.stop();
    CHECK(WEXITSTATUS(st) == 0);
}

TEST_CASE("binary: --help lists every option", "[process]") {
    FILE* p = popen(CHATADMIN_MOCK_BINARY " --help", "r");
    REQUIRE(p);
    std::string text;
    char buf[256];
    while (std::fgets(buf, sizeof buf, p)) text += buf;
    CHECK(pclose(p) == 0);
    for (auto opt : {"--listen", "--tls", "--tls-cert", "--tls-key", "--world", "--rate-limit", "--quiet", "--max-body"})
        CHECK(text.find(opt) != std::string::npos);
}

TEST_CASE("binary: clean exit on SIGINT", "[process]") {
    mock_process m({"--listen", "127.0.0.1:0", "--quiet"});
    REQUIRE(m.url.starts_with("http://127.0.0.1:"));
    int st = m.stop(SIGINT);
    CHECK(WIFEXITED(st));
    CHECK(WEXITSTATUS(st) == 0);
}

TEST_CASE("binary: --tls-cert and --tls-key serve HTTPS with the given certificate", "[process][tls]") {
    char dir[] = "/tmp/chatadmin-mock-test-XXXXXX";
    REQUIRE(mkdtemp(dir));
    std::string certificate, key;
    {
        mock_process first({"--listen", "127.0.0.1:0", "--tls", "--cert-dir", dir, "--quiet"});
        REQUIRE(first.certificate.rfind(dir, 0) == 0);
        certificate = first.certificate;
        key = std::string(dir) + "/chatadmin-mock-key.pem";
    }
    mock_process m({"--listen", "127.0.0.1:0", "--tls-cert", certificate, "--tls-key", key, "--quiet"});
    REQUIRE(m.url.starts_with("https://127.0.0.1:"));
    CHECK(m.certificate.empty());  // nothing generated
    httplib::SSLClient c("127.0.0.1", std::stoi(m.url.substr(m.url.rfind(':') + 1)));
    c.set_ca_cert_path(certificate.c_str());
    c.enable_server_certificate_verification(true);
    c.set_tcp_nodelay(true);
    auto res = c.Post("/rest/1/mockhook/imbot.chat.setManager",
                      R"({"CHAT_ID":2725,"USER_ID":1269,"CLIENT_ID":"mockclient"})", "application/json");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(m.stop() == 0);
    std::filesystem::remove_all(dir);
}

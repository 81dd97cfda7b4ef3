// The reference for the mock-throughput run: a bare cpp-httplib server that answers every
// POST with a constant body (the documented imbot.chat.setManager success), configured as
// the mock is (tcp_nodelay, a pool of --threads workers, long keep-alive).
//
//   chatadmin_bare_server [--listen 127.0.0.1:0] [--threads 64]
//   -> "bare-server listening on http://127.0.0.1:PORT"

#include <httplib.h>

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
    std::string host = "127.0.0.1";
    int port = 0, threads = 64;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--listen" && i + 1 < argc) {
            std::string v = argv[++i];
            auto colon = v.rfind(':');
            host = v.substr(0, colon);
            port = std::atoi(v.c_str() + colon + 1);
        } else if (a == "--threads" && i + 1 < argc) {
            threads = std::atoi(argv[++i]);
        } else {
            std::fprintf(stderr, "usage: %s [--listen HOST:PORT] [--threads N]\n", argv[0]);
            return 2;
        }
    }
    static const std::string body =
        R"({"result":true,"time":{"start":1772543706,"finish":1772543706.871191,"duration":0.8711910247802734,)"
        R"("processing":0,"date_start":"2026-03-03T16:15:06+01:00","date_finish":"2026-03-03T16:15:06+01:00",)"
        R"("operating_reset_at":1772544306,"operating":0}})";
    httplib::Server s;
    s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    s.set_tcp_nodelay(true);
    s.set_keep_alive_max_count(1000000);
    auto h = [](const httplib::Request&, httplib::Response& res) { res.set_content(body, "application/json"); };
    s.Post(R"(/.*)", h);
    s.Get(R"(/.*)", h);
    int bound = port == 0 ? s.bind_to_any_port(host.c_str()) : (s.bind_to_port(host.c_str(), port) ? port : -1);
    if (bound < 0) {
        std::fprintf(stderr, "bare-server: cannot bind %s:%d\n", host.c_str(), port);
        return 1;
    }
    std::printf("bare-server listening on http://%s:%d\n", host.c_str(), bound);
    std::fflush(stdout);
    return s.listen_after_bind() ? 0 : 1;
}

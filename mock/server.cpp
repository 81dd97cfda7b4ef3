#include "server.hpp"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

#include <sys/socket.h>

namespace chatadmin::mock {

struct server::impl {
    router& r;
    std::unique_ptr<httplib::Server> srv;
    std::mutex log_mu;
    int listen_fd = -1;   ///< the listening socket, for raising the backlog after bind
    explicit impl(router& rt) : r(rt) {}
};

namespace {

constexpr int listen_backlog = 1024;   // the kernel caps it at net.core.somaxconn

void serve(router& r, bool tls, bool quiet, std::mutex& log_mu, const httplib::Request& req, httplib::Response& res) {
    // The access log is the only reader of the clock here: --quiet does no timing or formatting.
    const auto t0 = quiet ? std::chrono::steady_clock::time_point{} : std::chrono::steady_clock::now();
    http_request in;
    in.method = req.method;
    in.target = req.target;
    in.headers.reserve(req.headers.size());
    for (const auto& [k, v] : req.headers) in.headers.emplace_back(k, v);
    in.body = req.body;
    request_info info{tls, req.remote_addr};

    outcome out = r.dispatch(in, info);
    if (out.delay.count() > 0) std::this_thread::sleep_for(out.delay);

    const std::size_t body_size = out.response.body.size();   // for the log; the body moves into res
    if (out.drop) {
        // Headers promise a body that never comes: the client sees the connection close.
        res.status = 200;
        res.set_content_provider(1024, "application/octet-stream",
                                 [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
    } else {
        res.status = out.response.status;
        const std::string* type = nullptr;
        for (const auto& [k, v] : out.response.headers) {
            if (detail::iequals(k, "Content-Type")) type = &v;
            else res.set_header(k, v);
        }
        if (out.response.body.empty() && out.response.status == 204) res.body.clear();
        else {
            // As res.set_content(body, type), without copying the body: res is fresh, so
            // there is no Content-Type to replace.
            res.body = std::move(out.response.body);
            res.set_header("Content-Type", type ? *type : std::string("application/octet-stream"));
        }
    }
    if (!quiet) {
        auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        std::lock_guard lock(log_mu);
        std::fprintf(stderr, "%s \"%s %s\" %d %zu %.1fms%s\n", req.remote_addr.c_str(), req.method.c_str(),
                     out.log_target.c_str(), out.drop ? 0 : out.response.status, body_size, ms,
                     out.drop ? " dropped" : "");
        std::fflush(stderr);
    }
}

} // namespace

server::server(router& r, server_options opts) : impl_(std::make_unique<impl>(r)), opts_(std::move(opts)) {
    if (opts_.tls) impl_->srv = std::make_unique<httplib::SSLServer>(opts_.cert_path.c_str(), opts_.key_path.c_str());
    else impl_->srv = std::make_unique<httplib::Server>();
    auto& s = *impl_->srv;
    const int threads = opts_.threads;
    s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    s.set_tcp_nodelay(true);
    s.set_socket_options([self = impl_.get()](socket_t sock) {
        httplib::default_socket_options(sock);
        self->listen_fd = static_cast<int>(sock);
    });
    s.set_keep_alive_max_count(1000000);   // as the bare server: a busy connection is not recycled every few seconds
    s.set_payload_max_length(opts_.max_body);
    s.set_read_timeout(30, 0);
    s.set_write_timeout(30, 0);
    impl* p = impl_.get();
    const bool tls = opts_.tls, quiet = opts_.quiet;
    auto h = [p, tls, quiet](const httplib::Request& req, httplib::Response& res) { serve(p->r, tls, quiet, p->log_mu, req, res); };
    const char* any = R"(/.*)";
    s.Get(any, h);
    s.Post(any, h);
    s.Put(any, h);
    s.Delete(any, h);
    s.Patch(any, h);
    s.Options(any, h);
    s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        res.status = 500;
        res.set_content(R"({"error":"internal_error","error_description":"the mock failed on this request"})", "application/json");
    });
    s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return;
        if (res.status == 413)
            res.set_content(R"({"error":"payload_too_large","error_description":"the body exceeds the mock's limit"})", "application/json");
        else if (res.status >= 400)
            res.set_content(R"({"error":"bad_request","error_description":"the request could not be read"})", "application/json");
    });
}

server::~server() { stop(); }

int server::bind() {
    auto& s = *impl_->srv;
    if (!s.is_valid()) return -1;
    port_ = opts_.port == 0 ? s.bind_to_any_port(opts_.host.c_str()) : (s.bind_to_port(opts_.host.c_str(), opts_.port) ? opts_.port : -1);
    // cpp-httplib listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG, fixed in the shared
    // library): a burst of connections (64 at once from a load generator) overflows it and the
    // dropped SYNs are retried only after 1 s, 3 s, ... Listening again only raises the backlog.
    if (port_ >= 0 && impl_->listen_fd >= 0) ::listen(impl_->listen_fd, listen_backlog);
    return port_;
}

bool server::listen() { return impl_->srv->listen_after_bind(); }

void server::stop() {
    if (impl_ && impl_->srv) impl_->srv->stop();
}

void server::wait_until_ready() const {
    while (!impl_->srv->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

std::string server::url() const {
    return std::string(opts_.tls ? "https://" : "http://") + opts_.host + ":" + std::to_string(port_);
}

} // namespace chatadmin::mock

#pragma once
// The HTTP(S) layer over the router: the only part of the mock that touches sockets.

#include "router.hpp"

#include <atomic>
#include <functional>
#include <memory>
#include <string>

namespace chatadmin::mock {

struct server_options {
    std::string host = "127.0.0.1";
    int port = 0;                   ///< 0: any free port
    bool tls = false;
    std::string cert_path, key_path;   ///< with tls
    bool quiet = false;             ///< no access log
    std::size_t max_body = 1u << 20;
    int threads = 128;              ///< each keep-alive connection holds one; headroom over 64 clients
};

class server {
public:
    server(router& r, server_options opts);
    ~server();
    server(const server&) = delete;
    server& operator=(const server&) = delete;

    /// Binds; returns the port, or -1 when it cannot.
    int bind();
    /// Serves until stop(); blocking.
    bool listen();
    void stop();
    /// Blocks until the server accepts connections.
    void wait_until_ready() const;
    /// "http://127.0.0.1:PORT" or "https://…".
    std::string url() const;
    int port() const { return port_; }

private:
    struct impl;
    std::unique_ptr<impl> impl_;
    server_options opts_;
    int port_ = -1;
};

} // namespace chatadmin::mock

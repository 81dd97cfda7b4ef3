#pragma once
// The interface each platform handler implements, and the per-request context the
// router hands it. Handlers run with the world locked; they never touch sockets.

#include <chatadmin/core/wire_types.hpp>
#include "world.hpp"

#include <chatadmin/core/http.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace chatadmin::mock {

/// What the transport knows about a request beyond its bytes.
struct request_info {
    bool tls = false;
    std::string remote;   ///< peer address, for the access log
};

/// One request on its way through a handler.
struct call {
    const http_request& req;
    const request_info& info;
    std::string_view path;    ///< target up to '?', percent-decoding not applied
    std::string_view query;   ///< after '?', empty when none
    world& w;                 ///< locked by the router for the whole call
    /// An error to answer with instead of the world's answer (X-Mock-Error or a fault rule).
    std::optional<std::string> forced_error;

    // Filled by the handler, for the journal and the access log.
    std::string api_method;
    std::string redacted_target;
    raw_json params;          ///< parsed parameters as JSON (redacted when the journal is shown)
    std::string outcome;      ///< "ok" or the error code/message answered
};

/// A platform's side of the mock.
class handler {
public:
    virtual ~handler() = default;

    /// "bitrix24", "greenapi", "telegram".
    virtual std::string_view platform() const = 0;
    /// True when the path belongs to this platform.
    virtual bool accepts(std::string_view path) const = 0;
    /// The API method the request calls (for fault rules), without touching the world;
    /// empty when it cannot be told.
    virtual std::string method_of(const http_request& req, std::string_view path) const = 0;
    /// The platform's answer to a request over its rate limit.
    virtual http_response rate_limited(call& c) const = 0;
    /// Requests per second drained and the burst allowed before rate_limited(); 0: no limit.
    virtual double rate_per_second() const { return 0; }
    virtual double rate_burst() const { return 0; }
    /// The platform's answer to the request.
    virtual http_response handle(call& c) = 0;
};

/// A JSON response with the given status.
inline http_response json_response(int status, std::string body) {
    http_response r;
    r.status = status;
    r.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
    r.body = std::move(body);
    return r;
}

} // namespace chatadmin::mock

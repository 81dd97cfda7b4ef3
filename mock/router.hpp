#pragma once
// The mock's sans-IO core: one request in, one answer out. It owns the world, the
// journal, the fault rules and the rate limiters, behind one mutex, so any number of
// transport threads (or a fuzzer) may call it at once.

#include "faults.hpp"
#include "handler.hpp"
#include "journal.hpp"
#include "rate_limiter.hpp"
#include "world.hpp"

#include <chatadmin/core/http.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace chatadmin::mock {

struct router_options {
    bool rate_limit = false;                  ///< the platforms' documented rate limits
    std::size_t max_body = 1u << 20;          ///< larger bodies get 413
    std::chrono::milliseconds max_delay{60000};
};

/// What the transport should do with a request.
struct outcome {
    http_response response;
    std::chrono::milliseconds delay{0};   ///< wait this long before answering
    bool drop = false;                    ///< close the connection instead of answering
    std::string log_target;               ///< the target with secrets redacted
};

class router {
public:
    explicit router(world initial, router_options opts = {});
    ~router();

    /// The answer to req (delays and dropped connections are reported, not performed).
    outcome dispatch(const http_request& req, const request_info& info = {});
    /// dispatch(req).response.
    http_response handle(const http_request& req) { return dispatch(req).response; }

    /// A copy of the current world.
    world snapshot() const;

private:
    outcome admin(const http_request& req, std::string_view path, journal_entry& e);

    router_options opts_;
    world initial_;
    mutable std::mutex mu_;
    world world_;
    journal journal_;
    fault_list faults_;
    std::vector<std::unique_ptr<handler>> handlers_;
    std::vector<leaky_bucket> buckets_;
};

} // namespace chatadmin::mock

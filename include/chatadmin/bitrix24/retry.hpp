#pragma once
// Which Bitrix24 failures are repeated, and after how long (limits.md, oauth/auto-renewal.md,
// and the official JS SDK's limiters):
//
//   failure                                   wait                                         repeats
//   503 QUERY_LIMIT_EXCEEDED                  (1000/drain_rate + 1000) ms × 1.5^retry      up to max_attempts
//   429 OPERATION_TIME_LIMIT (any 429)        until operating_reset_at + 1 s, at least 10 s up to max_attempts
//   401 expired_token / invalid_token         refresh the token, no wait                   once per call
//   no response, 502/503/504 from a proxy     policy backoff                               idempotent calls only
//   anything else                             -                                            never
//
// A Retry-After header, where a response has one, replaces the computed wait.

#include <chatadmin/bitrix24/error.hpp>
#include <chatadmin/bitrix24/errors.hpp>
#include <chatadmin/bitrix24/time.hpp>
#include <chatadmin/core/retry.hpp>
#include <chatadmin/core/transport_error.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <optional>
#include <type_traits>

namespace chatadmin::bitrix24 {

namespace imbot::chat { struct set_manager; }
namespace sonet_group::user { struct update; }
namespace im::department::managers { struct get; }

/// True for methods whose repetition leaves the portal as one call would: these are
/// repeated after a failure without an HTTP response (the request may have run). Specialize
/// it for your own method structs; call options can also say so per call.
template <class Method>
struct is_idempotent : std::false_type {};
/// Sets the manager flag to the given value: repeating sets the same value.
template <> struct is_idempotent<imbot::chat::set_manager> : std::true_type {};
/// Sets the role to the given value; a repeat changes nobody (the result lists no ids).
template <> struct is_idempotent<sonet_group::user::update> : std::true_type {};
/// Reads only.
template <> struct is_idempotent<im::department::managers::get> : std::true_type {};

template <class Method>
inline constexpr bool is_idempotent_v = is_idempotent<Method>::value;

/// How a client repeats failed calls.
struct retry_options {
    /// Attempts, deadline and the backoff used for failures without a server-given wait.
    retry::policy policy{};
    /// Drain rate of the portal's request bucket, requests per second: 2 (the default plans)
    /// or 5 (Enterprise). Sets the QUERY_LIMIT_EXCEEDED wait.
    double drain_rate = 2.0;
    /// Growth of the QUERY_LIMIT_EXCEEDED wait per retry (the JS SDK's 1.5).
    double query_limit_factor = 1.5;
    /// Shortest wait after OPERATION_TIME_LIMIT (the JS SDK's 10 s).
    std::chrono::milliseconds min_operating_wait{10'000};
    /// Longest wait after OPERATION_TIME_LIMIT: a later reset time returns the error
    /// instead. The budget window is 10 minutes, so a reset is never further away than that.
    std::chrono::milliseconds max_operating_wait{601'000};
    /// Repeat after a failure without an HTTP response, or a 502/503/504 page from something
    /// in between, only when the call is idempotent (the request may have been executed).
    bool retry_network_errors = true;
};

/// The wait before retry number `retries + 1` after QUERY_LIMIT_EXCEEDED:
/// (1000 / drain_rate + 1000) ms × factor^retries (1.5 s, 2.25 s, 3.375 s … at 2 req/s).
inline std::chrono::milliseconds query_limit_delay(int retries, double drain_rate = 2.0, double factor = 1.5) {
    const double base = 1000.0 / std::max(drain_rate, 0.001) + 1000.0;
    return std::chrono::milliseconds(std::llround(base * std::pow(factor, std::max(retries, 0))));
}

/// The wait after OPERATION_TIME_LIMIT: until the budget frees up (operating_reset_at from
/// the error, else from `last_success`, the time of the last successful call of the same
/// method) plus one second, and never less than `min_wait`.
inline std::chrono::milliseconds operating_limit_delay(const error& e, const time* last_success,
                                                       std::chrono::system_clock::time_point now,
                                                       std::chrono::milliseconds min_wait = std::chrono::milliseconds(10'000)) {
    using namespace std::chrono;
    auto reset = e.reset_at;
    if (!reset && last_success) reset = last_success->reset_at();
    if (!reset) return min_wait;
    return std::max(duration_cast<milliseconds>(*reset - now) + milliseconds(1'000), min_wait);
}

/// Decides, for one call, whether a failure is repeated. Holds the call's state: whether
/// the token was already refreshed, and the method's last known `time`.
class retry_classifier {
public:
    /// `refresh` renews the credentials and returns true, or returns false to give up; it
    /// is called at most once per classifier (one per call). `last_success` may be null.
    retry_classifier(const retry_options& opts, bool idempotent, const time* last_success = nullptr,
                     std::function<bool(const error&)> refresh = {})
        : opts_(opts), idempotent_(idempotent), last_success_(last_success), refresh_(std::move(refresh)) {}

    retry::decision operator()(const error& e, const retry::attempt_state& s) {
        using retry::decision;
        using std::chrono::duration_cast;
        using std::chrono::milliseconds;
        if (e.token_expired()) {
            if (refreshed_ || !refresh_) return decision::stop("token expired, no refresh");
            refreshed_ = true;
            return refresh_(e) ? decision::refreshed("token refreshed") : decision::stop("token refresh failed");
        }
        if (e.value() == errc::QUERY_LIMIT_EXCEEDED) {
            if (e.retry_after) return decision::wait(duration_cast<milliseconds>(*e.retry_after), "QUERY_LIMIT_EXCEEDED");
            auto d = query_limit_delay(s.retries, opts_.drain_rate, opts_.query_limit_factor);
            if (s.policy) d = std::min(d, s.policy->max_delay);
            return decision::wait(d, "QUERY_LIMIT_EXCEEDED");
        }
        if (e.value() == errc::OPERATION_TIME_LIMIT || (e.http_status == 429 && e.value() == errc::unknown)) {
            auto d = e.retry_after ? duration_cast<milliseconds>(*e.retry_after)
                                   : operating_limit_delay(e, last_success_, s.wall_now, opts_.min_operating_wait);
            if (d > opts_.max_operating_wait) return decision::stop("OPERATION_TIME_LIMIT wait too long");
            return decision::wait(d, "OPERATION_TIME_LIMIT");
        }
        // An error page from a gateway: the request may or may not have reached the portal.
        if (!e.is_platform_error() && (e.http_status == 502 || e.http_status == 503 || e.http_status == 504)) {
            if (idempotent_ && opts_.retry_network_errors) return decision::backoff("gateway error");
        }
        return decision::stop();
    }

    retry::decision operator()(const transport_error&, const retry::attempt_state&) const {
        if (idempotent_ && opts_.retry_network_errors) return retry::decision::backoff("network error");
        return retry::decision::stop();
    }

    /// True once the token has been refreshed during this call.
    bool refreshed() const noexcept { return refreshed_; }

private:
    const retry_options& opts_;
    bool idempotent_;
    const time* last_success_;
    std::function<bool(const error&)> refresh_;
    bool refreshed_ = false;
};

} // namespace chatadmin::bitrix24

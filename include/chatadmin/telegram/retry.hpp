#pragma once
// Which Telegram failures are repeated, and after how long (core.telegram.org/api/errors;
// TDLib NetQueryDelayer, Telethon flood_sleep_threshold, gotd tgerr.FloodWait):
//
//   failure                                  wait                        repeats
//   420 FLOOD_WAIT_X, SLOWMODE_WAIT_X,       X s (at least 1 s)          up to max_attempts, while X <= flood_wait_cap (60 s);
//       FLOOD_PREMIUM_WAIT_X                                             above the cap the error is returned at once
//   no response, 502/503/504 from a gateway  policy backoff              idempotent calls only
//   any other rpc_error                      -                           never

#include <chatadmin/core/retry.hpp>
#include <chatadmin/core/transport_error.hpp>
#include <chatadmin/telegram/errors.hpp>
#include <chatadmin/telegram/rpc_error.hpp>

#include <algorithm>
#include <chrono>
#include <type_traits>

namespace chatadmin::telegram {

namespace channels {
struct edit_admin;
namespace legacy { struct edit_admin; }
} // namespace channels

/// True for methods whose repetition leaves the chat as one call would; these are
/// repeated after a failure without a response.
template <class Method>
struct is_idempotent : std::false_type {};
/// Sets the admin rights (and rank) to the given values: repeating sets the same values.
template <> struct is_idempotent<channels::edit_admin> : std::true_type {};
template <> struct is_idempotent<channels::legacy::edit_admin> : std::true_type {};

template <class Method>
inline constexpr bool is_idempotent_v = is_idempotent<Method>::value;

/// How a client repeats failed calls.
struct retry_options {
    /// Attempts, deadline and the backoff used for failures without a server-given wait.
    retry::policy policy{};
    /// The longest FLOOD_WAIT_X / SLOWMODE_WAIT_X / FLOOD_PREMIUM_WAIT_X waited out (Telethon's
    /// flood_sleep_threshold); a longer one is returned as the error.
    std::chrono::seconds flood_wait_cap{60};
    /// Repeat after a failure without a response, or a 502/503/504 from a gateway, when the
    /// call is idempotent.
    bool retry_network_errors = true;
};

/// Decides, for one call, whether a failure is repeated.
class retry_classifier {
public:
    retry_classifier(const retry_options& opts, bool idempotent) : opts_(opts), idempotent_(idempotent) {}

    /// `http_status`: the status of an answer that was not a TL object (0 otherwise).
    retry::decision operator()(const error& e, int http_status, const retry::attempt_state&) const {
        using retry::decision;
        if (auto wait = e.retry_after()) {
            if (*wait > opts_.flood_wait_cap) return decision::stop("flood wait above the cap");
            // FLOOD_WAIT_0 happens; TDLib waits at least a second too.
            auto d = std::max<std::chrono::milliseconds>(*wait, std::chrono::seconds(1));
            return decision::wait(d, error_type(e.rpc()->code));
        }
        if ((http_status == 502 || http_status == 503 || http_status == 504) && idempotent_ && opts_.retry_network_errors)
            return decision::backoff("gateway error");
        return decision::stop();
    }

    retry::decision operator()(const transport_error&, const retry::attempt_state&) const {
        if (idempotent_ && opts_.retry_network_errors) return retry::decision::backoff("network error");
        return retry::decision::stop();
    }

private:
    const retry_options& opts_;
    bool idempotent_;
};

} // namespace chatadmin::telegram

#pragma once
// Which Green API failures are repeated, and after how long ("Common errors" page, the
// rate-limit page, and the official Python client's Retry(total=3, backoff_factor=1,
// status_forcelist=[429])):
//
//   failure                                  wait                       repeats
//   429 Too Many Requests                    Retry-After, else backoff  up to max_attempts
//   499 Client Closed Request                Retry-After, else backoff  up to max_attempts ("retry with a delay")
//   502 Bad Gateway                          Retry-After, else backoff  up to max_attempts ("repeat 3 times with a delay")
//   no response, 503/504 from a gateway      backoff                    idempotent calls only
//   anything else (400 validation, 401, 466, setGroupAdmin's HTTP 200 failures)  -  never

#include <chatadmin/core/retry.hpp>
#include <chatadmin/core/transport_error.hpp>
#include <chatadmin/greenapi/errors.hpp>

#include <chrono>
#include <type_traits>

namespace chatadmin::greenapi {

struct set_group_admin;

/// True for methods whose repetition leaves the account as one call would; these are
/// repeated after a failure without an HTTP response. setGroupAdmin is not marked: its
/// state change is idempotent, but a repeat of a call that did run answers
/// "failed to set group admin" (the member is already an admin), which would hide the
/// success. Mark a call idempotent with call_options when that is acceptable.
template <class Method>
struct is_idempotent : std::false_type {};

template <class Method>
inline constexpr bool is_idempotent_v = is_idempotent<Method>::value;

/// How a client repeats failed calls.
struct retry_options {
    /// Attempts, deadline and the backoff schedule (1 s, 2 s, 4 s … with jitter by default).
    retry::policy policy{};
    /// Repeat after a failure without an HTTP response, or a 503/504 from a gateway, when
    /// the call is idempotent.
    bool retry_network_errors = true;
};

/// Decides, for one call, whether a failure is repeated.
class retry_classifier {
public:
    retry_classifier(const retry_options& opts, bool idempotent) : opts_(opts), idempotent_(idempotent) {}

    retry::decision operator()(const error& e, const retry::attempt_state&) const {
        using retry::decision;
        const int status = e.http_status;
        const errc v = e.value();
        const bool documented_retry = v == errc::too_many_requests || v == errc::client_closed_request ||
                                      v == errc::bad_gateway || status == 429 || status == 499 || status == 502;
        if (documented_retry) {
            std::string_view why = status == 499 || v == errc::client_closed_request ? "499 Client Closed Request"
                                   : status == 502 || v == errc::bad_gateway       ? "502 Bad Gateway"
                                                                                   : "429 Too Many Requests";
            if (e.retry_after) return decision::wait(std::chrono::duration_cast<std::chrono::milliseconds>(*e.retry_after), why);
            return decision::backoff(why);
        }
        if ((status == 503 || status == 504) && idempotent_ && opts_.retry_network_errors)
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

} // namespace chatadmin::greenapi

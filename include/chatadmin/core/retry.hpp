#pragma once
// The platform-neutral retry engine: attempt, ask a classifier what the failure means,
// wait (through an injectable sleep), repeat — within a maximum attempt count and a deadline.
//
//   auto r = retry::run(policy, hooks,
//                       [&](int attempt) { return send_once(); },                  // result<T, E>
//                       [&](const E& e, const retry::attempt_state& s) {            // what to do
//                           return e.rate_limited() ? retry::decision::backoff("429") : retry::decision::stop();
//                       });
//
// Which failures are worth repeating, and how long to wait for each, is platform
// knowledge: see bitrix24/retry.hpp, greenapi/retry.hpp and telegram/retry.hpp.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>

namespace chatadmin::retry {

using clock = std::chrono::steady_clock;
using wall_clock = std::chrono::system_clock;
using std::chrono::milliseconds;

/// Per-call choices, for every platform's client.
struct call_options {
    /// Whether the call may be repeated after a failure without an HTTP response;
    /// unset: the method's is_idempotent_v (for a Bitrix24 batch: all its commands are).
    std::optional<bool> idempotent{};
};

/// The retry budget and the backoff schedule. The defaults retry a failure at most three
/// times, after about 1 s, 2 s and 4 s.
struct policy {
    /// Attempts per call, the first included: 1 never retries. A repeat right after a token
    /// refresh is not counted (it is bounded by the classifier: once per call).
    int max_attempts = 4;
    /// Time budget of one call, from its first attempt: a wait that would end after it is
    /// not taken, and the last failure is returned instead.
    std::optional<milliseconds> deadline{};
    /// Backoff: the n-th retry waits min(max_delay, base_delay × multiplier^(n-1)), then jitter.
    milliseconds base_delay{1000};
    double multiplier = 2.0;
    milliseconds max_delay{30'000};
    /// Each backoff wait is scaled by a random factor in [1 - jitter, 1 + jitter] (then capped
    /// by max_delay). Waits the server asked for (FLOOD_WAIT_X, operating_reset_at) are exact.
    double jitter = 0.1;

    /// A policy that never retries.
    static policy none() {
        policy p;
        p.max_attempts = 1;
        return p;
    }
};

/// Told to the observer before every wait, so that a waiting client is never silent.
struct wait_event {
    int attempt = 0;           ///< the attempt that just failed (1-based)
    milliseconds delay{0};     ///< how long the engine is about to sleep
    std::string_view reason;   ///< why, in a few words ("QUERY_LIMIT_EXCEEDED", "FLOOD_WAIT")
    std::string error;         ///< the failure, as its to_string() (secrets already redacted)
};

/// The engine's contact with the world, all replaceable for tests and event loops.
struct hooks {
    /// Monotonic time, for the deadline.
    std::function<clock::time_point()> now = [] { return clock::now(); };
    /// Wall time, for server-given reset times (Bitrix24 operating_reset_at).
    std::function<wall_clock::time_point()> wall_now = [] { return wall_clock::now(); };
    /// Blocks for the given time.
    std::function<void(milliseconds)> sleep = [](milliseconds d) { std::this_thread::sleep_for(d); };
    /// A uniform random number in [0, 1), for jitter. Empty: a per-thread generator.
    std::function<double()> random{};
    /// Called before each wait (tdlib#3377: silent waits confuse users). May be empty.
    std::function<void(const wait_event&)> on_wait{};
};

/// What the classifier says about one failure.
struct decision {
    enum class action {
        stop,     ///< return the failure to the caller
        wait,     ///< repeat after exactly `delay`
        backoff,  ///< repeat after the policy's next backoff delay
        refresh,  ///< credentials were renewed: repeat now, without counting an attempt
    };
    action what = action::stop;
    milliseconds delay{0};
    std::string_view reason{};

    static decision stop(std::string_view why = {}) { return {action::stop, milliseconds(0), why}; }
    static decision wait(milliseconds d, std::string_view why) { return {action::wait, std::max(d, milliseconds(0)), why}; }
    static decision backoff(std::string_view why) { return {action::backoff, milliseconds(0), why}; }
    static decision refreshed(std::string_view why) { return {action::refresh, milliseconds(0), why}; }
};

/// What a classifier knows about the call so far.
struct attempt_state {
    int attempt = 1;              ///< the attempt that just failed (1-based, refresh repeats included)
    int retries = 0;              ///< counted retries already made (the exponent for backoff)
    clock::time_point started{};  ///< when the first attempt began
    clock::time_point now{};
    wall_clock::time_point wall_now{};
    const retry::policy* policy = nullptr;
};

/// The policy's backoff delay before retry number `retry` (1-based), jitter applied with
/// `u` uniform in [0, 1).
inline milliseconds backoff_delay(const policy& p, int retry, double u) {
    double d = static_cast<double>(p.base_delay.count()) * std::pow(p.multiplier, std::max(retry - 1, 0));
    const double cap = static_cast<double>(p.max_delay.count());
    d = std::min(d, cap);
    if (p.jitter > 0) d *= 1.0 + p.jitter * (2.0 * u - 1.0);
    d = std::clamp(d, 0.0, cap);
    return milliseconds(static_cast<long long>(std::llround(d)));
}

namespace detail {
inline double default_random() {
    thread_local std::mt19937_64 gen{std::random_device{}()};
    return std::uniform_real_distribution<double>(0.0, 1.0)(gen);
}

template <class E>
std::string describe(const E& e) {
    if constexpr (requires { e.to_string(); }) return e.to_string();
    else if constexpr (requires { e.message(); }) return std::string(e.message());
    else return {};
}
} // namespace detail

/// Runs `attempt(n)` (n = 1, 2, …; it returns a result<T, E>) until it succeeds, the
/// classifier `classify(const E&, const attempt_state&) -> decision` says stop, the
/// policy's attempts are used up, or the next wait would cross the deadline. Returns the
/// last result. Never sleeps after the last attempt.
template <class Attempt, class Classify>
auto run(const policy& p, const hooks& h, Attempt&& attempt, Classify&& classify) -> std::invoke_result_t<Attempt&, int> {
    const clock::time_point started = h.now();
    int counted = 1;  // attempts that count against max_attempts
    for (int n = 1;; ++n) {
        auto r = attempt(n);
        if (r) return r;

        attempt_state s;
        s.attempt = n;
        s.retries = counted - 1;
        s.started = started;
        s.now = h.now();
        s.wall_now = h.wall_now();
        s.policy = &p;
        const decision d = classify(r.error(), s);

        milliseconds delay{0};
        switch (d.what) {
        case decision::action::stop: return r;
        case decision::action::refresh: break;
        case decision::action::wait:
            if (counted >= p.max_attempts) return r;
            delay = d.delay;
            break;
        case decision::action::backoff:
            if (counted >= p.max_attempts) return r;
            delay = backoff_delay(p, counted, h.random ? h.random() : detail::default_random());
            break;
        }
        if (p.deadline && s.now + delay > started + *p.deadline) return r;
        if (d.what != decision::action::refresh) ++counted;
        if (delay > milliseconds(0)) {
            if (h.on_wait) h.on_wait(wait_event{n, delay, d.reason, detail::describe(r.error())});
            h.sleep(delay);
        }
    }
}

} // namespace chatadmin::retry

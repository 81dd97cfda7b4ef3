#pragma once
// A leaky bucket: each request adds one; the level drains at `rate` per second; a request
// that would lift the level above `burst` is refused (and not counted).

#include <algorithm>
#include <chrono>

namespace chatadmin::mock {

class leaky_bucket {
public:
    using clock = std::chrono::steady_clock;

    leaky_bucket(double rate, double burst) : rate_(rate), burst_(burst) {}

    /// True when a request arriving at `now` is allowed.
    bool allow(clock::time_point now) {
        if (rate_ <= 0) return true;
        if (started_) {
            double dt = std::chrono::duration<double>(now - last_).count();
            level_ = std::max(0.0, level_ - dt * rate_);
        }
        started_ = true;
        last_ = now;
        if (level_ + 1 > burst_) return false;
        level_ += 1;
        return true;
    }

    void reset() { level_ = 0; started_ = false; }

private:
    double rate_;
    double burst_;
    double level_ = 0;
    bool started_ = false;
    clock::time_point last_{};
};

} // namespace chatadmin::mock

#pragma once
// The `time` object every successful Bitrix24 response carries (data-types.md#time).

#include <chatadmin/core/json_codec.hpp>

#include <boost/describe/class.hpp>

#include <chrono>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

namespace chatadmin::bitrix24 {

/// Request timing, and the method's operating-time budget on the cloud.
/// "The composition of the time object fields may vary depending on the method and
/// environment": every member may be missing on the wire, and every number may be
/// an integer or a fraction.
struct time {
    double start = 0;       ///< Unix time the request was initialised, seconds
    double finish = 0;      ///< Unix time execution completed
    double duration = 0;    ///< finish - start, seconds
    double processing = 0;  ///< time spent processing, seconds
    std::string date_start;   ///< ISO-8601 with offset, "2026-03-03T16:15:06+01:00"
    std::string date_finish;  ///< same format
    /// Unix time the oldest one-minute basket of this method's budget is released
    /// (present only where the operating-time limiter is active).
    std::optional<double> operating_reset_at;
    /// Execution time of this method accumulated for this app or webhook, seconds (cloud only).
    std::optional<double> operating;

    /// operating_reset_at as a time point, when the server sent it.
    std::optional<std::chrono::system_clock::time_point> reset_at() const {
        if (!operating_reset_at || !(std::fabs(*operating_reset_at) < 1e12)) return std::nullopt;  // also NaN
        auto ms = static_cast<long long>(std::llround(*operating_reset_at * 1000.0));
        return std::chrono::system_clock::time_point(std::chrono::milliseconds(ms));
    }

    friend bool operator==(const time&, const time&) = default;
};
BOOST_DESCRIBE_STRUCT(time, (), (start, finish, duration, processing, date_start, date_finish, operating_reset_at, operating))

constexpr bool wire_optional(const time*, std::string_view) { return true; }

} // namespace chatadmin::bitrix24

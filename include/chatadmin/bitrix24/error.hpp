#pragma once
// bitrix24::error: what a failed call returns, as a value.

#include <chatadmin/bitrix24/errors.hpp>
#include <chatadmin/bitrix24/time.hpp>
#include <chatadmin/core/error.hpp>

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <system_error>

namespace chatadmin::bitrix24 {

/// A failed call: either an error body from the platform, or a response that could not
/// be decoded. Holds no secrets: webhook codes and tokens never reach it.
struct error {
    /// bitrix24::errc (bitrix24::error_category()) for an error body; chatadmin::decode_errc
    /// when the body was not a valid response (decode holds where and why).
    std::error_code code;
    /// The `error` value exactly as sent ("" for sonet_group.user.update), also for codes
    /// this library does not know.
    std::string raw_code;
    /// The `error_description` as sent, or the decode failure in words.
    std::string description;
    /// The HTTP status of the response.
    int http_status = 0;
    /// The decode failure, when code is a decode_errc.
    decode_error decode;
    /// When the method's operating-time budget frees up, where the response said so.
    /// Error bodies normally carry no `time`: pass the last success's `time` to retry_delay().
    std::optional<std::chrono::system_clock::time_point> reset_at;
    /// A Retry-After header (delta seconds), when the response had one.
    std::optional<std::chrono::seconds> retry_after;

    /// The errc, or errc::unknown when the failure was not an error body from the platform.
    errc value() const noexcept {
        return code.category() == error_category() ? static_cast<errc>(code.value()) : errc::unknown;
    }

    /// True for an error body from the platform (as opposed to an undecodable response).
    bool is_platform_error() const noexcept { return code.category() == error_category(); }

    /// Repeating the same request later may succeed: the rate limits (QUERY_LIMIT_EXCEEDED,
    /// OPERATION_TIME_LIMIT), any HTTP 429, and 502/503/504 from something in between
    /// (an HTML page from a proxy). Other 4xx and 5xx are never retryable. OVERLOAD_LIMIT
    /// (503) is a manual block and is not retryable.
    bool retryable() const noexcept {
        if (is_platform_error()) {
            if (const error_info* p = info(value())) return p->retryable;
            return http_status == 429 || http_status == 503;
        }
        return http_status == 429 || http_status == 502 || http_status == 503 || http_status == 504;
    }

    /// The OAuth access token must be refreshed, then the call repeated once
    /// (expired_token; invalid_token as the official JS SDK treats it).
    bool token_expired() const noexcept {
        return value() == errc::expired_token || value() == errc::invalid_token;
    }

    /// How long to wait before repeating the request; nullopt when it is not retryable.
    /// - Retry-After, when the response had one.
    /// - OPERATION_TIME_LIMIT: until operating_reset_at (from this response, else from
    ///   `last_success`, the `time` of the last successful call of the same method) plus
    ///   one second; 10 s when neither is known.
    /// - QUERY_LIMIT_EXCEEDED: 1.5 s, the base delay for the documented drain rate of
    ///   2 requests per second (grow it per attempt).
    /// - anything else retryable: 1 s.
    std::optional<std::chrono::milliseconds> retry_delay(
        const bitrix24::time* last_success = nullptr,
        std::chrono::system_clock::time_point now = std::chrono::system_clock::now()) const {
        using namespace std::chrono;
        if (!retryable()) return std::nullopt;
        if (retry_after) return duration_cast<milliseconds>(*retry_after);
        if (value() == errc::OPERATION_TIME_LIMIT || (!is_platform_error() && http_status == 429)) {
            auto reset = reset_at;
            if (!reset && last_success) reset = last_success->reset_at();
            if (!reset) return milliseconds(10'000);
            return std::max(duration_cast<milliseconds>(*reset - now), milliseconds(0)) + milliseconds(1'000);
        }
        if (value() == errc::QUERY_LIMIT_EXCEEDED) return milliseconds(1'500);
        return milliseconds(1'000);
    }

    /// "ACCESS_ERROR (HTTP 403): Only intranet users have access to this method",
    /// "SONET_INCORRECT_ROLE_CODE (HTTP 400, empty error code): Incorrect role code",
    /// "HTTP 502: body is not JSON (Content-Type: text/html)".
    std::string to_string() const {
        std::string s;
        if (is_platform_error()) {
            if (value() == errc::unknown) {
                s = raw_code.empty() ? std::string("unknown") : raw_code;
            } else {
                s = name(value());
                if (raw_code != documented(value()).error) s += " [" + raw_code + "]";
            }
            s += " (HTTP " + std::to_string(http_status);
            if (raw_code.empty()) s += ", empty error code";
            s += ")";
            if (!description.empty()) s += ": " + description;
            return s;
        }
        s = "HTTP " + std::to_string(http_status) + ": " + description;
        return s;
    }
};

} // namespace chatadmin::bitrix24

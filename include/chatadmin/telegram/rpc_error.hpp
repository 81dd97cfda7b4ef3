#pragma once
// rpc_error: a failed call, as sent and as classified.

#include <chatadmin/core/error.hpp>
#include <chatadmin/core/tl.hpp>
#include <chatadmin/telegram/errors.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <variant>

namespace chatadmin::telegram {

/// rpc_error#2144ca19 error_code:int error_message:string = RpcError;
struct rpc_error {
    static constexpr std::uint32_t tl_id = 0x2144ca19;
    static constexpr std::string_view tl_name = "rpc_error";
    std::int32_t error_code = 0;
    std::string error_message{};
};
BOOST_DESCRIBE_STRUCT(rpc_error, (), (error_code, error_message))

namespace detail {

constexpr bool iequal(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'a' && x <= 'z') x = char(x - 'a' + 'A');
        if (y >= 'a' && y <= 'z') y = char(y - 'a' + 'A');
        if (x != y) return false;
    }
    return true;
}

// "30" -> 30; anything else (empty, non-digits, more than 9 digits) -> nullopt.
constexpr std::optional<std::int64_t> parse_seconds(std::string_view s) {
    if (s.empty() || s.size() > 9) return std::nullopt;
    std::int64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

} // namespace detail

/// An rpc_error classified by its message string (codes drift between sources, the
/// strings do not). An unknown message keeps errc::unknown; the raw code and string
/// are always kept.
struct api_error {
    errc code = errc::unknown;
    std::int32_t error_code = 0;
    std::string error_message{};
    std::chrono::seconds wait{0};   // FLOOD_WAIT_X / SLOWMODE_WAIT_X / FLOOD_PREMIUM_WAIT_X

    /// How long to wait before retrying, for FLOOD_WAIT_X, SLOWMODE_WAIT_X and FLOOD_PREMIUM_WAIT_X.
    std::optional<std::chrono::seconds> retry_after() const {
        if (carries_wait(code)) return wait;
        return std::nullopt;
    }

    std::error_code ec() const noexcept { return make_error_code(code); }

    /// "420 FLOOD_WAIT_30"
    std::string to_string() const { return std::to_string(error_code) + " " + error_message; }

    /// Classifies a received rpc_error.
    static api_error from(rpc_error e) {
        api_error a{};
        a.error_code = e.error_code;
        a.error_message = std::move(e.error_message);
        std::string_view msg = a.error_message;
        boost::mp11::mp_for_each<boost::describe::describe_enumerators<errc>>([&](auto D) {
            if (a.code != errc::unknown || D.value == errc::unknown) return;
            std::string_view type = wire_name_v<errc, decltype(D)>;
            if (carries_wait(D.value)) {
                if (msg.size() > type.size() + 1 && detail::iequal(msg.substr(0, type.size()), type) &&
                    msg[type.size()] == '_') {
                    if (auto s = detail::parse_seconds(msg.substr(type.size() + 1))) {
                        a.code = D.value;
                        a.wait = std::chrono::seconds(*s);
                    }
                }
            } else if (detail::iequal(msg, type)) {
                a.code = D.value;
            }
        });
        return a;
    }
};

/// Why a Telegram call failed: the answer did not decode, or the server sent rpc_error.
struct error {
    std::variant<decode_error, api_error> what{};

    bool is_rpc_error() const noexcept { return what.index() == 1; }
    const api_error* rpc() const noexcept { return std::get_if<api_error>(&what); }
    const decode_error* decode() const noexcept { return std::get_if<decode_error>(&what); }

    /// errc for an rpc_error, decode_errc for a decode failure.
    std::error_code ec() const {
        if (auto r = rpc()) return r->ec();
        return std::get<decode_error>(what).code;
    }
    std::optional<std::chrono::seconds> retry_after() const {
        if (auto r = rpc()) return r->retry_after();
        return std::nullopt;
    }
    std::string to_string() const {
        if (auto r = rpc()) return "rpc_error " + r->to_string();
        return std::get<decode_error>(what).to_string();
    }
};

} // namespace chatadmin::telegram

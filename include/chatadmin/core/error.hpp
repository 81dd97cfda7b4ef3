#pragma once
// Decode errors: what went wrong, and where ("result.3[0].phones").

#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace chatadmin {

enum class decode_errc {
    ok = 0,
    syntax_error = 1,      // not well-formed JSON / form / TL
    truncated,             // input ended in the middle of a value
    trailing_data,         // well-formed value followed by more bytes
    unexpected_type,       // well-formed, but not the type the target expects
    missing_member,        // a required member was absent
    unknown_member,        // strict mode only: a key the type does not describe
    out_of_range,          // a number that does not fit the target type
    invalid_escape,        // bad \escape or \u sequence in a JSON string
    invalid_utf8,          // string bytes that are not UTF-8
    too_deep,              // nesting beyond the configured limit
    too_large,             // a length or size beyond the configured limit
    unknown_enumerator,    // a string that names no enumerator
    unknown_constructor,   // TL: a constructor id the type does not know
    invalid_value,         // well-typed, but not an allowed value (e.g. an id format)
};

class decode_category_impl final : public std::error_category {
public:
    const char* name() const noexcept override { return "chatadmin.decode"; }
    std::string message(int ev) const override {
        switch (static_cast<decode_errc>(ev)) {
        case decode_errc::ok: return "success";
        case decode_errc::syntax_error: return "syntax error";
        case decode_errc::truncated: return "input truncated";
        case decode_errc::trailing_data: return "trailing data after value";
        case decode_errc::unexpected_type: return "unexpected type";
        case decode_errc::missing_member: return "missing required member";
        case decode_errc::unknown_member: return "unknown member";
        case decode_errc::out_of_range: return "number out of range";
        case decode_errc::invalid_escape: return "invalid escape sequence";
        case decode_errc::invalid_utf8: return "invalid UTF-8";
        case decode_errc::too_deep: return "nesting too deep";
        case decode_errc::too_large: return "value too large";
        case decode_errc::unknown_enumerator: return "unknown enumerator";
        case decode_errc::unknown_constructor: return "unknown constructor";
        case decode_errc::invalid_value: return "invalid value";
        }
        return "unknown decode error";
    }
};

inline const std::error_category& decode_category() noexcept {
    static const decode_category_impl instance;
    return instance;
}

inline std::error_code make_error_code(decode_errc e) noexcept {
    return {static_cast<int>(e), decode_category()};
}

/// A decode failure. `path` names the place in wire terms: keys joined by '.',
/// array indices in brackets; `offset` is the byte offset in the input.
struct decode_error {
    std::error_code code;
    std::string path;
    std::string message;
    std::size_t offset = 0;

    explicit operator bool() const noexcept { return static_cast<bool>(code); }

    /// "result.3[0].phones: expected object or false, got string"
    std::string to_string() const {
        std::string s;
        if (!path.empty()) { s += path; s += ": "; }
        s += message.empty() ? code.message() : message;
        return s;
    }

    // The path is built while the error unwinds, outermost segment last,
    // so a successful decode pays nothing for it.
    void prepend_key(std::string_view key) {
        std::string seg(key);
        if (!path.empty() && path.front() != '[') seg += '.';
        path.insert(0, seg);
    }
    void prepend_index(std::size_t i) {
        std::string seg = "[" + std::to_string(i) + "]";
        if (!path.empty() && path.front() != '[') seg += '.';
        path.insert(0, seg);
    }
};

} // namespace chatadmin

template <>
struct std::is_error_code_enum<chatadmin::decode_errc> : std::true_type {};

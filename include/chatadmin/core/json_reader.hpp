#pragma once
// JSON text -> described struct, without a DOM.
//
// A strict pull tokenizer (RFC 8259: no comments, no trailing commas, no NaN, UTF-8 checked,
// lone surrogates rejected) is driven by the target type: each value is read straight into
// its member. Unknown keys are skipped at any depth (or rejected in strict mode); a failure
// names its path ("result.3[0].phones: expected object or false, got string").

#include <chatadmin/core/error.hpp>
#include <chatadmin/core/json_codec.hpp>
#include <chatadmin/core/json_writer.hpp>
#include <chatadmin/core/result.hpp>
#include <chatadmin/core/wire_name.hpp>

#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <bitset>
#include <cstring>
#include <charconv>
#include <concepts>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <unordered_map>
#include <variant>
#include <vector>

namespace chatadmin::json {

struct read_options {
    /// Deepest nesting of arrays and objects accepted.
    std::size_t max_depth = 64;
    /// Longest string accepted, in bytes.
    std::size_t max_string_length = 16u << 20;
    /// false: a key the type does not describe is an error (for golden tests).
    bool allow_unknown_members = true;
};

enum class token : std::uint8_t { object, array, string, number, boolean, null, end, invalid };

inline std::string_view token_name(token t) {
    switch (t) {
    case token::object: return "object";
    case token::array: return "array";
    case token::string: return "string";
    case token::number: return "number";
    case token::boolean: return "boolean";
    case token::null: return "null";
    case token::end: return "end of input";
    case token::invalid: return "invalid token";
    }
    return "?";
}

namespace detail {

inline std::uint64_t load8(const char* p) noexcept {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}
inline std::uint32_t load4(const char* p) noexcept {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}

// a[0, n) == b[0, n), in a few loads for the short texts of keys (no library call).
inline bool same_bytes(const char* a, const char* b, std::size_t n) noexcept {
    if (n >= 8) {
        for (; n > 8; n -= 8, a += 8, b += 8)
            if (load8(a) != load8(b)) return false;
        return load8(a + n - 8) == load8(b + n - 8);
    }
    if (n >= 4) return (load4(a) == load4(b)) & (load4(a + n - 4) == load4(b + n - 4));
    for (std::size_t i = 0; i < n; ++i)
        if (a[i] != b[i]) return false;
    return true;
}

} // namespace detail

/// A pull reader over one JSON text. Codecs read through it; on failure they return
/// false and error() says why.
class reader {
public:
    explicit reader(std::string_view in, read_options opts = {})
        : begin_(in.data()), p_(in.data()), end_(in.data() + in.size()), opts_(opts) {}

    const read_options& options() const noexcept { return opts_; }
    decode_error& error() noexcept { return err_; }
    std::size_t offset() const noexcept { return static_cast<std::size_t>(p_ - begin_); }

    /// While > 0, integer and floating targets also accept numeric strings ("1271").
    int lenient_numbers = 0;

    token peek() {
        skip_ws();
        if (p_ == end_) [[unlikely]] return token::end;
        return token_of[static_cast<unsigned char>(*p_)];
    }

    bool fail(decode_errc code, std::string message) {
        err_.code = code;
        err_.message = std::move(message);
        err_.offset = offset();
        err_.path.clear();
        return false;
    }

    /// "expected <what>, got <token>"; a syntax error when the next token is not JSON at all.
    bool type_error(std::string_view expected) {
        token t = peek();
        if (t == token::end) return fail(decode_errc::truncated, "expected " + std::string(expected) + ", got end of input");
        if (t == token::invalid) return fail(decode_errc::syntax_error, "expected " + std::string(expected) + ", got " + describe_char());
        if (t == token::boolean && !check_literal()) return false;
        if (t == token::null && !check_literal()) return false;
        return fail(decode_errc::unexpected_type, "expected " + std::string(expected) + ", got " + std::string(token_name(t)));
    }

    // ---- objects: begin_object(); while ((r = next_key(key, first)) > 0) { read value } ----
    bool begin_object() {
        if (peek() != token::object) return type_error("object");
        return enter();
    }
    /// 1: a key was read into `key` (valid until the next read); 0: end of object; -1: error.
    int next_key(std::string_view& key, bool& first) {
        const int st = next_member(first);
        if (st <= 0) return st;
        return read_key(key) ? 1 : -1;
    }

    // The same in two steps, for readers that know which key to expect:
    // next_member(first) > 0, then take_key(`"name":`) or else read_key(key).
    /// 1: a key follows (its opening quote is next); 0: end of object; -1: error.
    int next_member(bool& first) {
        skip_ws();
        if (p_ == end_) [[unlikely]] return object_error(decode_errc::truncated, "unterminated object");
        if (*p_ == '}') { ++p_; --depth_; return 0; }
        if (!first) {
            if (*p_ != ',') [[unlikely]] return object_error(decode_errc::syntax_error, "expected ',' or '}' in object, got ");
            ++p_;
            skip_ws();
        }
        first = false;
        if (p_ == end_) [[unlikely]] return object_error(decode_errc::truncated, "unterminated object");
        if (*p_ != '"') [[unlikely]] return object_error(decode_errc::syntax_error, "expected a string key in object, got ");
        return 1;
    }
    /// Consumes the key and its ':' when they are exactly `quoted` (`"name":`, a name with
    /// no byte that needs escaping); otherwise consumes nothing.
    bool take_key(std::string_view quoted) noexcept {
        const std::size_t n = quoted.size();
        if (n < 3 || static_cast<std::size_t>(end_ - p_) < n || n - 3 > opts_.max_string_length) return false;
        if (!detail::same_bytes(p_, quoted.data(), n)) return false;
        p_ += n;
        return true;
    }
    /// The key (valid until the next read) and its ':'.
    bool read_key(std::string_view& key) {
        if (!scan_string(key)) return false;
        skip_ws();
        if (p_ == end_) [[unlikely]] return fail(decode_errc::truncated, "unterminated object");
        if (*p_ != ':') [[unlikely]] return fail(decode_errc::syntax_error, "expected ':' after key, got " + describe_char());
        ++p_;
        return true;
    }

    // ---- arrays: begin_array(); while ((r = next_element(first)) > 0) { read value } ----
    bool begin_array() {
        if (peek() != token::array) return type_error("array");
        return enter();
    }
    /// 1: an element follows; 0: end of array; -1: error.
    int next_element(bool& first) {
        skip_ws();
        if (p_ == end_) return fail(decode_errc::truncated, "unterminated array") ? 0 : -1;
        if (*p_ == ']') { ++p_; --depth_; return 0; }
        if (!first) {
            if (*p_ != ',') return fail(decode_errc::syntax_error, "expected ',' or ']' in array, got " + describe_char()) ? 0 : -1;
            ++p_;
        }
        first = false;
        return 1;
    }

    // ---- scalars ----
    bool read_null() {
        if (peek() != token::null) return type_error("null");
        return literal("null");
    }
    bool read_bool(bool& out) {
        if (peek() != token::boolean) return type_error("boolean");
        out = *p_ == 't';
        if (out && end_ - p_ >= 4 && detail::load4(p_) == detail::load4("true")) [[likely]] {
            p_ += 4;
            return true;
        }
        if (!out && end_ - p_ >= 5 && detail::load4(p_ + 1) == detail::load4("alse")) [[likely]] {
            p_ += 5;
            return true;
        }
        return literal(out ? "true" : "false");
    }
    /// Consumes `false` and returns true when the next token is the literal false.
    bool consume_false() {
        if (peek() == token::boolean && *p_ == 'f') return literal("false");
        return false;
    }

    /// A string, unescaped. The view points into the input, or into an internal buffer
    /// that the next read may overwrite.
    bool read_string_view(std::string_view& out) {
        if (peek() != token::string) return type_error("string");
        return scan_string(out);
    }

    bool read_string(std::string& out) {
        std::string_view v;
        if (!read_string_view(v)) return false;
        out.assign(v.data(), v.size());
        return true;
    }

    template <std::integral I>
    bool read_integer(I& out) {
        std::string_view num;
        token t = peek();
        if (t == token::string && lenient_numbers > 0) {
            if (!read_string_view(num)) return false;
            return parse_integer(num, out, true);
        }
        if (t != token::number) return type_error(lenient_numbers > 0 ? "integer or numeric string" : "integer");
        if (small_integer(out)) [[likely]] return true;
        if (!scan_number(num)) return false;
        return parse_integer(num, out, false);
    }

    bool read_double(double& out) {
        std::string_view num;
        token t = peek();
        if (t == token::string && lenient_numbers > 0) {
            if (!read_string_view(num)) return false;
            const char* save = p_;
            reader sub(num);
            std::string_view n2;
            if (!sub.scan_number(n2) || sub.p_ != sub.end_)
                return fail(decode_errc::unexpected_type, "expected number, got string \"" + std::string(num.substr(0, 32)) + "\"");
            p_ = save;
            num = n2;
        } else {
            if (t != token::number) return type_error("number");
            if (small_double(out)) [[likely]] return true;
            if (!scan_number(num)) return false;
        }
        auto r = std::from_chars(num.data(), num.data() + num.size(), out);
        if (r.ec == std::errc::result_out_of_range) return fail(decode_errc::out_of_range, "number " + std::string(num) + " out of range");
        return true;
    }

    /// Skips one value of any type (bounded by max_depth).
    bool skip_value() {
        switch (peek()) {
        case token::object: {
            if (!enter()) return false;
            bool first = true;
            std::string_view key;
            int r;
            while ((r = next_key(key, first)) > 0)
                if (!skip_value()) return false;
            return r == 0;
        }
        case token::array: {
            if (!enter()) return false;
            bool first = true;
            int r;
            while ((r = next_element(first)) > 0)
                if (!skip_value()) return false;
            return r == 0;
        }
        case token::string: { std::string_view s; return read_string_view(s); }
        case token::number: { std::string_view s; return scan_number(s); }
        case token::boolean: return literal(*p_ == 't' ? "true" : "false");
        case token::null: return literal("null");
        case token::end: return fail(decode_errc::truncated, "expected a value, got end of input");
        case token::invalid: return fail(decode_errc::syntax_error, "expected a value, got " + describe_char());
        }
        return false;
    }

    /// Only whitespace may follow the top-level value.
    bool finish() {
        skip_ws();
        if (p_ != end_) return fail(decode_errc::trailing_data, "unexpected data after the JSON value: " + describe_char());
        return true;
    }

    struct position {
        const char* p;
        std::size_t depth;
    };
    /// A point to come back to, for codecs that try more than one reading.
    position save() const noexcept { return {p_, depth_}; }
    void restore(position pos) noexcept {
        p_ = pos.p;
        depth_ = pos.depth;
        err_ = {};
    }

    /// The raw text of the next value (validated), for codecs that keep JSON verbatim.
    bool capture_value(std::string_view& out) {
        skip_ws();
        const char* start = p_;
        if (!skip_value()) return false;
        out = std::string_view(start, static_cast<std::size_t>(p_ - start));
        return true;
    }

    // ---- look-ahead, for codecs that choose between readings (restore() afterwards) ----
    /// Consumes `c` ('{' or '[') and the whitespace after it; false when the next token is not `c`.
    bool lookahead_open(char c) {
        skip_ws();
        if (p_ == end_ || *p_ != c) return false;
        ++p_;
        skip_ws();
        return true;
    }
    /// True when the next character (no whitespace skipped) is `c`.
    bool lookahead_at(char c) const noexcept { return p_ != end_ && *p_ == c; }
    /// Consumes an object key and its ':'; false when they are not there.
    bool lookahead_key() {
        if (p_ == end_ || *p_ != '"') return false;
        std::string_view k;
        if (!scan_string(k)) return false;
        skip_ws();
        if (p_ == end_ || *p_ != ':') return false;
        ++p_;
        return true;
    }

private:
    // A string; p_ is at its opening quote. Runs without escapes are found eight bytes at
    // a time; the checks (and their errors and offsets) are those of a byte-by-byte scan.
    bool scan_string(std::string_view& out) {
        ++p_;
        const char* start = p_;
        auto p = reinterpret_cast<const unsigned char*>(p_);
        const auto e = reinterpret_cast<const unsigned char*>(end_);
        for (;;) {
            p = detail::find_string_special(p, e);
            if (p == e) {
                p_ = end_;
                return fail(decode_errc::truncated, "unterminated string");
            }
            const unsigned char c = *p;
            if (c == '"') {
                out = std::string_view(start, static_cast<std::size_t>(reinterpret_cast<const char*>(p) - start));
                p_ = reinterpret_cast<const char*>(p) + 1;
                return check_length(out.size());
            }
            if (c == '\\') break;
            if (c < 0x20) {
                p_ = reinterpret_cast<const char*>(p);
                return fail(decode_errc::syntax_error, "control character in string");
            }
            const std::size_t n = detail::utf8_sequence_length(p, e);
            if (n == 0) {
                p_ = reinterpret_cast<const char*>(p);
                return fail(decode_errc::invalid_utf8, "invalid UTF-8 in string");
            }
            p += n;
        }
        p_ = reinterpret_cast<const char*>(p);
        scratch_.assign(start, p_);
        if (!unescape_rest(scratch_)) return false;
        out = scratch_;
        return check_length(out.size());
    }

    bool enter() {
        if (++depth_ > opts_.max_depth) {
            --depth_;
            return fail(decode_errc::too_deep, "nesting deeper than " + std::to_string(opts_.max_depth));
        }
        ++p_;
        return true;
    }

    static constexpr std::array<token, 256> token_of = [] {
        std::array<token, 256> t{};
        t.fill(token::invalid);
        t['{'] = token::object;
        t['['] = token::array;
        t['"'] = token::string;
        t['t'] = t['f'] = token::boolean;
        t['n'] = token::null;
        t['-'] = token::number;
        for (char c = '0'; c <= '9'; ++c) t[static_cast<unsigned char>(c)] = token::number;
        return t;
    }();

    [[gnu::always_inline]] void skip_ws() {
        while (p_ != end_ && static_cast<unsigned char>(*p_) <= ' ' && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }

    [[gnu::noinline, gnu::cold]] int object_error(decode_errc code, const char* message) {
        std::string m(message);
        if (code != decode_errc::truncated) m += describe_char();
        fail(code, std::move(m));
        return -1;
    }

    // A number of at most 19 digits whose digits, as an integer, are below 2^53, with a
    // fraction of at most 19 digits and no exponent: that integer and the power of ten
    // are exact doubles, so one division rounds correctly (as from_chars does). false
    // leaves the reader untouched for the general path.
    bool small_double(double& out) noexcept {
        static constexpr double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,
                                           1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19};
        const char* q = p_;
        const bool neg = *q == '-';
        q += neg;
        const char* d = q;
        std::uint64_t v = 0;
        auto digit = [&] { return q != end_ && static_cast<unsigned>(*q - '0') < 10; };
        while (q - d < 20 && digit()) v = v * 10 + static_cast<unsigned>(*q++ - '0');
        const auto n = q - d;
        if (n == 0 || n > 19 || (*d == '0' && n > 1)) return false;
        std::ptrdiff_t frac = 0;
        if (q != end_ && *q == '.') {
            const char* f = ++q;
            while (n + (q - f) < 19 && digit()) v = v * 10 + static_cast<unsigned>(*q++ - '0');
            frac = q - f;
            if (frac == 0 || digit()) return false;
        }
        if (q != end_ && (*q == 'e' || *q == 'E')) return false;
        if (v > (std::uint64_t(1) << 53)) return false;
        double x = static_cast<double>(v);
        if (frac != 0) x /= pow10[frac];
        out = neg ? -x : x;
        p_ = q;
        return true;
    }

    // An integer of at most 18 digits that ends the number (no fraction or exponent) and
    // fits I, read in place; false leaves the reader untouched for the general path,
    // which also gives every error.
    template <class I>
    bool small_integer(I& out) noexcept {
        if constexpr (std::is_same_v<I, bool> || sizeof(I) > 8) return false;
        const char* q = p_;
        const bool neg = *q == '-';
        q += neg;
        const char* d = q;
        std::uint64_t v = 0;
        while (q != end_ && q - d < 19 && static_cast<unsigned>(*q - '0') < 10) v = v * 10 + static_cast<unsigned>(*q++ - '0');
        const auto n = q - d;
        if (n == 0 || n > 18 || (*d == '0' && n > 1)) return false;
        if (q != end_ && (*q == '.' || *q == 'e' || *q == 'E')) return false;
        if (neg) {
            if constexpr (std::is_unsigned_v<I>) return false;
            else {
                const auto sv = -static_cast<std::int64_t>(v);  // v < 10^18
                if (sv < std::numeric_limits<I>::min()) return false;
                out = static_cast<I>(sv);
            }
        } else {
            if (v > static_cast<std::uint64_t>(std::numeric_limits<I>::max())) return false;
            out = static_cast<I>(v);
        }
        p_ = q;
        return true;
    }

    std::string describe_char() const {
        if (p_ == end_) return "end of input";
        unsigned char c = static_cast<unsigned char>(*p_);
        if (c >= 0x21 && c < 0x7f) return std::string("'") + char(c) + "'";
        static constexpr char hex[] = "0123456789abcdef";
        return std::string("byte 0x") + hex[c >> 4] + hex[c & 15];
    }

    bool literal(std::string_view word) {
        if (static_cast<std::size_t>(end_ - p_) < word.size()) {
            if (std::string_view(p_, static_cast<std::size_t>(end_ - p_)) == word.substr(0, static_cast<std::size_t>(end_ - p_)))
                return fail(decode_errc::truncated, "truncated literal " + std::string(word));
            return fail(decode_errc::syntax_error, "invalid literal");
        }
        if (std::string_view(p_, word.size()) != word) return fail(decode_errc::syntax_error, "invalid literal");
        p_ += word.size();
        return true;
    }

    // Validates a true/false/null literal without consuming it (used before type errors).
    bool check_literal() {
        const char* save = p_;
        bool ok = *p_ == 't' ? literal("true") : *p_ == 'f' ? literal("false") : literal("null");
        p_ = save;
        return ok;
    }

    bool check_length(std::size_t n) {
        if (n > opts_.max_string_length) [[unlikely]] return length_error(n);
        return true;
    }
    [[gnu::noinline]] bool length_error(std::size_t n) {
        return fail(decode_errc::too_large, "string of " + std::to_string(n) + " bytes exceeds the limit");
    }

    static int hex_value(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    bool read_hex4(std::uint32_t& v) {
        if (end_ - p_ < 4) return fail(decode_errc::truncated, "truncated \\u escape");
        v = 0;
        for (int i = 0; i < 4; ++i) {
            int h = hex_value(p_[i]);
            if (h < 0) return fail(decode_errc::invalid_escape, "invalid \\u escape");
            v = (v << 4) | static_cast<std::uint32_t>(h);
        }
        p_ += 4;
        return true;
    }

    static void append_utf8(std::string& out, std::uint32_t cp) {
        if (cp < 0x80) out.push_back(static_cast<char>(cp));
        else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }

    // p_ is at the first backslash; out holds the unescaped prefix.
    bool unescape_rest(std::string& out) {
        while (p_ != end_) {
            {
                auto stop = reinterpret_cast<const char*>(detail::find_string_special(
                    reinterpret_cast<const unsigned char*>(p_), reinterpret_cast<const unsigned char*>(end_)));
                if (stop != p_) {
                    out.append(p_, stop);
                    p_ = stop;
                    continue;
                }
            }
            unsigned char c = static_cast<unsigned char>(*p_);
            if (c == '"') { ++p_; return true; }
            if (c < 0x20) return fail(decode_errc::syntax_error, "control character in string");
            if (c >= 0x80) {
                std::size_t n = detail::utf8_sequence_length(reinterpret_cast<const unsigned char*>(p_),
                                                             reinterpret_cast<const unsigned char*>(end_));
                if (n == 0) return fail(decode_errc::invalid_utf8, "invalid UTF-8 in string");
                out.append(p_, n);
                p_ += n;
                continue;
            }
            if (c != '\\') { out.push_back(static_cast<char>(c)); ++p_; continue; }
            if (++p_ == end_) return fail(decode_errc::truncated, "unterminated string");
            char e = *p_++;
            switch (e) {
            case '"': out.push_back('"'); break;
            case '\\': out.push_back('\\'); break;
            case '/': out.push_back('/'); break;
            case 'b': out.push_back('\b'); break;
            case 'f': out.push_back('\f'); break;
            case 'n': out.push_back('\n'); break;
            case 'r': out.push_back('\r'); break;
            case 't': out.push_back('\t'); break;
            case 'u': {
                std::uint32_t cp = 0;
                if (!read_hex4(cp)) return false;
                if (cp >= 0xDC00 && cp <= 0xDFFF) return fail(decode_errc::invalid_escape, "unpaired low surrogate in \\u escape");
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (end_ - p_ < 2 && (p_ == end_ || *p_ == '\\')) return fail(decode_errc::truncated, "truncated surrogate pair");
                    if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return fail(decode_errc::invalid_escape, "unpaired high surrogate in \\u escape");
                    p_ += 2;
                    std::uint32_t lo = 0;
                    if (!read_hex4(lo)) return false;
                    if (lo < 0xDC00 || lo > 0xDFFF) return fail(decode_errc::invalid_escape, "invalid low surrogate in \\u escape");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                }
                append_utf8(out, cp);
                break;
            }
            default:
                --p_;
                return fail(decode_errc::invalid_escape, std::string("invalid escape \\") + e);
            }
            if (out.size() > opts_.max_string_length) return check_length(out.size());
        }
        return fail(decode_errc::truncated, "unterminated string");
    }

    // Scans one number with the strict JSON grammar; out views its text.
    bool scan_number(std::string_view& out) {
        skip_ws();
        const char* start = p_;
        auto digits = [&] {
            const char* d = p_;
            while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
            return p_ != d;
        };
        if (p_ != end_ && *p_ == '-') ++p_;
        if (p_ == end_) return fail(decode_errc::truncated, "truncated number");
        if (*p_ == '0') {
            ++p_;
            if (p_ != end_ && *p_ >= '0' && *p_ <= '9') return fail(decode_errc::syntax_error, "leading zero in number");
        } else if (!digits()) {
            return fail(decode_errc::syntax_error, "invalid number");
        }
        if (p_ != end_ && *p_ == '.') {
            ++p_;
            if (!digits()) return fail(p_ == end_ ? decode_errc::truncated : decode_errc::syntax_error, "invalid number: no digits after '.'");
        }
        if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
            ++p_;
            if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (!digits()) return fail(p_ == end_ ? decode_errc::truncated : decode_errc::syntax_error, "invalid number: no digits in exponent");
        }
        out = std::string_view(start, static_cast<std::size_t>(p_ - start));
        return true;
    }

    template <class I>
    bool parse_integer(std::string_view num, I& out, bool from_string) {
        auto quoted = [&] { return from_string ? "\"" + std::string(num.substr(0, 32)) + "\"" : std::string(num.substr(0, 32)); };
        const char* first = num.data();
        const char* last = num.data() + num.size();
        if constexpr (std::is_unsigned_v<I>) {
            if (first != last && *first == '-') {
                bool zero = num.find_first_not_of("-0") == std::string_view::npos;
                if (!zero) return fail(decode_errc::out_of_range, "negative number " + quoted() + " for an unsigned target");
                out = 0;
                return true;
            }
        }
        auto r = std::from_chars(first, last, out);
        if (r.ec == std::errc::result_out_of_range)
            return fail(decode_errc::out_of_range, "number " + quoted() + " out of range for a " + std::to_string(sizeof(I) * 8) + "-bit integer");
        if (r.ec != std::errc() || r.ptr != last) {
            if (from_string) return fail(decode_errc::unexpected_type, "expected integer or numeric string, got string " + quoted());
            return fail(decode_errc::unexpected_type, "expected integer, got number " + quoted());
        }
        return true;
    }

    const char* begin_;
    const char* p_;
    const char* end_;
    read_options opts_;
    decode_error err_;
    std::size_t depth_ = 0;
    std::string scratch_;
};

template <class T>
bool read(reader& r, T& v);

namespace detail {

template <class T>
bool read_map_key(reader& r, std::string_view key, T& out) {
    if constexpr (std::is_same_v<T, std::string>) {
        out.assign(key);
        return true;
    } else if constexpr (std::integral<T>) {
        auto res = std::from_chars(key.data(), key.data() + key.size(), out);
        if (key.empty() || res.ec != std::errc() || res.ptr != key.data() + key.size())
            return r.fail(decode_errc::unexpected_type, "expected an integer key, got \"" + std::string(key.substr(0, 32)) + "\"");
        return true;
    } else {
        static_assert(sizeof(T) == 0, "map keys must be std::string or integers");
    }
}

template <class K>
std::string key_text(const K& k) {
    if constexpr (std::is_same_v<K, std::string>) return k;
    else return std::to_string(k);
}

template <class M>
bool read_map(reader& r, M& m) {
    if (!r.begin_object()) return false;
    m.clear();
    bool first = true;
    std::string_view key;
    int st;
    while ((st = r.next_key(key, first)) > 0) {
        typename M::key_type k{};
        if (!read_map_key(r, key, k)) return false;
        auto it = m.try_emplace(std::move(k)).first;
        if (!read(r, it->second)) {
            r.error().prepend_key(key_text(it->first));
            return false;
        }
    }
    return st == 0;
}

template <class V>
bool read_vector(reader& r, V& v) {
    if (!r.begin_array()) return false;
    v.clear();
    bool first = true;
    int st;
    while ((st = r.next_element(first)) > 0) {
        auto& e = v.emplace_back();
        if (!read(r, e)) {
            r.error().prepend_index(v.size() - 1);
            return false;
        }
    }
    return st == 0;
}

template <class E>
bool read_enum(reader& r, E& v) {
    std::string_view s;
    if (!r.read_string_view(s)) return false;
    bool found = false;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
        if (!found && s == wire_name_v<E, decltype(D)>) {
            found = true;
            v = D.value;
        }
    });
    if (!found) {
        std::string allowed;
        boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
            if (!allowed.empty()) allowed += ", ";
            allowed += wire_name_v<E, decltype(D)>;
        });
        return r.fail(decode_errc::unknown_enumerator,
                      "unknown value \"" + std::string(s.substr(0, 64)) + "\" (expected one of " + allowed + ")");
    }
    return true;
}

// The wire name of member D of T as a plain array, and key == that name with the
// comparison inlined (its length is a constant).
template <class T, class D>
inline constexpr auto key_chars = [] {
    constexpr std::string_view n = wire_name_v<T, D>;
    std::array<char, n.empty() ? 1 : n.size()> a{};
    for (std::size_t i = 0; i < n.size(); ++i) a[i] = n[i];
    return a;
}();

template <class T, class D>
inline bool key_is(std::string_view key) noexcept {
    constexpr std::size_t N = wire_name_v<T, D>.size();
    if constexpr (N == 0) return key.empty();
    else return key.size() == N && std::memcmp(key.data(), key_chars<T, D>.data(), N) == 0;
}

// True when `"name":` can be matched against the input bytes as they are (no byte of the
// name would be escaped or validated differently).
constexpr bool plain_key(std::string_view name) {
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x80 || c == '"' || c == '\\') return false;
    }
    return true;
}

// `"name":` of each member (empty where the name is not plain).
template <class T, class Members>
inline constexpr auto quoted_keys = [] {
    std::array<std::string_view, boost::mp11::mp_size<Members>::value> keys{};
    boost::mp11::mp_for_each<boost::mp11::mp_iota<boost::mp11::mp_size<Members>>>([&](auto I) {
        using D = boost::mp11::mp_at_c<Members, I>;
        if (plain_key(wire_name_v<T, D>)) keys[I] = quoted_key_v<T, D>;
    });
    return keys;
}();

// The member loop of an object reader whose '{' (and perhaps some members) were consumed,
// shared by described structs and the JSON form of TL objects. Keys usually arrive in
// declaration order, so the member after the last one matched is tried first, against the
// raw input; other keys are read and looked up. Then, per key:
//   other_key(key): 1 handled, -1 failed, 0 not special (tried before the lookup);
//   read_one(D): reads member D of v (its key is prepended to the error path here);
//   required(D): a member that may not be missing;
// `owner` names the type in the unknown- and missing-member errors ("... of <owner>").
template <class Members, class T, class ReadOne, class Required, class OtherKey>
bool read_members(reader& r, T& /* the object, read through read_one */, bool first, std::string_view owner, ReadOne&& read_one, Required&& required,
                  OtherKey&& other_key) {
    constexpr std::size_t N = boost::mp11::mp_size<Members>::value;
    std::bitset<N == 0 ? 1 : N> seen;
    std::size_t hint = 0;
    auto of = [&] { return owner.empty() ? std::string() : " of " + std::string(owner); };
    int st;
    while ((st = r.next_member(first)) > 0) {
        std::size_t index = N;
        if constexpr (N > 0)
            if (hint < N && r.take_key(quoted_keys<T, Members>[hint])) index = hint;
        if (index == N) {
            std::string_view key;
            if (!r.read_key(key)) return false;
            const int special = other_key(key);
            if (special < 0) return false;
            if (special > 0) continue;
            boost::mp11::mp_for_each<boost::mp11::mp_iota_c<N>>([&](auto I) {
                if (index == N && key_is<T, boost::mp11::mp_at_c<Members, I>>(key)) index = I;
            });
            if (index == N) {
                if (!r.options().allow_unknown_members) {
                    std::string k(key);
                    r.fail(decode_errc::unknown_member, "unknown member" + of());
                    r.error().prepend_key(k);
                    return false;
                }
                if (!r.skip_value()) return false;
                continue;
            }
        }
        if constexpr (N > 0) {
            bool ok = true;
            boost::mp11::mp_with_index<N>(index, [&](auto I) {
                using D = boost::mp11::mp_at_c<Members, I>;
                seen.set(I);
                ok = read_one(D{});
                if (!ok) r.error().prepend_key(wire_name_v<T, D>);
            });
            if (!ok) return false;
        }
        hint = index + 1;
    }
    if (st < 0) return false;
    bool complete = true;
    boost::mp11::mp_for_each<boost::mp11::mp_iota_c<N>>([&](auto I) {
        using D = boost::mp11::mp_at_c<Members, I>;
        if (!complete || seen.test(I) || !required(D{})) return;
        complete = false;
        r.fail(decode_errc::missing_member, "missing required member" + of());
        r.error().prepend_key(wire_name_v<T, D>);
    });
    return complete;
}

template <class T>
bool read_struct(reader& r, T& v) {
    if (!r.begin_object()) return false;
    return read_members<public_members<T>>(
        r, v, true, {},
        [&](auto D) { return read(r, v.*decltype(D)::pointer); },
        [](auto D) {
            using M = std::remove_cvref_t<decltype(v.*decltype(D)::pointer)>;
            return !may_be_absent<M>() && !member_optional<T>(core::detail::wire_name_of<T, decltype(D)>::cpp);
        },
        [](std::string_view) { return 0; });
}

template <class T>
struct is_object_or_array_codec : std::false_type {};

// True only when reading a T from the value ahead certainly fails (looking at its first
// tokens, and at the first element or member of containers); false when unsure.
// Moves the reader: restore() afterwards.
template <class T>
bool definitely_rejects(reader& r) {
    const token t = r.peek();
    if (t == token::end || t == token::invalid) return false;
    if constexpr (is_object_or_array_codec<T>::value) {
        if (t == token::array) return false;
        return definitely_rejects<typename is_object_or_array_codec<T>::map_type>(r);
    } else if constexpr (has_codec<T>) {
        return false;
    } else if constexpr (std::is_arithmetic_v<T> || std::is_same_v<T, std::string> || described_enum<T>) {
        return t == token::object || t == token::array;
    } else if constexpr (is_optional<T>::value) {
        if (t == token::null) return false;
        return definitely_rejects<typename T::value_type>(r);
    } else if constexpr (is_map<T>::value) {
        if (t != token::object) return true;
        if (!r.lookahead_open('{') || r.lookahead_at('}') || !r.lookahead_key()) return false;
        return definitely_rejects<typename T::mapped_type>(r);
    } else if constexpr (is_vector<T>::value) {
        if (t != token::array) return true;
        if (!r.lookahead_open('[') || r.lookahead_at(']')) return false;
        return definitely_rejects<typename T::value_type>(r);
    } else if constexpr (described_struct<T>) {
        return t != token::object;
    } else {
        return false;
    }
}

// The first alternative that reads without error wins; when none does, the error of the
// one that got furthest is reported.
template <class... A>
bool read_variant(reader& r, std::variant<A...>& v) {
    const auto start = r.save();
    constexpr std::size_t n = sizeof...(A);
    // Alternatives that certainly fail on the value ahead are not tried (no allocation,
    // no error text); the result is the same.
    bool done = false;
    boost::mp11::mp_for_each<boost::mp11::mp_iota_c<n>>([&](auto I) {
        if (done) return;
        using Alt = std::variant_alternative_t<I, std::variant<A...>>;
        if constexpr (I + 1 < n) {
            r.restore(start);
            if (definitely_rejects<Alt>(r)) return;
        }
        r.restore(start);
        auto& alt = v.template emplace<I>();
        if (read(r, alt)) done = true;
    });
    if (done) return true;
    // None read: try them all again for the error of the one that got furthest.
    decode_error best;
    boost::mp11::mp_for_each<boost::mp11::mp_iota_c<n>>([&](auto I) {
        if (done) return;
        r.restore(start);
        auto& alt = v.template emplace<I>();
        if (read(r, alt)) { done = true; return; }
        if (I == 0 || r.error().offset > best.offset) best = r.error();
    });
    if (!done) r.error() = std::move(best);
    return done;
}

} // namespace detail

/// Reads one JSON value into v.
template <class T>
bool read(reader& r, T& v) {
    using namespace detail;
    if constexpr (has_codec<T>) return codec<T>::read(r, v);
    else if constexpr (std::is_same_v<T, bool>) return r.read_bool(v);
    else if constexpr (std::integral<T>) return r.read_integer(v);
    else if constexpr (std::floating_point<T>) {
        double d;
        if (!r.read_double(d)) return false;
        v = static_cast<T>(d);
        return true;
    } else if constexpr (std::is_same_v<T, std::string>) return r.read_string(v);
    else if constexpr (std::is_same_v<T, std::monostate> || std::is_same_v<T, std::nullptr_t>) return r.read_null();
    else if constexpr (is_optional<T>::value) {
        if (r.peek() == token::null) { v.reset(); return r.read_null(); }
        return read(r, v.emplace());
    } else if constexpr (described_enum<T>) return read_enum(r, v);
    else if constexpr (is_map<T>::value) return read_map(r, v);
    else if constexpr (is_vector<T>::value) return read_vector(r, v);
    else if constexpr (is_variant<T>::value) return read_variant(r, v);
    else if constexpr (described_struct<T>) return read_struct(r, v);
    else static_assert(sizeof(T) == 0, "chatadmin::json: no JSON form for this type; describe it or specialize json::codec");
}

/// Decodes one complete JSON text (only whitespace may follow the value).
template <class T>
result<T> from_json(std::string_view text, read_options opts = {}) {
    reader r(text, opts);
    T v{};
    if (!read(r, v) || !r.finish()) return unexpected{std::move(r.error())};
    return v;
}

/// Decodes into an existing value (reusing its storage); the error, if any, is returned.
template <class T>
decode_error read_into(std::string_view text, T& v, read_options opts = {}) {
    reader r(text, opts);
    if (!read(r, v) || !r.finish()) return std::move(r.error());
    return {};
}

} // namespace chatadmin::json

#pragma once
// Described struct -> JSON text, appended straight to a std::string (no DOM).

#include <chatadmin/core/json_codec.hpp>
#include <chatadmin/core/wire_name.hpp>

#include <boost/describe/enum_to_string.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <variant>
#include <vector>

namespace chatadmin::json {

struct write_options {
    /// Write 64-bit integers as strings (JavaScript-safe), as the TL JSON form does.
    bool int64_as_string = false;
};

namespace detail {

// 0: copy as is; 1: short escape; 2: \u00XX; 3: first byte of a multi-byte UTF-8 sequence
inline constexpr std::array<std::uint8_t, 256> escape_class = [] {
    std::array<std::uint8_t, 256> t{};
    for (int c = 0; c < 0x20; ++c) t[c] = 2;
    t['\b'] = t['\f'] = t['\n'] = t['\r'] = t['\t'] = 1;
    t['"'] = t['\\'] = 1;
    for (int c = 0x80; c < 0x100; ++c) t[c] = 3;
    return t;
}();

// Length of the valid UTF-8 sequence at p (1..4), or 0 when it is not valid UTF-8.
inline std::size_t utf8_sequence_length(const unsigned char* p, const unsigned char* end) {
    unsigned char c = p[0];
    std::size_t n;
    std::uint32_t cp;
    if (c < 0x80) return 1;
    else if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07; }
    else return 0;
    if (static_cast<std::size_t>(end - p) < n) return 0;
    for (std::size_t i = 1; i < n; ++i) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return n;
}

template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};

template <class T>
struct is_map : std::false_type {};
template <class K, class V, class C, class A>
struct is_map<std::map<K, V, C, A>> : std::true_type {};
template <class K, class V, class H, class E, class A>
struct is_map<std::unordered_map<K, V, H, E, A>> : std::true_type {};

template <class T>
struct is_variant : std::false_type {};
template <class... T>
struct is_variant<std::variant<T...>> : std::true_type {};

template <class T>
concept described_struct = boost::describe::has_describe_members<T>::value && std::is_class_v<T>;
template <class T>
concept described_enum = boost::describe::has_describe_enumerators<T>::value;

template <class T>
using public_members = boost::describe::describe_members<T, boost::describe::mod_public | boost::describe::mod_inherited>;

} // namespace detail

/// Appends JSON tokens to a string. Codecs write through it.
class writer {
public:
    explicit writer(std::string& out, write_options opts = {}) : out_(out), opts_(opts) {}

    std::string& buffer() noexcept { return out_; }
    const write_options& options() const noexcept { return opts_; }

    void raw(std::string_view s) { out_.append(s); }
    void raw(char c) { out_.push_back(c); }
    void null() { out_.append("null", 4); }
    void boolean(bool b) { b ? out_.append("true", 4) : out_.append("false", 5); }

    template <std::integral I>
    void integer(I v) {
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, v);
        if (opts_.int64_as_string && sizeof(I) == 8) {
            out_.push_back('"');
            out_.append(buf, r.ptr);
            out_.push_back('"');
        } else {
            out_.append(buf, r.ptr);
        }
    }

    /// Shortest round-trip form; NaN and infinities have no JSON form and are written as null.
    void number(double v) {
        if (!std::isfinite(v)) return null();
        char buf[32];
        auto r = std::to_chars(buf, buf + sizeof buf, v);
        out_.append(buf, r.ptr);
    }

    /// A JSON string. Bytes that are not valid UTF-8 are replaced by U+FFFD, so the
    /// output is always valid JSON.
    void string(std::string_view s) {
        out_.push_back('"');
        auto p = reinterpret_cast<const unsigned char*>(s.data());
        auto end = p + s.size();
        auto run = p;
        while (p != end) {
            std::uint8_t cls = detail::escape_class[*p];
            if (cls == 0) { ++p; continue; }
            if (cls == 3) {
                std::size_t n = detail::utf8_sequence_length(p, end);
                if (n != 0) { p += n; continue; }
            }
            out_.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
            escape(*p);
            run = ++p;
        }
        out_.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
        out_.push_back('"');
    }

private:
    void escape(unsigned char c) {
        switch (c) {
        case '"': out_.append("\\\"", 2); return;
        case '\\': out_.append("\\\\", 2); return;
        case '\b': out_.append("\\b", 2); return;
        case '\f': out_.append("\\f", 2); return;
        case '\n': out_.append("\\n", 2); return;
        case '\r': out_.append("\\r", 2); return;
        case '\t': out_.append("\\t", 2); return;
        default:
            if (c >= 0x80) { out_.append("\\ufffd", 6); return; }
            static constexpr char hex[] = "0123456789abcdef";
            char buf[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            out_.append(buf, 6);
        }
    }

    std::string& out_;
    write_options opts_;
};

template <class T>
void write(writer& w, const T& v);

namespace detail {

template <class T>
void write_map_key(writer& w, const T& k) {
    if constexpr (std::is_convertible_v<const T&, std::string_view>) {
        w.string(k);
    } else if constexpr (std::integral<T>) {
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, k);
        w.raw('"');
        w.raw(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
        w.raw('"');
    } else {
        static_assert(described_enum<T>, "map keys must be strings, integers or described enums");
        write(w, k);
    }
}

template <class T>
void write_struct(writer& w, const T& v) {
    w.raw('{');
    bool first = true;
    boost::mp11::mp_for_each<public_members<T>>([&](auto D) {
        const auto& m = v.*D.pointer;
        if (is_absent(m)) return;
        w.raw(first ? quoted_key_v<T, decltype(D)> : comma_key_v<T, decltype(D)>);
        first = false;
        write(w, m);
    });
    w.raw('}');
}

template <class E>
void write_enum(writer& w, E v) {
    bool found = false;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
        if (!found && v == D.value) {
            found = true;
            w.string(wire_name_v<E, decltype(D)>);
        }
    });
    if (!found) w.integer(static_cast<std::underlying_type_t<E>>(v));
}

} // namespace detail

/// Writes v as JSON. Absent optionals inside objects are omitted; a top-level empty
/// optional is null.
template <class T>
void write(writer& w, const T& v) {
    using namespace detail;
    if constexpr (has_codec<T>) codec<T>::write(w, v);
    else if constexpr (std::is_same_v<T, bool>) w.boolean(v);
    else if constexpr (std::integral<T>) w.integer(v);
    else if constexpr (std::floating_point<T>) w.number(static_cast<double>(v));
    else if constexpr (std::is_convertible_v<const T&, std::string_view>) w.string(std::string_view(v));
    else if constexpr (std::is_same_v<T, std::nullptr_t> || std::is_same_v<T, std::monostate>) w.null();
    else if constexpr (is_optional<T>::value) { if (v) write(w, *v); else w.null(); }
    else if constexpr (described_enum<T>) write_enum(w, v);
    else if constexpr (is_map<T>::value) {
        w.raw('{');
        bool first = true;
        for (const auto& [k, val] : v) {
            if (!first) w.raw(',');
            first = false;
            write_map_key(w, k);
            w.raw(':');
            write(w, val);
        }
        w.raw('}');
    } else if constexpr (is_vector<T>::value || requires { std::tuple_size<T>::value; v.begin(); }) {
        w.raw('[');
        bool first = true;
        for (const auto& e : v) {
            if (!first) w.raw(',');
            first = false;
            write(w, e);
        }
        w.raw(']');
    } else if constexpr (is_variant<T>::value) std::visit([&](const auto& alt) { write(w, alt); }, v);
    else if constexpr (described_struct<T>) write_struct(w, v);
    else static_assert(sizeof(T) == 0, "chatadmin::json: no JSON form for this type; describe it or specialize json::codec");
}

/// Appends v as JSON to out.
template <class T>
void write_to(std::string& out, const T& v, write_options opts = {}) {
    writer w(out, opts);
    write(w, v);
}

/// v as a JSON string.
template <class T>
std::string to_json(const T& v, write_options opts = {}) {
    std::string out;
    out.reserve(256);
    write_to(out, v, opts);
    return out;
}

} // namespace chatadmin::json

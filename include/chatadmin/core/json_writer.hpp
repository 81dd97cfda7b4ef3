#pragma once
// Described struct -> JSON text, appended straight to a std::string (no DOM).

#include <chatadmin/core/json_codec.hpp>
#include <chatadmin/core/string_cursor.hpp>
#include <chatadmin/core/wire_name.hpp>

#include <boost/describe/enum_to_string.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
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

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// A vector of plain integers: written in one go.
template <class T>
concept integer_vector = is_vector<T>::value && std::integral<typename T::value_type> &&
                         !std::is_same_v<typename T::value_type, bool> && !has_codec<typename T::value_type>;

template <class T>
concept described_struct = boost::describe::has_describe_members<T>::value && std::is_class_v<T>;
template <class T>
concept described_enum = boost::describe::has_describe_enumerators<T>::value;

template <class T>
using public_members = boost::describe::describe_members<T, boost::describe::mod_public | boost::describe::mod_inherited>;

} // namespace detail

namespace detail {

// Index of the first byte in [p, end) that a JSON string cannot carry as is ('"', '\\',
// a control character) or that starts a multi-byte UTF-8 sequence (>= 0x80); end when none.
// Sixteen bytes at a time where SSE2 is there (a signed compare below 0x20 flags both the
// controls and the bytes >= 0x80), then eight: in each SWAR term the lowest flagged byte is
// exact (a borrow only ever flags bytes above a true hit), so the lowest bit of the union is
// the first such byte.
inline const unsigned char* find_string_special(const unsigned char* p, const unsigned char* end) noexcept {
#if defined(__SSE2__)
    while (end - p >= 16) {
        const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(w, _mm_set1_epi8('"')), _mm_cmpeq_epi8(w, _mm_set1_epi8('\\'))),
                                         _mm_cmplt_epi8(w, _mm_set1_epi8(0x20)));
        const auto m = static_cast<unsigned>(_mm_movemask_epi8(hit));
        if (m != 0) return p + std::countr_zero(m);
        p += 16;
    }
#endif
    if constexpr (std::endian::native == std::endian::little) {
        constexpr std::uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
        while (end - p >= 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            const std::uint64_t q = w ^ (ones * '"');
            const std::uint64_t b = w ^ (ones * '\\');
            const std::uint64_t m = (((q - ones) & ~q) | ((b - ones) & ~b) | ((w - ones * 0x20) & ~w) | w) & high;
            if (m != 0) return p + (std::countr_zero(m) >> 3);
            p += 8;
        }
    }
    while (p != end && escape_class[*p] == 0) ++p;
    return p;
}

// Decimal digits of v into p (room for 20); returns the end. Two digits per step,
// written in place from the back once the length is known.
inline char* format_u64(char* p, std::uint64_t v) noexcept {
    static constexpr char pairs[] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";
    unsigned n = 1;
    for (std::uint64_t t = v;;) {
        if (t < 10) break;
        if (t < 100) { n += 1; break; }
        if (t < 1000) { n += 2; break; }
        if (t < 10000) { n += 3; break; }
        t /= 10000;
        n += 4;
    }
    char* e = p + n;
    char* q = e;
    while (v >= 100) {
        const auto r = static_cast<unsigned>(v % 100);
        v /= 100;
        q -= 2;
        std::memcpy(q, pairs + 2 * r, 2);
    }
    if (v >= 10) std::memcpy(q - 2, pairs + 2 * v, 2);
    else q[-1] = static_cast<char>('0' + v);
    return e;
}

template <std::integral I>
inline char* format_integer(char* p, I v) noexcept {
    if constexpr (std::is_signed_v<I>) {
        using U = std::make_unsigned_t<I>;
        U u = static_cast<U>(v);
        if (v < 0) {
            *p++ = '-';
            u = static_cast<U>(U(0) - u);
        }
        return format_u64(p, static_cast<std::uint64_t>(u));
    } else {
        return format_u64(p, static_cast<std::uint64_t>(v));
    }
}

struct writer_access;

} // namespace detail

/// Appends JSON tokens to a string. Codecs write through it.
///
/// Every call leaves the string holding exactly the text written so far. Inside
/// json::write the writer works through a cursor instead: the string is grown ahead (by
/// about the size of the value, then with slack) and cut to the written length when the
/// outermost json::write returns (or when a codec asks for buffer()).
class writer : public chatadmin::detail::string_cursor {  // its members are all protected
public:
    explicit writer(std::string& out, write_options opts = {}) : string_cursor(out), opts_(opts) {}

    /// The output string, holding exactly the text written so far; it may be appended to.
    std::string& buffer() noexcept {
        sync();
        return out_;
    }
    const write_options& options() const noexcept { return opts_; }

    void raw(std::string_view s) { session g(*this); put(s.data(), s.size()); }
    void raw(char c) { session g(*this); put(c); }
    void null() { session g(*this); put("null", 4); }
    void boolean(bool b) { session g(*this); put_bool(b); }

    template <std::integral I>
    void integer(I v) { session g(*this); put_integer(v); }

    /// Shortest round-trip form; NaN and infinities have no JSON form and are written as null.
    void number(double v) { session g(*this); put_number(v); }

    /// A JSON string. Bytes that are not valid UTF-8 are replaced by U+FFFD, so the
    /// output is always valid JSON.
    void string(std::string_view s) { session g(*this); put_string(s); }

private:
    friend struct detail::writer_access;

    // Inlined, so that a key or literal of known length is copied without a library call.
    [[gnu::always_inline]] void put(const char* s, std::size_t n) {
        char* p = room(n);
        std::memcpy(p, s, n);
        cur_ = p + n;
    }
    [[gnu::always_inline]] void put(char c) {
        char* p = room(1);
        *p = c;
        cur_ = p + 1;
    }
    void put_bool(bool b) {
        char* p = room(5);
        if (b) { std::memcpy(p, "true", 4); cur_ = p + 4; }
        else { std::memcpy(p, "false", 5); cur_ = p + 5; }
    }

    template <std::integral I>
    void put_integer(I v) {
        char* p = room(24);
        if (opts_.int64_as_string && sizeof(I) == 8) {
            *p++ = '"';
            p = detail::format_integer(p, v);
            *p++ = '"';
        } else {
            p = detail::format_integer(p, v);
        }
        cur_ = p;
    }

    // `[a,b,…]`: room for a run of elements at once, formatted through a local cursor.
    template <std::integral I>
    void put_integers(const I* v, std::size_t n) {
        constexpr std::size_t each = 24;  // comma, quote, sign, 20 digits, quote (int64_as_string)
        constexpr std::size_t run = 64;
        const bool quoted = opts_.int64_as_string && sizeof(I) == 8;
        char* p = room(2 + std::min(n, run) * each);
        *p++ = '[';
        for (std::size_t i = 0; i < n; ++i) {
            if (i != 0) {
                if (i % run == 0) {
                    cur_ = p;
                    p = room(1 + std::min(n - i, run) * each);
                }
                *p++ = ',';
            }
            if (quoted) *p++ = '"';
            p = detail::format_integer(p, v[i]);
            if (quoted) *p++ = '"';
        }
        *p++ = ']';
        cur_ = p;
    }

    // `key` (a precomputed `"name":` or `,"name":`) followed by the integer.
    template <std::integral I>
    [[gnu::always_inline]] void put_key_integer(std::string_view key, I v) {
        char* p = room(key.size() + 24);
        std::memcpy(p, key.data(), key.size());
        cur_ = p + key.size();
        put_integer(v);
    }

    void put_number(double v) {
        if (!std::isfinite(v)) return put("null", 4);
        char* p = room(32);
        cur_ = std::to_chars(p, p + 32, v).ptr;
    }

    void put_string(std::string_view s) {
        auto in = reinterpret_cast<const unsigned char*>(s.data());
        const auto end = in + s.size();
        char* p = room(s.size() + 2);
        *p++ = '"';
        for (;;) {
            const unsigned char* stop = detail::find_string_special(in, end);
            const auto n = static_cast<std::size_t>(stop - in);
            std::memcpy(p, in, n);
            p += n;
            in = stop;
            if (in == end) break;
            if (detail::escape_class[*in] == 3) {
                std::size_t len = detail::utf8_sequence_length(in, end);
                if (len != 0) {
                    std::memcpy(p, in, len);  // room: the input bytes are accounted for
                    p += len;
                    in += len;
                    continue;
                }
            }
            // An escape of up to 6 bytes for one input byte: 5 more than reserved, plus the quote.
            cur_ = p;
            p = room(static_cast<std::size_t>(end - in) + 6);
            p = escape(p, *in);
            ++in;
        }
        *p++ = '"';
        cur_ = p;
    }

    static char* escape(char* p, unsigned char c) {
        switch (c) {
        case '"': std::memcpy(p, "\\\"", 2); return p + 2;
        case '\\': std::memcpy(p, "\\\\", 2); return p + 2;
        case '\b': std::memcpy(p, "\\b", 2); return p + 2;
        case '\f': std::memcpy(p, "\\f", 2); return p + 2;
        case '\n': std::memcpy(p, "\\n", 2); return p + 2;
        case '\r': std::memcpy(p, "\\r", 2); return p + 2;
        case '\t': std::memcpy(p, "\\t", 2); return p + 2;
        default:
            if (c >= 0x80) { std::memcpy(p, "\\ufffd", 6); return p + 6; }
            static constexpr char hex[] = "0123456789abcdef";
            const char buf[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            std::memcpy(p, buf, 6);
            return p + 6;
        }
    }

    write_options opts_;
};

namespace detail {

// The cursor operations, for the generic writer below (always inside a session).
struct writer_access {
    using session = writer::session;
    static bool active(const writer& w) noexcept { return w.active_; }
    static std::string& out(writer& w) noexcept { return w.out_; }
    static void prepare(writer& w, std::size_t n) { w.attach(n); }
    static void raw(writer& w, std::string_view s) { w.put(s.data(), s.size()); }
    static void raw(writer& w, char c) { w.put(c); }
    static void null(writer& w) { w.put("null", 4); }
    static void boolean(writer& w, bool b) { w.put_bool(b); }
    template <std::integral I>
    static void integer(writer& w, I v) { w.put_integer(v); }
    template <std::integral I>
    static void key_integer(writer& w, std::string_view key, I v) { w.put_key_integer(key, v); }
    static void number(writer& w, double v) { w.put_number(v); }
    static void string(writer& w, std::string_view s) { w.put_string(s); }
    template <std::integral I>
    static void integers(writer& w, const I* v, std::size_t n) { w.put_integers(v, n); }
};

} // namespace detail

template <class T>
void write(writer& w, const T& v);

namespace detail {

template <class T>
void write_value(writer& w, const T& v);

// About how many bytes v takes as JSON: exact for the fixed parts (keys, punctuation) and
// an upper bound for numbers, a guess for the rest. Only sizes the first buffer.
template <class T>
std::size_t size_hint(const T& v) {
    if constexpr (has_codec<T>) {
        if constexpr (requires { codec<T>::size_hint(v); }) return codec<T>::size_hint(v);
        else return 32;
    } else if constexpr (std::is_same_v<T, bool>) return 5;
    else if constexpr (std::integral<T>) return 22;
    else if constexpr (std::floating_point<T>) return 24;
    else if constexpr (std::is_convertible_v<const T&, std::string_view>) return std::string_view(v).size() + 2;
    else if constexpr (is_optional<T>::value) return v ? size_hint(*v) : 4;
    else if constexpr (is_vector<T>::value) {
        if constexpr (std::is_arithmetic_v<typename T::value_type>) return 2 + v.size() * (size_hint(typename T::value_type{}) + 1);
        else return 2 + v.size() * 32;
    } else if constexpr (is_map<T>::value) return 2 + v.size() * 32;
    else if constexpr (described_struct<T>) {
        std::size_t n = 2;
        boost::mp11::mp_for_each<public_members<T>>([&](auto D) { n += comma_key_v<T, decltype(D)>.size() + size_hint(v.*D.pointer); });
        return n;
    } else return 16;
}

template <class T>
void write_map_key(writer& w, const T& k) {
    using A = writer_access;
    if constexpr (std::is_convertible_v<const T&, std::string_view>) {
        A::string(w, k);
    } else if constexpr (std::integral<T>) {
        char buf[24];
        buf[0] = '"';
        char* e = format_integer(buf + 1, k);
        *e++ = '"';
        A::raw(w, std::string_view(buf, static_cast<std::size_t>(e - buf)));
    } else {
        static_assert(described_enum<T>, "map keys must be strings, integers or described enums");
        write_value(w, k);
    }
}

// True when a member of type M may be left out of its object.
template <class M>
constexpr bool may_be_omitted() {
    if constexpr (is_optional<M>::value) return true;
    else if constexpr (has_codec<M>) return requires(const M& m) { codec<M>::absent(m); };
    else return false;
}

// True when a member before the I-th one of T is always written (so the I-th key has a comma).
template <class T, std::size_t I>
constexpr bool written_before() {
    bool any = false;
    boost::mp11::mp_for_each<boost::mp11::mp_iota_c<I>>([&](auto J) {
        using D = boost::mp11::mp_at_c<public_members<T>, J>;
        if (!may_be_omitted<std::remove_cvref_t<decltype(std::declval<const T&>().*D::pointer)>>()) any = true;
    });
    return any;
}

template <class T>
void write_struct(writer& w, const T& v) {
    using A = writer_access;
    using members = public_members<T>;
    A::raw(w, '{');
    bool first = true;
    boost::mp11::mp_for_each<boost::mp11::mp_iota<boost::mp11::mp_size<members>>>([&](auto I) {
        using D = boost::mp11::mp_at_c<members, I>;
        using M = std::remove_cvref_t<decltype(v.*D::pointer)>;
        const auto& m = v.*D::pointer;
        if (is_absent(m)) return;
        // The key's length is a constant wherever the comma is known before running.
        std::string_view key;
        if constexpr (I == 0) key = quoted_key_v<T, D>;
        else if constexpr (written_before<T, I>()) key = comma_key_v<T, D>;
        else key = first ? quoted_key_v<T, D> : comma_key_v<T, D>;
        first = false;
        if constexpr (!has_codec<M> && std::integral<M> && !std::is_same_v<M, bool>) {
            A::key_integer(w, key, m);
        } else {
            A::raw(w, key);
            write_value(w, m);
        }
    });
    A::raw(w, '}');
}

template <class E>
void write_enum(writer& w, E v) {
    bool found = false;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
        if (!found && v == D.value) {
            found = true;
            writer_access::string(w, wire_name_v<E, decltype(D)>);
        }
    });
    if (!found) writer_access::integer(w, static_cast<std::underlying_type_t<E>>(v));
}

// The body of json::write, inside a cursor session.
template <class T>
void write_value(writer& w, const T& v) {
    using A = writer_access;
    if constexpr (has_codec<T>) codec<T>::write(w, v);
    else if constexpr (std::is_same_v<T, bool>) A::boolean(w, v);
    else if constexpr (std::integral<T>) A::integer(w, v);
    else if constexpr (std::floating_point<T>) A::number(w, static_cast<double>(v));
    else if constexpr (std::is_convertible_v<const T&, std::string_view>) A::string(w, std::string_view(v));
    else if constexpr (std::is_same_v<T, std::nullptr_t> || std::is_same_v<T, std::monostate>) A::null(w);
    else if constexpr (is_optional<T>::value) { if (v) write_value(w, *v); else A::null(w); }
    else if constexpr (described_enum<T>) write_enum(w, v);
    else if constexpr (is_map<T>::value) {
        A::raw(w, '{');
        bool first = true;
        for (const auto& [k, val] : v) {
            if (!first) A::raw(w, ',');
            first = false;
            write_map_key(w, k);
            A::raw(w, ':');
            write_value(w, val);
        }
        A::raw(w, '}');
    } else if constexpr (integer_vector<T>) {
        A::integers(w, v.data(), v.size());
    } else if constexpr (is_vector<T>::value || requires { std::tuple_size<T>::value; v.begin(); }) {
        A::raw(w, '[');
        bool first = true;
        for (const auto& e : v) {
            if (!first) A::raw(w, ',');
            first = false;
            write_value(w, e);
        }
        A::raw(w, ']');
    } else if constexpr (is_variant<T>::value) std::visit([&](const auto& alt) { write_value(w, alt); }, v);
    else if constexpr (described_struct<T>) write_struct(w, v);
    else static_assert(sizeof(T) == 0, "chatadmin::json: no JSON form for this type; describe it or specialize json::codec");
}

} // namespace detail

namespace detail {

// True when T's whole JSON form is a bounded shape of scalars, strings, integer arrays and
// nested such structs (codecs opt in with `inline_write`): writing it is one function the
// compiler can see whole, with the writer's cursor kept in registers.
template <class T>
constexpr bool inline_whole() {
    if constexpr (has_codec<T>) {
        if constexpr (requires { codec<T>::inline_write; }) return codec<T>::inline_write;
        else return false;
    } else if constexpr (std::is_arithmetic_v<T> || described_enum<T> || std::is_convertible_v<const T&, std::string_view>)
        return true;
    else if constexpr (is_optional<T>::value) return inline_whole<typename T::value_type>();
    else if constexpr (integer_vector<T>) return true;
    else if constexpr (described_struct<T>) {
        bool all = true;
        boost::mp11::mp_for_each<public_members<T>>([&](auto D) {
            if (!inline_whole<std::remove_cvref_t<decltype(std::declval<const T&>().*D.pointer)>>()) all = false;
        });
        return all;
    } else return false;
}

// The outermost write works on a writer of its own, which never leaves this function.
template <class T>
void write_outer(std::string& out, write_options opts, const T& v) {
    writer w(out, opts);
    writer_access::session g(w);
    writer_access::prepare(w, size_hint(v));
    write_value(w, v);
}
template <class T>
[[gnu::flatten]] void write_outer_inlined(std::string& out, write_options opts, const T& v) {
    write_outer(out, opts, v);
}

} // namespace detail

/// Writes v as JSON. Absent optionals inside objects are omitted; a top-level empty
/// optional is null.
template <class T>
void write(writer& w, const T& v) {
    if (detail::writer_access::active(w)) return detail::write_value(w, v);
    if constexpr (detail::inline_whole<T>()) detail::write_outer_inlined(detail::writer_access::out(w), w.options(), v);
    else detail::write_outer(detail::writer_access::out(w), w.options(), v);
}

/// Appends v as JSON to out.
template <class T>
void write_to(std::string& out, const T& v, write_options opts = {}) {
    if constexpr (detail::inline_whole<T>()) detail::write_outer_inlined(out, opts, v);
    else detail::write_outer(out, opts, v);
}

/// v as a JSON string.
template <class T>
std::string to_json(const T& v, write_options opts = {}) {
    std::string out;
    write_to(out, v, opts);
    return out;
}

} // namespace chatadmin::json

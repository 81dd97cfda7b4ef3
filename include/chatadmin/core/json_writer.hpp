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

// The most bytes one JSON scalar takes.
inline constexpr std::size_t integer_room = 22;  // sign, 20 digits, two quotes (int64_as_string)
inline constexpr std::size_t integer_item_room = integer_room + 1;  // and the comma before it
inline constexpr std::size_t number_room = 32;   // std::to_chars' shortest double, or null

// An integer written as a string when asked to: 64-bit ones under int64_as_string.
template <std::integral I>
bool quoted_integer(const write_options& o) noexcept {
    return sizeof(I) == 8 && o.int64_as_string;
}

// The escape for one byte that a JSON string cannot carry as is (at most 6 bytes).
inline char* escape(char* p, unsigned char c) noexcept {
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

struct cursor_ops;

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

    void raw(std::string_view s);
    void raw(char c);
    void null();
    void boolean(bool b);
    template <std::integral I>
    void integer(I v);
    /// Shortest round-trip form; NaN and infinities have no JSON form and are written as null.
    void number(double v);
    /// A JSON string. Bytes that are not valid UTF-8 are replaced by U+FFFD, so the
    /// output is always valid JSON.
    void string(std::string_view s);

private:
    friend struct detail::cursor_ops;
    write_options opts_;
};

/// The writer of a value with a known most length (a codec with max_size()): the room
/// for all of it is made before the codec writes, so no write checks for room. Its
/// calls are those of json::writer; a codec writes no more than its max_size() said.
class bounded_writer {
public:
    const write_options& options() const noexcept { return opts_; }

    void raw(std::string_view s);
    void raw(char c);
    void null();
    void boolean(bool b);
    template <std::integral I>
    void integer(I v);
    void number(double v);
    void string(std::string_view s);

private:
    friend struct detail::cursor_ops;
    bounded_writer(char* p, write_options opts) noexcept : p_(p), opts_(opts) {}
    char* p_;
    write_options opts_;
};

namespace detail {

// What the writing code below needs of a writer: room for n more bytes, returned as where
// to write, and the new end once written. A bounded writer has the room already.
struct cursor_ops {
    [[gnu::always_inline]] static char* room(writer& w, std::size_t n) { return w.room(n); }
    [[gnu::always_inline]] static void commit(writer& w, char* p) noexcept { w.cur_ = p; }
    [[gnu::always_inline]] static char* room(bounded_writer& w, std::size_t) noexcept { return w.p_; }
    [[gnu::always_inline]] static void commit(bounded_writer& w, char* p) noexcept { w.p_ = p; }

    static bounded_writer bounded_at(char* p, const write_options& o) noexcept { return bounded_writer(p, o); }
    static char* end(const bounded_writer& w) noexcept { return w.p_; }

    using session = writer::session;
    static bool active(const writer& w) noexcept { return w.active_; }
    static std::string& out(writer& w) noexcept { return w.out_; }
    static void prepare(writer& w, std::size_t n) { w.attach(n); }
};

// The tokens, for either writer (the writer's own calls open a session around them).
template <class W>
[[gnu::always_inline]] inline void put_raw(W& w, const char* s, std::size_t n) {
    char* p = cursor_ops::room(w, n);
    std::memcpy(p, s, n);
    cursor_ops::commit(w, p + n);
}
template <class W>
[[gnu::always_inline]] inline void put_raw(W& w, char c) {
    char* p = cursor_ops::room(w, 1);
    *p = c;
    cursor_ops::commit(w, p + 1);
}
template <class W>
void put_bool(W& w, bool b) {
    char* p = cursor_ops::room(w, 5);
    if (b) { std::memcpy(p, "true", 4); cursor_ops::commit(w, p + 4); }
    else { std::memcpy(p, "false", 5); cursor_ops::commit(w, p + 5); }
}
template <class W, std::integral I>
void put_integer(W& w, I v) {
    char* p = cursor_ops::room(w, integer_room);
    if (quoted_integer<I>(w.options())) {
        *p++ = '"';
        p = format_integer(p, v);
        *p++ = '"';
    } else {
        p = format_integer(p, v);
    }
    cursor_ops::commit(w, p);
}
// `key` (a precomputed `"name":` or `,"name":`) followed by the integer, in one room.
template <class W, std::integral I>
[[gnu::always_inline]] inline void put_key_integer(W& w, std::string_view key, I v) {
    char* p = cursor_ops::room(w, key.size() + integer_room);
    std::memcpy(p, key.data(), key.size());
    cursor_ops::commit(w, p + key.size());
    put_integer(w, v);
}
// `[a,b,…]`: room for a run of elements at once.
template <class W, std::integral I>
void put_integers(W& w, const I* v, std::size_t n) {
    constexpr std::size_t each = integer_item_room;
    constexpr std::size_t run = 64;
    const bool quoted = quoted_integer<I>(w.options());
    char* p = cursor_ops::room(w, 2 + std::min(n, run) * each);
    *p++ = '[';
    for (std::size_t i = 0; i < n; ++i) {
        if (i != 0) {
            if constexpr (!std::is_same_v<W, bounded_writer>) {
                if (i % run == 0) {
                    cursor_ops::commit(w, p);
                    p = cursor_ops::room(w, 1 + std::min(n - i, run) * each);
                }
            }
            *p++ = ',';
        }
        if (quoted) *p++ = '"';
        p = format_integer(p, v[i]);
        if (quoted) *p++ = '"';
    }
    *p++ = ']';
    cursor_ops::commit(w, p);
}
template <class W>
void put_number(W& w, double v) {
    if (!std::isfinite(v)) return put_raw(w, "null", 4);
    char* p = cursor_ops::room(w, number_room);
    cursor_ops::commit(w, std::to_chars(p, p + number_room, v).ptr);
}
template <class W>
void put_string(W& w, std::string_view s) {
    auto in = reinterpret_cast<const unsigned char*>(s.data());
    const auto end = in + s.size();
    char* p = cursor_ops::room(w, s.size() + 2);
    *p++ = '"';
    for (;;) {
        const unsigned char* stop = find_string_special(in, end);
        const auto n = static_cast<std::size_t>(stop - in);
        std::memcpy(p, in, n);
        p += n;
        in = stop;
        if (in == end) break;
        if (escape_class[*in] == 3) {
            std::size_t len = utf8_sequence_length(in, end);
            if (len != 0) {
                std::memcpy(p, in, len);  // room: the input bytes are accounted for
                p += len;
                in += len;
                continue;
            }
        }
        // An escape of up to 6 bytes for one input byte: 5 more than reserved, plus the quote.
        cursor_ops::commit(w, p);
        p = cursor_ops::room(w, static_cast<std::size_t>(end - in) + 6);
        p = escape(p, *in);
        ++in;
    }
    *p++ = '"';
    cursor_ops::commit(w, p);
}

// The most bytes put_string writes for s: every byte may become a 6-byte escape.
inline std::size_t string_room(std::string_view s) noexcept { return 2 + 6 * s.size(); }

} // namespace detail

inline void writer::raw(std::string_view s) { session g(*this); detail::put_raw(*this, s.data(), s.size()); }
inline void writer::raw(char c) { session g(*this); detail::put_raw(*this, c); }
inline void writer::null() { session g(*this); detail::put_raw(*this, "null", 4); }
inline void writer::boolean(bool b) { session g(*this); detail::put_bool(*this, b); }
template <std::integral I>
void writer::integer(I v) { session g(*this); detail::put_integer(*this, v); }
inline void writer::number(double v) { session g(*this); detail::put_number(*this, v); }
inline void writer::string(std::string_view s) { session g(*this); detail::put_string(*this, s); }

inline void bounded_writer::raw(std::string_view s) { detail::put_raw(*this, s.data(), s.size()); }
inline void bounded_writer::raw(char c) { detail::put_raw(*this, c); }
inline void bounded_writer::null() { detail::put_raw(*this, "null", 4); }
inline void bounded_writer::boolean(bool b) { detail::put_bool(*this, b); }
template <std::integral I>
void bounded_writer::integer(I v) { detail::put_integer(*this, v); }
inline void bounded_writer::number(double v) { detail::put_number(*this, v); }
inline void bounded_writer::string(std::string_view s) { detail::put_string(*this, s); }

template <class T>
void write(writer& w, const T& v);
template <class T>
void write(bounded_writer& w, const T& v);

namespace detail {

template <class T>
constexpr bool bounded();

template <class T>
std::size_t max_size(const T& v);

template <class W, class T>
void write_value(W& w, const T& v);

// About how many bytes v takes as JSON: exact for the fixed parts (keys, punctuation) and
// an upper bound for numbers, a guess for the rest. Only sizes the first buffer.
template <class T>
std::size_t size_hint(const T& v) {
    if constexpr (has_codec<T>) {
        if constexpr (requires { codec<T>::size_hint(v); }) return codec<T>::size_hint(v);
        else if constexpr (requires { codec<T>::max_size(v); }) return codec<T>::max_size(v);
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

// The most characters among E's wire names, escaped.
template <class E>
constexpr std::size_t enum_room() {
    std::size_t n = integer_room;  // a value without a name is written as its number
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
        n = std::max(n, 2 + 6 * wire_name_v<E, decltype(D)>.size());
    });
    return n;
}

// True when the most bytes v can take as JSON is known before writing it: scalars, strings,
// integer arrays, optionals and structs of such, and codecs that say so with max_size().
// Such a value is written through a bounded_writer, with no room checks.
template <class T>
constexpr bool bounded() {
    if constexpr (has_codec<T>) return requires(const T& v) { codec<T>::max_size(v); };
    else if constexpr (std::is_arithmetic_v<T> || described_enum<T> || std::is_convertible_v<const T&, std::string_view>)
        return true;
    else if constexpr (std::is_same_v<T, std::nullptr_t> || std::is_same_v<T, std::monostate>) return true;
    else if constexpr (is_optional<T>::value) return bounded<typename T::value_type>();
    else if constexpr (integer_vector<T>) return true;
    else if constexpr (described_struct<T>) {
        bool all = true;
        boost::mp11::mp_for_each<public_members<T>>([&](auto D) {
            if (!bounded<std::remove_cvref_t<decltype(std::declval<const T&>().*D.pointer)>>()) all = false;
        });
        return all;
    } else return false;
}

// The most bytes v takes as JSON, for a bounded T.
template <class T>
std::size_t max_size(const T& v) {
    static_assert(bounded<T>());
    if constexpr (has_codec<T>) return codec<T>::max_size(v);
    else if constexpr (std::is_same_v<T, bool>) return 5;
    else if constexpr (std::integral<T>) return integer_room;
    else if constexpr (std::floating_point<T>) return number_room;
    else if constexpr (std::is_convertible_v<const T&, std::string_view>) return string_room(std::string_view(v));
    else if constexpr (described_enum<T>) return enum_room<T>();
    else if constexpr (is_optional<T>::value) return v ? max_size(*v) : 4;
    else if constexpr (integer_vector<T>) return 2 + v.size() * integer_item_room;
    else if constexpr (described_struct<T>) {
        std::size_t n = 2;
        boost::mp11::mp_for_each<public_members<T>>([&](auto D) { n += comma_key_v<T, decltype(D)>.size() + max_size(v.*D.pointer); });
        return n;
    } else return 4;  // null
}

template <class T>
void write_map_key(writer& w, const T& k) {
    if constexpr (std::is_convertible_v<const T&, std::string_view>) {
        put_string(w, k);
    } else if constexpr (std::integral<T>) {
        char buf[24];
        buf[0] = '"';
        char* e = format_integer(buf + 1, k);
        *e++ = '"';
        put_raw(w, buf, static_cast<std::size_t>(e - buf));
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

template <class W, class T>
void write_struct(W& w, const T& v) {
    using members = public_members<T>;
    put_raw(w, '{');
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
            put_key_integer(w, key, m);
        } else {
            put_raw(w, key.data(), key.size());
            write_value(w, m);
        }
    });
    put_raw(w, '}');
}

template <class W, class E>
void write_enum(W& w, E v) {
    bool found = false;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
        if (!found && v == D.value) {
            found = true;
            put_string(w, wire_name_v<E, decltype(D)>);
        }
    });
    if (!found) put_integer(w, static_cast<std::underlying_type_t<E>>(v));
}

// A codec with max_size() writes through a bounded writer, in room made for all of it.
template <class T>
void write_bounded_codec(writer& w, const T& v) {
    bounded_writer b = cursor_ops::bounded_at(cursor_ops::room(w, codec<T>::max_size(v)), w.options());
    codec<T>::write(b, v);
    cursor_ops::commit(w, cursor_ops::end(b));
}

// The body of json::write, inside a cursor session (or the room a bounded writer has).
template <class W, class T>
void write_value(W& w, const T& v) {
    constexpr bool is_bounded_writer = std::is_same_v<W, bounded_writer>;
    static_assert(!is_bounded_writer || bounded<T>(), "chatadmin::json: a bounded_writer writes only values with a known most length");
    if constexpr (has_codec<T>) {
        if constexpr (!is_bounded_writer && bounded<T>()) write_bounded_codec(w, v);
        else codec<T>::write(w, v);
    } else if constexpr (std::is_same_v<T, bool>) put_bool(w, v);
    else if constexpr (std::integral<T>) put_integer(w, v);
    else if constexpr (std::floating_point<T>) put_number(w, static_cast<double>(v));
    else if constexpr (std::is_convertible_v<const T&, std::string_view>) put_string(w, std::string_view(v));
    else if constexpr (std::is_same_v<T, std::nullptr_t> || std::is_same_v<T, std::monostate>) put_raw(w, "null", 4);
    else if constexpr (is_optional<T>::value) { if (v) write_value(w, *v); else put_raw(w, "null", 4); }
    else if constexpr (described_enum<T>) write_enum(w, v);
    else if constexpr (integer_vector<T>) put_integers(w, v.data(), v.size());
    else if constexpr (described_struct<T>) write_struct(w, v);
    else if constexpr (is_bounded_writer) static_assert(sizeof(T) == 0);
    else if constexpr (is_map<T>::value) {
        put_raw(w, '{');
        bool first = true;
        for (const auto& [k, val] : v) {
            if (!first) put_raw(w, ',');
            first = false;
            write_map_key(w, k);
            put_raw(w, ':');
            write_value(w, val);
        }
        put_raw(w, '}');
    } else if constexpr (is_vector<T>::value || requires { std::tuple_size<T>::value; v.begin(); }) {
        put_raw(w, '[');
        bool first = true;
        for (const auto& e : v) {
            if (!first) put_raw(w, ',');
            first = false;
            write_value(w, e);
        }
        put_raw(w, ']');
    } else if constexpr (is_variant<T>::value) std::visit([&](const auto& alt) { write_value(w, alt); }, v);
    else static_assert(sizeof(T) == 0, "chatadmin::json: no JSON form for this type; describe it or specialize json::codec");
}

// Up to this many bytes, a bounded value is written in room made for its most length;
// a longer one (long strings) is written with room grown as it goes, so that a string of
// mostly plain text does not take six times its length.
inline constexpr std::size_t bounded_limit = 4096;

// The outermost write works on a writer of its own, which never leaves this function.
template <class T>
[[gnu::noinline]] void write_outer(std::string& out, write_options opts, const T& v) {
    writer w(out, opts);
    cursor_ops::session g(w);
    cursor_ops::prepare(w, size_hint(v));
    write_value(w, v);
}

// A bounded value: one growth of the string by its most length, one cut at the end, and
// every write in between without a check, all in one function.
template <class T>
[[gnu::flatten]] void write_outer_bounded(std::string& out, write_options opts, const T& v) {
    const std::size_t n = max_size(v);
    if (n > bounded_limit) return write_outer(out, opts, v);
    bounded_writer w = cursor_ops::bounded_at(chatadmin::detail::extend(out, n), opts);
    write_value(w, v);
    chatadmin::detail::cut(out, cursor_ops::end(w));
}

} // namespace detail

/// Writes v as JSON. Absent optionals inside objects are omitted; a top-level empty
/// optional is null.
template <class T>
void write(writer& w, const T& v) {
    if (detail::cursor_ops::active(w)) return detail::write_value(w, v);
    if constexpr (detail::bounded<T>()) detail::write_outer_bounded(detail::cursor_ops::out(w), w.options(), v);
    else detail::write_outer(detail::cursor_ops::out(w), w.options(), v);
}

/// Writes v, a value with a known most length, inside a bounded codec's write.
template <class T>
void write(bounded_writer& w, const T& v) {
    detail::write_value(w, v);
}

/// Appends v as JSON to out.
template <class T>
void write_to(std::string& out, const T& v, write_options opts = {}) {
    if constexpr (detail::bounded<T>()) detail::write_outer_bounded(out, opts, v);
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

#pragma once
// Described struct -> application/x-www-form-urlencoded, with PHP-style indexed arrays
// (USER_ID[0]=1271&USER_ID[1]=1272) and nested keys (fields[PHONE][0][VALUE]=1), the form
// PHP's http_build_query produces and Bitrix24 accepts.

#include <chatadmin/core/json_codec.hpp>
#include <chatadmin/core/json_writer.hpp>
#include <chatadmin/core/string_cursor.hpp>
#include <chatadmin/core/wire_name.hpp>

#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <concepts>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

namespace chatadmin::form {

struct write_options {
    /// Percent-encode '[' and ']' in keys (http_build_query does; servers accept both).
    bool encode_brackets = false;
};

namespace detail {

// 1: ALPHA / DIGIT / "-" / "_" / "."; 2: '[' or ']'; 0: anything else.
inline constexpr std::array<std::uint8_t, 256> form_class = [] {
    std::array<std::uint8_t, 256> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[c] = 1;
    for (int c = 'A'; c <= 'Z'; ++c) t[c] = 1;
    for (int c = '0'; c <= '9'; ++c) t[c] = 1;
    t['-'] = t['_'] = t['.'] = 1;
    t['['] = t[']'] = 2;
    return t;
}();

// True when percent-encoding leaves s as it is.
constexpr bool form_plain(std::string_view s) {
    for (char c : s)
        if (form_class[static_cast<unsigned char>(c)] != 1) return false;
    return true;
}

} // namespace detail

namespace detail {

// Percent-encodes s at p (room for 3 bytes per input byte): ALPHA / DIGIT / "-" / "_" / "."
// kept, space as '+', and '[' ']' kept when keep_brackets.
inline char* percent_encode_to(char* p, std::string_view s, bool keep_brackets = false) noexcept {
    static constexpr char hex[] = "0123456789ABCDEF";
    const unsigned keep = keep_brackets ? 2 : 1;
    for (unsigned char c : s) {
        if (form_class[c] - 1u < keep) {
            *p++ = static_cast<char>(c);
        } else if (c == ' ') {
            *p++ = '+';
        } else {
            p[0] = '%';
            p[1] = hex[c >> 4];
            p[2] = hex[c & 15];
            p += 3;
        }
    }
    return p;
}

struct writer_access;

} // namespace detail

/// Appends percent-encoded text: ALPHA / DIGIT / "-" / "_" / "." kept, space as '+'.
inline void percent_encode(std::string& out, std::string_view s, bool keep_brackets = false) {
    const std::size_t len = out.size();
    out.append(3 * s.size(), '\0');
    char* end = detail::percent_encode_to(out.data() + len, s, keep_brackets);
    out.erase(out.begin() + (end - out.data()), out.end());
}

/// Writes key=value pairs. `key` is the current (already encoded) key path.
///
/// Every call leaves the string holding exactly the text written so far. Inside
/// form::write_to the writer works through a cursor instead, like json::writer: the string
/// is grown ahead and cut to the written length when write_to returns.
class writer : public chatadmin::detail::string_cursor {  // its members are all protected
public:
    explicit writer(std::string& out, write_options opts = {}) : string_cursor(out), opts_(opts) {}

    const write_options& options() const noexcept { return opts_; }

    /// Emits `key=value`, value percent-encoded, after a '&' when the output is not empty.
    void field(std::string_view key, std::string_view value) {
        session g(*this);
        char* p = begin_field(key, 3 * value.size());
        cur_ = detail::percent_encode_to(p, value);
    }

    /// Emits `key=<decimal>`.
    template <std::integral I>
    void integer_field(std::string_view key, I value) {
        session g(*this);
        char* p = begin_field(key, 24);
        cur_ = json::detail::format_integer(p, value);
    }

    /// Emits `key[0]=a&key[1]=b&…`.
    template <std::integral I>
    void integer_items(std::string_view key, const I* values, std::size_t n) {
        session g(*this);
        const bool encoded = opts_.encode_brackets;
        for (std::size_t i = 0; i < n; ++i) {
            char* p = begin_key(key, 3 + 20 + 3 + 1 + 21);  // [ index ] = value, brackets encoded
            if (encoded) p = std::copy_n("%5B", 3, p);
            else *p++ = '[';
            p = json::detail::format_u64(p, i);
            if (encoded) p = std::copy_n("%5D=", 4, p);
            else p = std::copy_n("]=", 2, p);
            cur_ = json::detail::format_integer(p, values[i]);
        }
    }

    /// key[sub], with sub percent-encoded.
    std::string subkey(std::string_view key, std::string_view sub) const {
        std::string k(key);
        k += opts_.encode_brackets ? "%5B" : "[";
        percent_encode(k, sub);
        k += opts_.encode_brackets ? "%5D" : "]";
        return k;
    }

    std::string encode_key(std::string_view name) const {
        std::string k;
        percent_encode(k, name);
        return k;
    }

private:
    friend struct detail::writer_access;

    // The separator and the key, with room for `more` bytes after them.
    char* begin_key(std::string_view key, std::size_t more) {
        char* p = room(1 + key.size() + more);
        if (p != out_.data()) *p++ = '&';
        std::memcpy(p, key.data(), key.size());
        return p + key.size();
    }
    // The separator and `key=`, with room for value_room more bytes after them.
    char* begin_field(std::string_view key, std::size_t value_room) {
        char* p = begin_key(key, 1 + value_room);
        *p++ = '=';
        return p;
    }

    write_options opts_;
};

namespace detail {
struct writer_access {
    using session = writer::session;
    static void prepare(writer& w, std::size_t n) { w.attach(n); }
};
} // namespace detail

/// Customization point: specialize with `static void write(form::writer&, std::string_view key, const T&)`.
template <class T, class Enable = void>
struct codec;

template <class T>
concept has_codec = requires { sizeof(codec<T>); };

template <class T>
void write(writer& w, std::string_view key, const T& v);

namespace detail {

template <class T>
void write_members(writer& w, std::string_view prefix, const T& v) {
    boost::mp11::mp_for_each<json::detail::public_members<T>>([&](auto D) {
        const auto& m = v.*D.pointer;
        if (json::is_absent(m)) return;
        constexpr std::string_view name = wire_name_v<T, decltype(D)>;
        if constexpr (detail::form_plain(name)) {
            if (prefix.empty()) return write(w, name, m);
        }
        write(w, prefix.empty() ? w.encode_key(name) : w.subkey(prefix, name), m);
    });
}

} // namespace detail

template <class T>
void write(writer& w, std::string_view key, const T& v) {
    using namespace json::detail;
    if constexpr (has_codec<T>) codec<T>::write(w, key, v);
    else if constexpr (std::is_same_v<T, bool>) w.field(key, v ? "1" : "0");
    else if constexpr (std::integral<T>) w.integer_field(key, v);
    else if constexpr (std::floating_point<T>) {
        char buf[32];
        auto r = std::to_chars(buf, buf + sizeof buf, v);
        w.field(key, std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
    } else if constexpr (std::is_convertible_v<const T&, std::string_view>) w.field(key, std::string_view(v));
    else if constexpr (is_optional<T>::value) { if (v) write(w, key, *v); }
    else if constexpr (described_enum<T>) {
        boost::mp11::mp_for_each<boost::describe::describe_enumerators<T>>([&](auto D) {
            if (v == D.value) w.field(key, wire_name_v<T, decltype(D)>);
        });
    } else if constexpr (is_map<T>::value) {
        for (const auto& [k, val] : v) {
            if constexpr (std::integral<std::remove_cvref_t<decltype(k)>>) write(w, w.subkey(key, std::to_string(k)), val);
            else write(w, w.subkey(key, k), val);
        }
    } else if constexpr (json::detail::integer_vector<T>) {
        w.integer_items(key, v.data(), v.size());
    } else if constexpr (is_vector<T>::value) {
        // key[0], key[1], …: one key string, its index rewritten in place.
        const std::string_view close = w.options().encode_brackets ? "%5D" : "]";
        std::string k(key);
        k += w.options().encode_brackets ? "%5B" : "[";
        const std::size_t base = k.size();
        std::size_t i = 0;
        for (const auto& e : v) {
            char buf[24];
            char* end = json::detail::format_u64(buf, i++);
            k.resize(base);
            k.append(buf, static_cast<std::size_t>(end - buf));
            k += close;
            write(w, k, e);
        }
    } else if constexpr (described_struct<T>) detail::write_members(w, key, v);
    else static_assert(sizeof(T) == 0, "chatadmin::form: no form encoding for this type");
}

/// Appends the form encoding of a described struct to out.
// Flattened, so that the writer's cursor stays in registers: request structs are small.
template <class T>
[[gnu::flatten]] void write_to(std::string& out, const T& v, write_options opts = {}) {
    writer w(out, opts);
    detail::writer_access::session g(w);
    detail::writer_access::prepare(w, json::detail::size_hint(v) + 64);  // about the JSON size; keys run longer
    detail::write_members(w, {}, v);
}

template <class T>
std::string to_form(const T& v, write_options opts = {}) {
    std::string out;
    write_to(out, v, opts);
    return out;
}

} // namespace chatadmin::form

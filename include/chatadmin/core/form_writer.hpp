#pragma once
// Described struct -> application/x-www-form-urlencoded, with PHP-style indexed arrays
// (USER_ID[0]=1271&USER_ID[1]=1272) and nested keys (fields[PHONE][0][VALUE]=1), the form
// PHP's http_build_query produces and Bitrix24 accepts.

#include <chatadmin/core/json_codec.hpp>
#include <chatadmin/core/json_writer.hpp>
#include <chatadmin/core/wire_name.hpp>

#include <boost/describe/enumerators.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <charconv>
#include <concepts>
#include <cstdint>
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

/// Appends percent-encoded text: ALPHA / DIGIT / "-" / "_" / "." kept, space as '+'.
inline void percent_encode(std::string& out, std::string_view s, bool keep_brackets = false) {
    static constexpr char hex[] = "0123456789ABCDEF";
    const unsigned keep = keep_brackets ? 2 : 1;
    std::size_t i = 0;
    while (i < s.size()) {
        // Runs that stay as they are are appended whole.
        std::size_t j = i;
        while (j < s.size() && detail::form_class[static_cast<unsigned char>(s[j])] - 1u < keep) ++j;
        out.append(s.data() + i, j - i);
        if (j == s.size()) break;
        const auto c = static_cast<unsigned char>(s[j]);
        if (c == ' ') {
            out.push_back('+');
        } else {
            const char esc[3] = {'%', hex[c >> 4], hex[c & 15]};
            out.append(esc, 3);
        }
        i = j + 1;
    }
}

/// Writes key=value pairs. `key` is the current (already encoded) key path.
class writer {
public:
    explicit writer(std::string& out, write_options opts = {}) : out_(out), opts_(opts) {}

    const write_options& options() const noexcept { return opts_; }

    /// Emits `key=value`, value percent-encoded, after a '&' when the output is not empty.
    void field(std::string_view key, std::string_view value) {
        if (!out_.empty()) out_.push_back('&');
        out_.append(key);
        out_.push_back('=');
        percent_encode(out_, value);
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
    std::string& out_;
    write_options opts_;
};

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
    else if constexpr (std::integral<T> || std::floating_point<T>) {
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
template <class T>
void write_to(std::string& out, const T& v, write_options opts = {}) {
    writer w(out, opts);
    detail::write_members(w, {}, v);
}

template <class T>
std::string to_form(const T& v, write_options opts = {}) {
    std::string out;
    write_to(out, v, opts);
    return out;
}

} // namespace chatadmin::form

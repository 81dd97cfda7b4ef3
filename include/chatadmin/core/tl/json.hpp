#pragma once
// The JSON form of TL objects, derived from the same descriptions as the binary form:
// {"_":"<predicate>", <field>: …} with the fields in declaration order.
//
// TL                        JSON
// constructor               object; "_" first, then the fields
// polymorphic type          the object of the alternative held; read by dispatching on "_"
// flags:# / flags2:#        omitted (recomputed on encode); read when present (undeclared bits kept)
// name:flags.N?true         "name":true when set, omitted when not; read: absent or null = false
// name:flags.N?T            omitted when absent; read: absent or null = absent
// int / double              number (a double that is NaN or infinite is null; null reads as NaN)
// long                      string with the decimal value ("-1"); read from a string or a number
// string                    string (TL strings are UTF-8; invalid bytes are written as U+FFFD)
// bytes                     base64, standard alphabet, padded; read strictly
// int128 / int256           32 / 64 lowercase hex digits, the wire bytes in wire order; read in either case
// Bool                      true / false
// Vector t / vector<t>      array
// unmodelled<"Name">        never written (no value exists); present on read: an error naming Name
//
// When a polymorphic type holds two constructors with the same predicate (a layer change
// that kept the name), "_" is written as "predicate#id" for every one but the first, so
// the value reads back as the same constructor. On read, "predicate#id" selects by id too;
// a plain predicate shared by several constructors takes the first one that reads.
// "_" may appear anywhere in the object; reading is fastest when it comes first. It may be
// left out where the C++ type has one constructor only; a polymorphic type requires it.
// Flags bits that no field declares are not written, so only a value decoded with such
// bits differs after a JSON round trip (its TL bytes lose them).

#include <chatadmin/core/error.hpp>
#include <chatadmin/core/json_codec.hpp>
#include <chatadmin/core/json_reader.hpp>
#include <chatadmin/core/json_writer.hpp>
#include <chatadmin/core/tl/traits.hpp>
#include <chatadmin/core/tl/types.hpp>
#include <chatadmin/core/wire_name.hpp>

#include <boost/describe/members.hpp>
#include <boost/describe/modifiers.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <bitset>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

namespace chatadmin::tl {

namespace detail {

template <class V>
struct all_constructors : std::false_type {};
template <class... C>
struct all_constructors<std::variant<C...>> : std::bool_constant<(constructor<C> && ...)> {};

template <class T>
using json_members = boost::describe::describe_members<T, boost::describe::mod_public | boost::describe::mod_inherited>;

template <class T, class D>
using json_member_t = std::remove_cvref_t<decltype(std::declval<const T&>().*D::pointer)>;

inline constexpr char base64_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

inline int base64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

inline int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

inline std::string printable(std::string_view s) {
    return "\"" + std::string(s.substr(0, 64)) + (s.size() > 64 ? "…\"" : "\"");
}

// "name" or "name#1a2b3c4d".
struct predicate {
    std::string_view name;
    std::optional<std::uint32_t> id;
    bool valid = true;
};

inline predicate parse_predicate(std::string_view s) {
    predicate p{s, std::nullopt, true};
    auto hash = s.find('#');
    if (hash == std::string_view::npos) return p;
    p.name = s.substr(0, hash);
    std::string_view hex = s.substr(hash + 1);
    std::uint32_t id = 0;
    if (hex.empty() || hex.size() > 8) p.valid = false;
    for (char c : hex) {
        int d = hex_digit(c);
        if (d < 0) p.valid = false;
        id = id << 4 | static_cast<std::uint32_t>(d < 0 ? 0 : d);
    }
    p.id = id;
    return p;
}

template <class C>
bool matches(const predicate& p) {
    return p.valid && p.name == C::tl_name && (!p.id || *p.id == C::tl_id);
}

// True when an earlier alternative of V has the same predicate as alternative I.
template <class V, std::size_t I>
constexpr bool shadowed() {
    bool found = false;
    boost::mp11::mp_for_each<boost::mp11::mp_iota_c<I>>([&](auto J) {
        if (std::variant_alternative_t<J, V>::tl_name == std::variant_alternative_t<I, V>::tl_name) found = true;
    });
    return found;
}

// Increments reader::lenient_numbers for one read: long, int and double also read from strings.
struct lenient_scope {
    json::reader& r;
    explicit lenient_scope(json::reader& rd) : r(rd) { ++r.lenient_numbers; }
    ~lenient_scope() { --r.lenient_numbers; }
    lenient_scope(const lenient_scope&) = delete;
    lenient_scope& operator=(const lenient_scope&) = delete;
};

} // namespace detail

/// A polymorphic type whose alternatives are all TL constructors.
template <class T>
concept json_polymorphic = polymorphic<T> && detail::all_constructors<variant_of<T>>::value;

/// Appends the standard, padded base64 form of s.
inline void base64_encode_to(std::string& out, std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    std::size_t n = s.size(), i = 0;
    out.reserve(out.size() + (n + 2) / 3 * 4);
    for (; i + 3 <= n; i += 3) {
        std::uint32_t v = std::uint32_t(p[i]) << 16 | std::uint32_t(p[i + 1]) << 8 | p[i + 2];
        out += detail::base64_alphabet[v >> 18];
        out += detail::base64_alphabet[v >> 12 & 63];
        out += detail::base64_alphabet[v >> 6 & 63];
        out += detail::base64_alphabet[v & 63];
    }
    if (n - i == 1) {
        std::uint32_t v = std::uint32_t(p[i]) << 16;
        out += detail::base64_alphabet[v >> 18];
        out += detail::base64_alphabet[v >> 12 & 63];
        out += "==";
    } else if (n - i == 2) {
        std::uint32_t v = std::uint32_t(p[i]) << 16 | std::uint32_t(p[i + 1]) << 8;
        out += detail::base64_alphabet[v >> 18];
        out += detail::base64_alphabet[v >> 12 & 63];
        out += detail::base64_alphabet[v >> 6 & 63];
        out += '=';
    }
}

/// Decodes strict base64 (standard alphabet, padding required, no whitespace, unused
/// bits zero). On failure returns false and sets `why`.
inline bool base64_decode(std::string_view in, std::string& out, std::string& why) {
    out.clear();
    if (in.size() % 4 != 0) {
        why = "length " + std::to_string(in.size()) + " is not a multiple of 4";
        return false;
    }
    std::size_t pad = 0;
    if (!in.empty() && in.back() == '=') pad = in.size() >= 2 && in[in.size() - 2] == '=' ? 2 : 1;
    out.reserve(in.size() / 4 * 3);
    for (std::size_t i = 0; i < in.size(); i += 4) {
        std::uint32_t v = 0;
        const bool last = i + 4 == in.size();
        const std::size_t data = last ? 4 - pad : 4;
        for (std::size_t k = 0; k < 4; ++k) {
            char c = in[i + k];
            int d = k < data ? detail::base64_value(c) : 0;
            if (d < 0) {
                why = c == '=' ? "padding '=' before the end at position " + std::to_string(i + k)
                               : "invalid character at position " + std::to_string(i + k);
                return false;
            }
            v = v << 6 | static_cast<std::uint32_t>(d);
        }
        out += static_cast<char>(v >> 16);
        if (data > 2) out += static_cast<char>(v >> 8 & 0xFF);
        if (data > 3) out += static_cast<char>(v & 0xFF);
        if ((data == 2 && (v & 0xFFFF)) || (data == 3 && (v & 0xFF))) {
            why = "non-zero bits in the padding of the last group";
            return false;
        }
    }
    return true;
}

template <class T>
void write_json(json::writer& w, const T& v);
template <class T>
bool read_json(json::reader& r, T& v);

namespace detail {

template <class T>
void write_json_object(json::writer& w, const T& v, std::string_view predicate, std::uint32_t id_suffix = 0) {
    w.raw("{\"_\":\"");
    w.raw(predicate);
    if (id_suffix) {
        static constexpr char digits[] = "0123456789abcdef";
        char buf[9] = {'#'};
        for (int k = 0; k < 8; ++k) buf[1 + k] = digits[id_suffix >> (28 - 4 * k) & 0xF];
        w.raw(std::string_view(buf, 9));
    }
    w.raw('"');
    boost::mp11::mp_for_each<json_members<T>>([&](auto D) {
        using M = json_member_t<T, decltype(D)>;
        const auto& m = v.*D.pointer;
        if constexpr (is_flags<M>::value) {
            return;
        } else if constexpr (is_flag<M>::value) {
            if (!m.value) return;
            w.raw(comma_key_v<T, decltype(D)>);
            w.boolean(true);
        } else if constexpr (is_opt<M>::value) {
            if constexpr (!is_unmodelled<typename M::value_type>::value) {
                if (!m.has_value()) return;
                w.raw(comma_key_v<T, decltype(D)>);
                write_json(w, *m);
            }
        } else {
            w.raw(comma_key_v<T, decltype(D)>);
            write_json(w, m);
        }
    });
    w.raw('}');
}

// One member's value; the caller names the member in the error path.
template <class T, class D>
bool read_json_member(json::reader& r, T& v) {
    using M = json_member_t<T, D>;
    auto& m = v.*D::pointer;
    if constexpr (is_flags<M>::value) {
        lenient_scope l(r);
        return r.read_integer(m.value);
    } else if constexpr (is_flag<M>::value) {
        if (r.peek() == json::token::null) {
            m.value = false;
            return r.read_null();
        }
        return r.read_bool(m.value);
    } else if constexpr (is_opt<M>::value) {
        using V = typename M::value_type;
        if (r.peek() == json::token::null) {
            m.reset();
            return r.read_null();
        }
        if constexpr (is_unmodelled<V>::value) {
            return r.fail(decode_errc::unexpected_type,
                          "field is present but its type " + std::string(V::tl_type) + " is not modelled; cannot decode it");
        } else {
            return read_json(r, m.emplace());
        }
    } else {
        return read_json(r, m);
    }
}

template <class T>
bool check_predicate(json::reader& r) {
    std::string_view s;
    if (!r.read_string_view(s)) {
        r.error().prepend_key("_");
        return false;
    }
    if (matches<T>(parse_predicate(s))) return true;
    r.fail(decode_errc::unknown_constructor,
           "unknown constructor " + printable(s) + " (expected " + std::string(T::tl_name) + ")");
    r.error().prepend_key("_");
    return false;
}

// Reads the members of an object whose '{' (and perhaps some keys) were consumed.
template <class T>
bool read_json_members(json::reader& r, T& v, bool first) {
    return json::detail::read_members<json_members<T>>(
        r, v, first, T::tl_name,
        [&](auto D) { return read_json_member<T, decltype(D)>(r, v); },
        [](auto D) {
            using M = json_member_t<T, decltype(D)>;
            return !is_flags<M>::value && !is_flag<M>::value && !is_opt<M>::value;
        },
        [&](std::string_view key) {
            if (key != "_") return 0;
            return check_predicate<T>(r) ? 1 : -1;
        });
}

template <class T>
bool read_json_constructor(json::reader& r, T& v) {
    if (!r.begin_object()) return false;
    return read_json_members(r, v, true);
}

template <class V>
std::string json_constructor_names() {
    std::string s;
    boost::mp11::mp_for_each<boost::mp11::mp_iota_c<std::variant_size_v<V>>>([&](auto I) {
        using A = std::variant_alternative_t<I, V>;
        if constexpr (!shadowed<V, I>()) {
            if (!s.empty()) s += ", ";
            s += A::tl_name;
        }
    });
    return s;
}

template <class T>
bool read_json_polymorphic(json::reader& r, T& v) {
    using V = variant_of<T>;
    constexpr std::size_t N = std::variant_size_v<V>;
    auto& var = as_variant(v);
    const auto start = r.save();
    if (!r.begin_object()) return false;

    auto candidates = [&](std::string_view s, std::bitset<N>& out) {
        predicate p = parse_predicate(s);
        boost::mp11::mp_for_each<boost::mp11::mp_iota_c<N>>([&](auto I) {
            if (matches<std::variant_alternative_t<I, V>>(p)) out.set(I);
        });
        if (out.any()) return true;
        r.fail(decode_errc::unknown_constructor,
               "unknown constructor " + printable(s) + " (expected one of: " + json_constructor_names<V>() + ")");
        r.error().prepend_key("_");
        return false;
    };
    auto read_tag = [&](std::bitset<N>& out) {
        std::string_view s;
        if (!r.read_string_view(s)) {
            r.error().prepend_key("_");
            return false;
        }
        return candidates(s, out);
    };

    std::bitset<N> found;
    bool first = true;
    std::string_view key;
    int st = r.next_key(key, first);
    if (st < 0) return false;
    if (st > 0 && key == "_") {
        if (!read_tag(found)) return false;
        if (found.count() == 1) {
            std::size_t only = 0;
            while (!found.test(only)) ++only;
            bool ok = false;
            boost::mp11::mp_with_index<N>(only, [&](auto I) { ok = read_json_members(r, var.template emplace<I>(), false); });
            return ok;
        }
    } else {
        // "_" is not first: find it, then read the object again as that constructor.
        while (st > 0 && key != "_") {
            if (!r.skip_value()) return false;
            st = r.next_key(key, first);
        }
        if (st < 0) return false;
        if (st == 0) {
            r.fail(decode_errc::missing_member,
                   "missing the constructor name (one of: " + json_constructor_names<V>() + ")");
            r.error().prepend_key("_");
            return false;
        }
        if (!read_tag(found)) return false;
    }
    decode_error best;
    bool done = false, tried = false;
    boost::mp11::mp_for_each<boost::mp11::mp_iota_c<N>>([&](auto I) {
        if (done || !found.test(I)) return;
        r.restore(start);
        if (read_json_constructor(r, var.template emplace<I>())) {
            done = true;
            return;
        }
        if (!tried || r.error().offset > best.offset) best = r.error();
        tried = true;
    });
    if (!done) r.error() = std::move(best);
    return done;
}

} // namespace detail

/// Writes the JSON form of a TL value.
template <class T>
void write_json(json::writer& w, const T& v) {
    using namespace detail;
    if constexpr (std::is_same_v<T, bool>) {
        w.boolean(v);
    } else if constexpr (std::is_same_v<T, std::int32_t>) {
        w.integer(v);
    } else if constexpr (std::is_same_v<T, std::int64_t>) {
        char buf[24];
        buf[0] = '"';
        auto res = std::to_chars(buf + 1, buf + sizeof buf - 1, v);
        *res.ptr++ = '"';
        w.raw(std::string_view(buf, static_cast<std::size_t>(res.ptr - buf)));
    } else if constexpr (std::is_same_v<T, double>) {
        w.number(v);
    } else if constexpr (std::is_same_v<T, bytes>) {
        w.raw('"');
        base64_encode_to(w.buffer(), v);
        w.raw('"');
    } else if constexpr (std::is_same_v<T, std::string>) {
        w.string(v);
    } else if constexpr (is_intn<T>::value) {
        static constexpr char digits[] = "0123456789abcdef";
        w.raw('"');
        for (std::uint8_t b : v.data) {
            w.raw(digits[b >> 4]);
            w.raw(digits[b & 15]);
        }
        w.raw('"');
    } else if constexpr (is_vector<T>::value) {
        w.raw('[');
        bool first = true;
        for (const auto& e : v) {
            if (!first) w.raw(',');
            first = false;
            write_json<typename T::value_type>(w, e);
        }
        w.raw(']');
    } else if constexpr (is_bare<T>::value) {
        write_json(w, v.value);
    } else if constexpr (is_indirect<T>::value) {
        write_json(w, *v);
    } else if constexpr (is_unmodelled<T>::value) {
        w.null();  // no value of this type can exist
    } else if constexpr (polymorphic<T>) {
        using V = variant_of<T>;
        const auto& var = as_variant(v);
        if (var.valueless_by_exception()) return w.null();
        boost::mp11::mp_with_index<std::variant_size_v<V>>(var.index(), [&](auto I) {
            using A = std::variant_alternative_t<I, V>;
            write_json_object(w, std::get<I>(var), A::tl_name, shadowed<V, I>() ? A::tl_id : 0);
        });
    } else if constexpr (constructor<T>) {
        write_json_object(w, v, T::tl_name);
    } else {
        static_assert(dependent_false<T>, "type has no TL mapping");
    }
}

/// Reads the JSON form of a TL value; on failure the reader's error names the path.
template <class T>
bool read_json(json::reader& r, T& v) {
    using namespace detail;
    if constexpr (std::is_same_v<T, bool>) {
        return r.read_bool(v);
    } else if constexpr (std::is_same_v<T, std::int32_t> || std::is_same_v<T, std::int64_t>) {
        lenient_scope l(r);
        return r.read_integer(v);
    } else if constexpr (std::is_same_v<T, double>) {
        if (r.peek() == json::token::null) {
            v = std::numeric_limits<double>::quiet_NaN();
            return r.read_null();
        }
        lenient_scope l(r);
        return r.read_double(v);
    } else if constexpr (std::is_same_v<T, bytes>) {
        std::string_view s;
        if (!r.read_string_view(s)) return false;
        std::string why;
        if (!base64_decode(s, v, why))
            return r.fail(decode_errc::invalid_value, "invalid base64 for bytes: " + why);
        return true;
    } else if constexpr (std::is_same_v<T, std::string>) {
        return r.read_string(v);
    } else if constexpr (is_intn<T>::value) {
        std::string_view s;
        if (!r.read_string_view(s)) return false;
        constexpr std::size_t n = sizeof(v.data);
        bool ok = s.size() == 2 * n;
        for (std::size_t i = 0; ok && i < n; ++i) {
            int hi = hex_digit(s[2 * i]), lo = hex_digit(s[2 * i + 1]);
            ok = hi >= 0 && lo >= 0;
            v.data[i] = static_cast<std::uint8_t>(hi << 4 | lo);
        }
        if (!ok)
            return r.fail(decode_errc::invalid_value, "expected " + std::to_string(2 * n) + " hex digits for int" +
                                                          std::to_string(n * 8) + ", got " + printable(s));
        return true;
    } else if constexpr (is_vector<T>::value) {
        using E = typename T::value_type;
        if (!r.begin_array()) return false;
        v.clear();
        bool first = true;
        int st;
        while ((st = r.next_element(first)) > 0) {
            if constexpr (is_unmodelled<E>::value) {
                return r.fail(decode_errc::unexpected_type,
                              "vector holds elements of type " + std::string(E::tl_type) +
                                  ", which is not modelled; cannot decode them");
            } else {
                E e{};
                if (!read_json(r, e)) {
                    r.error().prepend_index(v.size());
                    return false;
                }
                v.push_back(std::move(e));
            }
        }
        return st == 0;
    } else if constexpr (is_bare<T>::value) {
        return read_json(r, v.value);
    } else if constexpr (is_indirect<T>::value) {
        return read_json(r, *v);
    } else if constexpr (is_unmodelled<T>::value) {
        return r.fail(decode_errc::unexpected_type, "type " + std::string(T::tl_type) + " is not modelled; cannot decode it");
    } else if constexpr (polymorphic<T>) {
        return read_json_polymorphic(r, v);
    } else if constexpr (constructor<T>) {
        return read_json_constructor(r, v);
    } else {
        static_assert(dependent_false<T>, "type has no TL mapping");
    }
}

} // namespace chatadmin::tl

namespace chatadmin::json {

/// Every TL constructor and polymorphic type has a JSON form (see core/tl/json.hpp), so
/// json::to_json / json::from_json work on them directly.
template <class T>
    requires(tl::constructor<T> || tl::json_polymorphic<T>)
struct codec<T, void> {
    static void write(writer& w, const T& v) { tl::write_json(w, v); }
    static bool read(reader& r, T& v) { return tl::read_json(r, v); }
};

} // namespace chatadmin::json

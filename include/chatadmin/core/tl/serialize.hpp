#pragma once
// The engine: values written and read through their Boost.Describe descriptions.

#include <chatadmin/core/tl/reader.hpp>
#include <chatadmin/core/tl/traits.hpp>
#include <chatadmin/core/tl/types.hpp>
#include <chatadmin/core/tl/writer.hpp>
#include <chatadmin/core/wire_name.hpp>

#include <boost/describe/members.hpp>
#include <boost/describe/modifiers.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <bit>
#include <cstring>
#include <cstdint>
#include <string>
#include <type_traits>
#include <variant>

namespace chatadmin::tl {

template <class T>
void write_value(std::string& out, const T& v);
template <class T>
bool read_value(reader& r, T& v);

namespace detail {

// Members of described bases come first, in declaration order (a constructor too long for
// one description is split into a base and the rest).
template <class T>
using members = boost::describe::describe_members<T, boost::describe::mod_public | boost::describe::mod_inherited>;

template <class T, class D>
using member_t = std::remove_cvref_t<decltype(std::declval<const T&>().*D::pointer)>;

// Declared bits and present bits of each flags word of T.
template <class T>
[[gnu::always_inline]] inline std::array<std::uint32_t, 2> flag_words(const T& v) {
    std::array<std::uint32_t, 2> declared{}, set{}, stored{};
    boost::mp11::mp_for_each<members<T>>([&](auto D) {
        using M = member_t<T, decltype(D)>;
        const auto& m = v.*D.pointer;
        if constexpr (is_flags<M>::value) {
            stored[M::word] = m.value;
        } else if constexpr (is_flag<M>::value) {
            declared[M::word] |= 1u << M::bit;
            if (m.value) set[M::word] |= 1u << M::bit;
        } else if constexpr (is_opt<M>::value) {
            declared[M::word] |= 1u << M::bit;
            if (m.has_value()) set[M::word] |= 1u << M::bit;
        }
    });
    return {set[0] | (stored[0] & ~declared[0]), set[1] | (stored[1] & ~declared[1])};
}

// read_value, with the primitives read in place (no call).
template <class V>
[[gnu::always_inline]] inline bool read_member(reader& r, V& m) {
    if constexpr (std::is_same_v<V, std::int32_t>) return r.i32(m);
    else if constexpr (std::is_same_v<V, std::int64_t>) return r.i64(m);
    else if constexpr (std::is_same_v<V, double>) return r.f64(m);
    else if constexpr (std::is_same_v<V, std::string> || std::is_same_v<V, bytes>) return r.str(m);
    else return read_value(r, m);
}

template <class T>
bool read_fields(reader& r, T& v) {
    std::array<std::uint32_t, 2> words{};
    bool ok = true;
    boost::mp11::mp_for_each<members<T>>([&](auto D) {
        if (!ok) return;
        using M = member_t<T, decltype(D)>;
        auto& m = v.*D.pointer;
        if constexpr (is_flags<M>::value) {
            ok = r.u32(m.value, "flags");
            words[M::word] = m.value;
        } else if constexpr (is_flag<M>::value) {
            m.value = (words[M::word] >> M::bit & 1u) != 0;
        } else if constexpr (is_opt<M>::value) {
            using V = typename M::value_type;
            if (words[M::word] >> M::bit & 1u) {
                if constexpr (is_unmodelled<V>::value) {
                    ok = r.fail(decode_errc::unexpected_type,
                                "field is present but its type " + std::string(V::tl_type) +
                                    " is not modelled; cannot decode it",
                                r.offset());
                } else {
                    ok = read_member(r, m.emplace());
                }
            } else {
                m.reset();
            }
        } else {
            ok = read_member(r, m);
        }
        if (!ok) [[unlikely]] r.error().prepend_key(wire_name_v<T, decltype(D)>);
    });
    return ok;
}

struct depth_guard {
    reader& r;
    ~depth_guard() { r.leave(); }
};

template <class V>
std::string constructor_names() {
    std::string s;
    boost::mp11::mp_for_each<boost::mp11::mp_iota_c<std::variant_size_v<V>>>([&](auto I) {
        using A = std::variant_alternative_t<I, V>;
        if (!s.empty()) s += ", ";
        s += A::tl_name;
    });
    return s;
}

} // namespace detail

namespace detail {

// Byte size of a TL string of n bytes (n already cut to max_string_size), with padding.
inline constexpr std::size_t string_wire_size(std::size_t n) noexcept {
    const std::size_t head = n <= 253 ? 1 : 4;
    return (head + n + 3) / 4 * 4;
}

inline char* store_u32(char* p, std::uint32_t v) noexcept {
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(p, &v, 4);
    } else {
        p[0] = char(v); p[1] = char(v >> 8); p[2] = char(v >> 16); p[3] = char(v >> 24);
    }
    return p + 4;
}
inline char* store_u64(char* p, std::uint64_t v) noexcept {
    p = store_u32(p, static_cast<std::uint32_t>(v));
    return store_u32(p, static_cast<std::uint32_t>(v >> 32));
}
inline char* store_string(char* p, std::string_view s) noexcept {
    const std::size_t n = s.size() < max_string_size ? s.size() : max_string_size;
    std::size_t head;
    if (n <= 253) {
        *p++ = static_cast<char>(n);
        head = 1;
    } else {
        *p++ = static_cast<char>(0xFE);
        *p++ = static_cast<char>(n);
        *p++ = static_cast<char>(n >> 8);
        *p++ = static_cast<char>(n >> 16);
        head = 4;
    }
    std::memcpy(p, s.data(), n);
    p += n;
    const std::size_t pad = (4 - (head + n) % 4) % 4;
    for (std::size_t i = 0; i < pad; ++i) *p++ = '\0';
    return p;
}

template <class T>
std::size_t wire_size(const T& v);
template <class T>
char* store_value(char* p, const T& v);

// True when T has a conditional (flags.N?T) member, whose presence the flags decide.
template <class T>
constexpr bool has_opt_member() {
    bool any = false;
    boost::mp11::mp_for_each<members<T>>([&](auto D) {
        if (is_opt<member_t<T, decltype(D)>>::value) any = true;
    });
    return any;
}

template <class T>
std::size_t fields_size(const T& v) {
    std::array<std::uint32_t, 2> words{};
    if constexpr (has_opt_member<T>()) words = flag_words(v);
    std::size_t n = 0;
    boost::mp11::mp_for_each<members<T>>([&](auto D) {
        using M = member_t<T, decltype(D)>;
        const auto& m = v.*D.pointer;
        if constexpr (is_flags<M>::value) {
            n += 4;
        } else if constexpr (is_flag<M>::value) {
        } else if constexpr (is_opt<M>::value) {
            using V = typename M::value_type;
            if (words[M::word] >> M::bit & 1u) {
                if (m.has_value()) n += wire_size(*m);
                else if constexpr (std::is_default_constructible_v<V>) n += wire_size(V{});
            }
        } else {
            n += wire_size(m);
        }
    });
    return n;
}

template <class T>
char* store_fields(char* p, const T& v) {
    const auto words = flag_words(v);
    boost::mp11::mp_for_each<members<T>>([&](auto D) {
        using M = member_t<T, decltype(D)>;
        const auto& m = v.*D.pointer;
        if constexpr (is_flags<M>::value) {
            p = store_u32(p, words[M::word]);
        } else if constexpr (is_flag<M>::value) {
        } else if constexpr (is_opt<M>::value) {
            using V = typename M::value_type;
            // A bit shared with another member (self / inviter_id) may be set while this
            // one is absent: the bit promises a value, so its default is written.
            if (words[M::word] >> M::bit & 1u) {
                if (m.has_value()) p = store_value(p, *m);
                else if constexpr (std::is_default_constructible_v<V>) p = store_value(p, V{});
            }
        } else {
            p = store_value(p, m);
        }
    });
    return p;
}

// The exact number of bytes store_value writes for v.
template <class T>
std::size_t wire_size(const T& v) {
    if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, std::int32_t>) {
        return 4;
    } else if constexpr (std::is_same_v<T, std::int64_t> || std::is_same_v<T, double>) {
        return 8;
    } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, bytes>) {
        return string_wire_size(v.size() < max_string_size ? v.size() : max_string_size);
    } else if constexpr (is_intn<T>::value) {
        return v.data.size();
    } else if constexpr (is_vector<T>::value) {
        std::size_t n = 8;
        for (const auto& e : v) n += wire_size<typename T::value_type>(e);
        return n;
    } else if constexpr (is_bare<T>::value) {
        using U = decltype(v.value);
        if constexpr (is_vector<U>::value) {
            std::size_t n = 4;
            for (const auto& e : v.value) n += wire_size<typename U::value_type>(e);
            return n;
        } else if constexpr (constructor<U>) {
            return fields_size(v.value);
        } else {
            return wire_size(v.value);
        }
    } else if constexpr (is_indirect<T>::value) {
        return wire_size(*v);
    } else if constexpr (is_unmodelled<T>::value) {
        return 0;
    } else if constexpr (polymorphic<T>) {
        const auto& var = as_variant(v);
        if (var.valueless_by_exception()) return 0;
        return boost::mp11::mp_with_index<std::variant_size_v<variant_of<T>>>(
            var.index(), [&](auto I) -> std::size_t { return 4 + fields_size(std::get<I>(var)); });
    } else if constexpr (constructor<T>) {
        return 4 + fields_size(v);
    } else {
        static_assert(dependent_false<T>, "type has no TL mapping");
    }
}

// Writes v at p (room for wire_size(v) bytes); returns the end.
template <class T>
char* store_value(char* p, const T& v) {
    if constexpr (std::is_same_v<T, bool>) {
        return store_u32(p, v ? bool_true_id : bool_false_id);
    } else if constexpr (std::is_same_v<T, std::int32_t>) {
        return store_u32(p, static_cast<std::uint32_t>(v));
    } else if constexpr (std::is_same_v<T, std::int64_t>) {
        return store_u64(p, static_cast<std::uint64_t>(v));
    } else if constexpr (std::is_same_v<T, double>) {
        return store_u64(p, std::bit_cast<std::uint64_t>(v));
    } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, bytes>) {
        return store_string(p, v);
    } else if constexpr (is_intn<T>::value) {
        std::memcpy(p, v.data.data(), v.data.size());
        return p + v.data.size();
    } else if constexpr (is_vector<T>::value) {
        p = store_u32(p, vector_id);
        p = store_u32(p, static_cast<std::uint32_t>(static_cast<std::int32_t>(v.size())));
        for (const auto& e : v) p = store_value<typename T::value_type>(p, e);
        return p;
    } else if constexpr (is_bare<T>::value) {
        using U = decltype(v.value);
        if constexpr (is_vector<U>::value) {
            p = store_u32(p, static_cast<std::uint32_t>(static_cast<std::int32_t>(v.value.size())));
            for (const auto& e : v.value) p = store_value<typename U::value_type>(p, e);
            return p;
        } else if constexpr (constructor<U>) {
            return store_fields(p, v.value);
        } else {
            return store_value(p, v.value);
        }
    } else if constexpr (is_indirect<T>::value) {
        return store_value(p, *v);
    } else if constexpr (is_unmodelled<T>::value) {
        return p;  // no value of this type can exist
    } else if constexpr (polymorphic<T>) {
        const auto& var = as_variant(v);
        if (var.valueless_by_exception()) return p;
        return boost::mp11::mp_with_index<std::variant_size_v<variant_of<T>>>(var.index(), [&](auto I) -> char* {
            const auto& a = std::get<I>(var);
            return store_fields(store_u32(p, std::remove_cvref_t<decltype(a)>::tl_id), a);
        });
    } else if constexpr (constructor<T>) {
        return store_fields(store_u32(p, T::tl_id), v);
    } else {
        static_assert(dependent_false<T>, "type has no TL mapping");
    }
}

} // namespace detail

/// Writes v: boxed for constructors, polymorphic types, Bool and Vector; bare for
/// int, long, double, string, bytes, int128, int256 and tl::bare<T>.
/// The size is computed first; the bytes are then stored in place.
template <class T>
void write_value(std::string& out, const T& v) {
    const std::size_t n = detail::wire_size(v);
    const std::size_t at = out.size();
    out.resize(at + n);
    detail::store_value(out.data() + at, v);
}

/// Reads v; on failure the reader's error names the path below v and the byte offset.
template <class T>
bool read_value(reader& r, T& v) {
    using namespace detail;
    if constexpr (std::is_same_v<T, bool>) {
        std::size_t at = r.offset();
        std::uint32_t id;
        if (!r.u32(id, "Bool")) return false;
        if (id == bool_true_id) v = true;
        else if (id == bool_false_id) v = false;
        else
            return r.fail(decode_errc::unknown_constructor,
                          "unknown constructor " + hex_id(id) + " for Bool (expected boolTrue or boolFalse)", at);
        return true;
    } else if constexpr (std::is_same_v<T, std::int32_t>) {
        return r.i32(v);
    } else if constexpr (std::is_same_v<T, std::int64_t>) {
        return r.i64(v);
    } else if constexpr (std::is_same_v<T, double>) {
        return r.f64(v);
    } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, bytes>) {
        return r.str(v);
    } else if constexpr (is_intn<T>::value) {
        return r.raw(v.data.data(), v.data.size());
    } else if constexpr (is_vector<T>::value) {
        std::size_t at = r.offset();
        std::uint32_t id;
        if (!r.u32(id, "Vector")) return false;
        if (id != vector_id)
            return r.fail(decode_errc::unknown_constructor,
                          "unknown constructor " + hex_id(id) + " where a Vector (0x1cb5c415) was expected", at);
        bare<T> b;
        if (!read_value(r, b)) return false;
        v = std::move(b.value);
        return true;
    } else if constexpr (is_bare<T>::value) {
        using U = decltype(v.value);
        if constexpr (is_vector<U>::value) {
            using E = typename U::value_type;
            std::size_t at = r.offset();
            std::int32_t n;
            if (!r.i32(n)) return false;
            if (n < 0) return r.fail(decode_errc::invalid_value, "negative vector length " + std::to_string(n), at);
            auto count = static_cast<std::size_t>(n);
            if (count > r.limit().max_vector)
                return r.fail(decode_errc::too_large,
                              "vector of " + std::to_string(count) + " elements exceeds the limit of " +
                                  std::to_string(r.limit().max_vector),
                              at);
            if (constexpr auto m = min_wire_size<E>(); m && count > r.remaining() / m)
                return r.fail(decode_errc::truncated,
                              "vector of " + std::to_string(count) + " elements runs past the end of the input (" +
                                  std::to_string(r.remaining()) + " bytes left)",
                              at);
            if constexpr (is_unmodelled<E>::value) {
                if (count != 0)
                    return r.fail(decode_errc::unexpected_type,
                                  "vector holds " + std::to_string(count) + " elements of type " +
                                      std::string(E::tl_type) + ", which is not modelled; cannot decode them",
                                  r.offset());
                v.value.clear();
                return true;
            } else {
                if (!r.enter()) return false;
                depth_guard g{r};
                v.value.clear();
                v.value.reserve(count);
                for (std::size_t i = 0; i < count; ++i) {
                    if constexpr (std::is_same_v<E, bool>) {  // std::vector<bool> has no E&
                        E e{};
                        if (!read_value(r, e)) {
                            r.error().prepend_index(i);
                            return false;
                        }
                        v.value.push_back(e);
                    } else if (!read_value(r, v.value.emplace_back())) {
                        v.value.pop_back();
                        r.error().prepend_index(i);
                        return false;
                    }
                }
                return true;
            }
        } else if constexpr (constructor<U>) {
            if (!r.enter()) return false;
            depth_guard g{r};
            return read_fields(r, v.value);
        } else {
            return read_value(r, v.value);
        }
    } else if constexpr (is_indirect<T>::value) {
        return read_value(r, *v);
    } else if constexpr (is_unmodelled<T>::value) {
        return r.fail(decode_errc::unexpected_type,
                      "type " + std::string(T::tl_type) + " is not modelled; cannot decode it", r.offset());
    } else if constexpr (polymorphic<T>) {
        using V = variant_of<T>;
        std::size_t at = r.offset();
        std::uint32_t id;
        if (!r.u32(id, "constructor id")) return false;
        if (!r.enter()) return false;
        depth_guard g{r};
        bool found = false, ok = false;
        boost::mp11::mp_for_each<boost::mp11::mp_iota_c<std::variant_size_v<V>>>([&](auto I) {
            using A = std::variant_alternative_t<I, V>;
            if (found || A::tl_id != id) return;
            found = true;
            ok = read_fields(r, as_variant(v).template emplace<I>());
        });
        if (!found)
            return r.fail(decode_errc::unknown_constructor,
                          "unknown constructor " + hex_id(id) + " (expected one of: " + constructor_names<V>() + ")",
                          at);
        return ok;
    } else if constexpr (constructor<T>) {
        std::size_t at = r.offset();
        std::uint32_t id;
        if (!r.u32(id, "constructor id")) return false;
        if (id != T::tl_id)
            return r.fail(decode_errc::unknown_constructor,
                          "unknown constructor " + hex_id(id) + " (expected " + std::string(T::tl_name) + "#" +
                              hex_id(T::tl_id).substr(2) + ")",
                          at);
        if (!r.enter()) return false;
        depth_guard g{r};
        return read_fields(r, v);
    } else {
        static_assert(dependent_false<T>, "type has no TL mapping");
    }
}

} // namespace chatadmin::tl

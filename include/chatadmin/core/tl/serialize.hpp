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

template <class T>
using members = boost::describe::describe_members<T, boost::describe::mod_public>;

template <class T, class D>
using member_t = std::remove_cvref_t<decltype(std::declval<const T&>().*D::pointer)>;

// Declared bits and present bits of each flags word of T.
template <class T>
std::array<std::uint32_t, 2> flag_words(const T& v) {
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

template <class T>
void write_fields(std::string& out, const T& v) {
    const auto words = flag_words(v);
    boost::mp11::mp_for_each<members<T>>([&](auto D) {
        using M = member_t<T, decltype(D)>;
        const auto& m = v.*D.pointer;
        if constexpr (is_flags<M>::value) {
            put_u32(out, words[M::word]);
        } else if constexpr (is_flag<M>::value) {
        } else if constexpr (is_opt<M>::value) {
            using V = typename M::value_type;
            // A bit shared with another member (self / inviter_id) may be set while this
            // one is absent: the bit promises a value, so its default is written.
            if (words[M::word] >> M::bit & 1u) {
                if (m.has_value()) write_value(out, *m);
                else if constexpr (std::is_default_constructible_v<V>) write_value(out, V{});
            }
        } else {
            write_value(out, m);
        }
    });
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
                    ok = read_value(r, m.emplace());
                }
            } else {
                m.reset();
            }
        } else {
            ok = read_value(r, m);
        }
        if (!ok) r.error().prepend_key(wire_name_v<T, decltype(D)>);
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

/// Writes v: boxed for constructors, polymorphic types, Bool and Vector; bare for
/// int, long, double, string, bytes, int128, int256 and tl::bare<T>.
template <class T>
void write_value(std::string& out, const T& v) {
    using namespace detail;
    if constexpr (std::is_same_v<T, bool>) {
        put_u32(out, v ? bool_true_id : bool_false_id);
    } else if constexpr (std::is_same_v<T, std::int32_t>) {
        put_int(out, v);
    } else if constexpr (std::is_same_v<T, std::int64_t>) {
        put_long(out, v);
    } else if constexpr (std::is_same_v<T, double>) {
        put_double(out, v);
    } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, bytes>) {
        put_string(out, v);
    } else if constexpr (is_intn<T>::value) {
        put_raw(out, v.data.data(), v.data.size());
    } else if constexpr (is_vector<T>::value) {
        put_u32(out, vector_id);
        put_int(out, static_cast<std::int32_t>(v.size()));
        for (const auto& e : v) write_value<typename T::value_type>(out, e);
    } else if constexpr (is_bare<T>::value) {
        using U = decltype(v.value);
        if constexpr (is_vector<U>::value) {
            put_int(out, static_cast<std::int32_t>(v.value.size()));
            for (const auto& e : v.value) write_value<typename U::value_type>(out, e);
        } else if constexpr (constructor<U>) {
            write_fields(out, v.value);
        } else {
            write_value(out, v.value);
        }
    } else if constexpr (is_indirect<T>::value) {
        write_value(out, *v);
    } else if constexpr (is_unmodelled<T>::value) {
        // no value of this type can exist
    } else if constexpr (polymorphic<T>) {
        const auto& var = as_variant(v);
        if (var.valueless_by_exception()) return;
        boost::mp11::mp_with_index<std::variant_size_v<variant_of<T>>>(var.index(), [&](auto I) {
            const auto& a = std::get<I>(var);
            put_u32(out, std::remove_cvref_t<decltype(a)>::tl_id);
            write_fields(out, a);
        });
    } else if constexpr (constructor<T>) {
        put_u32(out, T::tl_id);
        write_fields(out, v);
    } else {
        static_assert(dependent_false<T>, "type has no TL mapping");
    }
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
                    E e{};
                    if (!read_value(r, e)) {
                        r.error().prepend_index(i);
                        return false;
                    }
                    v.value.push_back(std::move(e));
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

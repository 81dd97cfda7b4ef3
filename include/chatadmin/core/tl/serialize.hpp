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
#include <utility>
#include <variant>

namespace chatadmin::tl {

template <class T>
void write_value(std::string& out, const T& v);
template <class T>
[[gnu::always_inline]] inline bool read_value(reader& r, T& v);

namespace detail {

// Members of described bases come first, in declaration order (a constructor too long for
// one description is split into a base and the rest).
template <class T>
using members = boost::describe::describe_members<T, boost::describe::mod_public | boost::describe::mod_inherited>;

template <class T, class D>
using member_t = std::remove_cvref_t<decltype(std::declval<const T&>().*D::pointer)>;

// What member m contributes to flags word W: the bit it declares (flag, opt), whether
// that bit is set, and the stored word (flags).
template <unsigned W, class M>
constexpr std::uint32_t declared_bit() {
    if constexpr (is_flag<M>::value || is_opt<M>::value) return M::word == W ? 1u << M::bit : 0u;
    else return 0;
}
template <unsigned W, class M>
[[gnu::always_inline]] inline std::uint32_t present_bit(const M& m) {
    if constexpr (is_flag<M>::value) return M::word == W ? std::uint32_t(m.value) << M::bit : 0u;
    else if constexpr (is_opt<M>::value) return M::word == W ? std::uint32_t(m.has_value()) << M::bit : 0u;
    else return 0;
}
template <unsigned W, class M>
[[gnu::always_inline]] inline std::uint32_t stored_word(const M& m) {
    if constexpr (is_flags<M>::value) return M::word == W ? m.value : 0u;
    else return 0;
}

// Flags word W of v: the declared bits from the members, the others as stored.
template <unsigned W, class T, template <class...> class L, class... D>
[[gnu::always_inline]] inline std::uint32_t flag_word(const T& v, L<D...>) {
    constexpr std::uint32_t declared = (declared_bit<W, member_t<T, D>>() | ... | 0u);
    const std::uint32_t stored = (stored_word<W>(v.*D::pointer) | ... | 0u);
    return (present_bit<W>(v.*D::pointer) | ... | 0u) | (stored & ~declared);
}

template <class T>
[[gnu::always_inline]] inline std::array<std::uint32_t, 2> flag_words(const T& v) {
    return {flag_word<0>(v, members<T>{}), flag_word<1>(v, members<T>{})};
}

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

// The failures below are kept out of line so that the decoding paths stay small.

// An id that is not one T accepts; T is bool, a vector, a polymorphic type or a constructor.
template <class T>
[[gnu::noinline, gnu::cold]] void bad_constructor(reader& r, std::uint32_t id, std::size_t at) {
    std::string m = "unknown constructor " + hex_id(id);
    if constexpr (std::is_same_v<T, bool>) m += " for Bool (expected boolTrue or boolFalse)";
    else if constexpr (is_vector<T>::value) m += " where a Vector (0x1cb5c415) was expected";
    else if constexpr (polymorphic<T>) m += " (expected one of: " + constructor_names<variant_of<T>>() + ")";
    else m += " (expected " + std::string(T::tl_name) + "#" + hex_id(T::tl_id).substr(2) + ")";
    r.fail(decode_errc::unknown_constructor, std::move(m), at);
}

// A vector length n at `at` that is negative or cannot fit.
[[gnu::noinline, gnu::cold]] inline void bad_vector_length(reader& r, std::int32_t n, std::size_t at) {
    const auto count = static_cast<std::size_t>(n);
    if (n < 0)
        r.fail(decode_errc::invalid_value, "negative vector length " + std::to_string(n), at);
    else if (count > r.limit().max_vector)
        r.fail(decode_errc::too_large,
               "vector of " + std::to_string(count) + " elements exceeds the limit of " +
                   std::to_string(r.limit().max_vector),
               at);
    else
        r.fail(decode_errc::truncated,
               "vector of " + std::to_string(count) + " elements runs past the end of the input (" +
                   std::to_string(r.remaining()) + " bytes left)",
               at);
}

// A conditional field whose flag is set but whose type U this library does not model.
template <class U>
[[gnu::noinline, gnu::cold]] void unmodelled_field(reader& r) {
    r.fail(decode_errc::unexpected_type,
           "field is present but its type " + std::string(U::tl_type) + " is not modelled; cannot decode it",
           r.offset());
}

// Adds the member's name to the path of the error that stopped the read.
[[gnu::noinline, gnu::cold]] inline void failed_in(reader& r, std::string_view key) { r.error().prepend_key(key); }

template <class T, class Make>
[[gnu::always_inline]] inline bool read_alternative(reader& r, Make&& make);

// One member of T, described by D; `words` holds the flags words read so far.
template <class T, class D>
[[gnu::always_inline]] inline bool read_field(reader& r, T& v, std::array<std::uint32_t, 2>& words) {
    using M = member_t<T, D>;
    auto& m = v.*D::pointer;
    bool ok = true;
    if constexpr (is_flags<M>::value) {
        ok = r.u32(m.value, "flags");
        words[M::word] = m.value;
    } else if constexpr (is_flag<M>::value) {
        m.value = (words[M::word] >> M::bit & 1u) != 0;
    } else if constexpr (is_opt<M>::value) {
        using V = typename M::value_type;
        if (words[M::word] >> M::bit & 1u) {
            if constexpr (is_unmodelled<V>::value) {
                unmodelled_field<V>(r);
                ok = false;
            } else if constexpr (polymorphic<V>) {
                ok = read_alternative<V>(r, [&](auto in_place) -> auto& { return m.emplace(in_place); });
            } else {
                ok = read_value(r, m.emplace());
            }
        } else if (m.has_value()) {
            m.reset();
        }
    } else {
        ok = read_value(r, m);
    }
    if (!ok) [[unlikely]] failed_in(r, wire_name_v<T, D>);
    return ok;
}

// The members in order, stopping at the first that fails.
template <class T, template <class...> class L, class... D>
[[gnu::always_inline]] inline bool read_members(reader& r, T& v, L<D...>) {
    [[maybe_unused]] std::array<std::uint32_t, 2> words{};
    return (read_field<T, D>(r, v, words) && ...);
}

template <class T>
[[gnu::always_inline]] inline bool read_fields(reader& r, T& v) {
    return read_members(r, v, members<T>{});
}

// Members that take bytes (or decide whether others do): all but the flag bits.
template <class T>
constexpr std::size_t field_count() {
    std::size_t n = 0;
    boost::mp11::mp_for_each<members<T>>([&](auto D) {
        if constexpr (!is_flag<member_t<T, decltype(D)>>::value) ++n;
    });
    return n;
}

template <class T>
[[gnu::noinline]] bool read_fields_outlined(reader& r, T& v) {
    return read_fields(r, v);
}

// The fields of a constructor. Large constructors (user, channel) are read by a call of
// their own: inlined, they made the decoder of a whole polymorphic type so large that the
// compiler stopped inlining even trivial helpers into the small constructors beside them.
template <class T>
[[gnu::always_inline]] inline bool read_body(reader& r, T& v) {
    if constexpr (field_count<T>() > 16) return read_fields_outlined(r, v);
    else return read_fields(r, v);
}

struct depth_guard {
    reader& r;
    [[gnu::always_inline]] ~depth_guard() { r.leave(); }
};

} // namespace detail

namespace detail {

// Byte size of a TL string of n bytes, with padding; past max_string_size it is cut.
inline constexpr std::size_t string_wire_size(std::size_t n) noexcept {
    if (n <= 253) [[likely]] return (n + 4) & ~std::size_t(3);
    return ((n < max_string_size ? n : max_string_size) + 7) & ~std::size_t(3);
}

[[gnu::always_inline]] inline char* store_u32(char* p, std::uint32_t v) noexcept {
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(p, &v, 4);
    } else {
        p[0] = char(v); p[1] = char(v >> 8); p[2] = char(v >> 16); p[3] = char(v >> 24);
    }
    return p + 4;
}
[[gnu::always_inline]] inline char* store_u64(char* p, std::uint64_t v) noexcept {
    p = store_u32(p, static_cast<std::uint32_t>(v));
    return store_u32(p, static_cast<std::uint32_t>(v >> 32));
}

// n bytes with sizeof(W) <= n <= 2 * sizeof(W): the first and the last W, overlapping.
template <class W>
[[gnu::always_inline]] inline void copy_ends(char* d, const char* s, std::size_t n) noexcept {
    W a, b;
    std::memcpy(&a, s, sizeof(W));
    std::memcpy(&b, s + n - sizeof(W), sizeof(W));
    std::memcpy(d, &a, sizeof(W));
    std::memcpy(d + n - sizeof(W), &b, sizeof(W));
}

// n bytes; up to 16 (ranks, names) with overlapping moves instead of a call.
[[gnu::always_inline]] inline void copy_bytes(char* d, const char* s, std::size_t n) noexcept {
    if (n > 16) {
        std::memcpy(d, s, n);
    } else if (n >= 8) {
        copy_ends<std::uint64_t>(d, s, n);
    } else if (n >= 4) {
        copy_ends<std::uint32_t>(d, s, n);
    } else if (n != 0) {
        d[0] = s[0];
        d[n / 2] = s[n / 2];
        d[n - 1] = s[n - 1];
    }
}

// TL strings: the last word is zeroed first, then the bytes overwrite all of it but the
// padding. The long form (0xFE and a 3-byte length) is kept out of line.
[[gnu::noinline]] inline char* store_long_string(char* p, std::string_view s) noexcept {
    const std::size_t n = s.size() < max_string_size ? s.size() : max_string_size;
    const std::size_t total = string_wire_size(n);
    store_u32(p + total - 4, 0);
    p[0] = static_cast<char>(0xFE);
    p[1] = static_cast<char>(n);
    p[2] = static_cast<char>(n >> 8);
    p[3] = static_cast<char>(n >> 16);
    std::memcpy(p + 4, s.data(), n);
    return p + total;
}
[[gnu::always_inline]] inline char* store_string(char* p, std::string_view s) noexcept {
    const std::size_t n = s.size();
    if (n > 253) [[unlikely]] return store_long_string(p, s);
    const std::size_t total = (n + 4) & ~std::size_t(3);
    store_u32(p + total - 4, 0);
    p[0] = static_cast<char>(n);
    copy_bytes(p + 1, s.data(), n);
    return p + total;
}

// wire_size and store_value are inlined into their callers; the types that can contain
// themselves (through indirect or a vector) reach them through the out-of-line helpers.
template <class T>
[[gnu::always_inline]] inline std::size_t wire_size(const T& v);
template <class T>
[[gnu::always_inline]] inline char* store_value(char* p, const T& v);

inline constexpr std::size_t variable_size = std::size_t(-1);

template <class T>
constexpr std::size_t fixed_fields_size();

// The bytes every value of T takes on the wire, or variable_size when the value decides.
// Polymorphic and indirect types count as variable without looking inside (InputPeer
// contains itself); wire_size looks up their alternatives instead.
template <class T>
constexpr std::size_t fixed_wire_size() {
    if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, std::int32_t>) return 4;
    else if constexpr (std::is_same_v<T, std::int64_t> || std::is_same_v<T, double>) return 8;
    else if constexpr (is_intn<T>::value) return sizeof(T::data);
    else if constexpr (is_unmodelled<T>::value) return 0;
    else if constexpr (is_bare<T>::value) {
        using U = decltype(T::value);
        if constexpr (is_vector<U>::value) return variable_size;
        else if constexpr (constructor<U>) return fixed_fields_size<U>();
        else return fixed_wire_size<U>();
    } else if constexpr (polymorphic<T>) return variable_size;
    else if constexpr (constructor<T>) {
        constexpr std::size_t n = fixed_fields_size<T>();
        return n == variable_size ? n : 4 + n;
    } else return variable_size;
}

template <class T>
constexpr std::size_t fixed_fields_size() {
    std::size_t n = 0;
    boost::mp11::mp_for_each<members<T>>([&](auto D) {
        using M = member_t<T, decltype(D)>;
        std::size_t m = 0;
        if constexpr (is_flags<M>::value) m = 4;
        else if constexpr (is_flag<M>::value) m = 0;
        else if constexpr (is_opt<M>::value) m = variable_size;
        else m = fixed_wire_size<M>();
        n = n == variable_size || m == variable_size ? variable_size : n + m;
    });
    return n;
}

// fixed_wire_size of each alternative of the variant V (with its constructor id), at
// index() + 1; first 0, for a variant left valueless (index() + 1 wraps to 0).
template <class V>
constexpr auto alternative_sizes() {
    std::array<std::size_t, std::variant_size_v<V> + 1> sizes{};
    boost::mp11::mp_for_each<boost::mp11::mp_iota_c<std::variant_size_v<V>>>([&](auto I) {
        sizes[I + 1] = fixed_wire_size<std::variant_alternative_t<I, V>>();
    });
    return sizes;
}

// True when the conditional member M of T shares its flags bit with another member, so
// that the flags word, not M's presence alone, decides whether M is written.
template <class T, class M>
constexpr bool shares_bit() {
    int n = 0;
    boost::mp11::mp_for_each<members<T>>([&](auto D) {
        using N = member_t<T, decltype(D)>;
        if constexpr (is_flag<N>::value || is_opt<N>::value)
            if (N::word == M::word && N::bit == M::bit) ++n;
    });
    return n > 1;
}

template <class T>
constexpr bool has_shared_opt() {
    bool any = false;
    boost::mp11::mp_for_each<members<T>>([&](auto D) {
        using M = member_t<T, decltype(D)>;
        if constexpr (is_opt<M>::value) any = any || shares_bit<T, M>();
    });
    return any;
}

// Whether the conditional member m is written.
template <class T, class M>
[[gnu::always_inline]] inline bool written(const M& m, const std::array<std::uint32_t, 2>& words) {
    if constexpr (shares_bit<T, M>()) return (words[M::word] >> M::bit & 1u) != 0;
    else return m.has_value();
}

// One member of T, described by D, sized or stored. The members are expanded in place
// (a fold, not a loop over lambdas) so that no closure outlives the inlining.
template <class T, class D>
[[gnu::always_inline]] inline std::size_t member_size(const T& v, const std::array<std::uint32_t, 2>& words) {
    using M = member_t<T, D>;
    const auto& m = v.*D::pointer;
    if constexpr (is_flags<M>::value) {
        return 4;
    } else if constexpr (is_flag<M>::value) {
        return 0;
    } else if constexpr (is_opt<M>::value) {
        using V = typename M::value_type;
        if (!written<T>(m, words)) return 0;
        if (m.has_value()) return wire_size(*m);
        if constexpr (std::is_default_constructible_v<V>) return wire_size(V{});
        else return 0;
    } else {
        return wire_size(m);
    }
}
template <class T, class D>
[[gnu::always_inline]] inline char* store_member(char* p, const T& v, const std::array<std::uint32_t, 2>& words) {
    using M = member_t<T, D>;
    const auto& m = v.*D::pointer;
    if constexpr (is_flags<M>::value) {
        return store_u32(p, words[M::word]);
    } else if constexpr (is_flag<M>::value) {
        return p;
    } else if constexpr (is_opt<M>::value) {
        using V = typename M::value_type;
        // A bit shared with another member (self / inviter_id) may be set while this
        // one is absent: the bit promises a value, so its default is written.
        if (!written<T>(m, words)) return p;
        if (m.has_value()) return store_value(p, *m);
        if constexpr (std::is_default_constructible_v<V>) return store_value(p, V{});
        else return p;
    } else {
        return store_value(p, m);
    }
}

template <class T, template <class...> class L, class... D>
[[gnu::always_inline]] inline std::size_t members_size(const T& v, L<D...>) {
    [[maybe_unused]] std::array<std::uint32_t, 2> words{};
    if constexpr (has_shared_opt<T>()) words = flag_words(v);
    return (member_size<T, D>(v, words) + ... + std::size_t(0));
}
template <class T, template <class...> class L, class... D>
[[gnu::always_inline]] inline char* store_members(char* p, const T& v, L<D...>) {
    [[maybe_unused]] const auto words = flag_words(v);
    ((p = store_member<T, D>(p, v, words)), ...);
    return p;
}

template <class T>
[[gnu::always_inline]] inline std::size_t fields_size(const T& v) {
    return members_size(v, members<T>{});
}
template <class T>
[[gnu::always_inline]] inline char* store_fields(char* p, const T& v) {
    return store_members(p, v, members<T>{});
}

// The length word and the elements of a vector.
template <class E, class A>
std::size_t elements_size(const std::vector<E, A>& v) {
    if constexpr (constexpr std::size_t e = fixed_wire_size<E>(); e != variable_size) {
        return 4 + v.size() * e;
    } else {
        std::size_t n = 4;
        for (const auto& x : v) n += wire_size<E>(x);
        return n;
    }
}
template <class E, class A>
char* store_elements(char* p, const std::vector<E, A>& v) {
    p = store_u32(p, static_cast<std::uint32_t>(static_cast<std::int32_t>(v.size())));
    for (const auto& e : v) p = store_value<E>(p, e);
    return p;
}
template <class T>
std::size_t indirect_size(const indirect<T>& v) { return wire_size(*v); }
template <class T>
char* store_indirect(char* p, const indirect<T>& v) { return store_value(p, *v); }

// The alternative a variant holds, found without a call; a valueless variant matches none
// and takes no bytes.
template <class V, std::size_t... I>
[[gnu::always_inline]] inline std::size_t alternative_size(const V& var, std::index_sequence<I...>) {
    std::size_t n = 0;
    (void)((var.index() == I && (n = 4 + fields_size(*std::get_if<I>(&var)), true)) || ...);
    return n;
}
template <class V, std::size_t... I>
[[gnu::always_inline]] inline char* store_alternative(char* p, const V& var, std::index_sequence<I...>) {
    (void)((var.index() == I &&
            (p = store_fields(store_u32(p, std::variant_alternative_t<I, V>::tl_id), *std::get_if<I>(&var)), true)) ||
           ...);
    return p;
}

// The exact number of bytes store_value writes for v.
template <class T>
[[gnu::always_inline]] inline std::size_t wire_size(const T& v) {
    if constexpr (constexpr std::size_t n = fixed_wire_size<T>(); n != variable_size) {
        return n;
    } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, bytes>) {
        return string_wire_size(v.size());
    } else if constexpr (is_vector<T>::value) {
        return 4 + elements_size(v);
    } else if constexpr (is_bare<T>::value) {
        using U = decltype(v.value);
        if constexpr (is_vector<U>::value) {
            return elements_size(v.value);
        } else if constexpr (constructor<U>) {
            return fields_size(v.value);
        } else {
            return wire_size(v.value);
        }
    } else if constexpr (is_indirect<T>::value) {
        return indirect_size(v);
    } else if constexpr (polymorphic<T>) {
        const auto& var = as_variant(v);
        static constexpr auto sizes = alternative_sizes<variant_of<T>>();
        if (const std::size_t n = sizes[var.index() + 1]; n != variable_size) return n;
        return alternative_size(var, std::make_index_sequence<std::variant_size_v<variant_of<T>>>{});
    } else if constexpr (constructor<T>) {
        return 4 + fields_size(v);
    } else {
        static_assert(dependent_false<T>, "type has no TL mapping");
    }
}

// Writes v at p (room for wire_size(v) bytes); returns the end.
template <class T>
[[gnu::always_inline]] inline char* store_value(char* p, const T& v) {
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
        return store_elements(store_u32(p, vector_id), v);
    } else if constexpr (is_bare<T>::value) {
        using U = decltype(v.value);
        if constexpr (is_vector<U>::value) {
            return store_elements(p, v.value);
        } else if constexpr (constructor<U>) {
            return store_fields(p, v.value);
        } else {
            return store_value(p, v.value);
        }
    } else if constexpr (is_indirect<T>::value) {
        return store_indirect(p, v);
    } else if constexpr (is_unmodelled<T>::value) {
        return p;  // no value of this type can exist
    } else if constexpr (polymorphic<T>) {
        return store_alternative(p, as_variant(v), std::make_index_sequence<std::variant_size_v<variant_of<T>>>{});
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
inline void write_value(std::string& out, const T& v) {
    const std::size_t n = detail::wire_size(v);
    const std::size_t at = out.size();
    out.append(n, '\0');  // faster than resize; see chatadmin::detail::extend
    detail::store_value(out.data() + at, v);
}

namespace detail {

template <class V>
constexpr bool enters_nothing() {
    return std::is_same_v<V, bool> || std::is_same_v<V, std::int32_t> || std::is_same_v<V, std::int64_t> ||
           std::is_same_v<V, double> || std::is_same_v<V, std::string> || std::is_same_v<V, bytes> ||
           is_intn<V>::value || is_flags<V>::value || is_flag<V>::value || is_unmodelled<V>::value;
}

// True when reading a T may enter a further level (a constructor, vector or polymorphic member).
template <class T>
constexpr bool nests() {
    bool any = false;
    boost::mp11::mp_for_each<members<T>>([&](auto D) {
        using M = member_t<T, decltype(D)>;
        if constexpr (is_opt<M>::value) any = any || !enters_nothing<typename M::value_type>();
        else any = any || !enters_nothing<M>();
    });
    return any;
}

// A boxed constructor, read in place at its caller.
template <class T>
[[gnu::always_inline]] inline bool read_constructor(reader& r, T& v) {
    std::size_t at = r.offset();
    std::uint32_t id;
    if (!r.u32(id, "constructor id")) return false;
    if (id != T::tl_id) [[unlikely]] {
        bad_constructor<T>(r, id, at);
        return false;
    }
    if constexpr (nests<T>()) {
        if (!r.enter()) return false;
        depth_guard g{r};
        return read_body(r, v);
    } else {
        if (!r.enter_leaf()) return false;
        return read_body(r, v);
    }
}

// The alternative of the polymorphic type T that `id` names, read into the object that
// make(std::in_place_index<I>) constructs, so that only that alternative is ever built
// (no default alternative to construct and destroy first). The ids are compared in one
// chain, which the compiler turns into a switch. Nothing is constructed unless the id is
// known and the depth allows.
template <class T, class Make>
[[gnu::always_inline]] inline bool read_alternative(reader& r, Make&& make) {
    using V = variant_of<T>;
    std::size_t at = r.offset();
    std::uint32_t id;
    if (!r.u32(id, "constructor id")) return false;
    if (!r.enter()) return false;
    depth_guard g{r};
    bool ok = false;
    const bool found = [&]<std::size_t... I>(std::index_sequence<I...>) {
        return ((id == std::variant_alternative_t<I, V>::tl_id &&
                 (ok = read_body(r, *std::get_if<I>(&as_variant(make(std::in_place_index<I>)))), true)) ||
                ...);
    }(std::make_index_sequence<std::variant_size_v<V>>{});
    if (!found) [[unlikely]] {
        bad_constructor<T>(r, id, at);
        return false;
    }
    return ok;
}

// Every type but the primitives and plain constructors; out of line, as vectors,
// polymorphic and indirect types can contain themselves.
template <class T>
bool read_any(reader& r, T& v) {
    if constexpr (std::is_same_v<T, bool>) {
        std::size_t at = r.offset();
        std::uint32_t id;
        if (!r.u32(id, "Bool")) return false;
        if (id == bool_true_id) {
            v = true;
        } else if (id == bool_false_id) {
            v = false;
        } else {
            bad_constructor<bool>(r, id, at);
            return false;
        }
        return true;
    } else if constexpr (is_intn<T>::value) {
        return r.raw(v.data.data(), v.data.size());
    } else if constexpr (is_vector<T>::value) {
        std::size_t at = r.offset();
        std::uint32_t id;
        if (!r.u32(id, "Vector")) return false;
        if (id != vector_id) [[unlikely]] {
            bad_constructor<T>(r, id, at);
            return false;
        }
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
            const auto count = static_cast<std::size_t>(n);
            constexpr std::size_t m = min_wire_size<E>();
            if (n < 0 || count > r.limit().max_vector || (m && count > r.remaining() / m)) [[unlikely]] {
                bad_vector_length(r, n, at);
                return false;
            }
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
                    } else if constexpr (polymorphic<E>) {
                        if (!read_alternative<E>(r, [&](auto in_place) -> auto& {
                                return v.value.emplace_back(in_place);
                            })) {
                            if (v.value.size() > i) v.value.pop_back();
                            r.error().prepend_index(i);
                            return false;
                        }
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
            return read_body(r, v.value);
        } else {
            return read_value(r, v.value);
        }
    } else if constexpr (is_indirect<T>::value) {
        return read_value(r, *v);
    } else if constexpr (is_unmodelled<T>::value) {
        return r.fail(decode_errc::unexpected_type,
                      "type " + std::string(T::tl_type) + " is not modelled; cannot decode it", r.offset());
    } else if constexpr (polymorphic<T>) {
        return read_alternative<T>(r, [&]<std::size_t I>(std::in_place_index_t<I>) -> auto& {
            as_variant(v).template emplace<I>();
            return v;
        });
    } else {
        static_assert(dependent_false<T>, "type has no TL mapping");
    }
}

} // namespace detail

/// Reads v; on failure the reader's error names the path below v and the byte offset.
template <class T>
[[gnu::always_inline]] inline bool read_value(reader& r, T& v) {
    if constexpr (std::is_same_v<T, std::int32_t>) return r.i32(v);
    else if constexpr (std::is_same_v<T, std::int64_t>) return r.i64(v);
    else if constexpr (std::is_same_v<T, double>) return r.f64(v);
    else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, bytes>) return r.str(v);
    else if constexpr (!polymorphic<T> && constructor<T>) return detail::read_constructor(r, v);
    else return detail::read_any(r, v);
}

} // namespace chatadmin::tl

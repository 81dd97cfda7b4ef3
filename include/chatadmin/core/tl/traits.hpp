#pragma once
// How a C++ type maps to TL: constructors, polymorphic types, wrappers.

#include <chatadmin/core/tl/types.hpp>

#include <boost/describe/members.hpp>

#include <cstdint>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace chatadmin::tl {

inline constexpr std::uint32_t vector_id = 0x1cb5c415;
inline constexpr std::uint32_t bool_true_id = 0x997275b5;
inline constexpr std::uint32_t bool_false_id = 0xbc799737;

/// A described struct with `static constexpr std::uint32_t tl_id`: one TL constructor.
template <class T>
concept constructor = boost::describe::has_describe_members<T>::value && requires {
    { T::tl_id } -> std::convertible_to<std::uint32_t>;
};

namespace detail {

template <class... Ts>
std::variant<Ts...>& as_variant(std::variant<Ts...>& v) { return v; }
template <class... Ts>
const std::variant<Ts...>& as_variant(const std::variant<Ts...>& v) { return v; }

template <class T> struct is_vector : std::false_type {};
template <class T, class A> struct is_vector<std::vector<T, A>> : std::true_type {};
template <class T> struct is_flags : std::false_type {};
template <unsigned W> struct is_flags<flags<W>> : std::true_type {};
template <class T> struct is_flag : std::false_type {};
template <unsigned B, unsigned W> struct is_flag<flag<B, W>> : std::true_type {};
template <class T> struct is_opt : std::false_type {};
template <class T, unsigned B, unsigned W> struct is_opt<opt<T, B, W>> : std::true_type {};
template <class T> struct is_bare : std::false_type {};
template <class T> struct is_bare<bare<T>> : std::true_type {};
template <class T> struct is_indirect : std::false_type {};
template <class T> struct is_indirect<indirect<T>> : std::true_type {};
template <class T> struct is_intn : std::false_type {};
template <std::size_t N> struct is_intn<intn<N>> : std::true_type {};
template <class T> struct is_unmodelled : std::false_type {};
template <fixed_string N> struct is_unmodelled<unmodelled<N>> : std::true_type {};

template <class> inline constexpr bool dependent_false = false;

} // namespace detail

/// A std::variant of constructors (or a class derived from one): a boxed polymorphic type.
template <class T>
concept polymorphic = requires(T& t) { detail::as_variant(t); };

template <class T>
using variant_of = std::remove_cvref_t<decltype(detail::as_variant(std::declval<T&>()))>;

/// Smallest number of bytes a value of T occupies on the wire (0 if it may be empty).
template <class T>
constexpr std::size_t min_wire_size() {
    if constexpr (std::is_same_v<T, std::int64_t> || std::is_same_v<T, double>) return 8;
    else if constexpr (detail::is_intn<T>::value) return sizeof(T::data);
    else if constexpr (detail::is_bare<T>::value) return 0;
    else if constexpr (detail::is_indirect<T>::value) return 4;
    else return 4;
}

} // namespace chatadmin::tl

#pragma once
// The JSON customization point shared by the writer and the reader.
//
// A type with a wire form of its own specializes chatadmin::json::codec<T>:
//
//   template <> struct chatadmin::json::codec<my_type> {
//       static void write(json::writer&, const my_type&);
//       static bool read(json::reader&, my_type&);       // false: reader.error() is set
//       static bool absent(const my_type&);              // optional: omit the member when true
//       static constexpr bool may_be_absent = true;      // optional: a missing member is not an error
//       static std::size_t size_hint(const my_type&);    // optional: about how many bytes write() takes
//   };
//
// A type whose JSON has a most length known before it is written gives that length and
// writes through a json::bounded_writer instead, which checks for no room (faster):
//
//       static std::size_t max_size(const my_type&);     // never less than what write() writes
//       static void write(json::bounded_writer&, const my_type&);
//
// Described structs, described enums and the standard types need no specialization.
// A described struct marks members that may be missing on the wire (and then keep their
// default value) with an ADL hook next to the type:
//
//   constexpr bool wire_optional(const my_type*, std::string_view cpp_name) { return cpp_name == "IS_MANAGER"; }

#include <optional>
#include <string_view>
#include <type_traits>

namespace chatadmin::json {

class writer;
class bounded_writer;
class reader;

template <class T, class Enable = void>
struct codec;  // primary template left undefined: built-in types are handled by the writer and reader

template <class T>
concept has_codec = requires { sizeof(codec<T>); };

namespace detail {

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

constexpr bool wire_optional(const void*, std::string_view) { return false; }

} // namespace detail

/// True when a member of type T may be missing from a JSON object.
template <class T>
constexpr bool may_be_absent() {
    if constexpr (detail::is_optional<T>::value) return true;
    else if constexpr (has_codec<T>) {
        if constexpr (requires { codec<T>::may_be_absent; }) return codec<T>::may_be_absent;
        else return false;
    } else return false;
}

/// True when the member value should be left out of the object being written.
template <class T>
bool is_absent(const T& v) {
    if constexpr (detail::is_optional<T>::value) return !v.has_value();
    else if constexpr (has_codec<T>) {
        if constexpr (requires { codec<T>::absent(v); }) return codec<T>::absent(v);
        else return false;
    } else return false;
}

/// True when member `cpp_name` of T may be missing on the wire although its type is not optional.
template <class T>
constexpr bool member_optional(std::string_view cpp_name) {
    using detail::wire_optional;
    return wire_optional(static_cast<const T*>(nullptr), cpp_name);
}

} // namespace chatadmin::json

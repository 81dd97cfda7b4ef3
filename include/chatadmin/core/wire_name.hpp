#pragma once
// Wire names, computed at compile time from Boost.Describe names.
//
// A type picks a naming policy, and may rename single members (or enumerators),
// with two constexpr functions found by ADL next to the type:
//
//   constexpr chatadmin::naming wire_naming(const my_type*) { return chatadmin::naming::camel_case; }
//   constexpr std::string_view wire_rename(const my_type*, std::string_view cpp_name) {
//       return cpp_name == "type" ? "_" : std::string_view{};   // empty: apply the policy
//   }
//
// A trailing underscore in a C++ name (`delete_`, `default_`) is never part of the wire name.

#include <array>
#include <cstddef>
#include <string_view>

namespace chatadmin {

enum class naming {
    as_is,        // the C++ name unchanged
    upper_snake,  // chat_id, chatId -> CHAT_ID
    camel_case,   // participant_chat_id -> participantChatId
    lower_snake,  // participantChatId -> participant_chat_id
};

namespace core::detail {

constexpr naming wire_naming(const void*) { return naming::as_is; }
constexpr std::string_view wire_rename(const void*, std::string_view) { return {}; }

constexpr bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr char to_upper(char c) { return is_lower(c) ? char(c - 'a' + 'A') : c; }
constexpr char to_lower(char c) { return is_upper(c) ? char(c - 'A' + 'a') : c; }

constexpr std::string_view strip_trailing_underscore(std::string_view s) {
    while (s.size() > 1 && s.back() == '_') s.remove_suffix(1);
    return s;
}

// Writes the converted name to out (capacity >= 2 * s.size()), returns its length.
constexpr std::size_t convert_name(std::string_view s, naming n, char* out) {
    std::size_t len = 0;
    switch (n) {
    case naming::as_is:
        for (char c : s) out[len++] = c;
        break;
    case naming::upper_snake:
    case naming::lower_snake:
        for (std::size_t i = 0; i < s.size(); ++i) {
            char c = s[i];
            if (is_upper(c) && i > 0 && (is_lower(s[i - 1]) || is_digit(s[i - 1]))) out[len++] = '_';
            out[len++] = n == naming::upper_snake ? to_upper(c) : to_lower(c);
        }
        break;
    case naming::camel_case: {
        bool up = false;
        for (std::size_t i = 0; i < s.size(); ++i) {
            char c = s[i];
            if (c == '_' && len > 0) { up = true; continue; }
            out[len++] = up ? to_upper(c) : c;
            up = false;
        }
        break;
    }
    }
    return len;
}

template <std::size_t N>
struct name_storage {
    std::array<char, N> data{};
    std::size_t size = 0;
};

template <class T>
constexpr naming naming_of() {
    return wire_naming(static_cast<const T*>(nullptr));
}

template <class T>
constexpr std::string_view rename_of(std::string_view cpp) {
    return wire_rename(static_cast<const T*>(nullptr), cpp);
}

constexpr std::size_t cstr_len(const char* s) {
    std::size_t n = 0;
    while (s[n]) ++n;
    return n;
}

// Name of descriptor D (member or enumerator) of T, stored as `,"name":` so that the
// JSON writer copies a precomputed key (with or without its comma) in one append.
template <class T, class D>
struct wire_name_of {
    static constexpr std::string_view cpp = strip_trailing_underscore({D::name, cstr_len(D::name)});
    static constexpr std::string_view renamed = rename_of<T>(cpp);
    static constexpr std::size_t capacity = (renamed.size() > 2 * cpp.size() ? renamed.size() : 2 * cpp.size()) + 4;
    static constexpr name_storage<capacity> storage = [] {
        name_storage<capacity> st;
        st.data[0] = ',';
        st.data[1] = '"';
        std::size_t len = 0;
        if (!renamed.empty()) {
            for (char c : renamed) st.data[2 + len++] = c;
        } else {
            len = convert_name(cpp, naming_of<T>(), st.data.data() + 2);
        }
        st.data[2 + len] = '"';
        st.data[3 + len] = ':';
        st.size = len;
        return st;
    }();
    static constexpr std::string_view name{storage.data.data() + 2, storage.size};
    static constexpr std::string_view quoted_key{storage.data.data() + 1, storage.size + 3};
    static constexpr std::string_view comma_key{storage.data.data(), storage.size + 4};
};

} // namespace core::detail

/// The wire name of member (or enumerator) descriptor D of T.
template <class T, class D>
inline constexpr std::string_view wire_name_v = core::detail::wire_name_of<T, D>::name;

/// `"name":` and `,"name":` as written by the JSON writer.
template <class T, class D>
inline constexpr std::string_view quoted_key_v = core::detail::wire_name_of<T, D>::quoted_key;
template <class T, class D>
inline constexpr std::string_view comma_key_v = core::detail::wire_name_of<T, D>::comma_key;

} // namespace chatadmin

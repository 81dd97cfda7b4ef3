#pragma once
// result<T, E>: a value or an error, without exceptions (C++20 has no std::expected).

#include <chatadmin/core/error.hpp>

#include <stdexcept>
#include <type_traits>
#include <utility>
#include <variant>

namespace chatadmin {

template <class E>
struct unexpected {
    E error;
};
template <class E>
unexpected(E) -> unexpected<E>;

/// Thrown only by result::value() on an error, for callers who prefer exceptions.
class bad_result_access : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

namespace detail {
template <class E>
std::string describe_error(const E& e) {
    if constexpr (requires { e.to_string(); }) return e.to_string();
    else if constexpr (requires { e.message(); }) return std::string(e.message());
    else return "chatadmin: result holds an error";
}
} // namespace detail

template <class T, class E = decode_error>
class [[nodiscard]] result {
public:
    using value_type = T;
    using error_type = E;

    result() requires std::is_default_constructible_v<T> : v_(std::in_place_index<0>) {}
    result(const T& v) : v_(std::in_place_index<0>, v) {}
    result(T&& v) : v_(std::in_place_index<0>, std::move(v)) {}
    template <class G>
    result(unexpected<G> u) : v_(std::in_place_index<1>, std::move(u.error)) {}

    bool has_value() const noexcept { return v_.index() == 0; }
    explicit operator bool() const noexcept { return has_value(); }

    T& operator*() & { return std::get<0>(v_); }
    const T& operator*() const& { return std::get<0>(v_); }
    T&& operator*() && { return std::get<0>(std::move(v_)); }
    T* operator->() { return &std::get<0>(v_); }
    const T* operator->() const { return &std::get<0>(v_); }

    T& value() & { check(); return std::get<0>(v_); }
    const T& value() const& { check(); return std::get<0>(v_); }
    T&& value() && { check(); return std::get<0>(std::move(v_)); }

    E& error() & { return std::get<1>(v_); }
    const E& error() const& { return std::get<1>(v_); }
    E&& error() && { return std::get<1>(std::move(v_)); }

private:
    void check() const {
        if (!has_value()) throw bad_result_access(detail::describe_error(std::get<1>(v_)));
    }
    std::variant<T, E> v_;
};

} // namespace chatadmin

#pragma once
// Vocabulary types for TL members that have no plain C++ counterpart.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace chatadmin::tl {

/// TL `bytes`: encoded like `string`, but any bytes are allowed.
struct bytes : std::string {
    using std::string::string;
    bytes() = default;
    explicit bytes(std::string s) : std::string(std::move(s)) {}
};

/// TL `int128` / `int256`: raw little-endian bytes, written as they are.
template <std::size_t Bits>
struct intn {
    static_assert(Bits % 32 == 0);
    std::array<std::uint8_t, Bits / 8> data{};
    bool operator==(const intn&) const = default;
};
using int128 = intn<128>;
using int256 = intn<256>;

/// A `flags:#` word (Word 0) or `flags2:#` word (Word 1).
/// On write, every bit that a `flag` or `opt` member of the same word declares is
/// computed from those members; bits nobody declares are written as stored (0 unless
/// the value was decoded), so a decoded value re-encodes byte for byte.
/// On read, `value` holds the whole word as received.
template <unsigned Word = 0>
struct flags {
    static_assert(Word < 2, "TL constructors have at most two flags words");
    static constexpr unsigned word = Word;
    std::uint32_t value = 0;
    bool operator==(const flags&) const = default;
};

/// `name:flags.Bit?true`: a bool carried by a flags bit; writes no bytes.
template <unsigned Bit, unsigned Word = 0>
struct flag {
    static_assert(Bit < 32);
    static constexpr unsigned bit = Bit;
    static constexpr unsigned word = Word;
    bool value = false;

    constexpr flag() = default;
    constexpr flag(bool b) : value(b) {}
    constexpr flag& operator=(bool b) { value = b; return *this; }
    constexpr operator bool() const { return value; }
};

/// `name:flags.Bit?T`: present exactly when the bit is set.
template <class T, unsigned Bit, unsigned Word = 0>
struct opt : std::optional<T> {
    static_assert(Bit < 32);
    static constexpr unsigned bit = Bit;
    static constexpr unsigned word = Word;
    using value_type = T;
    using std::optional<T>::optional;
    opt() = default;

    template <class U = T>
        requires(!std::is_same_v<std::remove_cvref_t<U>, opt> && std::is_constructible_v<T, U> &&
                 std::is_assignable_v<T&, U>)
    opt& operator=(U&& u) {
        std::optional<T>::operator=(std::forward<U>(u));
        return *this;
    }
    opt& operator=(std::nullopt_t) noexcept {
        this->reset();
        return *this;
    }

    // Without these, std::optional's mixed comparisons pick `opt == T` and misjudge two empties.
    friend bool operator==(const opt& a, const opt& b) {
        return static_cast<const std::optional<T>&>(a) == static_cast<const std::optional<T>&>(b);
    }
    friend bool operator==(const opt& a, const std::optional<T>& b) {
        return static_cast<const std::optional<T>&>(a) == b;
    }
    friend bool operator==(const opt& a, const T& b) { return a.has_value() && *a == b; }
};

/// A bare value (`%T`, lowercase `vector<t>`): written without its constructor id.
template <class T>
struct bare {
    T value{};
    bool operator==(const bare&) const = default;
};

/// A value held on the heap, for types that contain themselves (InputPeer).
/// Copies deeply; never null.
template <class T>
class indirect {
public:
    indirect() : p_(std::make_unique<T>()) {}
    indirect(const T& v) : p_(std::make_unique<T>(v)) {}
    indirect(T&& v) : p_(std::make_unique<T>(std::move(v))) {}
    indirect(const indirect& o) : p_(std::make_unique<T>(*o)) {}
    indirect(indirect&& o) : p_(std::make_unique<T>(std::move(*o))) {}
    indirect& operator=(const indirect& o) { *p_ = *o; return *this; }
    indirect& operator=(indirect&& o) { *p_ = std::move(*o); return *this; }

    T& operator*() { return *p_; }
    const T& operator*() const { return *p_; }
    T* operator->() { return p_.get(); }
    const T* operator->() const { return p_.get(); }

private:
    std::unique_ptr<T> p_;
};

template <std::size_t N>
struct fixed_string {
    char data[N]{};
    constexpr fixed_string(const char (&s)[N]) {
        for (std::size_t i = 0; i < N; ++i) data[i] = s[i];
    }
    constexpr std::string_view view() const { return {data, N - 1}; }
};

/// A schema type this library does not model (e.g. `unmodelled<"MessageMedia">`).
/// It cannot be constructed, so an `opt` of it is always absent on write, and a
/// present one on read is a decode error naming the type instead of a misread.
/// A `std::vector` of it may be present and empty.
template <fixed_string Name>
class unmodelled {
public:
    static constexpr std::string_view tl_type = Name.view();

private:
    unmodelled() = default;
};

} // namespace chatadmin::tl

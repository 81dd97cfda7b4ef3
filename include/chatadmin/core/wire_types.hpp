#pragma once
// Value types for the shapes platforms put on the wire that plain C++ types do not have:
// Y/N booleans, scalar-or-array, false-for-absent, explicit null, numbers sent as strings,
// JSON inside a string, PHP's empty object that arrives as [], and JSON kept verbatim.

#include <chatadmin/core/form_writer.hpp>
#include <chatadmin/core/json_reader.hpp>
#include <chatadmin/core/json_writer.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace chatadmin {

/// A boolean sent as "Y" / "N". Reads "Y"/"N" (either case) and, leniently, true/false.
struct yes_no {
    bool value = false;
    constexpr yes_no() = default;
    constexpr yes_no(bool b) : value(b) {}
    constexpr operator bool() const { return value; }
    friend constexpr bool operator==(yes_no, yes_no) = default;
    friend constexpr bool operator==(yes_no a, bool b) { return a.value == b; }
};

/// One value or a list: written as a scalar when built from one value, else as an array;
/// reads either.
template <class T>
struct one_or_many {
    std::vector<T> values;
    bool scalar = false;

    one_or_many() = default;
    one_or_many(T v) : values{std::move(v)}, scalar(true) {}
    one_or_many(std::initializer_list<T> l) : values(l) {}
    one_or_many(std::vector<T> v) : values(std::move(v)) {}
    friend bool operator==(const one_or_many& a, const one_or_many& b) { return a.values == b.values; }
};

/// Optional, with `false` on the wire for "absent" (PHP style). Written as false when empty;
/// reads false, null or a missing member as empty.
template <class T>
struct false_or : std::optional<T> {
    using std::optional<T>::optional;
    using std::optional<T>::operator=;
    // Without it, std::optional's comparison templates make a == b ambiguous.
    friend bool operator==(const false_or& a, const false_or& b) {
        return static_cast<const std::optional<T>&>(a) == static_cast<const std::optional<T>&>(b);
    }
};

/// Optional, with an explicit `null` on the wire when empty; reads null, false or a missing
/// member as empty.
template <class T>
struct nullable : std::optional<T> {
    using std::optional<T>::optional;
    using std::optional<T>::operator=;
    // Without it, std::optional's comparison templates make a == b ambiguous.
    friend bool operator==(const nullable& a, const nullable& b) {
        return static_cast<const std::optional<T>&>(a) == static_cast<const std::optional<T>&>(b);
    }
};

/// T, read leniently: every number inside may also arrive as a numeric string ("1271").
/// Written exactly as T.
template <class T>
struct lenient {
    T value{};
    lenient() = default;
    lenient(T v) : value(std::move(v)) {}
    operator const T&() const { return value; }
    friend bool operator==(const lenient& a, const lenient& b) { return a.value == b.value; }
};

/// A number written as a string ("1271"); reads a number or a numeric string.
template <class I>
struct as_string {
    I value{};
    constexpr as_string() = default;
    constexpr as_string(I v) : value(v) {}
    constexpr operator I() const { return value; }
    friend constexpr bool operator==(as_string, as_string) = default;
};

/// T sent as JSON text inside a string ("ID":"[3,7]"); reads that or T itself.
template <class T>
struct json_string {
    T value{};
    json_string() = default;
    json_string(T v) : value(std::move(v)) {}
    friend bool operator==(const json_string& a, const json_string& b) { return a.value == b.value; }
};

/// Any JSON value kept verbatim (validated), for fields whose shape is not documented.
/// Written back byte for byte; an empty text (nothing was read) is left out of an object,
/// and written as null elsewhere.
struct raw_json {
    std::string text;
    bool empty() const noexcept { return text.empty(); }
    friend bool operator==(const raw_json&, const raw_json&) = default;
};

/// A map that PHP sends as [] when it is empty. Written as [] when empty, like the server.
template <class M>
struct object_or_array : M {
    using M::M;
    object_or_array() = default;
    object_or_array(M m) : M(std::move(m)) {}
};

namespace json {

template <>
struct codec<yes_no> {
    static std::size_t max_size(yes_no) { return 3; }
    static void write(bounded_writer& w, yes_no v) { w.raw(v.value ? std::string_view("\"Y\"") : std::string_view("\"N\"")); }
    static bool read(reader& r, yes_no& v) {
        if (r.peek() == token::boolean) return r.read_bool(v.value);
        std::string_view s;
        if (r.peek() != token::string) return r.type_error("\"Y\" or \"N\"");
        if (!r.read_string_view(s)) return false;
        if (s == "Y" || s == "y") v.value = true;
        else if (s == "N" || s == "n") v.value = false;
        else return r.fail(decode_errc::unknown_enumerator, "expected \"Y\" or \"N\", got \"" + std::string(s.substr(0, 32)) + "\"");
        return true;
    }
};

template <class T>
struct codec<one_or_many<T>> {
    static std::size_t size_hint(const one_or_many<T>& v) { return detail::size_hint(v.values); }
    static std::size_t max_size(const one_or_many<T>& v)
        requires(detail::bounded<std::vector<T>>())
    {
        return detail::max_size(v.values);
    }
    template <class W>
    static void write(W& w, const one_or_many<T>& v) {
        if (v.scalar && v.values.size() == 1) json::write(w, v.values.front());
        else json::write(w, v.values);
    }
    static bool read(reader& r, one_or_many<T>& v) {
        if (r.peek() == token::array) {
            v.scalar = false;
            return json::read(r, v.values);
        }
        v.scalar = true;
        v.values.resize(1);
        return json::read(r, v.values.front());
    }
};

template <class T>
struct codec<false_or<T>> {
    static constexpr bool may_be_absent = true;
    static std::size_t size_hint(const false_or<T>& v) { return v ? detail::size_hint(*v) : 5; }
    static std::size_t max_size(const false_or<T>& v)
        requires(detail::bounded<T>())
    {
        return v ? detail::max_size(*v) : 5;
    }
    template <class W>
    static void write(W& w, const false_or<T>& v) {
        if (v) json::write(w, *v);
        else w.boolean(false);
    }
    static bool read(reader& r, false_or<T>& v) {
        token t = r.peek();
        if (t == token::null) { v.reset(); return r.read_null(); }
        if (r.consume_false()) { v.reset(); return true; }
        if (t == token::boolean) return r.type_error(expected());
        auto& inner = v.emplace();
        if (json::read(r, inner)) return true;
        if (r.error().code == decode_errc::unexpected_type && r.error().path.empty()) r.type_error(expected());
        return false;
    }

private:
    static std::string expected() {
        using namespace detail;
        if constexpr (described_struct<T> || is_map<T>::value) return "object or false";
        else if constexpr (is_vector<T>::value) return "array or false";
        else if constexpr (std::is_convertible_v<T, std::string_view>) return "string or false";
        else return "value or false";
    }
};

template <class T>
struct codec<nullable<T>> {
    static constexpr bool may_be_absent = true;
    static std::size_t size_hint(const nullable<T>& v) { return v ? detail::size_hint(*v) : 4; }
    static std::size_t max_size(const nullable<T>& v)
        requires(detail::bounded<T>())
    {
        return v ? detail::max_size(*v) : 4;
    }
    template <class W>
    static void write(W& w, const nullable<T>& v) {
        if (v) json::write(w, *v);
        else w.null();
    }
    static bool read(reader& r, nullable<T>& v) {
        if (r.peek() == token::null) { v.reset(); return r.read_null(); }
        if (r.consume_false()) { v.reset(); return true; }
        return json::read(r, v.emplace());
    }
};

template <class T>
struct codec<lenient<T>> {
    static constexpr bool may_be_absent = json::may_be_absent<T>();
    static std::size_t size_hint(const lenient<T>& v) { return detail::size_hint(v.value); }
    static std::size_t max_size(const lenient<T>& v)
        requires(detail::bounded<T>())
    {
        return detail::max_size(v.value);
    }
    template <class W>
    static void write(W& w, const lenient<T>& v) { json::write(w, v.value); }
    static bool read(reader& r, lenient<T>& v) {
        ++r.lenient_numbers;
        bool ok = json::read(r, v.value);
        --r.lenient_numbers;
        return ok;
    }
};

template <class I>
struct codec<as_string<I>> {
    static std::size_t max_size(as_string<I>) { return 24; }
    static void write(bounded_writer& w, as_string<I> v) {
        char buf[32];
        auto res = std::to_chars(buf, buf + sizeof buf, v.value);
        w.raw('"');
        w.raw(std::string_view(buf, static_cast<std::size_t>(res.ptr - buf)));
        w.raw('"');
    }
    static bool read(reader& r, as_string<I>& v) {
        ++r.lenient_numbers;
        bool ok = json::read(r, v.value);
        --r.lenient_numbers;
        return ok;
    }
};

template <class T>
struct codec<json_string<T>> {
    static void write(writer& w, const json_string<T>& v) { w.string(to_json(v.value, w.options())); }
    static bool read(reader& r, json_string<T>& v) {
        if (r.peek() != token::string) return json::read(r, v.value);
        std::string text;
        if (!r.read_string(text)) return false;
        reader inner(text, r.options());
        inner.lenient_numbers = r.lenient_numbers;
        if (json::read(inner, v.value) && inner.finish()) return true;
        auto e = std::move(inner.error());
        e.message = "in JSON string: " + e.message;
        r.error() = std::move(e);
        return false;
    }
};

template <>
struct codec<raw_json> {
    static constexpr bool may_be_absent = true;
    static bool absent(const raw_json& v) { return v.text.empty(); }
    static std::size_t size_hint(const raw_json& v) { return v.text.empty() ? 4 : v.text.size(); }
    static void write(writer& w, const raw_json& v) {
        if (v.text.empty()) w.null();
        else w.raw(v.text);
    }
    static bool read(reader& r, raw_json& v) {
        std::string_view text;
        if (!r.capture_value(text)) return false;
        v.text.assign(text);
        return true;
    }
};

namespace detail {
template <class M>
struct is_object_or_array_codec<object_or_array<M>> : std::true_type {
    using map_type = M;
};
} // namespace detail

template <class M>
struct codec<object_or_array<M>> {
    static void write(writer& w, const object_or_array<M>& v) {
        if (v.empty()) w.raw("[]");
        else json::write(w, static_cast<const M&>(v));
    }
    static bool read(reader& r, object_or_array<M>& v) {
        if (r.peek() == token::array) {
            v.clear();
            bool first = true;
            if (!r.begin_array()) return false;
            int st = r.next_element(first);
            if (st > 0) return r.fail(decode_errc::unexpected_type, "expected object or empty array, got non-empty array");
            return st == 0;
        }
        return json::read(r, static_cast<M&>(v));
    }
};

} // namespace json

namespace form {

template <>
struct codec<yes_no> {
    static void write(writer& w, std::string_view key, yes_no v) { w.field(key, v.value ? "Y" : "N"); }
};

template <class T>
struct codec<one_or_many<T>> {
    static void write(writer& w, std::string_view key, const one_or_many<T>& v) {
        if (v.scalar && v.values.size() == 1) form::write(w, key, v.values.front());
        else form::write(w, key, v.values);
    }
};

template <class T>
struct codec<false_or<T>> {
    static void write(writer& w, std::string_view key, const false_or<T>& v) {
        if (v) form::write(w, key, *v);
    }
};

template <class T>
struct codec<nullable<T>> {
    static void write(writer& w, std::string_view key, const nullable<T>& v) {
        if (v) form::write(w, key, *v);
    }
};

template <class T>
struct codec<lenient<T>> {
    static void write(writer& w, std::string_view key, const lenient<T>& v) { form::write(w, key, v.value); }
};

template <class I>
struct codec<as_string<I>> {
    static void write(writer& w, std::string_view key, as_string<I> v) { form::write(w, key, v.value); }
};

template <class T>
struct codec<json_string<T>> {
    static void write(writer& w, std::string_view key, const json_string<T>& v) { w.field(key, json::to_json(v.value)); }
};

template <>
struct codec<raw_json> {
    static void write(writer& w, std::string_view key, const raw_json& v) { w.field(key, v.text); }
};

template <class M>
struct codec<object_or_array<M>> {
    static void write(writer& w, std::string_view key, const object_or_array<M>& v) { form::write(w, key, static_cast<const M&>(v)); }
};

} // namespace form

} // namespace chatadmin

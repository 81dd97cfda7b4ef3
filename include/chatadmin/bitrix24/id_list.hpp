#pragma once
// id_list: an array of ids that a method also accepts as a string holding a JSON array
// ("ID":[3,7] or "ID":"[3,7]", form ID[0]=3&ID[1]=7 or ID=%5B3%2C7%5D).

#include <chatadmin/core/form_writer.hpp>
#include <chatadmin/core/json_reader.hpp>
#include <chatadmin/core/json_writer.hpp>
#include <chatadmin/core/wire_types.hpp>

#include <cstdint>
#include <initializer_list>
#include <vector>

namespace chatadmin::bitrix24 {

/// A list of ids, written as an array, or as a JSON-array string when as_json_string is set.
/// Reads an array, a JSON-array string, or (leniently, UNVERIFIED on the server) one number.
struct id_list {
    std::vector<std::int64_t> values;
    bool as_json_string = false;

    id_list() = default;
    id_list(std::initializer_list<std::int64_t> l) : values(l) {}
    id_list(std::vector<std::int64_t> v, bool json_string = false) : values(std::move(v)), as_json_string(json_string) {}

    friend bool operator==(const id_list& a, const id_list& b) { return a.values == b.values; }
};

} // namespace chatadmin::bitrix24

namespace chatadmin::json {

template <>
struct codec<bitrix24::id_list> {
    // As a string, the array's text again, where only quotes (int64_as_string) are escaped.
    static std::size_t max_size(const bitrix24::id_list& v) {
        const std::size_t array = json::detail::max_size(v.values);
        return v.as_json_string ? 2 + 2 * array : array;
    }
    static void write(bounded_writer& w, const bitrix24::id_list& v) {
        if (v.as_json_string) [[unlikely]] w.string(to_json(v.values, w.options()));
        else json::write(w, v.values);
    }
    static bool read(reader& r, bitrix24::id_list& v) {
        token t = r.peek();
        v.as_json_string = t == token::string;
        if (t == token::number) {
            v.values.resize(1);
            return json::read(r, v.values.front());
        }
        json_string<std::vector<std::int64_t>> s;
        if (!json::read(r, s)) return false;
        v.values = std::move(s.value);
        return true;
    }
};

} // namespace chatadmin::json

namespace chatadmin::form {

template <>
struct codec<bitrix24::id_list> {
    static void write(writer& w, std::string_view key, const bitrix24::id_list& v) {
        if (v.as_json_string) w.field(key, json::to_json(v.values));
        else form::write(w, key, v.values);
    }
};

} // namespace chatadmin::form

#pragma once
// A JSON value kept verbatim, for parts of the world whose shape belongs to the platform
// (a Bitrix24 user object), and for the parsed parameters in the journal.

#include <chatadmin/core/json_reader.hpp>
#include <chatadmin/core/json_writer.hpp>

#include <string>

namespace chatadmin::mock {

/// Any JSON value, as text. Empty text is written as null.
struct raw_json {
    std::string text;
    bool empty() const noexcept { return text.empty(); }
};

} // namespace chatadmin::mock

template <>
struct chatadmin::json::codec<chatadmin::mock::raw_json> {
    static constexpr bool may_be_absent = true;
    static bool absent(const chatadmin::mock::raw_json& v) { return v.text.empty(); }
    static void write(writer& w, const chatadmin::mock::raw_json& v) {
        if (v.text.empty()) w.null();
        else w.raw(v.text);
    }
    static bool read(reader& r, chatadmin::mock::raw_json& v) {
        std::string_view s;
        if (!r.capture_value(s)) return false;
        v.text.assign(s);
        return true;
    }
};

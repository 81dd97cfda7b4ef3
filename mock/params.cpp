#include "params.hpp"

#include <chatadmin/core/form_reader.hpp>
#include <chatadmin/core/json_reader.hpp>

#include <boost/json.hpp>

#include <cctype>

namespace chatadmin::mock {

namespace {
// Case-insensitive (ASCII) search for a lower-case needle, without copying the haystack.
bool icontains(std::string_view hay, std::string_view lower_needle) {
    if (lower_needle.size() > hay.size()) return false;
    for (std::size_t i = 0; i + lower_needle.size() <= hay.size(); ++i) {
        std::size_t k = 0;
        while (k < lower_needle.size() && detail::ascii_lower(hay[i + k]) == lower_needle[k]) ++k;
        if (k == lower_needle.size()) return true;
    }
    return false;
}
} // namespace

bool is_json_body(const http_request& req) {
    if (auto ct = req.header("Content-Type")) {
        if (icontains(*ct, "json")) return true;
        if (icontains(*ct, "x-www-form-urlencoded")) return false;
    }
    for (char c : req.body) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        return c == '{';
    }
    return false;
}

namespace {

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

decode_error make_error(std::string message) {
    decode_error e;
    e.code = decode_errc::syntax_error;
    e.message = std::move(message);
    return e;
}

// True when body is one well-formed JSON object whose top-level keys need no folding:
// then the body already is the merged parameter object.
bool usable_as_is(std::string_view body, bool upper_case_keys) {
    json::reader r(body);
    if (!r.begin_object()) return false;
    bool first = true;
    std::string_view key;
    int st;
    while ((st = r.next_key(key, first)) > 0) {
        if (upper_case_keys)
            for (char c : key)
                if (c >= 'a' && c <= 'z') return false;
        if (!r.skip_value()) return false;
    }
    return st == 0 && r.finish();
}

} // namespace

result<std::string> merged_params(const http_request& req, std::string_view query, params_options opts) {
    if ((!opts.query || query.empty()) && is_json_body(req) && usable_as_is(req.body, opts.upper_case_keys))
        return req.body;

    form::read_options fo;
    fo.upper_case_names = opts.upper_case_keys;
    boost::json::object merged;

    if (opts.query && !query.empty()) {
        auto q = form::to_json_text(query, fo);
        if (!q) {
            auto e = std::move(q).error();
            e.message = "query string: " + e.message;
            return unexpected{std::move(e)};
        }
        boost::json::value qv = boost::json::parse(*q);
        merged = std::move(qv.as_object());
    }

    bool blank = true;
    for (char c : req.body)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') { blank = false; break; }
    if (!blank) {
        if (is_json_body(req)) {
            boost::system::error_code ec;
            boost::json::parse_options po;
            po.max_depth = 64;
            boost::json::value v = boost::json::parse(req.body, ec, {}, po);
            if (ec) return unexpected{make_error("the body is not valid JSON: " + ec.message())};
            if (!v.is_object()) return unexpected{make_error("the JSON body is not an object")};
            for (auto& kv : v.as_object())
                merged[opts.upper_case_keys ? upper(kv.key()) : std::string(kv.key())] = std::move(kv.value());
        } else {
            auto b = form::to_json_text(req.body, fo);
            if (!b) {
                auto e = std::move(b).error();
                e.message = "form body: " + e.message;
                return unexpected{std::move(e)};
            }
            boost::json::value bv = boost::json::parse(*b);
            for (auto& kv : bv.as_object()) merged[kv.key()] = std::move(kv.value());
        }
    }
    return boost::json::serialize(merged);
}

} // namespace chatadmin::mock

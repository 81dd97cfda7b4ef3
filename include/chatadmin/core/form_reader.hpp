#pragma once
// application/x-www-form-urlencoded and query strings -> JSON text, with PHP's semantics,
// so that the JSON reader can read form bodies into the same described request types.
//
//   a=1&b=x+y          -> {"a":"1","b":"x y"}
//   a[0]=1&a[1]=2      -> {"a":["1","2"]}        (keys 0..n-1 in order: a JSON array)
//   a[]=1&a[]=2        -> {"a":["1","2"]}        ([] appends: largest integer key + 1)
//   a[b][c]=1          -> {"a":{"b":{"c":"1"}}}
//   a[2]=x             -> {"a":{"2":"x"}}        (not 0..n-1: an object, as json_encode does)
//
// Every value is a string; read with lenient numbers (form::read does) so "1271" fills an int.
// Like PHP: a later assignment replaces an earlier one (`a=1&a[]=2` makes `a` an array), pairs
// with an empty name are dropped, '.' and ' ' in the top-level name become '_', text after a
// closing ']' that does not open another '[' is ignored, and a '[' without its ']' is kept
// literally in the name. Unlike PHP, a malformed %XX escape is an error, not literal text.

#include <chatadmin/core/error.hpp>
#include <chatadmin/core/json_reader.hpp>
#include <chatadmin/core/json_writer.hpp>
#include <chatadmin/core/result.hpp>

#include <cctype>
#include <charconv>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chatadmin::form {

struct read_options {
    /// Most key=value pairs accepted (PHP's max_input_vars).
    std::size_t max_fields = 1000;
    /// Deepest bracket nesting accepted (PHP's max_input_nesting_level).
    std::size_t max_depth = 64;
    /// Replace '.' and ' ' in the top-level name by '_', as PHP does.
    bool php_name_mangling = true;
    /// Upper-case the top-level names, for servers that fold parameter keys (PHP's
    /// array_change_key_case(..., CASE_UPPER)).
    bool upper_case_names = false;
};

namespace detail {

inline int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/// Percent-decodes s ('+' is a space). `base` is the offset of s in the whole input, for errors.
inline bool percent_decode(std::string_view s, std::string& out, std::size_t base, decode_error& err) {
    out.clear();
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '+') out.push_back(' ');
        else if (c != '%') out.push_back(c);
        else {
            int hi = i + 1 < s.size() ? hex_digit(s[i + 1]) : -1;
            int lo = i + 2 < s.size() ? hex_digit(s[i + 2]) : -1;
            if (hi < 0 || lo < 0) {
                err.code = decode_errc::syntax_error;
                err.offset = base + i;
                err.message = "invalid percent-encoding at offset " + std::to_string(base + i) + ": '" +
                              std::string(s.substr(i, 3)) + "' is not %XX";
                return false;
            }
            out.push_back(static_cast<char>(hi * 16 + lo));
            i += 2;
        }
    }
    return true;
}

// PHP's notion of an integer key: a canonical decimal ("0", "17", "-3"; not "01", "+1", "1.0").
inline std::optional<std::int64_t> integer_key(std::string_view k) {
    if (k.empty() || k.size() > 19) return std::nullopt;
    std::size_t i = k[0] == '-' ? 1 : 0;
    if (i == k.size() || (k[i] == '0' && k.size() > i + 1) || (i == 1 && k == "-0")) return std::nullopt;
    std::int64_t v = 0;
    auto r = std::from_chars(k.data(), k.data() + k.size(), v);
    if (r.ec != std::errc() || r.ptr != k.data() + k.size()) return std::nullopt;
    return v;
}

/// A PHP value: a string, or an ordered array of (key, value).
struct node {
    bool leaf = true;
    std::string text;
    std::vector<std::pair<std::string, std::unique_ptr<node>>> items;
    std::int64_t next_index = 0;

    node& child(std::string key) {
        if (leaf) { leaf = false; text.clear(); }
        if (key.empty()) key = std::to_string(next_index);
        if (auto k = integer_key(key); k && *k >= next_index) next_index = *k + 1;
        for (auto& [name, n] : items)
            if (name == key) return *n;
        items.emplace_back(std::move(key), std::make_unique<node>());
        return *items.back().second;
    }

    bool is_list() const {
        for (std::size_t i = 0; i < items.size(); ++i)
            if (items[i].first != std::to_string(i)) return false;
        return true;
    }

    void write(json::writer& w) const {
        if (leaf) return w.string(text);
        const bool list = is_list() && !items.empty();
        w.raw(list ? '[' : '{');
        bool first = true;
        for (const auto& [key, n] : items) {
            if (!first) w.raw(',');
            first = false;
            if (!list) {
                w.string(key);
                w.raw(':');
            }
            n->write(w);
        }
        w.raw(list ? ']' : '}');
    }
};

} // namespace detail

/// The form body (or query string, without '?') as a JSON object text whose values are
/// strings, arrays and objects. A malformed %XX escape, too many fields or too deep a
/// nesting is a decode_error naming the offset.
inline result<std::string> to_json_text(std::string_view body, const read_options& opts = {}) {
    detail::node root;
    root.leaf = false;
    decode_error err;
    std::string name, value;
    std::size_t fields = 0;
    std::size_t pos = 0;
    while (pos <= body.size()) {
        std::size_t amp = body.find('&', pos);
        if (amp == std::string_view::npos) amp = body.size();
        std::string_view pair = body.substr(pos, amp - pos);
        const std::size_t base = pos;
        pos = amp + 1;
        if (pair.empty()) continue;
        std::size_t eq = pair.find('=');
        std::string_view raw_name = pair.substr(0, eq);
        std::string_view raw_value = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
        if (!detail::percent_decode(raw_name, name, base, err)) return unexpected{std::move(err)};
        if (!detail::percent_decode(raw_value, value, base + raw_name.size() + 1, err)) return unexpected{std::move(err)};
        if (++fields > opts.max_fields) {
            err.code = decode_errc::too_large;
            err.offset = base;
            err.message = "more than " + std::to_string(opts.max_fields) + " fields";
            return unexpected{std::move(err)};
        }

        // Leading spaces of the name are dropped; the base name runs to the first '['
        // that has a matching ']'.
        std::string_view n = name;
        while (!n.empty() && n.front() == ' ') n.remove_prefix(1);
        std::size_t open = n.find('[');
        if (open != std::string_view::npos && n.find(']', open) == std::string_view::npos) open = std::string_view::npos;
        std::string top(n.substr(0, open));
        if (top.empty()) continue;
        if (opts.php_name_mangling)
            for (char& c : top)
                if (c == '.' || c == ' ') c = '_';
        if (opts.upper_case_names)
            for (char& c : top) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));

        std::vector<std::string> path;
        while (open != std::string_view::npos && open < n.size() && n[open] == '[') {
            std::size_t close = n.find(']', open + 1);
            if (close == std::string_view::npos) break;
            path.emplace_back(n.substr(open + 1, close - open - 1));
            if (path.size() > opts.max_depth) {
                err.code = decode_errc::too_deep;
                err.offset = base;
                err.message = "brackets nested deeper than " + std::to_string(opts.max_depth);
                return unexpected{std::move(err)};
            }
            open = close + 1;
        }

        detail::node* target = &root.child(std::move(top));
        for (auto& seg : path) target = &target->child(std::move(seg));
        target->leaf = true;
        target->items.clear();
        target->next_index = 0;
        target->text = value;
    }
    std::string out;
    out.reserve(body.size() + 16);
    json::writer w(out);
    if (root.items.empty()) w.raw("{}");
    else {
        // The top level is always an object, even for "0=a&1=b".
        w.raw('{');
        bool first = true;
        for (const auto& [key, child] : root.items) {
            if (!first) w.raw(',');
            first = false;
            w.string(key);
            w.raw(':');
            child->write(w);
        }
        w.raw('}');
    }
    return out;
}

/// Reads a form body into T: to_json_text, then the JSON reader with numbers accepted as
/// numeric strings.
template <class T>
result<T> from_form(std::string_view body, const read_options& opts = {}, json::read_options jopts = {}) {
    auto text = to_json_text(body, opts);
    if (!text) return unexpected{std::move(text.error())};
    json::reader r(*text, jopts);
    r.lenient_numbers = 1;
    T v{};
    if (!json::read(r, v) || !r.finish()) return unexpected{std::move(r.error())};
    return v;
}

} // namespace chatadmin::form

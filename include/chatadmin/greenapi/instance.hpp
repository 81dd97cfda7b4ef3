#pragma once
// An instance's access parameters (apiUrl, idInstance, apiTokenInstance), the method URL
// `{apiUrl}[/v3]/waInstance{idInstance}/{method}/{apiTokenInstance}`, and token redaction.

#include <chatadmin/core/http.hpp>
#include <chatadmin/greenapi/errors.hpp>

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chatadmin::greenapi {

/// The access parameters from the console. Printing or storing a URL built from them goes
/// through the redacted_* functions: the token never appears in full.
struct instance {
    /// Per-instance host ("https://7105.api.greenapi.com"); a path prefix is kept
    /// ("https://3100.api.green-api.com/v3"). A trailing '/' is ignored.
    std::string api_url = "https://api.green-api.com";
    std::uint64_t id_instance = 0;
    std::string api_token_instance{};
};

namespace detail {

constexpr bool is_token_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == '~';
}

// "https://host:port/prefix/" -> {"https://host:port", "/prefix"}; empty origin when malformed.
struct split_url {
    std::string_view origin;
    std::string_view path;
};
inline split_url split(std::string_view url) {
    while (!url.empty() && url.back() == '/') url.remove_suffix(1);
    std::size_t scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) return {};
    std::string_view scheme = url.substr(0, scheme_end);
    if (!iequal(scheme, "http") && !iequal(scheme, "https")) return {};
    std::size_t host_begin = scheme_end + 3;
    std::size_t path_begin = url.find('/', host_begin);
    if (path_begin == std::string_view::npos) path_begin = url.size();
    if (path_begin == host_begin) return {};
    return {url.substr(0, path_begin), url.substr(path_begin)};
}

} // namespace detail

/// Why `inst` cannot be used to build a URL, or nothing when it can.
inline std::optional<error> validate_instance(const instance& inst) {
    auto fail = [](std::string why) {
        error e;
        e.code = errc::invalid_instance;
        e.detail = std::move(why);
        return e;
    };
    auto parts = detail::split(inst.api_url);
    if (parts.origin.empty()) return fail("apiUrl must be an http:// or https:// URL with a host, got \"" + inst.api_url + "\"");
    if (inst.api_url.find_first_of("?# ") != std::string::npos) return fail("apiUrl must not hold a query, fragment or space");
    if (inst.id_instance == 0) return fail("idInstance is not set");
    if (inst.api_token_instance.empty()) return fail("apiTokenInstance is not set");
    for (char c : inst.api_token_instance)
        if (!detail::is_token_char(c)) return fail("apiTokenInstance holds a character that is not URL-safe");
    return std::nullopt;
}

/// "https://7105.api.greenapi.com": the scheme and host a transport connects to.
inline std::string origin(const instance& inst) { return std::string(detail::split(inst.api_url).origin); }

namespace detail {
inline std::string method_target(const instance& inst, std::string_view method, bool v3, std::string_view token) {
    std::string_view prefix = split(inst.api_url).path;
    std::string t(prefix);
    // An apiUrl that already ends in /v3 (as some integrations configure it) gets no second one.
    if (v3 && !(prefix.size() >= 3 && prefix.substr(prefix.size() - 3) == "/v3")) t += "/v3";
    t += "/waInstance";
    t += std::to_string(inst.id_instance);
    t += '/';
    t += method;
    t += '/';
    t += token;
    return t;
}
} // namespace detail

/// The request target "[/prefix][/v3]/waInstance{idInstance}/{method}/{apiTokenInstance}".
/// Holds the token: hand it to a transport, never to a log.
inline std::string method_target(const instance& inst, std::string_view method, bool v3 = false) {
    return detail::method_target(inst, method, v3, inst.api_token_instance);
}

/// method_target with the token redacted ("…/setGroupAdmin/d75b…"), safe to print.
inline std::string redacted_method_target(const instance& inst, std::string_view method, bool v3 = false) {
    return detail::method_target(inst, method, v3, redact(inst.api_token_instance));
}

/// The full URL, token included.
inline std::string method_url(const instance& inst, std::string_view method, bool v3 = false) {
    return origin(inst) + method_target(inst, method, v3);
}

/// The full URL with the token redacted, safe to print.
inline std::string redacted_method_url(const instance& inst, std::string_view method, bool v3 = false) {
    return origin(inst) + redacted_method_target(inst, method, v3);
}

/// `text` with the token of every "waInstance{id}/{method}/{token}" in it redacted (also with
/// JSON-escaped slashes), and every occurrence of `known_token` redacted. Servers echo the
/// request path in error bodies; this is applied to everything an error keeps.
inline std::string redact_tokens(std::string text, std::string_view known_token = {}) {
    if (!known_token.empty()) text = redact_in(std::move(text), known_token);
    static constexpr std::string_view marker = "waInstance";
    std::size_t pos = 0;
    while ((pos = text.find(marker, pos)) != std::string::npos) {
        std::size_t p = pos + marker.size();
        pos = p;
        auto slash = [&] {
            if (p < text.size() && text[p] == '\\' && p + 1 < text.size() && text[p + 1] == '/') { p += 2; return true; }
            if (p < text.size() && text[p] == '/') { ++p; return true; }
            return false;
        };
        std::size_t digits = p;
        while (p < text.size() && text[p] >= '0' && text[p] <= '9') ++p;
        if (p == digits || !slash()) continue;
        std::size_t name = p;
        while (p < text.size() && detail::is_token_char(text[p])) ++p;
        if (p == name || !slash()) continue;
        std::size_t tok = p;
        while (p < text.size() && (detail::is_token_char(text[p]) || static_cast<unsigned char>(text[p]) >= 0x80)) ++p;
        if (p == tok) continue;
        std::string masked = redact(std::string_view(text).substr(tok, p - tok));
        text.replace(tok, p - tok, masked);
        pos = tok + masked.size();
    }
    return text;
}

/// The parts of a request target, as a server sees them.
struct target_parts {
    bool v3 = false;
    std::uint64_t id_instance = 0;
    std::string method;
    std::string api_token_instance{};
};

/// Splits "[/prefix][/v3]/waInstance{id}/{method}/{token}[?query]"; nothing when the target
/// has another shape.
inline std::optional<target_parts> parse_target(std::string_view target) {
    target = target.substr(0, target.find_first_of("?#"));
    std::size_t at = target.find("/waInstance");
    if (at == std::string_view::npos) return std::nullopt;
    target_parts parts;
    std::string_view before = target.substr(0, at);
    parts.v3 = before.size() >= 3 && before.substr(before.size() - 3) == "/v3";
    std::string_view rest = target.substr(at + 11);
    std::size_t s1 = rest.find('/');
    if (s1 == std::string_view::npos) return std::nullopt;
    std::string_view id = rest.substr(0, s1);
    auto r = std::from_chars(id.data(), id.data() + id.size(), parts.id_instance);
    if (id.empty() || r.ec != std::errc() || r.ptr != id.data() + id.size()) return std::nullopt;
    rest.remove_prefix(s1 + 1);
    std::size_t s2 = rest.find('/');
    if (s2 == std::string_view::npos || s2 == 0) return std::nullopt;
    parts.method = std::string(rest.substr(0, s2));
    rest.remove_prefix(s2 + 1);
    while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
    if (rest.empty() || rest.find('/') != std::string_view::npos) return std::nullopt;
    parts.api_token_instance = std::string(rest);
    return parts;
}

} // namespace chatadmin::greenapi

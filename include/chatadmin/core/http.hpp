#pragma once
// Plain HTTP values, so that bindings stay sans-IO and any HTTP library can carry them.

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chatadmin {

using http_headers = std::vector<std::pair<std::string, std::string>>;

namespace detail {
/// ASCII case folding (header names are ASCII); no locale lookup, unlike std::tolower.
constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
inline bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i] && ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}
inline std::optional<std::string_view> find_header(const http_headers& h, std::string_view name) {
    for (const auto& [k, v] : h)
        if (iequals(k, name)) return std::string_view(v);
    return std::nullopt;
}
} // namespace detail

/// A request to send. `target` is the path and query ("/rest/1/abc/imbot.chat.setManager");
/// the scheme and host belong to the transport.
struct http_request {
    std::string method = "POST";
    std::string target;
    http_headers headers;
    std::string body;

    std::optional<std::string_view> header(std::string_view name) const { return detail::find_header(headers, name); }

    /// `target` with the secret part masked, safe for logs and error messages.
    std::string redacted_target;
};

struct http_response {
    int status = 0;
    http_headers headers;
    std::string body;

    std::optional<std::string_view> header(std::string_view name) const { return detail::find_header(headers, name); }
};

/// "abcd…" — the first four bytes of a secret and an ellipsis, never the whole secret.
/// The cut never splits a UTF-8 sequence, so redacted text stays valid UTF-8.
inline std::string redact(std::string_view secret) {
    if (secret.size() <= 4) return "…";
    std::size_t keep = 4;
    while (keep > 0 && (static_cast<unsigned char>(secret[keep]) & 0xC0) == 0x80) --keep;
    return std::string(secret.substr(0, keep)) + "…";
}

/// `text` with every occurrence of `secret` replaced by redact(secret).
inline std::string redact_in(std::string text, std::string_view secret) {
    if (secret.empty()) return text;
    const std::string masked = redact(secret);
    for (std::size_t pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos + masked.size()))
        text.replace(pos, secret.size(), masked);
    return text;
}

} // namespace chatadmin

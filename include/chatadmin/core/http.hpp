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
inline bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
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

/// "abcd…" — the first four characters of a secret and an ellipsis, never the whole secret.
inline std::string redact(std::string_view secret) {
    if (secret.size() <= 4) return "…";
    return std::string(secret.substr(0, 4)) + "…";
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

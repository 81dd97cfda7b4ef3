#pragma once
// Byte-vector helpers shared by the TL tests: vectors are written as hex, as in the spec.

#include <chatadmin/core/tl.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

namespace tl_bytes {

/// "01 6d 5c f3": lowercase hex, bytes separated by spaces.
inline std::string hex(std::string_view s) {
    static constexpr char d[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i) out += ' ';
        out += d[static_cast<unsigned char>(s[i]) >> 4];
        out += d[static_cast<unsigned char>(s[i]) & 15];
    }
    return out;
}

/// The bytes of a hex text; anything but hex digits (spaces, newlines) is ignored.
inline std::string unhex(std::string_view h) {
    std::string out;
    int nib = -1;
    for (char c : h) {
        int v;
        if (c >= '0' && c <= '9') v = c - '0';
        else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
        else continue;
        if (nib < 0) nib = v;
        else {
            out += static_cast<char>(nib << 4 | v);
            nib = -1;
        }
    }
    return out;
}

/// Every proper prefix of a valid encoding must fail cleanly as truncated, never crash or succeed.
template <class T>
void check_prefixes(const std::string& full) {
    for (std::size_t n = 0; n < full.size(); ++n) {
        auto r = chatadmin::tl::decode<T>(std::string_view(full).substr(0, n));
        INFO("prefix length " << n);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == chatadmin::decode_errc::truncated);
        CHECK(r.error().offset <= n);
    }
}

} // namespace tl_bytes

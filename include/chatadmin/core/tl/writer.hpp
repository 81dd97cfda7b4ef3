#pragma once
// TL primitives appended to a byte string: 32-bit little-endian words.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace chatadmin::tl {

/// Appends a 32-bit word, little-endian.
inline void put_u32(std::string& out, std::uint32_t v) {
    char b[4] = {char(v), char(v >> 8), char(v >> 16), char(v >> 24)};
    out.append(b, 4);
}

/// Appends a TL `int`.
inline void put_int(std::string& out, std::int32_t v) { put_u32(out, static_cast<std::uint32_t>(v)); }

/// Appends a TL `long`.
inline void put_long(std::string& out, std::int64_t v) {
    auto u = static_cast<std::uint64_t>(v);
    put_u32(out, static_cast<std::uint32_t>(u));
    put_u32(out, static_cast<std::uint32_t>(u >> 32));
}

/// Appends a TL `double` (IEEE-754, little-endian).
inline void put_double(std::string& out, double v) { put_long(out, std::bit_cast<std::int64_t>(v)); }

/// Appends raw bytes (int128, int256).
inline void put_raw(std::string& out, const void* p, std::size_t n) { out.append(static_cast<const char*>(p), n); }

/// Longest string the long form can carry (3-byte length).
inline constexpr std::size_t max_string_size = 0xFFFFFF;

/// Appends a TL `string` / `bytes`: short form up to 253 bytes, long form (0xFE + 3-byte
/// length) above, zero-padded to a multiple of 4. Input longer than max_string_size
/// is cut to it; the wire has no way to say more.
inline void put_string(std::string& out, std::string_view s) {
    std::size_t n = s.size() < max_string_size ? s.size() : max_string_size;
    std::size_t head;
    if (n <= 253) {
        out.push_back(static_cast<char>(n));
        head = 1;
    } else {
        out.push_back(static_cast<char>(0xFE));
        out.push_back(static_cast<char>(n));
        out.push_back(static_cast<char>(n >> 8));
        out.push_back(static_cast<char>(n >> 16));
        head = 4;
    }
    out.append(s.data(), n);
    out.append((4 - (head + n) % 4) % 4, '\0');
}

} // namespace chatadmin::tl

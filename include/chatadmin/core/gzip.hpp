#pragma once
// One gzip member (RFC 1952) inflated with an output limit, and deflated.

#include <chatadmin/core/error.hpp>
#include <chatadmin/core/result.hpp>

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cstddef>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>

namespace chatadmin {

namespace detail {

struct inflate_stream {
    z_stream s{};
    bool open = false;
    ~inflate_stream() {
        if (open) inflateEnd(&s);
    }
};

inline unexpected<decode_error> gzip_failed(decode_errc ec, std::string message, std::size_t at) {
    message += " at byte " + std::to_string(at) + " of the gzip data";
    return unexpected{decode_error{make_error_code(ec), {}, std::move(message), at}};
}

} // namespace detail

/// Inflates exactly one gzip member. Corrupt or truncated data, a wrong CRC-32 or length,
/// bytes after the member, and output beyond `max_out` bytes are decode errors; the error's
/// offset is in `in`. The output never holds more than `max_out` bytes of memory.
inline result<std::string> gunzip(std::string_view in, std::size_t max_out) {
    if (in.size() > UINT_MAX)
        return detail::gzip_failed(decode_errc::too_large, "gzip input of " + std::to_string(in.size()) + " bytes",
                                   0);
    detail::inflate_stream z;
    if (int rc = inflateInit2(&z.s, 16 + MAX_WBITS); rc != Z_OK)
        return detail::gzip_failed(rc == Z_MEM_ERROR ? decode_errc::too_large : decode_errc::invalid_value,
                                   "gzip: inflate cannot start (" + std::string(zError(rc)) + ")", 0);
    z.open = true;
    z.s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.s.avail_in = static_cast<uInt>(in.size());

    std::string out;
    char buf[16384];
    for (;;) {
        z.s.next_out = reinterpret_cast<Bytef*>(buf);
        z.s.avail_out = sizeof buf;
        int rc = inflate(&z.s, Z_NO_FLUSH);
        const std::size_t at = in.size() - z.s.avail_in;
        const std::size_t got = sizeof buf - z.s.avail_out;
        if (got > max_out - out.size())
            return detail::gzip_failed(decode_errc::too_large,
                                       "gzip data inflates to more than " + std::to_string(max_out) + " bytes", at);
        // Grown by doubling, but never past max_out.
        if (got > out.capacity() - out.size())
            out.reserve(std::min(max_out, std::max(out.capacity() * 2, out.size() + got)));
        out.append(buf, got);
        if (rc == Z_STREAM_END) {
            if (z.s.avail_in != 0)
                return detail::gzip_failed(decode_errc::trailing_data,
                                           std::to_string(z.s.avail_in) + " bytes after the gzip member", at);
            return out;
        }
        if (rc == Z_OK) continue;
        if (rc == Z_BUF_ERROR && z.s.avail_in == 0)
            return detail::gzip_failed(decode_errc::truncated, "gzip data ends inside the member", at);
        if (rc == Z_MEM_ERROR)
            return detail::gzip_failed(decode_errc::too_large, "gzip: no memory for the inflate state", at);
        // Z_DATA_ERROR: zlib's msg names the fault ("incorrect data check" is a CRC-32 mismatch).
        std::string why = z.s.msg ? z.s.msg : "corrupt data";
        return detail::gzip_failed(decode_errc::syntax_error, "gzip data is corrupt (" + why + ")", at);
    }
}

/// One gzip member holding `in` (deflate, at zlib's `level`, 0 to 9). Throws only when
/// memory runs out or the arguments are out of range.
inline std::string gzip(std::string_view in, int level = Z_DEFAULT_COMPRESSION) {
    if (in.size() > UINT_MAX) throw std::length_error("gzip: input over 4 GiB");
    z_stream s{};
    if (int rc = deflateInit2(&s, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY); rc != Z_OK) {
        if (rc == Z_MEM_ERROR) throw std::bad_alloc();
        throw std::invalid_argument("gzip: compression level " + std::to_string(level));
    }
    std::string out(deflateBound(&s, static_cast<uLong>(in.size())), '\0');
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    s.avail_in = static_cast<uInt>(in.size());
    s.next_out = reinterpret_cast<Bytef*>(out.data());
    s.avail_out = static_cast<uInt>(out.size());
    // deflateBound leaves room for the whole member, so one Z_FINISH call completes it.
    int rc = deflate(&s, Z_FINISH);
    out.resize(s.total_out);
    deflateEnd(&s);
    if (rc != Z_STREAM_END) throw std::runtime_error("gzip: deflate did not finish");
    return out;
}

} // namespace chatadmin

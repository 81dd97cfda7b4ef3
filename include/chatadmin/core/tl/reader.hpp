#pragma once
// TL primitives read from a byte view, with a bounds check on every read.

#include <chatadmin/core/error.hpp>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace chatadmin::tl {

/// Limits a reader enforces; input beyond them is a decode error, never an allocation.
struct limits {
    std::size_t max_depth = 64;            // nested constructors and vectors
    std::size_t max_string = 1u << 24;     // bytes in one string
    std::size_t max_vector = 1u << 20;     // elements in one vector
    std::size_t max_unpacked_bytes = 1u << 24;  // gzip_packed data once inflated
};

/// "0x1cb5c415"
inline std::string hex_id(std::uint32_t id) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string s = "0x";
    for (int shift = 28; shift >= 0; shift -= 4) s.push_back(digits[(id >> shift) & 0xF]);
    return s;
}

/// A cursor over TL input. Every read either succeeds or records a decode_error
/// (with the byte offset) and returns false; the caller adds the path while unwinding.
/// The reader views its input: the bytes must outlive it.
/// The error is only built when asked for or on failure, so a reader is cheap to make.
class reader {
public:
    explicit reader(std::string_view in, limits lim = {}) : in_(in), lim_(lim) {}

    std::size_t offset() const noexcept { return pos_; }
    std::size_t remaining() const noexcept { return in_.size() - pos_; }
    const limits& limit() const noexcept { return lim_; }
    decode_error& error() noexcept {
        if (!err_) err_.emplace();
        return *err_;
    }

    /// Records an error at byte offset `at` (also named in the message) and returns false.
    bool fail(decode_errc ec, std::string message, std::size_t at) {
        message += " at byte " + std::to_string(at);
        err_.emplace(decode_error{make_error_code(ec), {}, std::move(message), at});
        return false;
    }

    // `what` names the value for the error; a plain pointer, so that a call site in a large
    // decoder does not measure the literal at run time when nothing fails.
    [[gnu::always_inline]] bool need(std::size_t n, const char* what) {
        if (remaining() >= n) [[likely]] return true;
        need_failed(n, what);
        return false;
    }
    [[gnu::noinline, gnu::cold]] void need_failed(std::size_t n, const char* what) {
        fail(decode_errc::truncated,
             "input ends inside " + std::string(what) + " (" + std::to_string(n) + " bytes needed, " +
                 std::to_string(remaining()) + " left)",
             pos_);
    }

    [[gnu::always_inline]] bool u32(std::uint32_t& v, const char* what = "int") {
        if (!need(4, what)) return false;
        v = load32(pos_);
        pos_ += 4;
        return true;
    }
    [[gnu::always_inline]] bool i32(std::int32_t& v) {
        std::uint32_t u;
        if (!u32(u)) return false;
        v = static_cast<std::int32_t>(u);
        return true;
    }
    [[gnu::always_inline]] bool i64(std::int64_t& v, const char* what = "long") {
        if (!need(8, what)) return false;
        v = static_cast<std::int64_t>(load32(pos_) | std::uint64_t(load32(pos_ + 4)) << 32);
        pos_ += 8;
        return true;
    }
    [[gnu::always_inline]] bool f64(double& v) {
        std::int64_t i;
        if (!i64(i, "double")) return false;
        v = std::bit_cast<double>(i);
        return true;
    }
    bool raw(void* p, std::size_t n) {
        if (!need(n, "int128/int256")) return false;
        std::memcpy(p, in_.data() + pos_, n);
        pos_ += n;
        return true;
    }

    /// TL `string` / `bytes`, short or long form. Padding bytes are not checked.
    [[gnu::always_inline]] bool str(std::string& s) {
        if (!need(1, "string length")) return false;
        const std::size_t len = byte(pos_);
        if (len >= 254) [[unlikely]] return long_str(s);
        // The short form: a length byte, the bytes, padding to a multiple of 4.
        const std::size_t total = (len + 4) & ~std::size_t(3);
        if (len > lim_.max_string || total > remaining()) [[unlikely]] {
            string_failed(pos_, len, len > lim_.max_string);
            return false;
        }
        s.assign(in_.data() + pos_ + 1, len);
        pos_ += total;
        return true;
    }

    /// Counts nesting; false (too_deep) beyond limits::max_depth.
    [[gnu::always_inline]] bool enter() {
        if (++depth_ <= lim_.max_depth) [[likely]] return true;
        too_deep();
        return false;
    }
    void leave() noexcept { --depth_; }
    /// The check of enter() for a value that enters nothing further (so has nothing to leave).
    [[gnu::always_inline]] bool enter_leaf() {
        if (depth_ < lim_.max_depth) [[likely]] return true;
        too_deep();
        return false;
    }

private:
    // The long form (0xFE and a 3-byte length) and the invalid marker 0xFF.
    [[gnu::noinline]] bool long_str(std::string& s) {
        const std::size_t start = pos_;
        if (byte(pos_) != 254) {
            bad_marker(start);
            return false;
        }
        if (!need(4, "string length")) return false;
        const std::size_t len =
            byte(pos_ + 1) | std::size_t(byte(pos_ + 2)) << 8 | std::size_t(byte(pos_ + 3)) << 16;
        if (len > lim_.max_string) {
            string_failed(start, len, true);
            return false;
        }
        const std::size_t total = (len + 7) & ~std::size_t(3);
        if (total > remaining()) {
            string_failed(start, len, false);
            return false;
        }
        s.assign(in_.data() + pos_ + 4, len);
        pos_ += total;
        return true;
    }

    [[gnu::noinline, gnu::cold]] void bad_marker(std::size_t start) {
        fail(decode_errc::invalid_value, "string length marker 0xff is not standard TL", start);
    }
    [[gnu::noinline, gnu::cold]] void too_deep() {
        fail(decode_errc::too_deep, "nesting deeper than " + std::to_string(lim_.max_depth), pos_);
    }
    [[gnu::noinline, gnu::cold]] void string_failed(std::size_t start, std::size_t len, bool too_large) {
        if (too_large)
            fail(decode_errc::too_large,
                 "string of " + std::to_string(len) + " bytes exceeds the limit of " + std::to_string(lim_.max_string),
                 start);
        else
            fail(decode_errc::truncated,
                 "string of " + std::to_string(len) + " bytes runs past the end of the input (" +
                     std::to_string(remaining()) + " bytes left)",
                 start);
    }

    unsigned char byte(std::size_t i) const { return static_cast<unsigned char>(in_[i]); }
    std::uint32_t load32(std::size_t i) const {
        if constexpr (std::endian::native == std::endian::little) {
            std::uint32_t v;
            std::memcpy(&v, in_.data() + i, 4);
            return v;
        } else {
            return byte(i) | std::uint32_t(byte(i + 1)) << 8 | std::uint32_t(byte(i + 2)) << 16 |
                   std::uint32_t(byte(i + 3)) << 24;
        }
    }

    std::string_view in_;
    std::size_t pos_ = 0;
    std::size_t depth_ = 0;
    limits lim_;
    std::optional<decode_error> err_;
};

} // namespace chatadmin::tl

#pragma once
// Decoding a method's answer: its result type, or an rpc_error; either may come gzip_packed.

#include <chatadmin/core/gzip.hpp>
#include <chatadmin/core/result.hpp>
#include <chatadmin/core/tl.hpp>
#include <chatadmin/telegram/rpc_error.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace chatadmin::telegram {

/// rpc_result#f35c6d01 req_msg_id:long result:Object = RpcResult;
inline constexpr std::uint32_t rpc_result_id = 0xf35c6d01;

/// gzip_packed#3072cfa1 packed_data:string = GzipPacked;
/// `packed_data` is one gzip member holding a serialized object.
struct gzip_packed {
    static constexpr std::uint32_t tl_id = 0x3072cfa1;
    static constexpr std::string_view tl_name = "gzip_packed";
    std::string packed_data{};
};
BOOST_DESCRIBE_STRUCT(gzip_packed, (), (packed_data))

inline constexpr std::uint32_t gzip_packed_id = gzip_packed::tl_id;

namespace detail {

template <class Method>
result<typename Method::result_type, error> decode_answer(std::string_view in, const tl::limits& lim, bool packed) {
    tl::reader r(in, lim);
    auto word = [&](std::size_t at) -> std::uint32_t {
        if (in.size() < at + 4) return 0;
        auto b = [&](std::size_t i) { return std::uint32_t(static_cast<unsigned char>(in[at + i])); };
        return b(0) | b(1) << 8 | b(2) << 16 | b(3) << 24;
    };
    auto failed = [&] { return unexpected{error{std::move(r.error())}}; };
    auto at_end = [&] {
        if (r.remaining() == 0) return true;
        return r.fail(decode_errc::trailing_data, std::to_string(r.remaining()) + " bytes after the value",
                      r.offset());
    };
    if (word(0) == rpc_result_id) {
        std::uint32_t id{};
        std::int64_t req_msg_id{};
        if (!r.u32(id) || !r.i64(req_msg_id)) return failed();
    }
    std::uint32_t id = word(r.offset());
    if (id == gzip_packed::tl_id) {
        if (packed) {
            r.fail(decode_errc::unexpected_type, "gzip_packed inside gzip_packed", r.offset());
            return failed();
        }
        gzip_packed g{};
        std::size_t at = r.offset() + 4;
        if (!tl::read_value(r, g) || !at_end()) return failed();
        at += static_cast<unsigned char>(in[at]) < 254 ? 1 : 4;   // the string's length prefix
        auto unpacked = gunzip(g.packed_data, lim.max_unpacked_bytes);
        if (!unpacked) {
            decode_error& e = unpacked.error();
            e.offset += at;
            e.prepend_key("packed_data");
            e.prepend_key(gzip_packed::tl_name);
            return unexpected{error{std::move(e)}};
        }
        auto v = decode_answer<Method>(*unpacked, lim, true);
        // Offsets inside the unpacked bytes would point past `in`: the error keeps the
        // unpacked offset in its message and points at the packed data.
        if (!v && v.error().decode()) {
            auto& e = std::get<decode_error>(v.error().what);
            e.message += " of the unpacked data";
            e.offset = at;
            e.prepend_key(gzip_packed::tl_name);
        }
        return v;
    }
    if (id == rpc_error::tl_id) {
        rpc_error e{};
        if (!tl::read_value(r, e) || !at_end()) return failed();
        return unexpected{error{api_error::from(std::move(e))}};
    }
    typename Method::result_type v{};
    if (!tl::read_value(r, v) || !at_end()) return failed();
    return v;
}

} // namespace detail

/// Decodes the answer to Method: a `Method::result_type`, or `rpc_error` turned into an
/// api_error. An `rpc_result` wrapper is accepted and unwrapped (its req_msg_id is not
/// checked here). A `gzip_packed` answer, bare or as the rpc_result's result, is inflated
/// (at most `lim.max_unpacked_bytes`) and decoded the same way; a decode error inside it
/// has a path starting with "gzip_packed".
template <class Method>
result<typename Method::result_type, error> decode_response(std::string_view in, tl::limits lim = {}) {
    return detail::decode_answer<Method>(in, lim, false);
}

} // namespace chatadmin::telegram

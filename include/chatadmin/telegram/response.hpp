#pragma once
// Decoding a method's answer: its result type, or an rpc_error.

#include <chatadmin/core/result.hpp>
#include <chatadmin/core/tl.hpp>
#include <chatadmin/telegram/rpc_error.hpp>

#include <cstdint>
#include <string_view>

namespace chatadmin::telegram {

/// rpc_result#f35c6d01 req_msg_id:long result:Object = RpcResult;
inline constexpr std::uint32_t rpc_result_id = 0xf35c6d01;
/// gzip_packed#3072cfa1 packed_data:string = GzipPacked;
inline constexpr std::uint32_t gzip_packed_id = 0x3072cfa1;

/// Decodes the answer to Method: a `Method::result_type`, or `rpc_error` turned into an
/// api_error. An `rpc_result` wrapper is accepted and unwrapped (its req_msg_id is not
/// checked here); gzip_packed is reported as a decode error, as this library has no zlib.
template <class Method>
result<typename Method::result_type, error> decode_response(std::string_view in, tl::limits lim = {}) {
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
    if (id == gzip_packed_id) {
        r.fail(decode_errc::unexpected_type, "gzip_packed answers are not supported", r.offset());
        return failed();
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

} // namespace chatadmin::telegram

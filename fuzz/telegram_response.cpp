// Telegram answers to channels.editAdmin: the TL reader on every `Updates` constructor and
// on rpc_error (bare, inside rpc_result, gzip_packed), under the default and under tight limits.
// Round trips: a decoded Updates, encoded and decoded again, encodes to the same bytes
// (the first encoding may differ from the input: unknown flag bits and padding are not
// kept), also when the encoding is sent gzip_packed; a decoded rpc_error encoded again
// gives the same code and message.

#include "check.hpp"

#include <chatadmin/core/gzip.hpp>
#include <chatadmin/telegram.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

namespace tg = chatadmin::telegram;
namespace tl = chatadmin::tl;

void one(std::string_view in, tl::limits lim) {
    auto r = tg::decode_response<tg::channels::edit_admin>(in, lim);
    if (r) {
        const std::string first = tl::encode(*r);
        auto again = tg::decode_response<tg::channels::edit_admin>(first, lim);
        FUZZ_CHECK(again.has_value());
        fuzz::check_same("Updates", first, tl::encode(*again));
        std::string z = chatadmin::gzip(first);
        if (first.size() <= lim.max_unpacked_bytes && z.size() <= lim.max_string) {
            auto unpacked = tg::decode_response<tg::channels::edit_admin>(tl::encode(tg::gzip_packed{std::move(z)}), lim);
            FUZZ_CHECK(unpacked.has_value());
            fuzz::check_same("gzip_packed Updates", first, tl::encode(*unpacked));
        }
        return;
    }
    const tg::error& e = r.error();
    FUZZ_CHECK(static_cast<bool>(e.ec()));
    (void)e.to_string();
    if (const auto* rpc = e.rpc()) {
        const std::string body = tl::encode(tg::rpc_error{rpc->error_code, rpc->error_message});
        auto again = tg::decode_response<tg::channels::edit_admin>(body, lim);
        FUZZ_CHECK(!again.has_value() && again.error().rpc());
        FUZZ_CHECK(again.error().rpc()->error_code == rpc->error_code);
        FUZZ_CHECK(again.error().rpc()->error_message == rpc->error_message);
        FUZZ_CHECK(again.error().rpc()->code == rpc->code);
    } else {
        FUZZ_CHECK(e.decode()->offset <= in.size());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    one(in, {});
    one(in, tl::limits{4, 64, 8, 256});
    return 0;
}

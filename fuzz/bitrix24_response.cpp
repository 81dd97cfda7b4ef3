// Bitrix24 responses: the JSON reader on the result of each of the three methods, and the
// error envelope, for any body under a success and two failure statuses.
// Round trips: a decoded success, written as the server writes it, decodes to the same
// value; a decoded error body, written again, gives the same code and texts.

#include "check.hpp"

#include <chatadmin/bitrix24.hpp>
#include <chatadmin/core/json_writer.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

namespace b24 = chatadmin::bitrix24;
using chatadmin::http_response;

template <class Method>
void one(const http_response& resp) {
    auto r = b24::parse_envelope<Method>(resp);
    if (r) {
        const std::string first = chatadmin::json::to_json(*r);
        auto again = b24::parse_envelope<Method>(http_response{200, {}, first});
        FUZZ_CHECK(again.has_value());
        fuzz::check_same(Method::method, first, chatadmin::json::to_json(*again));
        return;
    }
    const b24::error& e = r.error();
    FUZZ_CHECK(static_cast<bool>(e.code));
    (void)e.description.size();
    if (e.decode) return;  // not an error body
    auto body = chatadmin::json::to_json(b24::error_body{e.raw_code, e.description});
    auto again = b24::parse_envelope<Method>(http_response{resp.status, {}, body});
    FUZZ_CHECK(!again.has_value());
    FUZZ_CHECK(again.error().raw_code == e.raw_code);
    FUZZ_CHECK(again.error().description == e.description);
    FUZZ_CHECK(again.error().code == e.code);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string body(reinterpret_cast<const char*>(data), size);
    for (int status : {200, 400, 503}) {
        http_response resp{status, {{"Content-Type", "application/json"}, {"Retry-After", "2"}}, body};
        one<b24::imbot::chat::set_manager>(resp);
        one<b24::sonet_group::user::update>(resp);
        one<b24::im::department::managers::get>(resp);
        for (bool user_data : {false, true}) {
            b24::im::department::managers::get call{};
            call.USER_DATA = user_data;
            auto r = b24::parse_response(call, resp);
            if (r) FUZZ_CHECK(r->index() == call.result_index() || !std::visit([](const auto& m) { return m.empty(); }, *r));
        }
    }
    return 0;
}

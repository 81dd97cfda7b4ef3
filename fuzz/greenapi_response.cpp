// Green API responses: setGroupAdmin results and every documented error body (JSON or
// text, with HTTP 200 or the error's own status). Properties: a failure never reveals the
// instance token; a success written again decodes to the same value.

#include "check.hpp"

#include <chatadmin/core/json_writer.hpp>
#include <chatadmin/greenapi.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

namespace ga = chatadmin::greenapi;
using chatadmin::http_response;

// The token of the golden validation body, so the seeds exercise its redaction.
constexpr std::string_view token = "d75b3a66374942c5b3c019c698abc2067e151558acbd451234";

bool reveals(const std::string& s) { return s.find(token) != std::string::npos; }

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string body(reinterpret_cast<const char*>(data), size);
    for (int status : {200, 400, 401, 429, 466, 502}) {
        for (std::string_view type : {ga::json_type, ga::text_type}) {
            http_response resp{status, {{"Content-Type", std::string(type)}, {"Retry-After", "7"}}, body};
            auto r = ga::parse_response(resp, token);
            if (r) {
                FUZZ_CHECK(r->set_group_admin && !r->error);
                const std::string first = chatadmin::json::to_json(*r);
                auto again = ga::parse_response(http_response{200, {}, first});
                FUZZ_CHECK(again.has_value() && *again == *r);
                continue;
            }
            const ga::error& e = r.error();
            FUZZ_CHECK(static_cast<bool>(e.code));
            FUZZ_CHECK(!reveals(e.id) && !reveals(e.detail));
            if (e.validation) {
                FUZZ_CHECK(!reveals(e.validation->path) && !reveals(e.validation->message));
            }
            (void)e.retryable();
        }
    }
    return 0;
}

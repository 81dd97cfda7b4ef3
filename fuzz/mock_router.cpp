// The mock's request handling without sockets: the input is raw HTTP/1.1 bytes, one or
// more pipelined requests (a body runs for Content-Length bytes, or to the end of the
// input), each dispatched through the router and its handlers on a fresh default world.
// Properties: every answer has a valid status and, when it says JSON, a well-formed JSON
// body; the journal stays well-formed; the world after the requests still round-trips
// through its JSON form.

#include "check.hpp"

#include "router.hpp"
#include "world.hpp"

#include <boost/json/parse.hpp>

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace {

using namespace chatadmin;

std::optional<std::string_view> take_line(std::string_view& in) {
    auto nl = in.find('\n');
    if (nl == std::string_view::npos) return std::nullopt;
    std::string_view line = in.substr(0, nl);
    in.remove_prefix(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

// One request from the front of `in`; nullopt when the bytes are not a request line and headers.
std::optional<http_request> parse_one(std::string_view& in) {
    auto line = take_line(in);
    if (!line) return std::nullopt;
    auto sp1 = line->find(' ');
    if (sp1 == std::string_view::npos || sp1 == 0) return std::nullopt;
    http_request req;
    req.method = std::string(line->substr(0, sp1));
    std::string_view rest = line->substr(sp1 + 1);
    req.target = std::string(rest.substr(0, rest.find(' ')));
    std::optional<std::size_t> length;
    for (;;) {
        auto h = take_line(in);
        if (!h) return std::nullopt;
        if (h->empty()) break;
        auto colon = h->find(':');
        if (colon == std::string_view::npos) return std::nullopt;
        std::string_view name = h->substr(0, colon), value = h->substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        req.headers.emplace_back(std::string(name), std::string(value));
        std::size_t n = 0;
        if (detail::iequals(name, "Content-Length") &&
            std::from_chars(value.data(), value.data() + value.size(), n).ec == std::errc())
            length = n;
    }
    const std::size_t n = length ? std::min(*length, in.size()) : in.size();
    req.body = std::string(in.substr(0, n));
    in.remove_prefix(n);
    return req;
}

bool says_json(const http_response& r) {
    auto t = r.header("Content-Type");
    return t && t->find("json") != std::string_view::npos;
}

bool well_formed_json(std::string_view text) {
    boost::system::error_code ec;
    (void)boost::json::parse(text, ec);
    return !ec;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const mock::world initial = mock::default_world();
    std::string_view in(reinterpret_cast<const char*>(data), size);
    mock::router r(initial, mock::router_options{false, 4096, std::chrono::milliseconds(60000)});
    for (int i = 0; i < 16 && !in.empty(); ++i) {
        auto req = parse_one(in);
        if (!req) break;
        mock::outcome out = r.dispatch(*req);
        FUZZ_CHECK(out.response.status >= 100 && out.response.status <= 599);
        FUZZ_CHECK(out.delay.count() >= 0 && out.delay.count() <= 60000);
        if (says_json(out.response)) FUZZ_CHECK(well_formed_json(out.response.body));
    }
    auto journal = r.handle(http_request{"GET", "/__admin/journal", {}, {}, {}});
    FUZZ_CHECK(journal.status == 200 && well_formed_json(journal.body));
    const std::string text = mock::world_to_json(r.snapshot());
    auto again = mock::parse_world(text);
    FUZZ_CHECK(again.has_value());
    fuzz::check_same("world", text, mock::world_to_json(*again));
    return 0;
}

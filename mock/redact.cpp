#include "redact.hpp"

#include <chatadmin/core/http.hpp>

#include <boost/json.hpp>

namespace chatadmin::mock {

bool is_secret_key(std::string_view key) {
    static constexpr std::string_view secrets[] = {"auth", "access_token", "refresh_token", "client_secret",
                                                   "bottoken", "apitokeninstance", "token", "password"};
    for (auto s : secrets)
        if (detail::iequals(key, s)) return true;
    return false;
}

namespace {
void walk(boost::json::value& v) {
    if (auto* o = v.if_object()) {
        for (auto& kv : *o) {
            if (is_secret_key(kv.key()) && kv.value().is_string())
                kv.value() = redact(std::string_view(kv.value().get_string()));
            else walk(kv.value());
        }
    } else if (auto* a = v.if_array()) {
        for (auto& e : *a) walk(e);
    }
}
} // namespace

std::string redact_params(std::string_view text) {
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(text, ec);
    if (ec) return boost::json::serialize(boost::json::value(std::string(text.substr(0, 256))));
    walk(v);
    return boost::json::serialize(v);
}

} // namespace chatadmin::mock

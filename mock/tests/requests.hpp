#pragma once
// Requests as the router sees them, for the socket-free mock tests.

#include <chatadmin/core/http.hpp>

#include <string>

namespace mock_requests {

inline chatadmin::http_request post(std::string target, std::string body, std::string type = "application/json") {
    chatadmin::http_request r;
    r.method = "POST";
    r.target = std::move(target);
    r.body = std::move(body);
    r.headers.emplace_back("Content-Type", std::move(type));
    return r;
}

inline chatadmin::http_request get(std::string target) {
    chatadmin::http_request r;
    r.method = "GET";
    r.target = std::move(target);
    return r;
}

} // namespace mock_requests

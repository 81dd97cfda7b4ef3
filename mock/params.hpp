#pragma once
// Request parameters as the platforms' PHP/Node servers see them: the query string and
// the body (JSON or form-encoded) merged into one JSON object text, which the library's
// JSON reader then reads into request types.

#include <chatadmin/core/http.hpp>
#include <chatadmin/core/result.hpp>

#include <string>
#include <string_view>

namespace chatadmin::mock {

struct params_options {
    bool upper_case_keys = false;   ///< fold top-level keys to upper case (PHP array_change_key_case)
    bool query = true;              ///< merge the query string in (body keys win)
};

/// The merged parameters as a JSON object text. A body that is neither valid JSON nor a
/// valid form is a decode_error saying which and where.
result<std::string> merged_params(const http_request& req, std::string_view query, params_options opts = {});

/// True when the Content-Type says JSON, or, with none, the body looks like a JSON object.
bool is_json_body(const http_request& req);

} // namespace chatadmin::mock

#pragma once
// Secret-free copies of parameters, for the journal.

#include <string>
#include <string_view>

namespace chatadmin::mock {

/// True for parameter names that carry secrets (auth, tokens, client secrets).
bool is_secret_key(std::string_view key);

/// The JSON text with the string value of every secret key (at any depth) redacted.
/// Text that is not JSON is returned as a JSON string of its redacted form.
std::string redact_params(std::string_view json_text);

} // namespace chatadmin::mock

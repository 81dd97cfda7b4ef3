#pragma once
// A self-signed certificate for --tls, generated at start with OpenSSL's C API.

#include <string>

namespace chatadmin::mock {

struct cert_files {
    std::string cert_path;
    std::string key_path;
};

/// Writes a fresh RSA-2048 key and a self-signed certificate for CN=localhost
/// (subjectAltName DNS:localhost, IP:127.0.0.1, valid one year) into `dir`.
/// Throws std::runtime_error on failure.
cert_files make_self_signed(const std::string& dir);

} // namespace chatadmin::mock

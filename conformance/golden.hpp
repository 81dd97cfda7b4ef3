#pragma once
// Helpers for golden tests: documented bodies kept verbatim in conformance/golden/.

#include <boost/json.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace golden {

/// The bytes of conformance/golden/<relative>, exactly as stored.
inline std::string read(std::string_view relative) {
    std::string path = std::string(CHATADMIN_GOLDEN_DIR) + "/" + std::string(relative);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("golden file not found: " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// The stored body without the final newline an editor may add.
inline std::string read_body(std::string_view relative) {
    std::string s = read(relative);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
}

/// True when both texts are the same JSON value (key order and spacing aside).
inline bool json_equal(std::string_view a, std::string_view b) {
    return boost::json::parse(a) == boost::json::parse(b);
}

} // namespace golden

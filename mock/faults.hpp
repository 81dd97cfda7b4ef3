#pragma once
// Fault rules (POST /__admin/faults): the next `count` requests calling `method` get an
// error, a delay, or a dropped connection.

#include <boost/describe/class.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chatadmin::mock {

struct fault_rule {
    std::string method = "*";            ///< API method, case-insensitive; "*" matches every request
    std::int64_t count = 1;              ///< requests it applies to; then it is removed
    std::optional<std::string> error;    ///< as X-Mock-Error
    std::optional<std::int64_t> delay_ms;
    bool drop = false;                   ///< close the connection without an answer
};
BOOST_DESCRIBE_STRUCT(fault_rule, (), (method, count, error, delay_ms, drop))
constexpr bool wire_optional(const fault_rule*, std::string_view) { return true; }

/// The rules in force, first match wins.
class fault_list {
public:
    void add(fault_rule r) { if (r.count > 0) rules_.push_back(std::move(r)); }
    void clear() { rules_.clear(); }
    const std::vector<fault_rule>& rules() const { return rules_; }

    /// The rule for a request calling `method`, consumed once; nullopt when none matches.
    std::optional<fault_rule> take(std::string_view method) {
        for (auto it = rules_.begin(); it != rules_.end(); ++it) {
            if (it->method != "*" && !iequal(it->method, method)) continue;
            fault_rule r = *it;
            if (--it->count <= 0) rules_.erase(it);
            return r;
        }
        return std::nullopt;
    }

private:
    static bool iequal(std::string_view a, std::string_view b) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            char x = a[i], y = b[i];
            if (x >= 'A' && x <= 'Z') x = char(x - 'A' + 'a');
            if (y >= 'A' && y <= 'Z') y = char(y - 'A' + 'a');
            if (x != y) return false;
        }
        return true;
    }
    std::vector<fault_rule> rules_;
};

} // namespace chatadmin::mock

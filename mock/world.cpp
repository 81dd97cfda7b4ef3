#include "world.hpp"

#include <chatadmin/core/json_reader.hpp>
#include <chatadmin/core/json_writer.hpp>

#include <stdexcept>

namespace chatadmin::mock {

namespace embedded {
extern const char default_world[];
}

std::string_view default_world_json() { return embedded::default_world; }

world default_world() {
    auto w = parse_world(default_world_json());
    if (!w) throw std::logic_error("embedded world does not parse: " + w.error().to_string());
    return std::move(*w);
}

result<world> parse_world(std::string_view text) {
    json::read_options o;
    o.allow_unknown_members = false;
    return json::from_json<world>(text, o);
}

std::string world_to_json(const world& w) { return json::to_json(w); }

} // namespace chatadmin::mock

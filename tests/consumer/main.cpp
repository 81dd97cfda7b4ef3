// A user's program: includes the umbrella header, encodes and decodes one value.
#include <chatadmin/chatadmin.hpp>

#include <boost/describe.hpp>

#include <cstdio>
#include <string>

struct ping {
    int id = 0;
    std::string text;
};
BOOST_DESCRIBE_STRUCT(ping, (), (id, text))

int main() {
    std::string json = chatadmin::json::to_json(ping{7, "hi"});
    auto back = chatadmin::json::from_json<ping>(json);
    if (json != R"({"id":7,"text":"hi"})" || !back || back->id != 7) {
        std::fprintf(stderr, "consumer: unexpected %s\n", json.c_str());
        return 1;
    }
    std::puts(json.c_str());
    return 0;
}
